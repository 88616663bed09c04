"""What goes into each edition of the site: kept here, not in the MkDocs adapter, so that another
site generator (or a test) gets the same answers without MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterable

from .course import Course
from .diagnostics import Diagnostic, Severity
from .printables import NOTES_PAGE, printables_nav
from .source import split_front_matter
from .sponsor import credit_hours_markdown, curriculum_map_markdown

EDITIONS = ("learner", "instructor")
INSTRUCTOR_FOLDER = "instructors/"
INSTRUCTOR_INDEX = f"{INSTRUCTOR_FOLDER}index.md"
# Generated from the same parsed course as the dist files (coursekit.sponsor). The credit-hours
# page is in both editions: learners and boards both ask how the hours were reached, and it names
# no post-test item. The curriculum map lists post-test item ids, so it is the instructor's only.
CREDIT_HOURS_PAGE = "credit-hours.md"
CURRICULUM_MAP_PAGE = f"{INSTRUCTOR_FOLDER}curriculum-map.md"
COURSE_INFO_PAGE = "course-info.md"


def edition_error(edition: object) -> str | None:
    """Why `extra.edition` is not usable, or None when it names an edition."""
    if edition in EDITIONS:
        return None
    return f"extra.edition must be 'learner' or 'instructor', not {edition!r}"


def page_body(source: str) -> str:
    """The page's Markdown below its front matter, line for line as the author wrote it."""
    _, used = split_front_matter(source)
    return "\n".join(source.split("\n")[used:])


# Files outside instructors/ that only the instructor edition loads (mkdocs.instructor.yml).
INSTRUCTOR_ASSETS = frozenset({"assets/coursekit/instructor.css"})


def instructor_only(src_uri: str) -> bool:
    """Pages in the instructors/ folder, and the instructor notes' stylesheet, belong to the
    instructor edition alone."""
    return src_uri.startswith(INSTRUCTOR_FOLDER) or src_uri in INSTRUCTOR_ASSETS


def instructor_nav(course: Course) -> list[object]:
    """The instructor section of the nav: its index first, the other pages written directly in
    instructors/ in name order, then the gathered notes and the printables."""
    written = sorted(uri for uri in course.pages
                     if instructor_only(uri) and "/" not in uri.removeprefix(INSTRUCTOR_FOLDER))
    ordered = [INSTRUCTOR_INDEX] if INSTRUCTOR_INDEX in written else []
    ordered += [uri for uri in written if uri != INSTRUCTOR_INDEX]
    return [*ordered, CURRICULUM_MAP_PAGE, NOTES_PAGE, *printables_nav(course)]


def sponsor_pages(course: Course, instructor: bool) -> dict[str, str]:
    """The generated pages a sponsor applies with, by docs path, for one edition."""
    pages = {CREDIT_HOURS_PAGE: credit_hours_markdown(course)}
    if instructor:
        pages[CURRICULUM_MAP_PAGE] = curriculum_map_markdown(course)
    return pages


def with_credit_hours(nav: list[object]) -> list[object]:
    """The nav with the credit-hours page straight after the Course information page (at the
    end when the nav has none); a nav that lists it already is left as it is."""
    def target(entry: object) -> object:
        return next(iter(entry.values())) if isinstance(entry, dict) and len(entry) == 1 else entry

    if any(target(entry) == CREDIT_HOURS_PAGE for entry in nav):
        return nav
    entry = {"How credit hours were calculated": CREDIT_HOURS_PAGE}
    at = next((i + 1 for i, e in enumerate(nav) if target(e) == COURSE_INFO_PAGE), len(nav))
    return [*nav[:at], entry, *nav[at:]]


def count_errors(diagnostics: Iterable[Diagnostic]) -> int:
    return sum(d.severity is Severity.ERROR for d in diagnostics)


def refusal(diagnostics: Iterable[Diagnostic]) -> str | None:
    """The message that stops a build, or None when no diagnostic is an error."""
    errors = count_errors(diagnostics)
    if not errors:
        return None
    return (f"The course has {errors} content error(s), listed above; nothing was built. "
            "Run 'python -m coursekit docs/' to check without building.")
