"""Reading Markdown source: front matter, fenced blocks, admonitions and prose.

Everything here works on plain text and line numbers; nothing renders. Every scan is linear
in the length of its input: the few regular expressions left are anchored or single character
classes that cannot backtrack, and everything else is a hand-written loop over lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

# The fenced block kinds the course engine owns. Any other fence is ordinary code.
DATA_BLOCKS = ("question", "roleplay", "agenda")
GENERATED_BLOCKS = (
    "syllabus",
    "references",
    "glossary",
    "roleplay-index",
    "coursekit-rules",
    "host-info",
    "printables-index",
    "instructor-entry",  # the home page's way into the instructor material (H5)
    "progress",  # the My progress page's table and controls
    "continue",  # "continue where you left off", for a returning learner
)
BLOCK_KINDS = DATA_BLOCKS + GENERATED_BLOCKS

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n]*)$")
_ADMONITION = re.compile(r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]*(?P<kind>[\w-]+)")
_WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F][\w'\u2019\u00C0-\u024F-]*")


@dataclass(frozen=True)
class FrontMatter:
    text: str  # the YAML between the delimiters
    first_line: int  # file line of the first YAML line
    end_line: int  # file line of the closing delimiter
    closed: bool


@dataclass(frozen=True)
class Block:
    """A fenced block the engine owns, with its lines in the source file."""

    kind: str
    start: int  # line of the opening fence
    end: int  # line of the closing fence (or last line when unclosed)
    body: str
    closed: bool
    indented: bool

    @property
    def body_first_line(self) -> int:
        return self.start + 1


def split_front_matter(source: str) -> tuple[FrontMatter | None, int]:
    """Return the front matter (if any) and the number of lines it occupies."""
    if not source.startswith("---"):
        return None, 0
    lines = source.split("\n")
    if lines[0].rstrip(" \t") != "---" or len(lines) == 1:
        return FrontMatter(source[4:], 2, source.count("\n") + 1, closed=False), 0
    for index in range(1, len(lines)):
        if lines[index].rstrip(" \t") in ("---", "..."):
            used = index + 1
            text = "".join(line + "\n" for line in lines[1:index])
            return FrontMatter(text, 2, used, closed=True), used
    return FrontMatter(source[4:], 2, source.count("\n") + 1, closed=False), 0


def _fences(lines: list[str]) -> Iterator[tuple[int, int, str, str, bool]]:
    """Yield (start, end, info, indent, closed) for every fenced block, 0-based lines."""
    index = 0
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if not match:
            index += 1
            continue
        fence, indent = match.group("fence"), match.group("indent")
        closer = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = index + 1
        while end < len(lines) and not closer.match(lines[end]):
            end += 1
        closed = end < len(lines)
        yield index, min(end, len(lines) - 1), match.group("info").strip(), indent, closed
        index = end + 1


def find_blocks(text: str, first_line: int = 1) -> list[Block]:
    """The engine's blocks in `text`, whose first line is file line `first_line`."""
    lines = text.split("\n")
    blocks = []
    for start, end, info, indent, closed in _fences(lines):
        kind = info.split()[0] if info else ""
        if kind not in BLOCK_KINDS:
            continue
        body = "\n".join(lines[start + 1 : end if closed else end + 1])
        blocks.append(
            Block(kind, start + first_line, end + first_line, body, closed, bool(indent))
        )
    return blocks


def prose_lines(text: str) -> tuple[tuple[int, str], ...]:
    """(0-based line, text) for every line outside fenced blocks, with inline code blanked."""
    return _prose_lines(text)


@lru_cache(maxsize=1024)  # several checks scan each page, in passes over the whole course
def _prose_lines(text: str) -> tuple[tuple[int, str], ...]:
    lines = text.split("\n")
    fenced: set[int] = set()
    for start, end, *_ in _fences(lines):
        fenced.update(range(start, end + 1))
    return tuple(
        (index, blank_inline_code(line) if "`" in line else line)
        for index, line in enumerate(lines)
        if index not in fenced
    )


def blank_inline_code(line: str) -> str:
    """The line with each code span (a run of n backticks up to the next run of exactly n)
    turned into spaces, as CommonMark pairs them, in linear time."""
    runs: list[tuple[int, int]] = []  # (start, length) of every backtick run
    index = line.find("`")
    while index >= 0:
        end = index
        while end < len(line) and line[end] == "`":
            end += 1
        runs.append((index, end - index))
        index = line.find("`", end)
    following: list[int] = [-1] * len(runs)  # the next run of the same length, right to left
    last: dict[int, int] = {}
    for number in range(len(runs) - 1, -1, -1):
        following[number] = last.get(runs[number][1], -1)
        last[runs[number][1]] = number
    chars = list(line)
    number = 0
    while number < len(runs):
        closer = following[number]
        if closer < 0:
            number += 1
            continue
        start, (close_start, close_length) = runs[number][0], runs[closer]
        chars[start : close_start + close_length] = " " * (close_start + close_length - start)
        number = closer + 1
    return "".join(chars)


def prose_text(text: str) -> str:
    """The text with fenced blocks and inline code blanked, line numbers unchanged."""
    lines = [""] * (text.count("\n") + 1)
    for index, line in prose_lines(text):
        lines[index] = line
    return "\n".join(lines)


def count_words(text: str) -> int:
    """Words of prose, outside fenced blocks, inline code, HTML comments and link targets."""
    prose = _cut(prose_text(text), "<!--", "-->", " ")
    prose = _cut(prose, "](", ")", "]")
    prose = _cut(_cut(prose, "[@", "]", " "), "[-@", "]", " ")
    prose = "\n".join(" " if line.startswith("*[") and "]:" in line else line
                      for line in prose.split("\n"))
    return len(_WORD.findall(prose))


def _cut(text: str, opener: str, closer: str, replacement: str) -> str:
    """Replace each span from `opener` to the next `closer` (both included), left to right.

    Linear: once a closer is missing after some point, no later opener can be closed either.
    """
    pieces, last = [], 0
    start = text.find(opener)
    while start >= 0:
        end = text.find(closer, start + len(opener))
        if end < 0:
            break
        pieces += [text[last:start], replacement]
        last = end + len(closer)
        start = text.find(opener, last)
    return "".join(pieces) + text[last:] if pieces else text


def admonition_lines(text: str, kind: str) -> list[tuple[int, bool]]:
    """(0-based line, nested?) of every admonition of `kind` outside fenced code."""
    return [  # indented 1-3 spaces is not nesting in Markdown: admonition-spelling's case
        (index, "\t" in m.group("indent") or len(m.group("indent")) >= 4)
        for index, line in prose_lines(text)
        if (m := _ADMONITION.match(line)) and m.group("kind") == kind
    ]


def count_admonitions(text: str, kind: str) -> int:
    return len(admonition_lines(text, kind))


@dataclass(frozen=True)
class Note:
    """An admonition lifted out of a page (used for instructor notes)."""

    title: str
    body: str  # dedented Markdown
    heading: str  # text of the nearest heading above it, or ""


# Every class word of an admonition ("!!! note instructor"); disjoint classes: no backtracking.
_CLASSES = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*(?P<classes>[\w-]+(?:[ \t]+[\w-]+)*)")
_TITLE = re.compile(r'^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*[\w-]+(?:[ \t]+"(?P<title>[^"]*)")?')


def heading_text(line: str) -> str | None:
    """The text of an ATX heading line ("## Title ##"), or None; no regular expression, so a
    long run of spaces or hashes costs linear time."""
    hashes = len(line) - len(line.lstrip("#"))
    if not 1 <= hashes <= 6 or line[hashes : hashes + 1] not in (" ", "\t"):
        return None
    text = line[hashes:].strip(" \t")
    closing = text.rstrip("#")
    if closing != text and (not closing or closing[-1] in " \t"):
        text = closing.rstrip(" \t")
    return text or None


def extract_admonitions(
    text: str, kind: str, anchor: Callable[[int], str] | None = None
) -> tuple[str, list[Note]]:
    """Find top-level admonitions of `kind`, returning the text and the notes.

    Without `anchor` the admonitions are removed from the text; with it they stay, each
    preceded by `anchor(n)` for the n-th note (counting from 1).
    """
    lines = text.split("\n")
    fenced: set[int] = set()
    for start, end, *_ in _fences(lines):
        fenced.update(range(start, end + 1))
    kept: list[str] = []
    notes: list[Note] = []
    heading = ""
    index = 0
    while index < len(lines):
        line = lines[index]
        match = _ADMONITION.match(line) if index not in fenced else None
        # Every spelling Markdown might still render is lifted out (admonition-spelling refuses
        # them too): "!!! Instructor", "!!!instructor", "??? instructor", up to 3 spaces in.
        indent = match.group("indent") if match else ""
        classes = _CLASSES.match(line) if match else None
        if (classes and kind in classes.group("classes").lower().split()
                and len(indent) < 4 and "\t" not in indent):
            start = index
            title_match = _TITLE.match(line)
            title = (title_match.group("title") if title_match else None) or kind.title()
            index += 1
            body: list[str] = []
            while index < len(lines) and (
                not lines[index].strip() or lines[index].startswith(("    ", "\t"))
            ):
                raw = lines[index]
                body.append(raw[4:] if raw.startswith("    ") else raw.removeprefix("\t"))
                index += 1
            notes.append(Note(title, "\n".join(body).strip("\n"), heading))
            if anchor is None:
                kept.append("")
            else:
                kept += [anchor(len(notes)), "", line, *lines[start + 1 : index]]
            continue
        if index not in fenced and (found := heading_text(line)):
            heading = found
        kept.append(line)
        index += 1
    return "\n".join(kept), notes
