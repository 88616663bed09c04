"""The instructor answer key (post-test page): options in the order and with the letters learners
see, and light markup (its items stay out of the page's table of contents).

Checked by breaking the engine: the key in source order, and the items as `###` Markdown
headings again, each made a test below fail.
"""

from __future__ import annotations

import re
from pathlib import Path

from coursetext import module, question_block, write_docs

from coursekit.course import load_course
from coursekit.edition import page_body
from coursekit.order import shown_options
from coursekit.render import option_letter
from coursekit.transform import Context, transform_page

POSTTEST = "---\ntitle: Post-test\nposttest: true\n---\n\n# Post-test\n\n{questions}"
IDS = ("pt-a", "pt-b", "pt-c", "pt-d", "pt-e")  # enough items that some order is shuffled


def _key(tmp_path: Path) -> tuple[str, list]:
    source = POSTTEST.format(questions="\n".join(question_block(q, "m1-o1") for q in IDS))
    docs = write_docs(tmp_path / "docs", {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
                                          "instructors/post-test.md": source})
    course = load_course(docs, "docs")
    page = course.pages["instructors/post-test.md"]
    text = transform_page(page_body(source), page, Context(course, True, {})).markdown
    return text, page.questions


def test_the_key_lists_options_as_learners_see_them(tmp_path: Path) -> None:
    text, questions = _key(tmp_path)
    shuffled = 0
    for question, block in zip(questions, text.split("<h3 ")[1:], strict=True):
        items = re.findall(r"^- (?:\*\*)?([A-Z]+): (?:correct|not correct)\.(?:\*\*)? (.+?) — ",
                           block, re.MULTILINE)
        shown = shown_options(question)
        assert items == [(option_letter(i), o.text) for i, o in enumerate(shown)], block
        shuffled += [o.text for o in shown] != [o.text for o in question.options]
    assert shuffled, "no item's display order differs from its source order: the test proves nothing"


def test_the_key_marks_the_correct_option_and_keeps_out_of_the_toc(tmp_path: Path) -> None:
    text, _ = _key(tmp_path)
    assert not re.search(r"^#{3,} ", text, re.MULTILINE), "items as Markdown headings fill the TOC"
    assert text.count("<h3 id=\"key-") == len(IDS)
    correct = re.findall(r"^- \*\*[A-Z]+: correct\.\*\* (.+?) — ", text, re.MULTILINE)
    assert correct == ["Name the cue."] * len(IDS)
