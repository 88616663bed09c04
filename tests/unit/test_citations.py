"""coursekit.citations: Pandoc-style citations found and replaced outside code only."""

from __future__ import annotations

import time

import pytest

from coursekit.citations import (
    CiteItem,
    citation_errors,
    find_citations,
    parse_group,
    replace_citations,
)


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


@pytest.mark.parametrize(("text", "errors"), [
    ("Fine [@a] and [@a; @b, p. 3] and [-@c].", []),
    ("Empty [@].", ["The citation '[@]' has '@' with no key after it."]),
    ("Open [@a, p. 3 and on", ["The citation '[@a, p. 3 and on' is never closed with ']' on its line."]),
    ("Two [@a @b].", ["The citation '[@a @b]' has '@a @b' with no ';' between the keys."]),
    ("Word [@a b].", ["The citation '[@a b]' has 'b' after '@a'; a locator follows a comma."]),
    ("Comma [@a, ].", ["The citation '[@a, ]' has a comma after '@a' but no locator such as 'p. 12'."]),
    ("Semi [@a;].", ["The citation '[@a;]' has an empty item where '@key' belongs."]),
    ("Nested [@a [@b].", ["The citation '[@a ' is never closed with ']' on its line."]),
    ("A link [@x](https://example.org) and `[@code` and \\[@escaped.", []),
], ids=["fine", "empty", "unclosed", "no-separator", "trailing-word", "empty-locator",
        "trailing-semicolon", "nested-open", "link-code-escape"])
def test_citation_errors(text: str, errors: list[str]) -> None:
    assert citation_errors(text, first_line=4) == [(4, error) for error in errors]


def test_malformed_citation_is_neither_found_nor_replaced() -> None:
    text = "See [@a b] and [@a @b] and [@c]."
    assert find_citations(text) == [("c", 1)]
    assert replace_citations(text, render) == "See [@a b] and [@a @b] and (c)."


def test_citation_scan_is_linear_on_hostile_text() -> None:
    hostile = "[@" * 200_000 + "[@a b]" * 50_000
    start = time.perf_counter()
    assert find_citations(hostile) == []
    assert len(citation_errors(hostile)) == 250_000
    assert time.perf_counter() - start < 10


def test_citation_followed_by_a_colon_mid_line_is_a_citation() -> None:
    # Only a bracket that starts its line (up to three spaces in) can be a link reference
    # definition; "as [@a]: ..." in a sentence cites.
    assert find_citations("As argued [@a]: the point.\n   [@b]: https://example.org\n") == [("a", 1)]
    assert replace_citations("As argued [@a]: the point.", lambda items: "(A)") == \
        "As argued (A): the point."
    # Four spaces in is no definition (Markdown reads it as a list item's text or as code).
    assert find_citations("    [@c]: the point, in a list item.\n") == [("c", 1)]
