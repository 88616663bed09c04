"""How coursekit.parse reads objectives, questions and agendas when a value has the wrong shape:
each case pins the exact `path:line: [rule] message` list (so the place named in a message, and
the line, are checked) and the records that are still read. Written against the survivors of a
mutation run over coursekit.parse."""

from __future__ import annotations

from coursetext import AGENDA, MODULE_HEAD, QUESTION_PAGE, ROLEPLAY_PAGE, vary

from coursekit.diagnostics import sort_diagnostics
from coursekit.model import Agenda, AgendaBlock, Objective, Page
from coursekit.parse import parse_page

FORM = "Write the value in the form the authoring guide shows."
SHAPE = "Write the block as 'key: value' lines; lists as '- item' lines."
ADD = "Add the key with a value."
KEYS = "Use one of the keys listed in the authoring guide."


def parse(source: str) -> tuple[Page, list[str]]:
    page, found = parse_page("docs/page.md", "page.md", source)
    return page, [d.format() for d in sort_diagnostics(found)]


# ---- objectives in module front matter ----------------------------------------------------

OBJECTIVE = "  - id: m1-o1\n    text: Describe the quiet cue.\n"


def test_objectives_that_are_not_a_list_are_reported_as_module_front_matter() -> None:
    _, found = parse(vary(MODULE_HEAD, "objectives:\n" + OBJECTIVE, "objectives: calm\n"))
    assert found == [f"docs/page.md:7: [wrong-type] 'objectives' in module front matter must be "
                     f"a list. {FORM}"]


def test_an_objective_that_is_not_a_mapping_is_reported_and_the_next_is_still_read() -> None:
    page, found = parse(vary(MODULE_HEAD, OBJECTIVE,
                             "  - calm\n  - id: m1-o1\n    text: Name the cue.\n"))
    assert found == [f"docs/page.md:8: [yaml-shape] an objective must be a mapping of 'key: value' "
                     f"lines. {SHAPE}"]
    assert page.objectives == [Objective("m1-o1", "Name the cue.", 9)]


def test_an_objective_needs_text_and_no_other_key() -> None:
    _, found = parse(vary(MODULE_HEAD, OBJECTIVE, "  - id: m1-o1\n    texts: Name the cue.\n"))
    assert found == [
        f"docs/page.md:8: [missing-key] an objective has no 'text'. {ADD}",
        f"docs/page.md:9: [unknown-key] Unknown key 'texts' in an objective. Did you mean 'text'? "
        f"{KEYS}"]


def test_an_objective_id_and_text_must_be_text() -> None:
    _, found = parse(vary(MODULE_HEAD, OBJECTIVE, "  - id: [m1-o1]\n    text: [Name]\n"))
    assert found == [f"docs/page.md:8: [wrong-type] 'id' in an objective must be text. {FORM}",
                     f"docs/page.md:9: [wrong-type] 'text' in an objective must be text. {FORM}"]


# ---- questions ------------------------------------------------------------------------------

def test_a_question_id_that_is_not_text_is_reported_as_a_question() -> None:
    _, found = parse(vary(QUESTION_PAGE, "id: m1-q\n", "id: [m1-q]\n"))
    assert found == [f"docs/page.md:8: [wrong-type] 'id' in a question must be text. {FORM}"]


def test_a_question_without_an_id_is_called_a_question() -> None:
    _, found = parse(vary(QUESTION_PAGE, "id: m1-q\n", ""))
    assert found == [f"docs/page.md:8: [missing-key] a question has no 'id'. {ADD}"]


def test_a_malformed_question_id_is_reported_on_the_id_line() -> None:
    _, found = parse(vary(QUESTION_PAGE, "id: m1-q\nobjective: m1-o1\n",
                          "objective: m1-o1\nid: M1_Q\n"))
    assert found == ["docs/page.md:9: [question-id] Question id 'M1_Q' is malformed. Give each "
                     "question a unique id in lower case with hyphens, such as 'm2-split-sides'."]


def test_question_fields_that_are_not_text_name_the_question() -> None:
    _, found = parse(vary(vary(QUESTION_PAGE, "objective: m1-o1", "objective: [m1-o1]"),
                          "type: single\nprompt: Which response is attuned?\n",
                          "type: [single]\nprompt: [Which]\nsource: [x]\n"))
    assert found == [
        f"docs/page.md:9: [wrong-type] 'objective' in question 'm1-q' must be text. {FORM}",
        f"docs/page.md:10: [wrong-type] 'type' in question 'm1-q' must be text. {FORM}",
        f"docs/page.md:11: [wrong-type] 'prompt' in question 'm1-q' must be text. {FORM}",
        f"docs/page.md:12: [wrong-type] 'source' in question 'm1-q' must be text. {FORM}"]


def test_options_that_are_not_a_list_name_the_question() -> None:
    start = QUESTION_PAGE.index("options:")
    options = QUESTION_PAGE[start:QUESTION_PAGE.index("```\n", start)]
    _, found = parse(vary(QUESTION_PAGE, options, "options: none\n"))
    assert found == [
        "docs/page.md:12: [question-option-count] Question 'm1-q' has 0 options. Give the "
        "question between 3 and 6 options.",
        f"docs/page.md:12: [wrong-type] 'options' in question 'm1-q' must be a list. {FORM}"]


def test_a_bad_option_is_reported_on_its_line_and_the_options_after_it_are_still_read() -> None:
    page, found = parse(vary(QUESTION_PAGE, "  - text: Move on.\n",
                             "  - Move on\n  - texts: Wait.\n    rationale: [It]\n"
                             "  - text: Move on.\n"))
    assert found == [
        f"docs/page.md:16: [yaml-shape] an option of question 'm1-q' must be a mapping of "
        f"'key: value' lines. {SHAPE}",
        f"docs/page.md:17: [missing-key] an option of question 'm1-q' has no 'text'. {ADD}",
        "docs/page.md:17: [question-missing-rationale] Option '' of question 'm1-q' has no "
        "rationale. Add 'rationale:' saying why the option is right, or why it is tempting and "
        "wrong.",
        f"docs/page.md:17: [unknown-key] Unknown key 'texts' in an option of question 'm1-q'. "
        f"Did you mean 'text'? {KEYS}",
        f"docs/page.md:18: [wrong-type] 'rationale' in question 'm1-q' must be text. {FORM}"]
    assert [o.text for o in page.questions[0].options] == ["Name the cue.", "", "Move on.", "Accuse."]


def test_options_that_differ_only_in_sharp_s_are_not_duplicates() -> None:
    # 'Maße' (measures) and 'Masse' (mass) are different words; upper-casing would merge them.
    _, found = parse(vary(vary(QUESTION_PAGE, "text: Move on.", "text: Maße"),
                          "text: Accuse.", "text: Masse"))
    assert found == []


# ---- agendas --------------------------------------------------------------------------------

BLOCKS = (AgendaBlock("module", "m1", None, 12), AgendaBlock("activity", "Welcome", 10, 13))


def test_a_well_formed_agenda_is_read_whole() -> None:
    page, found = parse(AGENDA)
    assert found == []
    assert page.agendas == [Agenda("short", "Short workshop", 30, BLOCKS, 7)]


def test_an_agenda_id_that_is_not_text_is_reported_as_an_agenda() -> None:
    _, found = parse(vary(AGENDA, "id: short", "id: [short]"))
    assert found == [f"docs/page.md:8: [wrong-type] 'id' in an agenda must be text. {FORM}"]


def test_an_agenda_without_an_id_is_called_an_agenda() -> None:
    _, found = parse(vary(AGENDA, "id: short\n", ""))
    assert found == [f"docs/page.md:8: [missing-key] an agenda has no 'id'. {ADD}"]


def test_an_agenda_names_itself_by_id_for_unknown_and_missing_keys() -> None:
    _, found = parse(vary(AGENDA, "title: Short workshop\n", "level: 1\n"))
    assert found == [f"docs/page.md:8: [missing-key] agenda 'short' has no 'title'. {ADD}",
                     f"docs/page.md:9: [unknown-key] Unknown key 'level' in agenda 'short'. {KEYS}"]


def test_agenda_blocks_that_are_not_a_list_are_reported() -> None:
    page, found = parse(vary(AGENDA, "blocks:\n  - module: m1\n  - activity: Welcome\n"
                                     "    minutes: 10\n", "blocks: m1\n"))
    assert found == [f"docs/page.md:11: [wrong-type] 'blocks' in agenda 'short' must be a list. {FORM}"]
    assert page.agendas[0].blocks == ()


def test_bad_agenda_blocks_are_reported_on_their_lines_and_later_blocks_are_still_read() -> None:
    page, found = parse(vary(AGENDA, "  - module: m1\n",
                             "  - m1\n  - module: m1\n  - module: m2\n    roleplay: rp\n"
                             "  - module: m3\n    minute: 2\n"))
    assert found == [
        f"docs/page.md:12: [yaml-shape] a block of agenda 'short' must be a mapping of "
        f"'key: value' lines. {SHAPE}",
        f"docs/page.md:14: [yaml-shape] A block of agenda 'short' needs exactly one of 'module', "
        f"'roleplay' or 'activity'. {SHAPE}",
        f"docs/page.md:17: [unknown-key] Unknown key 'minute' in a block of agenda 'short'. "
        f"Did you mean 'minutes'? {KEYS}"]
    assert page.agendas[0].blocks == (
        AgendaBlock("module", "m1", None, 13), AgendaBlock("module", "m3", None, 16),
        AgendaBlock("activity", "Welcome", 10, 18))


def test_an_activity_block_without_minutes_is_reported_on_its_line() -> None:
    _, found = parse(vary(AGENDA, "    minutes: 10\n", ""))
    assert found == [f"docs/page.md:13: [missing-key] Activity block of agenda 'short' has no "
                     f"'minutes'. {ADD}"]


def test_an_activity_block_with_bad_minutes_gets_one_report_not_a_missing_key_too() -> None:
    _, found = parse(vary(AGENDA, "    minutes: 10\n", "    minutes: 0\n"))
    assert found == [f"docs/page.md:14: [wrong-type] 'minutes' in agenda 'short' must be a "
                     f"positive whole number, not 0. {FORM}"]


def test_agenda_text_fields_that_are_not_text_name_the_agenda() -> None:
    page, found = parse(vary(vary(AGENDA, "module: m1", "module: [m1]"),
                             "title: Short workshop", "title: [Short]"))
    assert found == [f"docs/page.md:9: [wrong-type] 'title' in agenda 'short' must be text. {FORM}",
                     f"docs/page.md:12: [wrong-type] 'module' in agenda 'short' must be text. {FORM}"]
    assert (page.agendas[0].title, page.agendas[0].blocks[0].ref) == ("", "")


def test_an_agenda_with_bad_minutes_is_reported_and_counts_zero_minutes() -> None:
    page, found = parse(vary(AGENDA, "minutes: 30", "minutes: 0"))
    assert found == [f"docs/page.md:10: [wrong-type] 'minutes' in agenda 'short' must be a "
                     f"positive whole number, not 0. {FORM}"]
    assert page.agendas[0].minutes == 0


# ---- post-test front matter -----------------------------------------------------------------

POSTTEST = "---\ntitle: Post-test\nposttest: true\n{extra}---\n\n# Post-test\n"


def test_a_post_test_without_a_pass_mark_passes_at_75_percent() -> None:
    page, found = parse(POSTTEST.format(extra=""))
    assert (page.kind, page.pass_mark, found) == ("posttest", 75, [])


def test_a_pass_mark_of_100_is_accepted_and_101_is_not() -> None:
    page, found = parse(POSTTEST.format(extra="pass_mark: 100\n"))
    assert (page.pass_mark, found) == (100, [])
    _, found = parse(POSTTEST.format(extra="pass_mark: 101\n"))
    assert found == [f"docs/page.md:4: [wrong-type] 'pass_mark' must be a percentage from 1 to "
                     f"100, not 101. {FORM}"]


def test_post_test_front_matter_is_named_in_its_reports() -> None:
    _, found = parse(POSTTEST.format(extra="level: 1\npass_mark: [x]\n"))
    assert found == [
        f"docs/page.md:4: [unknown-key] Unknown key 'level' in post-test front matter. {KEYS}",
        f"docs/page.md:5: [wrong-type] 'pass_mark' in post-test front matter must be a positive "
        f"whole number, not ['x']. {FORM}"]


# ---- module and module-part front matter -----------------------------------------------------

def test_a_title_that_is_not_text_is_reported_as_front_matter() -> None:
    _, found = parse(vary(MODULE_HEAD, "title: Module one", "title: [x]"))
    assert found == [f"docs/page.md:3: [wrong-type] 'title' in front matter must be text. {FORM}"]


def test_a_module_id_is_located_on_its_own_line_and_a_bad_level_is_named() -> None:
    page, found = parse(vary(vary(MODULE_HEAD, "id: m1\ntitle: Module one\n",
                                  "title: Module one\nid: m1\n"),
                             "level: Introductory\n", "level: [x]\n"))
    assert found == [f"docs/page.md:5: [wrong-type] 'level' in module front matter must be text. {FORM}"]
    assert (page.module_id, page.module_line) == ("m1", 3)


def test_a_module_needs_a_level() -> None:
    _, found = parse(vary(MODULE_HEAD, "level: Introductory\n", ""))
    assert found == [f"docs/page.md:2: [missing-key] module front matter has no 'level'. {ADD}"]


def test_module_part_front_matter_is_named_in_its_reports_and_needs_a_title() -> None:
    _, found = parse("---\nmodule: m1\nminutes: 5\nlevel: 1\nreviewed: 2026-01-15\n---\n\n# Part\n")
    assert found == [
        f"docs/page.md:2: [missing-key] module part front matter has no 'title'. {ADD}",
        f"docs/page.md:4: [unknown-key] Unknown key 'level' in module part front matter. {KEYS}"]


# ---- role-play roles and lists of mappings -------------------------------------------------

def test_a_role_without_a_brief_is_reported_on_the_role() -> None:
    _, found = parse(vary(ROLEPLAY_PAGE, "    brief: Note each cue.\n", ""))
    assert found == ["docs/page.md:37: [roleplay-brief] Role 'observer' has no brief. Give every "
                     "role a 'brief:' and every partner an 'unspoken:'."]


def test_a_role_play_without_an_observer_counts_zero_observers() -> None:
    _, found = parse(vary(ROLEPLAY_PAGE, "  - id: observer\n    kind: observer\n    name: Observer\n"
                                         "    brief: Note each cue.\n", ""))
    assert found == [
        "docs/page.md:22: [roleplay-roles] Role-play 'rp-quiet' has 1 therapist(s), 2 partner(s) "
        "and 0 observer(s). Declare roles with 'kind: therapist', 'kind: partner' (two) and "
        "'kind: observer'."]


def test_a_plan_that_is_not_a_list_names_the_role_play() -> None:
    start = ROLEPLAY_PAGE.index("plan:\n")
    plan = ROLEPLAY_PAGE[start:ROLEPLAY_PAGE.index("roles:\n")]
    _, found = parse(vary(ROLEPLAY_PAGE, plan, "plan: none\n"))
    assert found == [f"docs/page.md:15: [wrong-type] 'plan' in role-play 'rp-quiet' must be a list. {FORM}"]


def test_bad_plan_items_are_named_as_items_of_the_plan_on_their_lines() -> None:
    _, found = parse(vary(ROLEPLAY_PAGE, "  - phase: Set up\n    minutes: 5\n",
                          "  - Set up\n  - phase: Set up\n    minute: 5\n"))
    item = "an item of 'plan' in role-play 'rp-quiet'"
    assert found == [
        "docs/page.md:15: [roleplay-minutes] The plan's phases add up to 0 + 10 + 15 = 25, not the "
        "declared 30 minutes. Make the 'plan' minutes sum to 'minutes'.",
        f"docs/page.md:16: [yaml-shape] {item} must be a mapping of 'key: value' lines. {SHAPE}",
        f"docs/page.md:17: [missing-key] {item} has no 'minutes'. {ADD}",
        f"docs/page.md:18: [unknown-key] Unknown key 'minute' in {item}. Did you mean 'minutes'? {KEYS}"]


def test_a_module_part_names_its_module_on_the_module_line() -> None:
    page, found = parse("---\ntitle: Part\nmodule: m1\nminutes: 5\nreviewed: 2026-01-15\n---\n\n# Part\n")
    assert (page.kind, page.module_id, page.module_line, found) == ("part", "m1", 3, [])
    _, found = parse("---\ntitle: Part\nmodule: [m1]\nminutes: 5\nreviewed: 2026-01-15\n---\n\n# Part\n")
    assert found == [f"docs/page.md:3: [wrong-type] 'module' in module part front matter must be "
                     f"text. {FORM}"]


# ---- page body -------------------------------------------------------------------------------

def test_only_reflection_admonitions_count_as_reflections() -> None:
    page, found = parse("---\ntitle: T\n---\n\n# T\n\n!!! reflection \"Pause\"\n"
                        "    What do you notice?\n\n!!! note\n    Aside.\n")
    assert (page.reflections, found) == (1, [])


def test_a_role_play_with_one_partner_counts_each_kind_of_role() -> None:
    _, found = parse(vary(ROLEPLAY_PAGE, "  - id: dev\n    kind: partner\n    name: Dev\n"
                                         "    brief: Steer toward the weekend.\n"
                                         "    unspoken: You feel shut out.\n", ""))
    assert found == [
        "docs/page.md:22: [roleplay-roles] Role-play 'rp-quiet' has 1 therapist(s), 1 partner(s) "
        "and 1 observer(s). Declare roles with 'kind: therapist', 'kind: partner' (two) and "
        "'kind: observer'."]


def test_a_module_id_that_is_not_text_is_reported_as_module_front_matter() -> None:
    _, found = parse(vary(MODULE_HEAD, "id: m1\n", "id: [m1]\n"))
    # Reported once: no knock-on "malformed" id, no objective told to start with "-".
    assert found == [f"docs/page.md:2: [wrong-type] 'id' in module front matter must be text. {FORM}"]
