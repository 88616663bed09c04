"""The post-test leaves the course as Moodle GIFT and Moodle XML: exact output on small cases."""

from __future__ import annotations

import dataclasses
import html
import xml.etree.ElementTree as ET

from coursekit.export import to_gift, to_moodle_xml
from lmsbank import make_question

SINGLE = make_question(
    "pt-1", "m1-o1", "single", "Which reply {attunes}: to the cue?",
    ("Name the cue.", True, "It opens a door."),
    ("Move on = ignore it.", False, "It misses the cue #1."),
    ("Accuse.", False, "It invites\n\ndefence."),
)
MULTIPLE = make_question(
    "pt-2", "m2-o4", "multiple", "Which belong in screening?",
    ("Individual time with each partner.", True, "Safety to speak."),
    ("Questions about fear at home.", True, "Names the risk."),
    ("A joint confrontation.", False, "Could raise the risk."),
)


def test_gift_single_and_multiple_with_escaping() -> None:
    assert to_gift([SINGLE, MULTIPLE], "Course/Post-test") == (
        "// Course/Post-test: 2 questions. Generated from the course source.\n"
        "$CATEGORY: $course$/Course/Post-test\n"
        "\n"
        "// pt-1: objective m1-o1\n"
        "::pt-1::[markdown]Which reply \\{attunes\\}\\: to the cue? {\n"
        "\t=Name the cue.#It opens a door.\n"
        "\t~Move on \\= ignore it.#It misses the cue \\#1.\n"
        "\t~Accuse.#It invites defence.\n"
        "}\n"
        "\n"
        "// pt-2: objective m2-o4\n"
        "::pt-2::[markdown]Which belong in screening? {\n"
        "\t~%50%Individual time with each partner.#Safety to speak.\n"
        "\t~%50%Questions about fear at home.#Names the risk.\n"
        "\t~%-100%A joint confrontation.#Could raise the risk.\n"
        "}\n"
    )


def test_moodle_xml_grades_feedback_and_escaping() -> None:
    root = ET.fromstring(to_moodle_xml([SINGLE, MULTIPLE], "Course/Post-test").encode())
    category, single, multiple = root.findall("question")
    assert category.get("type") == "category"
    assert category.findtext("category/text") == "$course$/Course/Post-test"
    assert single.findtext("name/text") == "pt-1"
    assert single.findtext("questiontext/text") == "Which reply {attunes}: to the cue?"
    assert single.findtext("single") == "true"
    assert [a.get("fraction") for a in single.findall("answer")] == ["100", "0", "0"]
    assert [a.findtext("feedback/text") for a in single.findall("answer")] == [
        "It opens a door.", "It misses the cue #1.", "It invites\n\ndefence."]
    assert multiple.findtext("single") == "false"
    assert [a.get("fraction") for a in multiple.findall("answer")] == ["50", "50", "-100"]
    assert multiple.findtext("tags/tag/text") == "objective:m2-o4"


def test_moodle_xml_escapes_markup() -> None:
    nasty = dataclasses.replace(SINGLE, id="pt-3", prompt="Is <b>this</b> & that safe?")
    text = to_moodle_xml([nasty], "C")
    # Raw author HTML never reaches the LMS as markup: it arrives as text, escaped for Markdown
    # and then for XML.
    assert ET.fromstring(text.encode()).findtext("question[2]/questiontext/text") == \
        html.escape(nasty.prompt, quote=False)
    assert "<b>" not in text
