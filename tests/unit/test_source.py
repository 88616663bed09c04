"""coursekit.source: front matter, fenced blocks, words and admonitions, on plain text."""

from __future__ import annotations

import time

import pytest

from coursekit.source import (
    Block,
    FrontMatter,
    Note,
    blank_inline_code,
    count_admonitions,
    count_words,
    extract_admonitions,
    find_blocks,
    heading_text,
    prose_lines,
    split_front_matter,
)

# ---- front matter -------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "front", "used"), [
    ("# Title\n", None, 0),
    ("", None, 0),
    ("---\ntitle: T\n---\n# T\n", FrontMatter("title: T\n", 2, 3, closed=True), 3),
    ("---\ntitle: T\nminutes: 5\n...\n\n# T\n", FrontMatter("title: T\nminutes: 5\n", 2, 4, closed=True), 4),
    ("--- \ntitle: T\n---\t\n# T\n", FrontMatter("title: T\n", 2, 3, closed=True), 3),
    ("---\n---\n# T\n", FrontMatter("", 2, 2, closed=True), 2),
    ("---\ntitle: T\n\n# T\n", FrontMatter("title: T\n\n# T\n", 2, 5, closed=False), 0),
    ("---", FrontMatter("", 2, 1, closed=False), 0),
    # Only the first closing line ends the front matter; a later '---' is a thematic break.
    ("---\na: 1\n---\ntext\n---\n", FrontMatter("a: 1\n", 2, 3, closed=True), 3),
], ids=["none", "empty-file", "closed", "dots", "trailing-space", "empty", "unclosed", "only-dashes",
        "first-close-wins"])
def test_split_front_matter(source: str, front: FrontMatter | None, used: int) -> None:
    assert split_front_matter(source) == (front, used)


def test_front_matter_lines_add_up_to_the_body_line() -> None:
    source = "---\ntitle: T\nid: m1\n---\n\n# T\n"
    _, used = split_front_matter(source)
    body_first_line = used + 1
    assert source.split("\n")[body_first_line] == "# T"  # line 6, counting from 1
    assert body_first_line == 5


# ---- fenced blocks --------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "first_line", "blocks"), [
    ("intro\n\n```question\nid: a\n```\n", 1, [Block("question", 3, 5, "id: a", True, False)]),
    ("~~~roleplay\nid: rp\nsetting: room\n~~~\n", 1,
     [Block("roleplay", 1, 4, "id: rp\nsetting: room", True, False)]),
    ("```question\nid: a\n```\n", 11, [Block("question", 11, 13, "id: a", True, False)]),
    ("!!! note\n    ```question\n    id: a\n    ```\n", 1,
     [Block("question", 2, 4, "    id: a", True, True)]),
    ("- item\n\n\t```agenda\n\tid: x\n\t```\n", 1, [Block("agenda", 3, 5, "\tid: x", True, True)]),
    ("```question\nid: a\nprompt: p\n", 1, [Block("question", 1, 4, "id: a\nprompt: p\n", False, False)]),
    ("```question {.wide title=\"x\"}\nid: a\n```\n", 1, [Block("question", 1, 3, "id: a", True, False)]),
    ("```syllabus\n```\n", 1, [Block("syllabus", 1, 2, "", True, False)]),
    ("```question\nid: a\n`````\n", 1, [Block("question", 1, 3, "id: a", True, False)]),
    ("```python\nx = 1\n```\n\n```mermaid\ngraph\n```\n", 1, []),
    ("````markdown\n```question\nid: a\n```\n````\n", 1, []),
    ("~~~~text\n```roleplay\nid: rp\n```\n~~~~\n", 1, []),
    ("~~~question\nid: a\n```\nstill inside\n~~~\n", 1,
     [Block("question", 1, 5, "id: a\n```\nstill inside", True, False)]),
    ("```\nplain\n```\n```question\nid: b\n```\n", 1, [Block("question", 4, 6, "id: b", True, False)]),
], ids=["backticks", "tildes", "first-line-offset", "in-admonition", "tab-indented", "unclosed",
        "info-attributes", "empty-generated", "longer-closer", "other-languages",
        "four-backtick-example", "four-tilde-example", "tilde-not-closed-by-backticks",
        "after-a-plain-fence"])
def test_find_blocks(text: str, first_line: int, blocks: list[Block]) -> None:
    assert find_blocks(text, first_line) == blocks


def test_block_body_first_line() -> None:
    [block] = find_blocks("x\n```question\nid: a\n```\n", 20)
    assert (block.start, block.body_first_line, block.end) == (21, 22, 23)


# ---- prose and words --------------------------------------------------------------------------


def test_prose_lines_skip_fences_and_blank_inline_code() -> None:
    text = "Use `[@key]` here.\n```python\nx = 1\n```\nAfter ``a ` b`` end."
    assert list(prose_lines(text)) == [
        (0, "Use          here."),
        (4, "After           end."),
    ]


@pytest.mark.parametrize(("text", "words"), [
    ("", 0),
    ("One two three.", 3),
    ("# A heading\n\nA paragraph.", 4),
    ("don't well-known couple’s", 3),
    ("Zärtlichkeit, café and naïve", 4),
    ("Run `mkdocs build --strict` now", 2),
    ("Before\n```python\nlots of words in code\n```\nafter", 2),
    ("Visible <!-- a hidden\nmulti-line comment --> text", 2),
    ("[the link text](https://example.org/a-long-path-with-words)", 3),
    ("As shown [@reis1988; @gottman1999, p. 3] and [-@papp2009].", 3),
    ("*[EFT]: Emotionally Focused Therapy\nEFT works", 2),
    ("- a list item\n- with 2 numbers", 6),
], ids=["empty", "plain", "heading", "apostrophes-hyphens", "accents", "inline-code", "fenced",
        "html-comment", "link-target", "citations", "abbreviation-definition", "list"])
def test_count_words(text: str, words: int) -> None:
    assert count_words(text) == words


def test_count_admonitions() -> None:
    text = (
        '!!! reflection "Reflect"\n    One.\n\n'
        "???+ reflection\n    Two.\n\n"
        "    !!! reflection\n        Nested still counts.\n\n"
        "```markdown\n!!! reflection\n    An example, not counted.\n```\n"
        "!!! reflections\n    A different kind.\n"
    )
    assert count_admonitions(text, "reflection") == 3
    assert count_admonitions(text, "reflections") == 1
    assert count_admonitions(text, "note") == 0


# ---- admonitions ------------------------------------------------------------------------------

PAGE = """\
# Module

## Screening first

Prose before.

!!! instructor "For instructors"
    Practice the check-in in pairs.

    Nobody plays a victim.

More prose.

```markdown
## Not a heading
!!! instructor
    An example in a fence stays.
```

!!! instructor
\tTab-indented body.

!!! note "Kept"
    Another kind stays.
"""


def test_extract_admonitions_removes_notes() -> None:
    text, notes = extract_admonitions(PAGE, "instructor")
    assert notes == [
        Note("For instructors", "Practice the check-in in pairs.\n\nNobody plays a victim.",
             "Screening first"),
        Note("Instructor", "Tab-indented body.", "Screening first"),
    ]
    assert text == """\
# Module

## Screening first

Prose before.


More prose.

```markdown
## Not a heading
!!! instructor
    An example in a fence stays.
```


!!! note "Kept"
    Another kind stays.
"""


def test_extract_admonitions_anchors_notes() -> None:
    text, notes = extract_admonitions(PAGE, "instructor", lambda n: f"<a id=note-{n}></a>")
    assert len(notes) == 2
    assert text == PAGE.replace(
        '!!! instructor "For instructors"', '<a id=note-1></a>\n\n!!! instructor "For instructors"'
    ).replace("!!! instructor\n\tTab", "<a id=note-2></a>\n\n!!! instructor\n\tTab")


def test_extract_admonitions_without_heading_or_title() -> None:
    text, notes = extract_admonitions('???+ instructor\n    Body.\n', "instructor")
    assert notes == [Note("Instructor", "Body.", "")]
    assert text == ""


def test_extract_admonitions_heading_is_the_nearest_above() -> None:
    source = "# A\n\n!!! instructor\n    one\n\n## B ##\n\n!!! instructor \"T\"\n    two\n"
    _, notes = extract_admonitions(source, "instructor")
    assert [(n.title, n.body, n.heading) for n in notes] == [("Instructor", "one", "A"), ("T", "two", "B")]


def test_extract_admonitions_leaves_other_text_untouched() -> None:
    source = "# A\n\n!!! note\n    keep\n"
    assert extract_admonitions(source, "instructor") == (source, [])


# ---- linear scans that replaced backtracking expressions --------------------------------------


@pytest.mark.parametrize(("line", "blanked"), [
    ("a `b` c", "a     c"),
    ("a ``b ` c`` d", "a           d"),
    ("a ``b` c", "a ``b` c"),  # no run of two to close it: plain text
    ("`a` ``b`` `c`", "             "),
    ("``a`a``", "       "),
    ("no code", "no code"),
    ("``a`" * 3, "``a       a`"),  # the two runs of three pair; the 2 and the 1 stay text
], ids=["one", "double-holds-single", "unclosed", "three-spans", "inner-single", "none",
        "hostile-pairs"])
def test_blank_inline_code_pairs_runs_like_commonmark(line: str, blanked: str) -> None:
    assert blank_inline_code(line) == blanked


def test_blank_inline_code_keeps_the_length() -> None:
    line = "x `" * 1000 + "``y``"
    assert len(blank_inline_code(line)) == len(line)


@pytest.mark.parametrize(("line", "text"), [
    ("# Title", "Title"),
    ("## Title ##", "Title"),
    ("### Title #hash", "Title #hash"),
    ("#Title", None),
    ("####### Seven", None),
    ("#   ", None),
    ("# C# ##", "C#"),
], ids=["h1", "closing-hashes", "hash-in-text", "no-space", "seven", "empty", "sharp"])
def test_heading_text(line: str, text: str | None) -> None:
    assert heading_text(line) == text


def test_heading_with_a_long_run_of_spaces_is_fast() -> None:
    start = time.perf_counter()
    assert heading_text("# " + " " * 500_000 + "x") == "x"
    assert time.perf_counter() - start < 1


def test_count_words_with_unclosed_openers_is_linear() -> None:
    hostile = "<!--" * 50_000 + "](" * 50_000 + "[@" * 50_000
    start = time.perf_counter()
    assert count_words(hostile + " three more words") == 3
    assert time.perf_counter() - start < 2
