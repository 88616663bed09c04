"""author_markdown skips Markdown for plain text; its HTML must equal what Markdown would give."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from coursekit.course import load_course
from coursekit.render import author_markdown
from pagehtml import Html

ROOT = Path(__file__).resolve().parents[2]
# The oracle is Python-Markdown configured to the author-text contract, not a copy of the code
# under test: no raw HTML, entities or autolinks (all shown as typed), no block quotes (a leading
# '>' is text), surrounding whitespace ignored. author_markdown gets there by escaping first and
# by skipping Markdown for plain text; either shortcut going wrong makes the outputs differ.
_MD = markdown.Markdown(output_format="html")
_MD.preprocessors.deregister("html_block")
_MD.parser.blockprocessors.deregister("quote")
for _pattern in ("html", "entity", "autolink", "automail"):
    _MD.inlinePatterns.deregister(_pattern)


def through_markdown(text: str, inline: bool) -> str:
    _MD.reset()
    block = _MD.convert(text.strip())
    # Inline fields (a prompt, an option) drop the wrapper of a lone paragraph, nothing else.
    lone_paragraph = ([tag for tag, _ in Html(block).tags].count("p") == 1
                      and block.startswith("<p>") and block.endswith("</p>"))
    return block.removeprefix("<p>").removesuffix("</p>") if inline and lone_paragraph else block


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
