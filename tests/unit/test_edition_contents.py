"""coursekit.edition: which pages each edition holds, the instructor nav's order, the page body
MkDocs renders, and when a build is refused. The MkDocs adapter (hooks/course.py) only calls
these, so the rules hold for any site generator.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from coursetext import ROLEPLAY_PAGE, module, write_docs

from coursekit.course import load_course
from coursekit.diagnostics import Diagnostic, Severity
from coursekit.edition import (
    count_errors,
    edition_error,
    instructor_nav,
    instructor_only,
    page_body,
    refusal,
)

INSTRUCTOR_PAGE = "---\ntitle: {title}\n---\n\n# {title}\n"


@pytest.mark.parametrize("edition", ["learner", "instructor"])
def test_both_editions_are_accepted(edition: str) -> None:
    assert edition_error(edition) is None


@pytest.mark.parametrize("edition", ["teacher", "Learner", "", None, 1])
def test_any_other_edition_is_refused_by_name(edition: object) -> None:
    assert edition_error(edition) == (
        f"extra.edition must be 'learner' or 'instructor', not {edition!r}")


@pytest.mark.parametrize(("src_uri", "only"), [
    ("instructors/guide.md", True),
    ("instructors/cards/quiet.md", True),
    ("modules/instructors.md", False),
    ("instructors.md", False),
    ("instructorsx/guide.md", False),
    ("roleplays/01-im-fine.md", False),
    ("assets/coursekit/instructor.css", True),  # the instructor notes' colour and icon
    ("assets/coursekit/course.css", False),
])
def test_only_the_instructors_folder_and_its_stylesheet_are_left_out_of_the_learner_edition(
    src_uri: str, only: bool
) -> None:
    assert instructor_only(src_uri) is only


@pytest.mark.parametrize(("source", "body"), [
    ("---\ntitle: A\n---\n\n# A\n\nText.\n", "\n# A\n\nText.\n"),
    ("---\ntitle: A\n...\n# A\n", "# A\n"),
    ("# No front matter\n\n---\n\nA rule above.\n", "# No front matter\n\n---\n\nA rule above.\n"),
    ("---\ntitle: never closed\n\n# A\n", "---\ntitle: never closed\n\n# A\n"),
    ("", ""),
])
def test_page_body_is_the_source_below_its_front_matter(source: str, body: str) -> None:
    assert page_body(source) == body


def test_page_body_keeps_line_numbers_countable() -> None:
    """Diagnostics in a body add the front matter's lines back, so none may be lost or added."""
    source = "---\ntitle: A\nhide: [toc]\n---\nline 5\nline 6"
    assert page_body(source).split("\n") == ["line 5", "line 6"]


def test_instructor_nav_puts_the_index_first_then_pages_by_name(tmp_path: Path) -> None:
    files = {f"instructors/{name}.md": INSTRUCTOR_PAGE.format(title=name)
             for name in ("zeta", "agendas", "index", "guide")}
    files |= {"instructors/cards/extra.md": INSTRUCTOR_PAGE.format(title="In a subfolder"),
              "m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
              "roleplays/quiet.md": ROLEPLAY_PAGE, "about.md": INSTRUCTOR_PAGE.format(title="About")}
    course = load_course(write_docs(tmp_path / "docs", files), "docs")
    nav = instructor_nav(course)
    assert nav[:6] == ["instructors/index.md", "instructors/agendas.md", "instructors/guide.md",
                       "instructors/zeta.md", "instructors/curriculum-map.md", "instructors/notes.md"]
    # then one section per kind of printable, each listing the role-play's sheet
    sections = nav[6:]
    assert all(isinstance(s, dict) and len(s) == 1 for s in sections)
    assert {"Role cards", "Participant handouts", "Observer forms"} <= {k for s in sections for k in s}
    assert "instructors/cards/extra.md" not in str(nav)


def test_instructor_nav_without_an_index_is_in_name_order(tmp_path: Path) -> None:
    files = {f"instructors/{name}.md": INSTRUCTOR_PAGE.format(title=name) for name in ("b", "a")}
    course = load_course(write_docs(tmp_path / "docs", files), "docs")
    assert instructor_nav(course)[:4] == ["instructors/a.md", "instructors/b.md",
                                          "instructors/curriculum-map.md", "instructors/notes.md"]


def found(severity: Severity, line: int = 1) -> Diagnostic:
    return Diagnostic("docs/page.md", line, "some-rule", "Detail.", severity)


def test_errors_are_counted_and_warnings_are_not() -> None:
    diagnostics = [found(Severity.ERROR), found(Severity.WARNING, 2), found(Severity.ERROR, 3)]
    assert count_errors(diagnostics) == 2
    assert count_errors([found(Severity.WARNING)]) == 0
    assert count_errors([]) == 0


def test_a_build_is_refused_only_for_errors_and_says_how_many() -> None:
    assert refusal([]) is None
    assert refusal([found(Severity.WARNING)]) is None  # --strict fails it; the course does not
    assert refusal([found(Severity.ERROR), found(Severity.WARNING, 2), found(Severity.ERROR, 3)]) == (
        "The course has 2 content error(s), listed above; nothing was built. "
        "Run 'python -m coursekit docs/' to check without building.")
