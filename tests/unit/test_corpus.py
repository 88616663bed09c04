"""Nasty inputs: every file in tests/fixtures/bad yields exactly the diagnostics listed here
and never raises, alone and through the stand-alone checker `python -m coursekit`.

Each file is checked as the only page of a course (load_course on a folder holding just that
file), so course-level rules such as question-outside-module appear too, exactly as an author
running the checker on that file would see them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from coursetext import MODULE_HEAD, PROSE, ROLEPLAY_PAGE, question_block, vary

from coursekit.course import load_course
from coursekit.diagnostics import Diagnostic
from coursekit.parse import parse_page

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
BAD = FIXTURES / "bad"
RAISES = FIXTURES / "raises"

# file name -> [(line, rule)] in the order the engine reports them (sorted by line, then rule).
EXPECTED: dict[str, list[tuple[int, str]]] = {
    "empty.md": [],
    "only-dashes.md": [(1, "front-matter")],
    # Not UTF-8: one diagnostic at the first bad byte (then the rest is read as far as it can be).
    "binary-junk.md": [(1, "file-encoding")],
    "tabs-in-yaml.md": [(5, "yaml-syntax")],
    "question-is-a-list.md": [(4, "yaml-shape")],
    "options-as-string.md": [
        (3, "question-outside-module"), (7, "question-option-count"), (7, "wrong-type"),
    ],
    "roles-as-mapping.md": [(10, "roleplay-objective"), (18, "wrong-type"), (22, "roleplay-speaker")],
    "unclosed-fence.md": [(5, "unclosed-block")],
    "nested-fences.md": [(4, "block-indented"), (10, "block-indented")],
    # A question example inside a 4-backtick or 4-tilde fence is an example, not a question.
    "four-backtick-example.md": [],
    "huge-numbers.md": [(4, "reading-time")],
    "non-ascii.md": [(4, "reading-time"), (18, "question-id")],
    # `text: Yes` and `text: No` are YAML booleans: the checker says so instead of showing "True".
    "crlf.md": [(4, "reading-time"), (17, "question-type"), (20, "wrong-type"), (23, "wrong-type")],
    "duplicate-keys.md": [
        (3, "duplicate-key"), (8, "question-outside-module"), (12, "question-no-correct"),
        (15, "duplicate-key"), (21, "duplicate-key"),
    ],
    # `- *same` repeats the anchored option: reported at the anchor, where the text is written.
    "anchors-aliases.md": [
        (3, "question-outside-module"), (8, "question-duplicate-option"),
        (8, "question-several-correct"),
    ],
    "date-where-text-belongs.md": [(4, "reading-time"), (5, "module-level"), (6, "module-reviewed")],
    "script-in-prompt.md": [(3, "question-outside-module"), (6, "unsafe-html")],
    "onerror-in-rationale.md": [
        (3, "question-outside-module"), (10, "unsafe-html"), (14, "unsafe-html"),
    ],
    # The key is also far longer than the one-letter distractors (an item-writing warning).
    "javascript-url-in-option.md": [
        (3, "question-outside-module"), (8, "item-key-longest"), (8, "unsafe-url"),
    ],
    "iframe-in-roleplay.md": [
        (10, "roleplay-objective"), (22, "unsafe-html"), (27, "unsafe-html"), (39, "unsafe-html"),
        (41, "unsafe-url"),
    ],
    "script-in-prose.md": [(3, "unsafe-html"), (5, "unsafe-html")],
    "front-matter-unclosed.md": [
        (1, "front-matter"), (7, "question-outside-module"), (8, "missing-key"), (8, "missing-key"),
        (8, "missing-key"), (8, "question-option-count"),
    ],
}

# Exact messages for the inputs whose wording matters most.
MESSAGES = {
    "iframe-in-roleplay.md": [
        "bad/iframe-in-roleplay.md:22: [unsafe-html] Tag <iframe> is not allowed. Use Markdown "
        "instead, or only the tags and attributes listed under 'What HTML course text may use' in "
        "the authoring guide; show markup as text inside `code`.",
        "bad/iframe-in-roleplay.md:39: [unsafe-html] Attribute 'onmouseover' is not allowed on <b>. "
        "Use Markdown instead, or only the tags and attributes listed under 'What HTML course text "
        "may use' in the authoring guide; show markup as text inside `code`.",
        "bad/iframe-in-roleplay.md:41: [unsafe-url] A Markdown link has a 'javascript:' URL. Link "
        "with https://, http:// or mailto:, or a relative path to a page or file of the course; "
        "give an image as a relative path.",
    ],
    "crlf.md": [
        "bad/crlf.md:17: [question-type] Type 'either' of question 'm1-crlf' is not allowed. Write "
        "'type: single' or 'type: multiple'.",
        "bad/crlf.md:20: [wrong-type] 'text' in question 'm1-crlf' must be text. Write the value in "
        "the form the authoring guide shows.",
    ],
    "non-ascii.md": [
        "bad/non-ascii.md:18: [question-id] Question id 'm1-ça-va' is malformed. Give each question "
        "a unique id in lower case with hyphens, such as 'm2-split-sides'.",
    ],
    "binary-junk.md": [
        "bad/binary-junk.md:1: [file-encoding] Byte 0x89 in column 1 is not UTF-8; 2 more such "
        "byte sequences follow. Save the file with the UTF-8 encoding (most editors: Save with "
        "Encoding), then check the characters on that line.",
    ],
    "tabs-in-yaml.md": [
        "bad/tabs-in-yaml.md:5: [yaml-syntax] Malformed YAML in front matter: while scanning for the "
        "next token found character '\\t' that cannot start any token. Check the indentation, and "
        "quote text that contains ': ' or starts with a quote.",
    ],
}


def check_alone(tmp_path: Path, source: Path) -> list[Diagnostic]:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copyfile(source, docs / source.name)
    return load_course(docs, "bad").diagnostics


def test_corpus_is_large_and_fully_listed() -> None:
    on_disk = {path.name for path in BAD.glob("*.md")}
    assert on_disk == set(EXPECTED)
    assert len(on_disk) >= 15


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_gives_exact_diagnostics(name: str, tmp_path: Path) -> None:
    found = check_alone(tmp_path, BAD / name)
    assert [(d.line, d.rule) for d in found] == EXPECTED[name]
    assert all(d.path == f"bad/{name}" for d in found)
    formatted = [d.format() for d in found]
    for message in MESSAGES.get(name, []):
        assert message in formatted


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_parse_page_never_raises_on_raw_bytes(name: str) -> None:
    """parse_page itself, given the undecoded-newline text (CRLF kept), agrees with the course."""
    source = (BAD / name).read_bytes().decode("utf-8", errors="replace")
    page, found = parse_page(f"bad/{name}", name, source)
    assert page.src_uri == name
    page_rules = [(d.line, d.rule) for d in found]
    course_only = {"question-outside-module", "roleplay-objective", "reading-time", "file-encoding",
                   "item-key-longest"}
    assert sorted(page_rules) == [row for row in EXPECTED[name] if row[1] not in course_only]


def test_huge_number_is_reported_in_full(tmp_path: Path) -> None:
    [found] = check_alone(tmp_path, BAD / "huge-numbers.md")
    assert found.format().startswith(
        "bad/huge-numbers.md:4: [reading-time] Declared 99999999999999999999999999999999 minutes, "
        "but the estimate is 2 (2 words at 130 per minute, 1 question, 0 reflections); ")


def test_crlf_fixture_really_has_crlf() -> None:
    raw = (BAD / "crlf.md").read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n") > 20


def test_binary_fixture_really_is_junk() -> None:
    raw = (BAD / "binary-junk.md").read_bytes()
    assert b"\x00" in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")


def test_four_backtick_example_is_not_parsed(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copyfile(BAD / "four-backtick-example.md", docs / "example.md")
    loaded = load_course(docs, "docs")
    assert loaded.pages["example.md"].questions == []
    assert loaded.pages["example.md"].roleplay is None


# ---- the stand-alone checker --------------------------------------------------------------

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): \[(?P<rule>[a-z-]+)\] .+$")


def run_checker(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "coursekit", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60, check=False)


def test_checker_reports_the_whole_corpus_sorted() -> None:
    result = run_checker("tests/fixtures/bad")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), [line for line, match in zip(lines, parsed, strict=True) if not match]
    keys = [(m["path"], int(m["line"]), m["rule"]) for m in parsed if m]
    assert keys == sorted(keys)
    assert {path for path, _, _ in keys} <= {f"tests/fixtures/bad/{name}" for name in EXPECTED}
    # Every file with page-level problems shows them, in the same order as alone.
    for name, expected in EXPECTED.items():
        page_level = [row for row in expected
                      if row[1] not in {"question-outside-module", "roleplay-objective",
                                        "objective-unassessed", "question-objective"}]
        shown = [(line, rule) for path, line, rule in keys if path.endswith(f"/{name}")]
        assert [row for row in shown if row in page_level] == page_level, name
    summary = result.stderr.strip().splitlines()[-1]
    assert re.fullmatch(r"\d+ pages, \d+ modules, \d+ questions, \d+ role-plays: "
                        r"\d+ errors, \d+ warnings", summary), summary
    assert summary.startswith(f"{len(EXPECTED)} pages, ")


def test_checker_passes_a_clean_course() -> None:
    result = run_checker("tests/fixtures/site-ok/docs")
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr.strip().endswith(
        "6 pages, 1 modules, 3 questions, 1 role-plays: 0 errors, 0 warnings")


def test_checker_rejects_a_missing_folder() -> None:
    result = run_checker("tests/fixtures/no-such-folder")
    assert result.returncode == 2
    assert result.stderr == "tests/fixtures/no-such-folder: not a folder\n"
    assert result.stdout == ""


# ---- inputs that currently escape as exceptions (engine bugs; see the report) --------------


def test_control_character_in_yaml_is_a_diagnostic(tmp_path: Path) -> None:
    found = check_alone(tmp_path, RAISES / "control-character.md")
    assert [(d.line, d.rule) for d in found] == [(10, "yaml-syntax")]


def test_recursive_alias_is_a_diagnostic(tmp_path: Path) -> None:
    found = check_alone(tmp_path, RAISES / "recursive-alias.md")
    # Reported at the anchor that the list's own item refers back to, and only there: an
    # unrelated diagnostic (the page has no module, say) must not satisfy this test.
    assert [(d.line, d.rule) for d in found] == [(7, "yaml-limit")]
    assert "alias that refers to a value containing it" in found[0].message


def test_checker_never_prints_a_traceback() -> None:
    result = run_checker("tests/fixtures/raises")
    assert "Traceback" not in result.stderr
    assert result.returncode == 1


def test_byte_order_mark_is_ignored_like_mkdocs_does(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    source = (MODULE_HEAD.replace("minutes: 5", "minutes: 2") + "\n" + PROSE + "\n"
              + question_block("m1-q1", "m1-o1"))
    (docs / "m1.md").write_bytes(b"\xef\xbb\xbf" + source.encode())
    loaded = load_course(docs, "docs")
    assert [m.id for m in loaded.modules] == ["m1"]
    assert loaded.diagnostics == []


def test_merge_key_override_is_not_a_duplicate() -> None:
    source = """```question
id: m1-merge
objective: m1-o1
prompt: Which?
options:
  - &wrong
    text: Move on.
    rationale: Tempting, but it misses the cue.
  - <<: *wrong
    text: Change the subject.
  - text: Name the cue.
    correct: true
    rationale: It opens a door.
```
"""
    _, found = parse_page("docs/page.md", "page.md", source)
    assert found == []


def test_attr_list_event_handler_in_roleplay_text_is_rejected() -> None:
    source = vary(ROLEPLAY_PAGE, "    brief: Note each cue.",
                  '    brief: |-\n      Note each cue.\n      {: onmouseover="alert(1)" }')
    _, found = parse_page("docs/page.md", "page.md", source)
    assert [(d.line, d.rule) for d in found] == [(40, "unsafe-html")]
