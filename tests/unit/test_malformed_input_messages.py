"""The exact words an author reads for input the engine cannot use: bytes that are not UTF-8
(counted once per run of bad bytes, at the edges of the byte range too) and citation items
that are not '@key'.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.citations import CiteItem, citation_errors, find_citations, parse_group, replace_citations
from coursekit.course import load_course

PAGE = b"---\ntitle: Page\n---\n\n# Page\n\n"


def encoding_messages(tmp_path: Path, body: bytes) -> list[tuple[int, str]]:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_bytes(PAGE + body)
    found = load_course(docs, "docs").diagnostics
    return [(d.line, d.message.split(". ")[0] + ".") for d in found if d.rule == "file-encoding"]


@pytest.mark.parametrize(("body", "message"), [
    (b"A \x80 here.\n", "Byte 0x80 in column 3 is not UTF-8."),
    (b"A \xff here.\n", "Byte 0xff in column 3 is not UTF-8."),
    (b"\x80\x81\x82 one run.\n", "Byte 0x80 in column 1 is not UTF-8."),
    (b"\x80 and \xff.\n", "Byte 0x80 in column 1 is not UTF-8; 1 more such byte sequence follows."),
    (b"\xff, \x80 and \xc3.\n", "Byte 0xff in column 1 is not UTF-8; 2 more such byte sequences follow."),
], ids=["lowest", "highest", "one-run", "two", "three"])
def test_undecodable_bytes_are_one_diagnostic_counting_each_run(
    tmp_path: Path, body: bytes, message: str
) -> None:
    assert encoding_messages(tmp_path, body) == [(7, message)]


@pytest.mark.parametrize(("text", "error"), [
    ("[@a; b]", "The citation '[@a; b]' has 'b' where '@key' belongs."),
    ("[@a; see @b]", "The citation '[@a; see @b]' has 'see @b' where '@key' belongs."),
    ("[@a;  ]", "The citation '[@a;  ]' has an empty item where '@key' belongs."),
    ("[-@]", "The citation '[-@]' has '@' with no key after it."),
], ids=["bare-word", "prefix-word", "blank-item", "suppressed-empty"])
def test_a_citation_item_that_is_not_a_key_is_named_in_the_message(text: str, error: str) -> None:
    assert citation_errors(f"As noted {text}.", 3) == [(3, error)]


def test_two_keys_without_a_semicolon_are_named_whatever_the_second_is() -> None:
    assert citation_errors("See [@a -@b].") == [
        (1, "The citation '[@a -@b]' has '@a -@b' with no ';' between the keys.")]


def test_a_locator_may_follow_the_comma_without_a_space() -> None:
    assert parse_group("@a,p. 3") == [CiteItem("a", "p. 3", False)]
    assert parse_group("@a ,  ch. 2") == [CiteItem("a", "ch. 2", False)]


def test_an_escaped_bracket_is_skipped_and_the_line_still_scanned() -> None:
    line = r"Write \[@a] to show it; this one counts [@b]."
    assert find_citations(line) == [("b", 1)]
    assert replace_citations(line, lambda items: "X") == r"Write \[@a] to show it; this one counts X."
    assert citation_errors(line) == []


@pytest.mark.parametrize("line", ["[@x]: https://example.org", "See [@x](https://example.org)."])
def test_a_link_or_link_definition_is_not_a_citation(line: str) -> None:
    assert find_citations(line) == []
    assert citation_errors(line) == []
    assert replace_citations(line, lambda items: "X") == line


def test_an_unclosed_citation_is_reported_not_replaced() -> None:
    for line in ("Open [@a", "Nested [@a [@b]."):  # the unclosed body alone would parse as a key
        assert replace_citations(line, lambda items: "X") == (line if "[@b]" not in line
                                                              else "Nested [@a X.")
        assert find_citations(line) == ([] if "[@b]" not in line else [("b", 1)])
    assert citation_errors("Open [@a") == [(1, "The citation '[@a' is never closed with ']' on its line.")]


def load_bytes(tmp_path: Path, raw: bytes) -> tuple[list[tuple[int, str]], object]:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_bytes(raw)
    loaded = load_course(docs, "docs")
    return [(d.line, d.message.split(". ")[0]) for d in loaded.diagnostics], loaded.pages["page.md"]


def test_a_bad_byte_after_a_leading_newline_is_on_line_two_column_one(tmp_path: Path) -> None:
    found, _ = load_bytes(tmp_path, b"\n\xff\n")
    assert found == [(2, "Byte 0xff in column 1 is not UTF-8")]


@pytest.mark.parametrize("bad", [b"", b"\xff"], ids=["valid", "with-a-bad-byte"])
def test_windows_line_ends_read_as_plain_lines(tmp_path: Path, bad: bytes) -> None:
    raw = b"---\r\ntitle: Page\r\n---\r\n\r\n# Page\r\n\r\nOne two three" + bad + b".\r\n"
    found, page = load_bytes(tmp_path, raw)
    assert found == ([] if not bad else [(7, "Byte 0xff in column 14 is not UTF-8")])
    assert page.title == "Page"  # the front matter was found: no \r left in the text
    assert "\r" not in page.prose


def test_a_byte_order_mark_is_dropped_before_the_front_matter(tmp_path: Path) -> None:
    found, page = load_bytes(tmp_path, b"\xef\xbb\xbf---\ntitle: Page\n---\n\n# Page\n\nOne \xff.\n")
    assert [line for line, _ in found] == [7]
    assert page.title == "Page"


def test_a_bad_byte_after_a_byte_order_mark_is_named_exactly(tmp_path: Path) -> None:
    found, _ = load_bytes(tmp_path, b"\xef\xbb\xbfOne two three\xff.\n")
    assert found == [(1, "Byte 0xff in column 14 is not UTF-8")]


def test_every_unclosed_citation_on_a_line_is_reported() -> None:
    assert citation_errors("Open [@a and [@b") == [
        (1, "The citation '[@a and ' is never closed with ']' on its line."),
        (1, "The citation '[@b' is never closed with ']' on its line."),
    ]
