"""Bad input on one page: admonitions written another way, citation syntax, block placement and
paragraphs that would stall Markdown.

Each check is one pass over the page's lines.
"""

from __future__ import annotations

import difflib
import re

from .citations import citation_errors
from .fields import FieldReader
from .limits import MAX_MARKUP_PER_PARAGRAPH, MAX_REPORTS
from .model import Page
from .source import Block, prose_lines

# Admonition types the course gives meaning to: instructor notes are stripped from the learner
# edition, reflections count towards the time estimate, and the others have their own styles.
MEANINGFUL = ("instructor", "reflection", "vignette", "keypoints")
# Every type a page's admonition may have: the course's own (objectives is the module header's)
# and Material's, with its aliases (squidfunk.github.io/mkdocs-material/reference/admonitions).
# Any other word renders as a plain note, so a misspelt '!!! vignete' would lose its look.
KNOWN_TYPES = frozenset({
    *MEANINGFUL, "objectives",
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success",
    "check", "done", "question", "help", "faq", "warning", "caution", "attention", "failure",
    "fail", "missing", "danger", "error", "bug", "example", "quote", "cite",
})
# Markers, spacing and class words of anything that looks like an admonition. The pieces are
# disjoint character classes, so the match is linear.
_ADMONITION_LIKE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<mark>!!!|\?\?\?\+?)(?P<space>[ \t]*)(?P<classes>[\w-]+(?:[ \t]+[\w-]+)*)"
)
# Block-level HTML that can hold Markdown (with md_in_html) or hide it as raw HTML.
_HTML_BLOCK = re.compile(
    r"<(?P<close>/?)(?:div|details|section|aside|article|figure|blockquote|table|form|fieldset|"
    r"main|nav|header|footer)\b",
    re.IGNORECASE,
)


def check_page_text(reader: FieldReader, body: str, first_line: int) -> None:
    """Report admonition spellings, citation syntax and oversized paragraphs in page prose."""
    capped = _Capped(reader)
    for line, detail in citation_errors(body, first_line):
        capped.report("citation-syntax", line, detail)
    _check_admonitions(capped, body, first_line)
    _check_paragraphs(capped, body, first_line)
    capped.close()


class _Capped:
    """A reader that passes on the first MAX_REPORTS diagnostics of each rule, then counts, so
    a page of 50,000 broken citations gives 21 lines, not 50,000."""

    def __init__(self, reader: FieldReader) -> None:
        self.reader = reader
        self.counts: dict[str, tuple[int, int]] = {}  # rule -> (count, line of the last shown)

    def report(self, rule: str, line: int, detail: str) -> None:
        count, last = self.counts.get(rule, (0, 0))
        if count < MAX_REPORTS:
            self.reader.report(rule, line, detail)
            last = line
        self.counts[rule] = (count + 1, last)

    def close(self) -> None:
        for rule, (count, last) in self.counts.items():
            if count > MAX_REPORTS:
                self.reader.report(rule, last, f"{count - MAX_REPORTS:,} more problems of this "
                                   "kind follow on this page; only the first "
                                   f"{MAX_REPORTS} are listed.")


def _check_admonitions(reader: _Capped, body: str, first_line: int) -> None:
    html_depth = 0
    for index, line in prose_lines(body):
        match = _ADMONITION_LIKE.match(line)
        if match:
            _check_admonition(reader, match, html_depth, index + first_line)
        if "<" in line:
            for tag in _HTML_BLOCK.finditer(line):
                html_depth = max(html_depth - 1, 0) if tag.group("close") else html_depth + 1


def _check_admonition(reader: _Capped, match: re.Match[str], html_depth: int, line: int) -> None:
    words = match.group("classes").split()
    kind = next((word.lower() for word in words if word.lower() in MEANINGFUL), None)
    if kind is None:
        if words[0].lower() not in KNOWN_TYPES:
            near = difflib.get_close_matches(words[0].lower(), sorted(KNOWN_TYPES), n=1)
            reader.report("admonition-type", line,
                          f"'{words[0]}' is not an admonition type"
                          + (f"; did you mean '{near[0]}'?" if near else "."))
        return
    indent = match.group("indent")
    canonical = f"!!! {kind}"
    written = f"{match.group('mark')}{match.group('space')}{match.group('classes')}"
    if html_depth:
        reader.report("admonition-spelling", line,
                      f"'{written}' is inside an HTML block, where the engine cannot see it; "
                      f"{_why(kind)}.")
        return
    problems = []
    if match.group("mark") != "!!!":
        problems.append(f"'{match.group('mark')}' makes a collapsible block")
    if match.group("space") != " ":
        problems.append("'!!!' needs exactly one space after it")
    if words != [kind]:
        problems.append(f"the type must be the single lower-case word '{kind}'")
    if indent and "\t" not in indent and len(indent) < 4:
        problems.append(f"it is indented {len(indent)} space{'s' if len(indent) > 1 else ''}")
    elif indent and not problems:
        return  # nested four spaces deep and otherwise canonical: instructor-note-nested's case
    if problems:
        reader.report("admonition-spelling", line,
                      f"'{written}' is not written '{canonical}': {'; '.join(problems)}; "
                      f"{_why(kind)}.")


def _why(kind: str) -> str:
    return {
        "instructor": "a note written this way could reach the learner edition",
        "reflection": "the time estimate would not count it",
    }.get(kind, "it would not get the course's style")


def _check_paragraphs(reader: _Capped, body: str, first_line: int) -> None:
    """Python-Markdown pairs brackets, tags, backticks and asterisks within one paragraph in
    quadratic time, so a paragraph may hold only so many (fenced code is not inline-parsed)."""
    lines = body.split("\n")
    prose = dict(prose_lines(body))
    count, start = 0, -1
    for index in range(len(lines) + 1):
        line = lines[index] if index < len(lines) and index in prose else ""
        if not line.strip():
            if count > MAX_MARKUP_PER_PARAGRAPH:
                reader.report("file-too-large", start + first_line,
                              f"The paragraph starting here holds {count:,} of '[', '<', '`' and "
                              f"'*'; the limit is {MAX_MARKUP_PER_PARAGRAPH} per paragraph, "
                              "because Markdown slows down quadratically over them.")
            count, start = 0, -1
            continue
        if start < 0:
            start = index
        count += sum(line.count(char) for char in "[<`*")


# Blocks whose content the build writes (My progress, "continue where you left off").
_FILLED_BLOCKS = ("progress", "continue")


def block_misplaced(reader: FieldReader, page: Page, block: Block, seen: dict[str, int]) -> bool:
    """Report a block the page cannot hold; True when the block must be skipped.

    `seen` holds the line of the page's first block of each kind met so far.
    """
    if not block.closed or block.indented:
        return False
    first = seen.setdefault(block.kind, block.start)
    if block.kind in _FILLED_BLOCKS:  # filled in by the build, so written empty and once
        if first != block.start:
            reader.report("block-generated", block.start,
                          f"A second {block.kind} block on this page (the first is on line {first}).")
            return True
        if block.body.strip():
            reader.report("block-generated", block.start,
                          f"The {block.kind} block holds text; the build fills it in and would drop it.")
            return True
        return False
    if block.kind != "roleplay":
        return False
    if first != block.start:
        reader.report("block-placement", block.start,
                      f"A second roleplay block on this page (the first is on line "
                      f"{first}); a page holds one role-play.")
        return True
    kinds = {"module": "a module page", "part": "a module part page",
             "posttest": "the post-test page"}
    if page.kind in kinds:
        reader.report("block-placement", block.start,
                      f"A roleplay block on {kinds[page.kind]} would turn it into a role-play "
                      "page.")
        return True
    return False
