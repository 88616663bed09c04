"""Pandoc-style citations: [@key], [@a; @b], [@key, p. 73] and [-@key]."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .source import prose_lines

_GROUP = re.compile(r"\[(?P<body>-?@[\w-]+[^\[\]]*)\](?!\()")
_ITEM = re.compile(r"^\s*(?P<suppress>-?)@(?P<key>[\w-]+)\s*(?:,\s*(?P<locator>.+?))?\s*$")


@dataclass(frozen=True)
class CiteItem:
    key: str
    locator: str
    year_only: bool


def parse_group(body: str) -> list[CiteItem] | None:
    """The items of one bracketed citation, or None when it is not citation syntax."""
    items = []
    for part in body.split(";"):
        match = _ITEM.match(part)
        if not match:
            return None
        items.append(
            CiteItem(match.group("key"), match.group("locator") or "", bool(match.group("suppress")))
        )
    return items


def find_citations(text: str, first_line: int = 1) -> list[tuple[str, int]]:
    """(key, file line) for every citation outside code."""
    found = []
    for index, line in prose_lines(text):
        for match in _GROUP.finditer(line):
            for item in parse_group(match.group("body")) or []:
                found.append((item.key, index + first_line))
    return found


def replace_citations(text: str, render: Callable[[list[CiteItem]], str]) -> str:
    """Replace every citation outside code with `render(items)`."""
    lines = text.split("\n")
    for index, prose in prose_lines(text):
        if "@" not in prose:
            continue
        original = lines[index]
        pieces, last = [], 0
        # Match on the code-blanked line so citations inside `code` stay as written.
        for match in _GROUP.finditer(prose):
            items = parse_group(match.group("body"))
            if items is None:
                continue
            pieces.append(original[last : match.start()])
            pieces.append(render(items))
            last = match.end()
        if pieces:
            lines[index] = "".join(pieces) + original[last:]
    return "\n".join(lines)
