"""The sizes the engine accepts, and how author values are quoted in messages.

Every limit is far above what the course uses, so it never bites real content; it exists so
that hostile or broken input gets a diagnostic in bounded time and memory, not a stall.
"""

from __future__ import annotations

import reprlib
from pathlib import Path
from typing import Any

from .yamlsrc import MAX_DEPTH, MAX_VALUES

MAX_FILE_BYTES = 2_000_000  # a page or data file; the course's largest page is about 60 KB
# Python-Markdown pairs brackets and tags within one paragraph in quadratic time, so a
# paragraph may hold only so many; the course's busiest paragraph holds 28.
MAX_MARKUP_PER_PARAGRAPH = 300
MAX_QUOTE = 60  # characters of an author value quoted in a message
MAX_DETAIL = 400  # characters of a message's specific part
MAX_REPORTS = 20  # diagnostics of one bad-input rule per file; then one line counts the rest

_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = MAX_QUOTE
_REPR.maxlist = _REPR.maxdict = 4
_REPR.maxlevel = 2

__all__ = ["MAX_DEPTH", "MAX_DETAIL", "MAX_FILE_BYTES", "MAX_MARKUP_PER_PARAGRAPH", "MAX_QUOTE",
           "MAX_REPORTS", "MAX_VALUES", "clip", "quote"]


def read_source(path: Path) -> str | None:
    """A page's text for a second look (links, counts): None when it is missing or too large,
    which the first read has already reported."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        return path.read_bytes().decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
    except OSError:
        return None


def quote(value: Any) -> str:
    """A short repr of an author value: never walks or prints more than a few elements."""
    return _REPR.repr(value)


def clip(detail: str) -> str:
    """Shorten every 'quoted' run longer than MAX_QUOTE, then the whole detail, in one pass.

    A quote opens at ' not preceded by a letter or digit and closes at ' not followed by one,
    so the apostrophe in "module's" is left alone.
    """
    if "'" not in detail and len(detail) <= MAX_DETAIL:
        return detail
    marks = []
    at = detail.find("'")
    while at >= 0:
        if not (at > 0 and detail[at - 1].isalnum() and detail[at + 1 : at + 2].isalnum()):
            marks.append(at)
        at = detail.find("'", at + 1)
    pieces, last, opened = [], 0, -1
    for mark in marks:
        if opened < 0:
            if mark == 0 or not detail[mark - 1].isalnum():
                opened = mark
            continue
        if mark + 1 < len(detail) and detail[mark + 1].isalnum():
            continue
        if mark - opened - 1 > MAX_QUOTE:
            pieces += [detail[last : opened + 1 + MAX_QUOTE - 1], "…"]
            last = mark
        opened = -1
    pieces.append(detail[last:])
    text = "".join(pieces)
    if len(text) > MAX_DETAIL:
        text = text[: MAX_DETAIL - 101] + " … " + text[-98:]
    return text
