"""coursekit.order: the build-time option order, the same on the page, in the fallback and in
the LMS exports, fixed by the question id."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter

from coursekit.export import to_gift, to_moodle_xml
from coursekit.model import Option, Question
from coursekit.order import display_order, key_positions, option_key, shown_options
from coursekit.render import render_question

OPTIONS = (Option("Alpha.", True, "Right.", 1), Option("Bravo.", False, "No.", 2),
           Option("Charlie.", False, "No.", 3), Option("Delta.", True, "Right too.", 4))


def question(qid: str = "q4", qtype: str = "multiple") -> Question:
    return Question(qid, "m1-o1", qtype, "Which?", OPTIONS, None, 1)


def test_the_order_is_fixed_by_the_id_alone() -> None:
    # These exact orders are what learners have seen; a change reorders every question.
    assert display_order("q4", 4) == [3, 2, 1, 0]
    assert display_order("q0", 4) == [2, 0, 3, 1]
    assert display_order("q0", 3) == [2, 0, 1]
    assert display_order("q4", 4) == display_order("q4", 4)
    assert sorted(display_order("anything", 6)) == list(range(6))
    assert display_order("q", 1) == [0] and display_order("q", 0) == []


def test_every_order_is_about_equally_likely() -> None:
    counts = Counter(tuple(display_order(f"x-{n}", 3)) for n in range(6000))
    assert len(counts) == 6
    assert all(900 <= c <= 1100 for c in counts.values()), counts


def test_key_positions_are_counted_as_shown() -> None:
    assert [o.text for o in shown_options(question())] == ["Delta.", "Charlie.", "Bravo.", "Alpha."]
    assert key_positions(question()) == [1, 4]


def test_page_and_exports_show_the_same_order() -> None:
    q = question()
    shown = [o.text for o in shown_options(q)]
    html = render_question(q, 1, {})
    assert re.findall(r'<label for="ck-q4-\d">([^<]+)</label>', html) == shown
    # The no-JavaScript answers follow the same order (by letter, each with its rationale).
    assert re.findall(r'<span class="ck-rationale">([^<]+)</span>', html) == [
        o.rationale for o in shown_options(q)]
    gift = to_gift([q], "C")
    assert re.findall(r"%-?[\d.]+%([A-Za-z]+\.)#", gift) == shown
    answers = ET.fromstring(to_moodle_xml([q], "C").encode()).findall("question[2]/answer")
    assert [a.findtext("text") for a in answers] == shown
    # Each option keeps its own grade and feedback when it moves.
    assert [(a.findtext("text"), a.get("fraction")) for a in answers] == [
        ("Delta.", "50"), ("Charlie.", "-50"), ("Bravo.", "-50"), ("Alpha.", "50")]
    assert [a.findtext("feedback/text") for a in answers] == ["Right too.", "No.", "No.", "Right."]


def test_single_answer_gift_marks_the_moved_key() -> None:
    q = Question("q4", "m1-o1", "single", "Which?",
                 (Option("Alpha.", True, "Right.", 1), *OPTIONS[1:3],
                  Option("Delta.", False, "No.", 4)), None, 1)
    lines = [line for line in to_gift([q], "C").splitlines() if line.startswith("\t")]
    assert lines == ["\t~Delta.#No.", "\t~Charlie.#No.", "\t~Bravo.#No.", "\t=Alpha.#Right."]


def test_option_key_follows_the_text() -> None:
    assert option_key("Alpha.") != option_key("Bravo.")
    assert option_key("Alpha.") == option_key("  Alpha.\n")
    assert re.fullmatch(r"[0-9a-f]{10}", option_key("Alpha."))
