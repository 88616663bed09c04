"""author_markdown skips Markdown for plain text; its HTML must equal what Markdown would give."""

from __future__ import annotations

import html
from pathlib import Path

import markdown
import pytest

from coursekit.course import load_course
from coursekit.render import author_markdown

ROOT = Path(__file__).resolve().parents[2]
_MD = markdown.Markdown()


def through_markdown(text: str, inline: bool) -> str:
    _MD.reset()
    rendered = _MD.convert(html.escape(text.strip(), quote=False))
    if inline and rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return rendered


CRAFTED = [
    "Plain words, with 'quotes' & an ampersand.",
    "Two\n\nparagraphs.",
    "A line\ncontinued.",
    "- a list item",
    "1. numbered",
    "> quoted",
    "# heading",
    "    indented code",
    "hard break  \nnext",
    "Setext\n===",
    "*emphasis* and `code`",
    "a [link](x.md)",
    "a <b>tag</b> shown as text",
    "well-known mid-line hyphen - and a dash",
    "a + b = c",
]


def course_strings() -> list[tuple[str, bool]]:
    course = load_course(ROOT / "docs", "docs")
    strings: list[tuple[str, bool]] = []
    for page in course.pages.values():
        for question in page.questions:
            strings.append((question.prompt, True))
            for option in question.options:
                strings += [(option.text, True), (option.rationale, False)]
    return strings


@pytest.mark.parametrize("inline", [True, False])
@pytest.mark.parametrize("text", CRAFTED)
def test_crafted_text_renders_as_markdown_would(text: str, inline: bool) -> None:
    assert str(author_markdown(text, inline)) == through_markdown(text, inline)


def test_every_course_string_renders_as_markdown_would() -> None:
    strings = course_strings()
    assert len(strings) > 400
    differ = [t for t, inline in strings if str(author_markdown(t, inline)) != through_markdown(t, inline)]
    assert differ == []
