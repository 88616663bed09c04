"""Parse one Markdown page into typed records plus the diagnostics found on the way.

Nothing here raises for a content mistake: every problem becomes a diagnostic.
"""

from __future__ import annotations

import re

from .citations import citation_errors, find_citations
from .diagnostics import Diagnostic
from .fields import FieldReader, strings
from .inputs import block_misplaced, check_page_text
from .model import (
    Agenda,
    AgendaBlock,
    ChecklistItem,
    Citation,
    Cue,
    Objective,
    ObserverCue,
    Option,
    Page,
    Phase,
    Question,
    Role,
    RolePlay,
    ScriptLine,
)
from .rules import VAGUE_VERBS
from .safety import check_markup, description_quotes
from .source import (
    Block,
    admonition_lines,
    count_admonitions,
    count_words,
    find_blocks,
    prose_text,
    split_front_matter,
)
from .yamlsrc import LineList, LineMap, YamlError, load_yaml

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
LEVELS = ("Introductory", "Intermediate", "Advanced")
ROLE_KINDS = ("therapist", "partner", "observer")
SETTINGS = ("room", "video")
# Keys MkDocs and Material understand in front matter; allowed on every page.
PAGE_KEYS = ("title", "description", "hide", "template", "search", "icon", "status", "subtitle", "tags")
MODULE_KEYS = ("id", "minutes", "level", "reviewed", "objectives")
PART_KEYS = ("module", "minutes", "reviewed")
QUESTION_KEYS = ("id", "objective", "type", "prompt", "options", "source")
OPTION_KEYS = ("text", "correct", "rationale")
ROLEPLAY_KEYS = (
    "id", "technique", "objectives", "setting", "minutes", "couple", "content_notes", "plan",
    "roles", "opening", "cues", "facilitator_notes", "pause_and_stop", "debrief",
    "observer_checklist", "observer_cues",
)
ROLEPLAY_REQUIRED = tuple(k for k in ROLEPLAY_KEYS if k not in ("cues", "observer_cues"))
AGENDA_KEYS = ("id", "title", "minutes", "blocks")
POSTTEST_KEYS = ("posttest", "pass_mark")
DEFAULT_PASS_MARK = 75  # the usual standard for home-study continuing-education post-tests
_VAGUE = re.compile(r"\b(" + "|".join(re.escape(v) for v in VAGUE_VERBS) + r")\b", re.IGNORECASE)


def parse_page(path: str, src_uri: str, source: str) -> tuple[Page, list[Diagnostic]]:
    reader = FieldReader(path)
    page = Page(path=path, src_uri=src_uri)
    source = source.replace("\r\n", "\n")
    front, used = split_front_matter(source)
    meta: LineMap | None = None
    if front is not None and not front.closed:
        reader.report("front-matter", 1, "Front matter opened on line 1 is never closed.")
    elif front is not None:
        meta = _load(reader, front.text, front.first_line, "front matter")
    if meta is not None:
        _read_front_matter(reader, page, meta)

    lines = source.split("\n")
    body = "\n".join(lines[used:])
    body_first = used + 1
    first_blocks: dict[str, int] = {}
    for block in find_blocks(body, body_first):
        if not block_misplaced(reader, page, block, first_blocks):
            _read_block(reader, page, block)
    check_page_text(reader, body, body_first)

    page.citations += [Citation(key, line) for key, line in find_citations(body, body_first)]
    page.words = count_words(body)
    page.prose = prose_text(body)
    page.reflections = count_admonitions(body, "reflection")
    for index, nested in admonition_lines(body, "instructor"):
        if nested:
            reader.report("instructor-note-nested", index + body_first,
                          "An instructor note is nested inside a list or another block.")
    for found in check_markup(prose_text(body)):  # headings and admonition titles included
        reader.report(found.rule, found.line + body_first, found.detail)
    return page, reader.diagnostics


def _load(reader: FieldReader, text: str, first_line: int, where: str) -> LineMap | None:
    try:
        data = load_yaml(text, first_line)
    except YamlError as error:
        reader.report(error.rule, error.line, error.describe(where))
        return None
    return reader.mapping(data, first_line, where)


def _read_front_matter(reader: FieldReader, page: Page, meta: LineMap) -> None:
    page.title = reader.text(meta, "title", "front matter")
    reader.check_safe(meta, meta.line)  # the title and objectives are author text too
    description = meta.get("description")
    if isinstance(description, str) and description_quotes(description):
        reader.report("unsafe-html", meta.line_of("description"),
                      "The front matter 'description' holds '\"', '<' or '>', which the theme "
                      "writes unescaped into the page's <meta> attribute.")
    if meta.get("posttest") is True:
        page.kind = "posttest"
        reader.keys(meta, "post-test front matter", PAGE_KEYS + POSTTEST_KEYS)
        page.pass_mark = reader.integer(meta, "pass_mark", "post-test front matter") or DEFAULT_PASS_MARK
        if page.pass_mark > 100:
            reader.report("wrong-type", meta.line_of("pass_mark"),
                          f"'pass_mark' must be a percentage from 1 to 100, not {page.pass_mark}.")
        return
    if "id" in meta:
        page.kind = "module"
        where = "module front matter"
        reader.keys(meta, where, PAGE_KEYS + MODULE_KEYS, ("title", "level", "objectives"))
        page.module_id = reader.text(meta, "id", where)
        page.module_line = meta.line_of("id")
        # An id that is not text is reported once, as such; checking it (and the objectives' ids
        # against it) again would only add knock-on errors.
        id_is_text = not isinstance(meta["id"], (LineMap, LineList, bool))
        if id_is_text and not ID.match(page.module_id):
            reader.report("module-id", page.module_line, f"Module id '{page.module_id}' is malformed.")
        page.level = reader.text(meta, "level", where)
        if page.level and page.level not in LEVELS:
            reader.report("module-level", meta.line_of("level"), f"Level '{page.level}' is not allowed.")
        page.objectives = _read_objectives(reader, meta, page.module_id if id_is_text else None)
    elif "module" in meta:
        page.kind = "part"
        where = "module part front matter"
        reader.keys(meta, where, PAGE_KEYS + PART_KEYS, ("title",))
        page.module_id = reader.text(meta, "module", where)
        page.module_line = meta.line_of("module")
    else:
        return
    page.minutes = reader.integer(meta, "minutes", where, "module-minutes")
    page.minutes_line = meta.line_of("minutes")
    if "minutes" not in meta:
        reader.report("module-minutes", meta.line, f"The {where} declares no 'minutes'.")
    page.reviewed = reader.date(meta, "reviewed", where, "module-reviewed")


def _read_objectives(reader: FieldReader, meta: LineMap, module_id: str | None) -> list[Objective]:
    """The module's objectives; their ids are checked against `module_id` unless it is None."""
    objectives = []
    for item, line in reader.items(meta, "objectives", "module front matter"):
        data = reader.mapping(item, line, "an objective")
        if data is None:
            continue
        reader.keys(data, "an objective", ("id", "text"), ("id", "text"))
        objective = Objective(reader.text(data, "id", "an objective"),
                              reader.text(data, "text", "an objective"), line)
        if module_id is not None and objective.id and not (
                ID.match(objective.id) and objective.id.startswith(f"{module_id}-")):
            reader.report("objective-id", line,
                          f"Objective id '{objective.id}' must start with '{module_id}-'.")
        if vague := _VAGUE.search(objective.text):
            reader.report("objective-verb", line,
                          f"Objective '{objective.id}' uses '{vague.group(1)}', which cannot be observed.")
        objectives.append(objective)
    return objectives


def _read_block(reader: FieldReader, page: Page, block: Block) -> None:
    if not block.closed:
        reader.report("unclosed-block", block.start, f"The ```{block.kind} block is never closed.")
        return
    if block.indented:
        reader.report("block-indented", block.start, f"The ```{block.kind} block is indented.")
        return
    readers = {"question": _read_question, "roleplay": _read_roleplay, "agenda": _read_agenda}
    if block.kind not in readers:
        return  # generated blocks carry no data
    data = _load(reader, block.body, block.body_first_line, f"the {block.kind} block")
    if data is None:
        return
    reader.check_safe(data, data.line)
    if block.kind == "roleplay":  # role-play text may cite sources too
        for text, line in strings(data, data.line):
            page.citations += [Citation(key, line) for key, _ in find_citations(text)]
            for _, detail in citation_errors(text):
                reader.report("citation-syntax", line, detail)
    readers[block.kind](reader, page, data, block.start)


def _read_question(reader: FieldReader, page: Page, data: LineMap, line: int) -> None:
    qid = reader.text(data, "id", "a question")
    where = f"question '{qid}'" if qid else "a question"
    reader.keys(data, where, QUESTION_KEYS, ("id", "objective", "prompt", "options"))
    if qid and not ID.match(qid):
        reader.report("question-id", data.line_of("id"), f"Question id '{qid}' is malformed.")
    qtype = reader.text(data, "type", where) or "single"
    if qtype not in ("single", "multiple"):
        reader.report("question-type", data.line_of("type"), f"Type '{qtype}' of {where} is not allowed.")
    options = []
    for item, item_line in reader.items(data, "options", where):
        option = reader.mapping(item, item_line, f"an option of {where}")
        if option is None:
            continue
        reader.keys(option, f"an option of {where}", OPTION_KEYS, ("text",))
        options.append(Option(
            reader.text(option, "text", where),
            reader.boolean(option, "correct", where),
            reader.text(option, "rationale", where),
            item_line,
        ))
    question = Question(
        qid, reader.text(data, "objective", where), qtype, reader.text(data, "prompt", where),
        tuple(options), reader.text(data, "source", where) or None, line,
    )
    if question.source:
        page.citations.append(Citation(question.source, data.line_of("source")))
    _check_question(reader, question, data.line_of("options"), where)
    page.questions.append(question)


def _check_question(reader: FieldReader, question: Question, options_line: int, where: str) -> None:
    options = question.options
    if not 3 <= len(options) <= 6:
        reader.report("question-option-count", options_line,
                      f"{where.capitalize()} has {len(options)} options.")
    correct = [o for o in options if o.correct]
    if options and not correct:
        reader.report("question-no-correct", options_line, f"{where.capitalize()} has no correct option.")
    if question.type == "single" and len(correct) > 1:
        reader.report("question-several-correct", correct[1].line,
                      f"{where.capitalize()} is single-answer but has {len(correct)} correct options.")
    seen: set[str] = set()
    for option in options:
        normalised = " ".join(option.text.lower().split())
        if normalised and normalised in seen:
            reader.report("question-duplicate-option", option.line,
                          f"Option '{option.text}' appears twice in {where}.")
        seen.add(normalised)
        if not option.rationale:
            reader.report("question-missing-rationale", option.line,
                          f"Option '{option.text}' of {where} has no rationale.")


def _read_roleplay(reader: FieldReader, page: Page, data: LineMap, line: int) -> None:
    rid = reader.text(data, "id", "the role-play")
    where = f"role-play '{rid}'" if rid else "the role-play"
    reader.keys(data, where, ROLEPLAY_KEYS, ROLEPLAY_REQUIRED)
    if rid and not ID.match(rid):
        reader.report("roleplay-id", data.line_of("id"), f"Role-play id '{rid}' is malformed.")
    setting = reader.text(data, "setting", where)
    if setting and setting not in SETTINGS:
        reader.report("roleplay-setting", data.line_of("setting"), f"Setting '{setting}' is not allowed.")
    objectives = tuple(
        (str(item), item_line) for item, item_line in reader.items(data, "objectives", where)
    )
    minutes = reader.integer(data, "minutes", where) or 0
    plan = tuple(
        Phase(reader.text(m, "phase", "a phase"), reader.integer(m, "minutes", "a phase") or 0,
              reader.text(m, "activity", "a phase"), item_line)
        for m, item_line in _mappings(reader, data, "plan", where, ("phase", "minutes", "activity"),
                                      ("phase", "minutes"))
    )
    if plan and minutes and sum(p.minutes for p in plan) != minutes:
        total = " + ".join(str(p.minutes) for p in plan)
        reader.report("roleplay-minutes", data.line_of("plan"),
                      f"The plan's phases add up to {total} = {sum(p.minutes for p in plan)}, "
                      f"not the declared {minutes} minutes.")
    roles = tuple(
        Role(reader.text(m, "id", "a role"), reader.text(m, "kind", "a role"),
             reader.text(m, "name", "a role"), reader.text(m, "brief", "a role"),
             reader.text(m, "unspoken", "a role"), item_line)
        for m, item_line in _mappings(reader, data, "roles", where,
                                      ("id", "kind", "name", "brief", "unspoken"), ("id", "kind", "name"))
    )
    _check_roles(reader, roles, data.line_of("roles"), where)
    opening = tuple(
        ScriptLine(reader.text(m, "speaker", "an opening line"), reader.text(m, "line", "an opening line"),
                   reader.text(m, "direction", "an opening line"), item_line)
        for m, item_line in _mappings(reader, data, "opening", where, ("speaker", "line", "direction"),
                                      ("speaker", "line"))
    )
    role_ids = {role.id for role in roles}
    for script_line in opening:
        if script_line.speaker and script_line.speaker not in role_ids:
            reader.report("roleplay-speaker", script_line.line,
                          f"Speaker '{script_line.speaker}' is not a role of {where}.")
    cues = tuple(
        Cue(reader.text(m, "when", "a cue"), reader.text(m, "raise", "a cue"),
            reader.text(m, "lower", "a cue"), item_line, reader.text(m, "phase", "a cue"))
        for m, item_line in _mappings(reader, data, "cues", where,
                                      ("when", "raise", "lower", "phase"), ("when",))
    )
    phase_names = {phase.name for phase in plan}
    for cue in cues:
        if cue.phase and cue.phase not in phase_names:
            reader.report("roleplay-cue-phase", cue.line,
                          f"Cue names phase '{cue.phase}', which is not in the plan of {where}.")
    observer_cues = tuple(
        ObserverCue(reader.text(m, "watch", "an observer cue"),
                    reader.text(m, "prompt", "an observer cue"), item_line)
        for m, item_line in _mappings(reader, data, "observer_cues", where, ("watch", "prompt"),
                                      ("watch", "prompt"))
    )
    checklist = tuple(
        ChecklistItem(reader.text(m, "objective", "a checklist item"),
                      reader.text(m, "item", "a checklist item"), item_line)
        for m, item_line in _mappings(reader, data, "observer_checklist", where,
                                      ("objective", "item"), ("objective", "item"))
    )
    served = {objective for objective, _ in objectives}
    for item in checklist:
        if item.objective and item.objective not in served:
            reader.report("roleplay-checklist", item.line,
                          f"Checklist item is tied to '{item.objective}', which {where} does not list.")
    covered = {item.objective for item in checklist}
    for objective, objective_line in objectives:
        if checklist and objective not in covered:
            reader.report("roleplay-checklist", objective_line,
                          f"Objective '{objective}' has no observer checklist item.")
    debrief = tuple(str(item).strip() for item, _ in reader.items(data, "debrief", where))
    page.kind = "roleplay"
    page.roleplay = RolePlay(
        id=rid, technique=reader.text(data, "technique", where), objectives=objectives,
        setting=setting, minutes=minutes, couple=reader.text(data, "couple", where),
        content_notes=reader.text(data, "content_notes", where), plan=plan, roles=roles,
        opening=opening, cues=cues, facilitator_notes=reader.text(data, "facilitator_notes", where),
        pause_and_stop=reader.text(data, "pause_and_stop", where), debrief=debrief,
        observer_checklist=checklist, line=line, observer_cues=observer_cues,
    )


def _check_roles(reader: FieldReader, roles: tuple[Role, ...], line: int, where: str) -> None:
    seen: set[str] = set()
    for role in roles:
        if role.id in seen or (role.id and not ID.match(role.id)):
            reader.report("roleplay-id", role.line, f"Role id '{role.id}' is malformed or used twice.")
        seen.add(role.id)
        if role.kind and role.kind not in ROLE_KINDS:
            reader.report("roleplay-roles", role.line, f"Role kind '{role.kind}' is not allowed.")
        if not role.brief:
            reader.report("roleplay-brief", role.line, f"Role '{role.id}' has no brief.")
        elif role.kind == "partner" and not role.unspoken:
            reader.report("roleplay-brief", role.line, f"Partner '{role.id}' has no 'unspoken' part.")
    if not roles:
        return
    kinds = [role.kind for role in roles]
    if kinds.count("therapist") != 1 or kinds.count("partner") < 2 or "observer" not in kinds:
        reader.report("roleplay-roles", line,
                      f"{where.capitalize()} has {kinds.count('therapist')} therapist(s), "
                      f"{kinds.count('partner')} partner(s) and {kinds.count('observer')} observer(s).")


def _mappings(
    reader: FieldReader, data: LineMap, key: str, where: str,
    allowed: tuple[str, ...], required: tuple[str, ...],
) -> list[tuple[LineMap, int]]:
    found = []
    for item, line in reader.items(data, key, where):
        item_where = f"an item of '{key}' in {where}"
        mapping = reader.mapping(item, line, item_where)
        if mapping is not None:
            reader.keys(mapping, item_where, allowed, required)
            found.append((mapping, line))
    return found


def _read_agenda(reader: FieldReader, page: Page, data: LineMap, line: int) -> None:
    aid = reader.text(data, "id", "an agenda")
    where = f"agenda '{aid}'" if aid else "an agenda"
    reader.keys(data, where, AGENDA_KEYS, AGENDA_KEYS)
    blocks = []
    for item, item_line in reader.items(data, "blocks", where):
        mapping = reader.mapping(item, item_line, f"a block of {where}")
        if mapping is None:
            continue
        reader.keys(mapping, f"a block of {where}", ("module", "roleplay", "activity", "minutes"))
        kinds = [k for k in ("module", "roleplay", "activity") if k in mapping]
        if len(kinds) != 1:
            reader.report("yaml-shape", item_line,
                          f"A block of {where} needs exactly one of 'module', 'roleplay' or 'activity'.")
            continue
        minutes = reader.integer(mapping, "minutes", where)
        if kinds[0] == "activity" and "minutes" not in mapping:  # a bad value has its own report
            reader.report("missing-key", item_line, f"Activity block of {where} has no 'minutes'.")
        blocks.append(AgendaBlock(kinds[0], reader.text(mapping, kinds[0], where), minutes, item_line))
    page.agendas.append(Agenda(aid, reader.text(data, "title", where),
                               reader.integer(data, "minutes", where) or 0, tuple(blocks), line))

