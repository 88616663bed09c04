"""What an LMS imports: every element of the Moodle XML bank, the GIFT marks and the export files.

Moodle silently imports a question with an empty answer, a missing grade or a wrong tag name as
something else, so these tests compare the whole element tree, not a few fields of it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from coursetext import question_block, vary, write_docs

from coursekit.course import load_course
from coursekit.export import export_files, to_gift, to_moodle_xml
from coursekit.model import Option, Question
from coursekit.order import display_order
from lmsbank import MULTIPLE, make_question

SINGLE = make_question(
    "pt-1", "m1-o1", "single", "Which reply attunes to the cue?",
    ("Name the cue.", True, "It opens a door."),
    ("Move on.", False, "It misses the cue."),
    ("Accuse.", False, "It invites defence."),
)
# lmsbank's MULTIPLE: two right of four, so each right option earns half, each wrong one costs half.


def shown(question: Question, fractions: list[str]) -> list[tuple[Option, str]]:
    """Options with their fractions (given in source order) in the order the site shows them:
    the exports keep that order, so a program's printed key matches the course."""
    order = display_order(question.id, len(question.options))
    return [(question.options[i], fractions[i]) for i in order]


def tree(element: ET.Element) -> Any:
    """(tag, attributes, text, children): the whole element, ignoring indentation whitespace."""
    return (element.tag, dict(element.attrib), (element.text or "").strip(),
            [tree(child) for child in element])


def text(tag: str, value: str, **attrs: str) -> Any:
    return (tag, attrs, "", [("text", {}, value, [])])


def answer(option: Option, fraction: str) -> Any:
    return ("answer", {"fraction": fraction, "format": "markdown"}, "", [
        ("text", {}, option.text, []),
        text("feedback", option.rationale, format="markdown"),
    ])


def expected_question(question: Question, single: str, fractions: list[str]) -> Any:
    return ("question", {"type": "multichoice"}, "", [
        text("name", question.id),
        text("questiontext", question.prompt, format="markdown"),
        text("generalfeedback", "", format="markdown"),
        ("defaultgrade", {}, "1", []),
        ("penalty", {}, "0", []),
        ("hidden", {}, "0", []),
        ("idnumber", {}, question.id, []),
        ("single", {}, single, []),
        ("shuffleanswers", {}, "true", []),
        ("answernumbering", {}, "abc", []),
        *(answer(o, f) for o, f in shown(question, fractions)),
        ("tags", {}, "", [text("tag", f"objective:{question.objective}")]),
    ])


def test_moodle_xml_bank_is_exactly_the_questions_with_grades_and_feedback() -> None:
    root = ET.fromstring(to_moodle_xml([SINGLE, MULTIPLE], "Course/Post-test").encode())
    assert tree(root) == ("quiz", {}, "", [
        ("question", {"type": "category"}, "", [text("category", "$course$/Course/Post-test")]),
        expected_question(SINGLE, "true", ["100", "0", "0"]),
        expected_question(MULTIPLE, "false", ["50", "-50", "50", "-50"]),
    ])


def test_moodle_xml_answers_carry_their_option_text() -> None:
    root = ET.fromstring(to_moodle_xml([SINGLE], "C").encode())
    answers = root.findall("question[@type='multichoice']/answer")
    assert [a.findtext("text") for a in answers] == [o.text for o, _ in shown(SINGLE, ["", "", ""])]
    assert all(a.findtext("text") for a in answers)


def test_moodle_xml_is_an_indented_utf8_document() -> None:
    written = to_moodle_xml([SINGLE], "C")
    assert written.startswith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n  <question type="category">\n')
    assert written.endswith("\n</quiz>\n")


def test_multiple_answer_grades_share_full_marks_between_right_options() -> None:
    three_of_four = make_question("pt-3", "m1-o1", "multiple", "Which?", ("A", True, "a"),
                                  ("B", True, "b"), ("C", True, "c"), ("D", False, "d"))
    root = ET.fromstring(to_moodle_xml([three_of_four], "C").encode())
    fractions = {a.findtext("text"): a.get("fraction") for a in root.iter("answer")}
    assert fractions == {"A": "33.33333", "B": "33.33333", "C": "33.33333", "D": "-100"}
    assert "\t~%33.33333%A#a\n" in to_gift([three_of_four], "C")
    assert "\t~%-100%D#d\n" in to_gift([three_of_four], "C")


def test_gift_marks_each_option_right_or_wrong_with_its_feedback() -> None:
    gift = to_gift([SINGLE, MULTIPLE], "Course/Post-test")
    single = [f"\t{'=' if o.correct else '~'}{o.text}#{o.rationale}"
              for o, _ in shown(SINGLE, ["100", "0", "0"])]
    multiple = [f"\t~%{f}%{o.text}#{o.rationale}" for o, f in shown(MULTIPLE, ["50", "-50", "50", "-50"])]
    assert gift.split("\n") == [
        "// Course/Post-test: 2 questions. Generated from the course source.",
        "$CATEGORY: $course$/Course/Post-test",
        "",
        "// pt-1: objective m1-o1",
        "::pt-1::[markdown]Which reply attunes to the cue? {",
        *single,
        "}",
        "",
        "// pt-2: objective m2-o4",
        "::pt-2::[markdown]Which belong in screening? {",
        *multiple,
        "}",
        "",
    ]
    assert sorted(single) == ["\t=Name the cue.#It opens a door.", "\t~Accuse.#It invites defence.",
                              "\t~Move on.#It misses the cue."]


POSTTEST = """---
title: Final check
posttest: true
---

# Final check

""" + vary(question_block("pt-1", "m1-o1"), "prompt: Which response is attuned?",
                  "prompt: Which reply attunes to the cue?")


def test_every_posttest_page_exports_gift_and_moodle_xml_beside_itself(tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs", {
        "instructors/post-test.md": POSTTEST,
        "instructors/untitled.md": POSTTEST.replace("title: Final check\n", ""),
        "module.md": "---\ntitle: Not a post-test\n---\n\n# Text\n",
    })
    files = export_files(load_course(docs, "docs"))
    assert sorted(files) == [
        "instructors/post-test.gift.txt", "instructors/post-test.moodle.xml",
        "instructors/untitled.gift.txt", "instructors/untitled.moodle.xml",
    ]
    category = "Nurturing Emotional Intimacy in Couples Therapy/Final check"
    assert files["instructors/post-test.gift.txt"].startswith(f"// {category}: 1 questions.")
    bank = ET.fromstring(files["instructors/post-test.moodle.xml"].encode())
    assert bank.findtext("question/category/text") == f"$course$/{category}"
    assert [q.findtext("idnumber") for q in bank.findall("question[@type='multichoice']")] == ["pt-1"]
    untitled = ET.fromstring(files["instructors/untitled.moodle.xml"].encode())
    assert untitled.findtext("question/category/text") == (
        "$course$/Nurturing Emotional Intimacy in Couples Therapy/Post-test")
