"""What goes into each edition of the site: kept here, not in the MkDocs adapter, so that another
site generator (or a test) gets the same answers without MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterable

from .course import Course
from .diagnostics import Diagnostic, Severity
from .printables import NOTES_PAGE, printables_nav
from .source import split_front_matter

EDITIONS = ("learner", "instructor")
INSTRUCTOR_FOLDER = "instructors/"
INSTRUCTOR_INDEX = f"{INSTRUCTOR_FOLDER}index.md"


def edition_error(edition: object) -> str | None:
    """Why `extra.edition` is not usable, or None when it names an edition."""
    if edition in EDITIONS:
        return None
    return f"extra.edition must be 'learner' or 'instructor', not {edition!r}"


def page_body(source: str) -> str:
    """The page's Markdown below its front matter, line for line as the author wrote it."""
    _, used = split_front_matter(source)
    return "\n".join(source.split("\n")[used:])


def instructor_only(src_uri: str) -> bool:
    """Pages in the instructors/ folder belong to the instructor edition alone."""
    return src_uri.startswith(INSTRUCTOR_FOLDER)


def instructor_nav(course: Course) -> list[object]:
    """The instructor section of the nav: its index first, the other pages written directly in
    instructors/ in name order, then the gathered notes and the printables."""
    written = sorted(uri for uri in course.pages
                     if instructor_only(uri) and "/" not in uri.removeprefix(INSTRUCTOR_FOLDER))
    ordered = [INSTRUCTOR_INDEX] if INSTRUCTOR_INDEX in written else []
    ordered += [uri for uri in written if uri != INSTRUCTOR_INDEX]
    return [*ordered, NOTES_PAGE, *printables_nav(course)]


def count_errors(diagnostics: Iterable[Diagnostic]) -> int:
    return sum(d.severity is Severity.ERROR for d in diagnostics)


def refusal(diagnostics: Iterable[Diagnostic]) -> str | None:
    """The message that stops a build, or None when no diagnostic is an error."""
    errors = count_errors(diagnostics)
    if not errors:
        return None
    return (f"The course has {errors} content error(s), listed above; nothing was built. "
            "Run 'python -m coursekit docs/' to check without building.")
