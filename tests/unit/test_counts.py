"""coursekit.counts: numbers in prose come from the parsed course; typed ones are found."""

from __future__ import annotations

from pathlib import Path

import pytest
from coursetext import ROLEPLAY_PAGE, module, write_docs

from coursekit.counts import course_values, fill_placeholders, known_numbers, typed_counts
from coursekit.course import load_course
from coursekit.transform import Context, transform_page


@pytest.fixture
def course(tmp_path: Path):
    files = {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
             "m2.md": module("m2", ("m2-o1", "m2-o2"), (("m2-q1", "m2-o1"), ("m2-q2", "m2-o2"))),
             "rp.md": ROLEPLAY_PAGE}
    return load_course(write_docs(tmp_path / "docs", files), "docs")


def test_values_come_from_the_course(course) -> None:
    values = course_values(course)
    assert {k: values[k] for k in ("course.modules", "course.questions", "course.roleplays",
                                   "course.objectives", "course.minutes")} == {
        "course.modules": 2, "course.questions": 3, "course.roleplays": 1,
        "course.objectives": 3, "course.minutes": 4}
    assert (values["roleplays.checklist_min"], values["roleplays.checklist_max"]) == (1, 1)
    assert values["rules.questions_per_hour"] == 6


def test_placeholders_are_filled_outside_code_only(course) -> None:
    text = ("The course has {{ course.modules }} modules and {{ course.roleplays | words }} "
            "role-play.\nWrite `{{ course.modules }}` to get that.\n```\n{{ course.modules }}\n```\n"
            "Unknown {{ course.weeks }} stays.")
    assert fill_placeholders(text, course_values(course)) == (
        "The course has 2 modules and one role-play.\nWrite `{{ course.modules }}` to get that.\n"
        "```\n{{ course.modules }}\n```\nUnknown {{ course.weeks }} stays.")


def test_the_transform_fills_them_on_every_page(course) -> None:
    page = course.pages["m1.md"]
    out = transform_page("# M\n\nOne of {{ course.modules | words }} modules.\n", page,
                         Context(course, False, {}))
    assert "One of two modules." in out.markdown


@pytest.mark.parametrize(("line", "found"), [
    ("This course has 36 questions, six per module.", [("36 questions", "questions")]),
    ("It has eight workshop role-plays.", [("eight workshop role-plays", "roleplays")]),
    ("Each takes 1.5 minutes.", [("1.5 minutes", "minutes")]),
    ("APA recommends six to eight questions for each credit.", []),
    ("Wait twenty minutes before the debrief.", []),
    ("At least ten single-answer questions are needed.", []),
    ("Read [8. Containing contempt](../roleplays/08.md) first.", []),
    ("The checklist has four to six items.", [("six items", "items")]),
    ("Answer one question at a time.", []),
], ids=["posttest", "roleplays-with-adjective", "known-minutes", "rate", "unknown-minutes",
        "threshold", "link-target", "range", "one"])
def test_typed_counts(course, line: str, found: list[tuple[str, str]]) -> None:
    known = known_numbers({**course_values(course), "roleplays.checklist_max": 6})
    assert typed_counts(line, known) == found
