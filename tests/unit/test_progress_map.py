"""The course map progress-marks.js reads: self-checks per module, grouped by page, with
correct option keys; never the instructor post-test or pages the edition does not build."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from coursetext import module, question_block, write_docs

from coursekit.course import Course, load_course
from coursekit.order import option_key
from coursekit.progress import course_map, course_map_js, render_progress_page

FILES = {
    "m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
    "m1/part.md": ("---\nmodule: m1\ntitle: A part\nminutes: 3\nreviewed: 2026-02-01\n---\n\n# A part\n\n"
                   "Some text about the quiet cue and how to answer it well.\n\n"
                   + question_block("m1-q2", "m1-o1") + "\n"),
}


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    loaded = load_course(write_docs(tmp_path_factory.mktemp("course") / "docs", FILES), "docs")
    assert [d for d in loaded.diagnostics if d.severity.value == "error"] == []
    return loaded


def test_each_module_lists_its_questions_by_page_with_their_correct_keys(course: Course) -> None:
    [m1] = course_map(course)
    question = course.pages["m1.md"].questions[0]
    keys = " ".join(sorted(option_key(o.text) for o in question.options if o.correct))
    # The module's own page is "", a part's address is written once for all its questions.
    assert m1 == ["m1", "m1.html", [["", "m1-q1", keys], ["m1/part.html", "m1-q2", m1[2][1][2]]]]


def test_a_question_with_several_correct_options_lists_every_key(tmp_path: Path) -> None:
    text = module("m1", ("m1-o1",), (("m1-multi", "m1-o1"),)).replace(
        "prompt:", "type: multiple\nprompt:").replace(
        "    rationale: It misses", "    correct: true\n    rationale: It misses")
    loaded = load_course(write_docs(tmp_path / "docs", {"m1.md": text}), "docs")
    assert [d for d in loaded.diagnostics if d.severity.value == "error"] == []
    [question] = loaded.pages["m1.md"].questions
    correct = sorted(option_key(o.text) for o in question.options if o.correct)
    assert len(correct) >= 2
    [[_, _, [[_, qid, keys]]]] = course_map(loaded)
    assert qid == "m1-multi" and keys.split(" ") == correct


def test_pages_the_edition_does_not_build_are_left_out(course: Course) -> None:
    [m1] = course_map(course, included={"m1.md"})
    assert m1[2] == [["", "m1-q1", m1[2][0][2]]]


def test_the_map_is_a_script_that_cannot_close_its_own_tag(course: Course) -> None:
    questions = course.pages["m1.md"].questions
    question = questions[0]
    questions[0] = dataclasses.replace(question, id="</script><b>")
    try:
        js = course_map_js(course)
    finally:
        questions[0] = question
    assert js.startswith("window.coursekitCourse=") and js.endswith(";\n")
    assert "<" not in js
    assert json.loads(js.removeprefix("window.coursekitCourse=").removesuffix(";\n"))[0][2][0][1] \
        == "</script><b>"


def test_the_progress_page_has_a_row_per_module_linking_to_it(course: Course) -> None:
    html = render_progress_page(course, "progress.md")
    assert '<tr data-ck-module="m1"><th scope="row"><a href="m1.html">' in html
    assert '<td data-ck-cell="answered">0 of 2</td>' in html
