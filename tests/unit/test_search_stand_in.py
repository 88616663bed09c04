"""A question reaches the search index as a stand-in (its number, prompt, hint and options), and
its full HTML replaces the stand-in only after the index is built. These tests hold the stand-in
to what matters: Material's own search parser must read exactly the same text from it as from
the full question, for every question of the course, so search finds what it found before."""

from __future__ import annotations

from pathlib import Path

import pytest
from material.plugins.search.plugin import Parser

from coursekit.course import load_course
from coursekit.model import Question
from coursekit.render import render_question_and_stand_in

ROOT = Path(__file__).resolve().parents[2]

COURSE = load_course(ROOT / "docs", "docs")
QUESTIONS = [(uri, number, question, len(page.questions))
             for uri, page in sorted(COURSE.pages.items()) if page.kind != "posttest"
             for number, question in enumerate(page.questions, 1)]


def indexed_text(block: str) -> str:
    """What the search index holds for a section with this block between two paragraphs."""
    parser = Parser()
    parser.feed(f'<h2 id="check">Check</h2>\n<p>Before.</p>\n{block}\n<p>After.</p>')
    parser.close()
    [_, section] = parser.data
    return "".join(section.text).strip()


def test_the_course_has_questions_to_compare() -> None:
    assert len(QUESTIONS) >= 30


@pytest.mark.parametrize(("uri", "number", "question", "total"), QUESTIONS,
                         ids=[q.id for _, _, q, _ in QUESTIONS])
def test_search_reads_the_same_text_from_the_stand_in_as_from_the_question(
    uri: str, number: int, question: Question, total: int
) -> None:
    full, stand_in = render_question_and_stand_in(question, number, COURSE.bibliography, total)
    text = indexed_text(full)
    assert text == indexed_text(stand_in)
    assert f"Question {number} of {total}." in text
    # What the index leaves out stays out: no verdict or rationale, no button label.
    assert "is correct." not in text and "Check answer" not in text
