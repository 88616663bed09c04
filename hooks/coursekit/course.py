"""The whole course: read every page and data file, then check what spans pages."""

from __future__ import annotations

import codecs
import math
from dataclasses import dataclass, field
from pathlib import Path

from .counts import check_counts
from .data import parse_bibliography, parse_glossary
from .diagnostics import Diagnostic, sort_diagnostics
from .items import check_items
from .limits import MAX_FILE_BYTES
from .model import BibEntry, GlossaryTerm, Objective, Page, Question, RolePlay
from .notebook import parse_notebook
from .parse import parse_page
from .rules import diagnostic
from .site import check_site

BIBLIOGRAPHY = "_data/bibliography.yml"
GLOSSARY = "_data/glossary.yml"
WORDS_PER_MINUTE = 130
MINUTES_PER_QUESTION = 1.5
MINUTES_PER_REFLECTION = 3
TIME_TOLERANCE = 0.20


@dataclass(frozen=True)
class Estimate:
    words: int
    questions: int
    reflections: int

    @property
    def minutes(self) -> float:
        return (self.words / WORDS_PER_MINUTE + self.questions * MINUTES_PER_QUESTION
                + self.reflections * MINUTES_PER_REFLECTION)

    @property
    def slack(self) -> float:
        """How far a declaration may be from the estimate: the tolerance, at least a minute."""
        return max(TIME_TOLERANCE * self.minutes, 1.0)

    def allows(self, declared: int) -> bool:
        return abs(declared - self.minutes) <= self.slack


def estimate(page: Page) -> Estimate:
    return Estimate(page.words, len(page.questions), page.reflections)


@dataclass
class Module:
    """A module: its first page plus any part pages, in source order."""

    page: Page
    parts: list[Page] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.page.module_id or ""

    @property
    def title(self) -> str:
        return self.page.title

    @property
    def pages(self) -> list[Page]:
        return [self.page, *self.parts]

    @property
    def minutes(self) -> int:
        return sum(p.minutes or 0 for p in self.pages)

    @property
    def questions(self) -> list[Question]:
        """The self-checks of every page of the module, in page order."""
        return [q for p in self.pages for q in p.questions]

    @property
    def objectives(self) -> list[Objective]:
        return self.page.objectives


@dataclass
class Course:
    pages: dict[str, Page]  # by src_uri
    bibliography: dict[str, BibEntry]
    glossary: list[GlossaryTerm]
    diagnostics: list[Diagnostic]
    # A build asks for the modules on every page (module(), total_minutes, placeholders):
    # worked out once per set of pages, not once per question, so build time stays linear.
    _index: tuple[tuple[int, ...], dict[str | None, Module], int] | None = field(
        default=None, init=False, repr=False, compare=False)

    def _modules_by_id(self) -> tuple[dict[str | None, Module], int]:
        """The modules by id and their total minutes, redone only when the pages change."""
        key = tuple(map(id, self.pages.values()))
        if self._index is None or self._index[0] != key:
            modules = {p.module_id: Module(p) for p in self.pages.values() if p.kind == "module"}
            for page in self.pages.values():
                if page.kind == "part" and page.module_id in modules:
                    modules[page.module_id].parts.append(page)
            self._index = (key, modules, sum(module.minutes for module in modules.values()))
        return self._index[1], self._index[2]

    @property
    def modules(self) -> list[Module]:
        return list(self._modules_by_id()[0].values())

    @property
    def roleplays(self) -> list[tuple[Page, RolePlay]]:
        return [(p, p.roleplay) for p in self.pages.values() if p.roleplay is not None]

    @property
    def total_minutes(self) -> int:
        return self._modules_by_id()[1]

    def module(self, module_id: str) -> Module | None:
        modules = self._modules_by_id()[0]  # a module with no id has id "", as Module.id says
        return modules.get(module_id) or (modules.get(None) if module_id == "" else None)

    def objective(self, objective_id: str) -> tuple[Module, Objective] | None:
        for module in self.modules:
            for objective in module.objectives:
                if objective.id == objective_id:
                    return module, objective
        return None

    def roleplay(self, roleplay_id: str) -> tuple[Page, RolePlay] | None:
        return next(((p, r) for p, r in self.roleplays if r.id == roleplay_id), None)


def load_course(docs_dir: Path, display_dir: str) -> Course:
    """Read and check the course in `docs_dir`; paths in diagnostics start with `display_dir`."""
    diagnostics: list[Diagnostic] = []
    pages: dict[str, Page] = {}

    def shown(rel: str) -> str:
        return f"{display_dir.rstrip('/')}/{rel}"

    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        text = _read(path, shown(rel), diagnostics)
        page, found = parse_page(shown(rel), rel, text or "")
        pages[rel] = page
        diagnostics += found
    # Notebooks (rendered by mkdocs-jupyter): their Markdown cells are checked like pages.
    for path in sorted(p for p in docs_dir.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts):
        rel = path.relative_to(docs_dir).as_posix()
        text = _read(path, shown(rel), diagnostics)
        if text is None:  # too large: reported by _read, nothing more to say about it
            pages[rel] = Page(path=shown(rel), src_uri=rel)
            continue
        page, found = parse_notebook(shown(rel), rel, text)
        pages[rel] = page
        diagnostics += found
    bibliography: dict[str, BibEntry] = {}
    bib_path = docs_dir / BIBLIOGRAPHY
    if bib_path.exists() and (text := _read(bib_path, shown(BIBLIOGRAPHY), diagnostics)) is not None:
        bibliography, found = parse_bibliography(shown(BIBLIOGRAPHY), text)
        diagnostics += found
    glossary: list[GlossaryTerm] = []
    glossary_path = docs_dir / GLOSSARY
    if glossary_path.exists() and (text := _read(glossary_path, shown(GLOSSARY),
                                                 diagnostics)) is not None:
        glossary, found = parse_glossary(shown(GLOSSARY), text)
        diagnostics += found
    course = Course(pages, bibliography, glossary, [])
    diagnostics += check_course(course, shown(BIBLIOGRAPHY), shown(GLOSSARY))
    diagnostics += check_site(course, docs_dir, display_dir)
    diagnostics += check_counts(course, docs_dir)
    course.diagnostics = sort_diagnostics(diagnostics)
    return course


def _read(path: Path, shown: str, diagnostics: list[Diagnostic]) -> str | None:
    """The file as MkDocs reads it (UTF-8, a byte-order mark ignored), or None when it is too
    large to check in bounded time. Bytes that are not UTF-8 get one diagnostic at the first of
    them (never a traceback, never a silent replacement character)."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        diagnostics.append(diagnostic("file-too-large", shown, 1,
                                      f"The file holds {size:,} bytes; the limit is "
                                      f"{MAX_FILE_BYTES:,}."))
        return None
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as error:
        # The utf-8-sig decoder counts from after a byte-order mark, which no editor shows: find
        # the byte in the file, and count its column as the author sees the line.
        bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
        start = error.start + bom
        line = raw.count(b"\n", 0, start) + 1
        column = start - max(raw.rfind(b"\n", 0, start) + 1, bom) + 1
        more = _undecodable(raw) - 1
        also = (f"; {more:,} more such byte sequence{'s follow' if more != 1 else ' follows'}"
                if more else "")
        diagnostics.append(diagnostic("file-encoding", shown, line,
                                      f"Byte 0x{raw[start]:02x} in column {column} is not "
                                      f"UTF-8{also}."))
        # Reported, so the build stops; check the rest of the file as far as it can be read.
        return raw.decode("utf-8-sig", errors="replace").replace("\r\n", "\n")


def _undecodable(raw: bytes) -> int:
    """How many separate undecodable sequences the bytes hold (each counted once)."""
    marker = "\udcff"  # surrogateescape turns each bad byte into one lone surrogate
    text = raw.decode("utf-8", errors="surrogateescape")
    count, previous = 0, False
    for char in text:
        bad = "\udc80" <= char <= marker
        count += bad and not previous
        previous = bad
    return count


def check_course(course: Course, bibliography_path: str, glossary_path: str = GLOSSARY) -> list[Diagnostic]:
    """Rules that need more than one page: ids, objectives, citations, glossary links and time."""
    found: list[Diagnostic] = []
    modules: dict[str, Page] = {}
    for page in course.pages.values():
        if page.kind != "module" or not page.module_id:
            continue
        if page.module_id in modules:
            other = modules[page.module_id].path
            found.append(diagnostic("module-id", page.path, page.module_line,
                                    f"Module id '{page.module_id}' is also used by {other}."))
        modules.setdefault(page.module_id, page)

    objective_owner: dict[str, Page] = {}
    for page in modules.values():
        for objective in page.objectives:
            if objective.id in objective_owner:
                found.append(diagnostic("objective-id", page.path, objective.line,
                                        f"Objective id '{objective.id}' is declared twice."))
            objective_owner.setdefault(objective.id, page)

    question_owner: dict[str, Page] = {}
    assessed: set[str] = set()
    for page in course.pages.values():
        if page.kind == "part" and page.module_id not in modules:
            found.append(diagnostic("module-unknown", page.path, page.module_line,
                                    f"No module page has id '{page.module_id}'."))
        module_page = modules.get(page.module_id or "")
        for question in page.questions:
            if question.id in question_owner:
                found.append(diagnostic("question-id", page.path, question.line,
                                        f"Question id '{question.id}' is also used in "
                                        f"{question_owner[question.id].path}."))
            question_owner.setdefault(question.id, page)
            if page.kind == "posttest":
                if question.objective not in objective_owner:
                    found.append(diagnostic("question-objective", page.path, question.line,
                                            f"Question '{question.id}' assesses '{question.objective}', "
                                            "which no module declares."))
            elif page.kind not in ("module", "part"):
                found.append(diagnostic("question-outside-module", page.path, question.line,
                                        f"Question '{question.id}' is on a page with no module."))
            elif module_page and question.objective not in {o.id for o in module_page.objectives}:
                found.append(diagnostic("question-objective", page.path, question.line,
                                        f"Question '{question.id}' assesses '{question.objective}', "
                                        f"which module '{page.module_id}' does not declare."))
            else:
                assessed.add(question.objective)
    for page in modules.values():
        for objective in page.objectives:
            if objective.id not in assessed:
                found.append(diagnostic("objective-unassessed", page.path, objective.line,
                                        f"No question assesses objective '{objective.id}'."))

    roleplay_owner: dict[str, Page] = {}
    for page, roleplay in course.roleplays:
        if roleplay.id in roleplay_owner:
            found.append(diagnostic("roleplay-id", page.path, roleplay.line,
                                    f"Role-play id '{roleplay.id}' is also used in "
                                    f"{roleplay_owner[roleplay.id].path}."))
        roleplay_owner.setdefault(roleplay.id, page)
        for objective, line in roleplay.objectives:
            if objective not in objective_owner:
                found.append(diagnostic("roleplay-objective", page.path, line,
                                        f"Objective '{objective}' is not declared by any module."))

    # A glossary term links to the module that teaches it; a misspelt id would drop the link.
    for term in course.glossary:
        if term.module and term.module not in modules:
            found.append(diagnostic("glossary-module", glossary_path, term.line,
                                    f"Glossary term '{term.term}' names module '{term.module}', "
                                    "which no module page declares."))

    found += _check_posttests(course, objective_owner)
    from .sponsor import curriculum_gaps  # sponsor imports this module: imported when it is loaded

    found += curriculum_gaps(course)  # the curriculum map's own rows: one source for map and check
    found += check_items(course)  # item-writing rules: items.py
    found += _check_citations(course, bibliography_path)
    found += _check_time(course)
    found += _check_agendas(course)
    return found


POSTTEST_FOLDER = "instructors/"
QUESTIONS_PER_CREDIT_HOUR = 6


def _check_posttests(course: Course, objective_owner: dict[str, Page]) -> list[Diagnostic]:
    """A scored post-test stays off the learner site, is long enough and covers every module."""
    found = []
    for page in course.pages.values():
        if page.kind != "posttest":
            continue
        if not page.src_uri.startswith(POSTTEST_FOLDER):
            found.append(diagnostic("posttest-location", page.path, 1,
                                    f"Post-test page '{page.src_uri}' is outside {POSTTEST_FOLDER}."))
        hours = course.total_minutes / 60
        needed = math.ceil(QUESTIONS_PER_CREDIT_HOUR * hours)
        if len(page.questions) < needed:
            found.append(diagnostic("posttest-size", page.path, 1,
                                    f"The post-test has {len(page.questions)} questions; "
                                    f"{hours:.1f} credit hours need at least {needed}."))
        tested = {objective_owner[q.objective].module_id for q in page.questions
                  if q.objective in objective_owner}
        for module in course.modules:
            if module.id not in tested:
                found.append(diagnostic("posttest-coverage", page.path, 1,
                                        f"No post-test question assesses module '{module.id}'."))
    return found


def _check_citations(course: Course, bibliography_path: str) -> list[Diagnostic]:
    found = []
    cited: set[str] = set()
    for page in course.pages.values():
        for citation in page.citations:
            cited.add(citation.key)
            if citation.key not in course.bibliography:
                found.append(diagnostic("citation-unknown", page.path, citation.line,
                                        f"Citation key '{citation.key}' is not in the bibliography."))
    for key, entry in course.bibliography.items():
        if key not in cited:
            found.append(diagnostic("citation-unused", bibliography_path, entry.line,
                                    f"Entry '{key}' is never cited."))
    return found


def _check_time(course: Course) -> list[Diagnostic]:
    found = []
    for page in course.pages.values():
        if page.kind not in ("module", "part") or not page.minutes:
            continue
        est = estimate(page)
        if not est.allows(page.minutes):
            low = max(math.ceil(est.minutes - est.slack), 1)
            high = math.floor(est.minutes + est.slack)
            found.append(diagnostic(
                "reading-time", page.path, page.minutes_line,
                f"Declared {page.minutes} minutes, but the estimate is {est.minutes:.0f} "
                f"({_count(est.words, 'word')} at {WORDS_PER_MINUTE} per minute, "
                f"{_count(est.questions, 'question')}, {_count(est.reflections, 'reflection')}); "
                f"{low} to {high} would be accepted.",
            ))
    return found


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def agenda_minutes(course: Course, kind: str, ref: str) -> int | None:
    """The time an agenda block takes by default: the module's or role-play's own."""
    if kind == "module":
        module = course.module(ref)
        return module.minutes if module else None
    if kind == "roleplay":
        found = course.roleplay(ref)
        return found[1].minutes if found else None
    return None


def _check_agendas(course: Course) -> list[Diagnostic]:
    found = []
    for page in course.pages.values():
        for agenda in page.agendas:
            total = 0
            for block in agenda.blocks:
                default = agenda_minutes(course, block.kind, block.ref)
                if block.kind != "activity" and default is None:
                    detail = f"Agenda '{agenda.id}' names unknown {block.kind} '{block.ref}'."
                    found.append(diagnostic("agenda-unknown", page.path, block.line, detail))
                total += block.minutes or default or 0
            if agenda.minutes and total > agenda.minutes:
                found.append(diagnostic("agenda-fit", page.path, agenda.line,
                                        f"Agenda '{agenda.id}' has {total} minutes of blocks "
                                        f"in {agenda.minutes} minutes."))
    return found

