"""Export the post-test bank for a learning management system: Moodle GIFT and Moodle XML.

The on-site questions are formative: their answer keys ship to every browser. A scored
post-test therefore lives only in the instructor edition and leaves it as these files, which a
program imports into its own LMS question bank.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET

from .course import Course
from .model import Option, Question
from .order import display_order
from .safety import export_markdown

CATEGORY = "Nurturing Emotional Intimacy in Couples Therapy"

# Moodle accepts only these grade fractions; n correct options share 100 % between them.
_FRACTIONS = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667"}
_GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _gift_escape(text: str) -> str:
    return _GIFT_SPECIAL.sub(r"\\\1", _one_line(text))


def _gift_text(text: str) -> str:
    """Author text for GIFT: sanitised first (see _text), then GIFT-escaped, so the escapes
    GIFT needs are never undone or doubled by the sanitising."""
    return _gift_escape(export_markdown(text))


def _weights(question: Question) -> list[str]:
    """Each option's grade fraction in percent, as Moodle spells it."""
    if not question.multiple:
        return ["100" if option.correct else "0" for option in question.options]
    right = sum(option.correct for option in question.options)
    wrong = len(question.options) - right
    return [_FRACTIONS[right] if option.correct else f"-{_FRACTIONS[wrong]}" if wrong else "0"
            for option in question.options]


def _in_shown_order(question: Question) -> list[tuple[Option, str]]:
    """Options and their grade fractions in the order the site shows them (see order.py)."""
    weights = _weights(question)
    return [(question.options[i], weights[i]) for i in display_order(question.id, len(question.options))]


def to_gift(questions: list[Question], category: str) -> str:
    """The questions in Moodle's GIFT format, with every option's rationale as its feedback."""
    lines = [f"// {category}: {len(questions)} questions. Generated from the course source.",
             f"$CATEGORY: $course$/{category}", ""]
    for question in questions:
        lines.append(f"// {question.id}: objective {question.objective}")
        lines.append(f"::{_gift_escape(question.id)}::[markdown]{_gift_text(question.prompt)} {{")
        for option, weight in _in_shown_order(question):
            mark = ("=" if option.correct else "~") if not question.multiple else f"~%{weight}%"
            lines.append(f"\t{mark}{_gift_text(option.text)}#{_gift_text(option.rationale)}")
        lines += ["}", ""]
    return "\n".join(lines)


def to_moodle_xml(questions: list[Question], category: str) -> str:
    """The questions as a Moodle XML question bank (multichoice, markdown text, shuffled)."""
    quiz = ET.Element("quiz")
    header = ET.SubElement(quiz, "question", type="category")
    _text(ET.SubElement(header, "category"), f"$course$/{category}")
    for question in questions:
        item = ET.SubElement(quiz, "question", type="multichoice")
        _text(ET.SubElement(item, "name"), question.id)
        _text(ET.SubElement(item, "questiontext", format="markdown"), export_markdown(question.prompt))
        _text(ET.SubElement(item, "generalfeedback", format="markdown"), "")
        for tag, value in (("defaultgrade", "1"), ("penalty", "0"), ("hidden", "0"),
                           ("idnumber", question.id), ("single", str(not question.multiple).lower()),
                           ("shuffleanswers", "true"), ("answernumbering", "abc")):
            ET.SubElement(item, tag).text = value
        for option, weight in _in_shown_order(question):
            answer = ET.SubElement(item, "answer", fraction=weight, format="markdown")
            _text(answer, export_markdown(option.text))
            _text(ET.SubElement(answer, "feedback", format="markdown"), export_markdown(option.rationale))
        tags = ET.SubElement(item, "tags")
        _text(ET.SubElement(tags, "tag"), f"objective:{question.objective}")
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"


def _text(parent: ET.Element, value: str) -> None:
    ET.SubElement(parent, "text").text = value


def export_files(course: Course) -> dict[str, str]:
    """The LMS files of every post-test page, by docs path (beside the page)."""
    files = {}
    for page in course.pages.values():
        if page.kind == "posttest":
            category = f"{CATEGORY}/{page.title or 'Post-test'}"
            stem = posixpath.splitext(page.src_uri)[0]
            files[f"{stem}.gift.txt"] = to_gift(page.questions, category)
            files[f"{stem}.moodle.xml"] = to_moodle_xml(page.questions, category)
    return files
