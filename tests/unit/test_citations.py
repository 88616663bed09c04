"""coursekit.citations: Pandoc-style citations found and replaced outside code only."""

from __future__ import annotations

import pytest

from coursekit.citations import CiteItem, find_citations, parse_group, replace_citations


@pytest.mark.parametrize(("body", "items"), [
    ("@reis1988", [CiteItem("reis1988", "", False)]),
    ("@holley2010; @papp2009", [CiteItem("holley2010", "", False), CiteItem("papp2009", "", False)]),
    ("@christensen1990, p. 73", [CiteItem("christensen1990", "p. 73", False)]),
    ("-@reis1988", [CiteItem("reis1988", "", True)]),
    ("@a,  pp. 3-4 ; -@b-2", [CiteItem("a", "pp. 3-4", False), CiteItem("b-2", "", True)]),
    ("@a_b", [CiteItem("a_b", "", False)]),
    ("see @reis1988", None),
    ("@a b", None),
    ("@a; not a key", None),
    ("mail@example", None),
], ids=["one", "two", "locator", "suppress-author", "mixed", "underscore", "prefix-text",
        "trailing-word", "second-not-a-key", "email"])
def test_parse_group(body: str, items: list[CiteItem] | None) -> None:
    assert parse_group(body) == items


TEXT = """\
As shown [@a; @b, p. 3] and `[@code]` and [@x](https://example.org) and [see @c] and [@d].
```text
[@fenced]
```
mail@example.com [mail@x] [-@e] [@f,  pp. 3-4 ]
    [@indented] and ``[@double-tick]``"""


def test_find_citations_with_file_lines() -> None:
    assert find_citations(TEXT, first_line=10) == [
        ("a", 10), ("b", 10), ("d", 10), ("e", 14), ("f", 14), ("indented", 15),
    ]


def render(items: list[CiteItem]) -> str:
    return "(" + "; ".join(f"{i.key}{'*' if i.year_only else ''}{'@' + i.locator if i.locator else ''}"
                           for i in items) + ")"


def test_replace_citations_outside_code_only() -> None:
    assert replace_citations(TEXT, render) == """\
As shown (a; b@p. 3) and `[@code]` and [@x](https://example.org) and [see @c] and (d).
```text
[@fenced]
```
mail@example.com [mail@x] (e*) (f@pp. 3-4)
    (indented) and ``[@double-tick]``"""


@pytest.mark.parametrize("text", [
    "No citations here.",
    "A link [@handle](https://example.org/@handle) stays a link.",
    "Code `x = [@a]` stays code.",
    "```\n[@a]\n```",
    "~~~~\n```\n[@a]\n```\n~~~~",
    "An email, someone@example.org, is not a citation.",
], ids=["none", "link", "inline-code", "fence", "nested-fence", "email"])
def test_text_without_citations_is_unchanged(text: str) -> None:
    assert replace_citations(text, render) == text
    assert find_citations(text) == []


def test_replacement_keeps_the_rest_of_the_line_byte_for_byte() -> None:
    line = "Before `code [@a]` [@b] after *emphasis* [@c, ch. 2]."
    assert replace_citations(line, render) == "Before `code [@a]` (b) after *emphasis* (c@ch. 2)."
