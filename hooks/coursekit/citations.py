"""Pandoc-style citations: [@key], [@a; @b], [@key, p. 73] and [-@key].

Brackets are paired by one left-to-right scan of each line and each group is parsed by hand,
so finding citations takes time linear in the text however it is written (no regular
expression here can backtrack). A bracket that starts like a citation but is not one is
reported by `citation_errors`, never silently left in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from .source import prose_lines

_KEY = re.compile(r"[\w-]+")  # one character class: matches in linear time
_CANDIDATE = re.compile(r"\[(?P<body>-?@[^\[\]]*)(?P<close>\]?)")


@dataclass(frozen=True)
class CiteItem:
    key: str
    locator: str
    year_only: bool


# A citation-like bracket: (index of "[", index after "]" or None when never closed, body).
# A plain tuple: a hostile page makes a million of them, and a tuple is the cheapest record.
_Group = tuple[int, int | None, str]


def parse_group(body: str) -> list[CiteItem] | None:
    """The items of one bracketed citation, or None when it is not citation syntax."""
    items, _ = _parse(body)
    return items


def _parse(body: str) -> tuple[list[CiteItem] | None, str]:
    """(items, "") for a well-formed citation body, else (None, what is wrong with it)."""
    items = []
    for part in body.split(";"):
        text = part.strip()
        suppress = text.startswith("-@")
        if not (suppress or text.startswith("@")):
            shown = f"'{text}'" if text else "an empty item"
            return None, f"has {shown} where '@key' belongs"
        match = _KEY.match(text, 2 if suppress else 1)
        if match is None:
            return None, "has '@' with no key after it"
        key, rest = match.group(0), text[match.end():].lstrip()
        locator = ""
        if rest.startswith(","):
            locator = rest[1:].strip()
            if not locator:
                return None, f"has a comma after '@{key}' but no locator such as 'p. 12'"
        elif rest.startswith(("@", "-@")):
            return None, f"has '@{key} {rest.split()[0]}' with no ';' between the keys"
        elif rest:
            return None, f"has '{rest}' after '@{key}'; a locator follows a comma"
        items.append(CiteItem(key, locator, suppress))
    return items, ""


def _groups(line: str) -> Iterator[_Group]:
    """Every citation-like bracket of one line, closed or not.

    A group opens at "[@" or "[-@" and runs to the next bracket: a "]" closes it, a "[" or the
    end of the line leaves it unclosed. The body is one negated character class followed by an
    optional "]", so the pattern never backtracks and the scan is linear.
    """
    for match in _CANDIDATE.finditer(line):
        start = match.start()
        if start and line[start - 1] == "\\":
            continue  # an escaped bracket
        if not match.group("close"):
            yield start, None, match.group("body")
        elif not (line.startswith("(", match.end()) or _is_definition(line, start, match.end())):
            yield start, match.end(), match.group("body")


def _is_definition(line: str, start: int, end: int) -> bool:
    """A link reference definition "[@x]: url" starts its line; "see [@x]: it..." cites."""
    return line.startswith(":", end) and start <= 3 and not line[:start].strip()


@lru_cache(maxsize=16)  # the checks and the transform scan the same text more than once
def _all_groups(text: str) -> tuple[tuple[int, _Group], ...]:
    """(0-based line, group) for every citation-like bracket outside code."""
    return tuple((index, group) for index, line in prose_lines(text) if "[" in line and "@" in line
                 for group in _groups(line))


def find_citations(text: str, first_line: int = 1) -> list[tuple[str, int]]:
    """(key, file line) for every well-formed citation outside code."""
    found = []
    for index, (_, end, body) in _all_groups(text):
        if end is not None:
            for item in parse_group(body) or []:
                found.append((item.key, index + first_line))
    return found


def citation_errors(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(file line, detail) for every bracket written like a citation that is not one."""
    found = []
    for index, (_, end, body) in _all_groups(text):
        if end is None:
            found.append((index + first_line,
                          f"The citation '[{body}' is never closed with ']' on its line."))
            continue
        _, problem = _parse(body)
        if problem:
            found.append((index + first_line, f"The citation '[{body}]' {problem}."))
    return found


def replace_citations(text: str, render: Callable[[list[CiteItem]], str]) -> str:
    """Replace every well-formed citation outside code with `render(items)`."""
    lines = text.split("\n")
    by_line: dict[int, list[_Group]] = {}
    for index, group in _all_groups(text):
        by_line.setdefault(index, []).append(group)
    for index, groups in by_line.items():
        original = lines[index]
        pieces, last = [], 0
        # Groups come from the code-blanked line, so citations inside `code` stay as written.
        for start, end, body in groups:
            if end is None or (items := parse_group(body)) is None:
                continue  # unclosed, or not a citation
            pieces.append(original[last:start])
            pieces.append(render(items))
            last = end
        if pieces:
            lines[index] = "".join(pieces) + original[last:]
    return "\n".join(lines)
