"""Property-based tests: random and mutated course sources never break the checker.

Real course files (modules, role-plays, the post-test, the bibliography and the glossary) are
mutated the way editing goes wrong (lines deleted, duplicated, swapped or re-indented, hostile
characters and fragments of course syntax inserted, the file cut short), and random text is
built from the same fragments. Each result is checked as a course of its own, in this process,
as the build would check it (coursekit.course.load_course), and then, when it has no error,
transformed and rendered as the build would render it. For every input:

- nothing raises;
- every diagnostic names a file of the course and a line inside it (1 to its line count);
- checking the same files twice gives the same diagnostics, in the same order.

Profiles (HYPOTHESIS_PROFILE): `ci` (the default: few examples, derandomized, so CI is
repeatable) and `long` (many random examples, for a local hunt):
    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/unit/test_fuzz_sources.py
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import markdown
import yaml
from hypothesis import HealthCheck, Phase, event, example, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from hypothesis.database import DirectoryBasedExampleDatabase

from coursekit.course import load_course
from coursekit.diagnostics import Severity
from coursekit.edition import page_body
from coursekit.transform import Context, finish_html, transform_page
from coursekit.yamlsrc import nesting_depth

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SHOWN = "docs"

# Hypothesis keeps what it learns (examples, constants from the code) outside the work tree.
STORE = Path(tempfile.gettempdir()) / "coursekit-hypothesis"
set_hypothesis_home_dir(str(STORE))
# CI: derandomized, so every run tries the same examples, and no example database at all.
settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
# A local hunt: fresh random examples each run; failures are kept and replayed first next time.
settings.register_profile("long", max_examples=2000, deadline=None, derandomize=False,
                          phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
                          database=DirectoryBasedExampleDatabase(STORE / "examples"),
                          suppress_health_check=[HealthCheck.too_slow])
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)


def _examples(count: int) -> int:
    """`count` examples in CI; the profile's own number in any other profile."""
    return count if PROFILE == "ci" else settings().max_examples


def _sources(*patterns: str) -> list[str]:
    return sorted({p.relative_to(DOCS).as_posix() for pattern in patterns for p in DOCS.glob(pattern)})


PAGES = _sources("modules/**/*.md", "roleplays/*.md", "instructors/post-test.md",
                 "instructors/agendas.md", "glossary.md")
DATA = _sources("_data/*.yml")
BIBLIOGRAPHY = "_data/bibliography.yml"
GLOSSARY = "_data/glossary.yml"

# What editing and pasting put into a file: control and invisible characters, lone surrogates
# (written with surrogatepass, so the file holds bytes that are not UTF-8), YAML and Markdown
# syntax of the course in the wrong place.
HOSTILE = [
    "\x00", "\t", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029", "\ufeff",
    "\u200b", "\u202e", "\udcff", "\ud800", "é", "𝔘", "\U0001f600", "&", "&a ", "*a",
    "!!python/object:os.system", "!!binary", "? ", ": ", "- ", "-", "'", '"', "|", ">-", "{", "}",
    "[", "]", "#", "%", "@",
    "---", "...", "```", "````", "~~~", "```question", "```roleplay", "```agenda", "!!! instructor",
    "??? instructor", "!!! reflection", "    ", "  - text: x", "    correct: true", "id: m1",
    "objective: ", "options:", "[@", "[@reis1988]", "[@key, p. ]", "{{ course.modules }}", "{{",
    "<script>", "<div markdown>", "<!--", "*[", "{: #x }", "](", "<a href='javascript:x'>",
    "\\", "\\u0000", "0x", "1e309", "-1", "2026-02-30", "null", "~", "yes",
]
FRAGMENTS = [*HOSTILE, "title: T", "minutes: 5", "module: m1", "reviewed: 2026-01-15",
             "objectives:", "  - id: m1-o1", "    text: Describe the cue.", "type: single",
             "prompt: Which?", "    rationale: Because.", "# Heading", "## Part", "Plain prose.",
             "reis1988:", "  cite: Reis and Shaver", "  year: 1988", "- term: Bid",
             "  definition: A reach.", ""]


# ---- mutations ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Mutation:
    kind: str
    at: float  # where, as a fraction of the file (so one strategy fits files of any length)
    other: float
    text: str

    def apply(self, source: str) -> str:
        lines = source.split("\n")
        i = min(int(self.at * len(lines)), len(lines) - 1)
        j = min(int(self.other * len(lines)), len(lines) - 1)
        if self.kind == "delete":
            del lines[i]
        elif self.kind == "duplicate":
            lines.insert(i, lines[i])
        elif self.kind == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif self.kind == "move":
            lines.insert(j, lines.pop(i))
        elif self.kind == "indent":
            lines[i] = "  " + lines[i]
        elif self.kind == "dedent":
            lines[i] = lines[i].lstrip()
        elif self.kind == "insert-line":
            lines.insert(i, self.text)
        elif self.kind == "insert-text":
            column = int(self.other * (len(lines[i]) + 1))
            lines[i] = lines[i][:column] + self.text + lines[i][column:]
        elif self.kind == "replace-line":
            lines[i] = self.text
        elif self.kind == "truncate":
            return source[: int(self.at * len(source))]
        return "\n".join(lines)


KINDS = ["delete", "duplicate", "swap", "move", "indent", "dedent", "insert-line", "insert-text",
         "replace-line", "truncate"]
fraction = st.floats(min_value=0, max_value=1, allow_nan=False)
snippet = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12),
                    st.lists(st.sampled_from(HOSTILE), min_size=2, max_size=4).map("".join))
mutation = st.builds(Mutation, st.sampled_from(KINDS), fraction, fraction, snippet)
mutations = st.lists(mutation, min_size=1, max_size=6)
random_source = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=40).map("\n".join),
)


# ---- checking one course -----------------------------------------------------------------

def line_count(raw: bytes) -> int:
    """Lines as the author's editor numbers them, after the checker's own decoding."""
    text = raw.decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
    return max(1, text.count("\n") + (0 if text.endswith("\n") else 1))


def _markdown() -> Callable[[str], str]:
    """The course's Markdown, with the extensions and settings of mkdocs.yml."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if options:
            configs[name] = options
    return lambda text: markdown.Markdown(extensions=names, extension_configs=configs).convert(text)


RENDER = _markdown()


def check_course(files: dict[str, bytes]) -> list[str]:
    """Write `files` (docs path -> bytes) as a course, check it twice and, when it has no error,
    transform and render each page for both editions; assert the three properties and return
    the diagnostics as printed."""
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        docs = Path(tmp) / "docs"
        for rel, raw in files.items():
            (docs / rel).parent.mkdir(parents=True, exist_ok=True)
            (docs / rel).write_bytes(raw)
        course = load_course(docs, SHOWN)
        printed = [d.format() for d in course.diagnostics]
        counts = {f"{SHOWN}/{rel}": line_count(raw) for rel, raw in files.items()}
        for found in course.diagnostics:
            assert found.path in counts, f"a diagnostic names a file not in the course: {found.format()}"
            assert 1 <= found.line <= counts[found.path], (
                f"line {found.line} is outside {found.path} ({counts[found.path]} lines): "
                f"{found.format()}")
        again = [d.format() for d in load_course(docs, SHOWN).diagnostics]
        assert again == printed, "two checks of the same files disagree"
        # The build stops at an error; otherwise every page is expanded and rendered, as MkDocs
        # hands it over (its front matter removed).
        errors = any(d.severity is Severity.ERROR for d in course.diagnostics)
        event("has errors: not rendered" if errors else "no error: rendered for both editions")
        if not errors:
            for uri, page in course.pages.items():
                if not uri.endswith(".md"):
                    continue
                text = (docs / uri).read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
                for instructor in (False, True):
                    rendered = transform_page(page_body(text), page, Context(course, instructor, {}))
                    finish_html(RENDER(rendered.markdown), rendered.html_blocks)
    return printed


def encode(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogatepass")


def real(rel: str) -> str:
    return (DOCS / rel).read_text(encoding="utf-8")


# ---- the properties ----------------------------------------------------------------------

@settings(max_examples=_examples(100))
@given(rel=st.sampled_from(PAGES), changes=mutations, with_data=st.booleans())
def test_a_mutated_page_is_checked_without_a_crash(rel: str, changes: list[Mutation],
                                                    with_data: bool) -> None:
    text = real(rel)
    for change in changes:
        text = change.apply(text)
    files = {rel: encode(text)}
    if with_data:  # the real bibliography and glossary, so citations and terms resolve
        files |= {BIBLIOGRAPHY: encode(real(BIBLIOGRAPHY)), GLOSSARY: encode(real(GLOSSARY))}
    check_course(files)


@settings(max_examples=_examples(50))
@given(rel=st.sampled_from(DATA), changes=mutations)
# Found by this test: a YAML error at the end of the stream was reported on the line after the
# file's last line (coursekit.yamlsrc now reports the last line).
@example(rel=BIBLIOGRAPHY, changes=[Mutation("insert-line", 1.0, 0.0, "0")])
# And: YAML counts NEL (and a lone \r, U+2028, U+2029) as a line break, the file does not, so
# every later line was reported one too far down.
@example(rel=BIBLIOGRAPHY, changes=[Mutation("delete", 0.0, 0.0, ""), Mutation("swap", 1.0, 0.25, ""),
                                    Mutation("insert-line", 0.0, 0.0, "\x85")])
def test_a_mutated_bibliography_or_glossary_is_checked_without_a_crash(
        rel: str, changes: list[Mutation]) -> None:
    text = real(rel)
    for change in changes:
        text = change.apply(text)
    check_course({rel: encode(text), "page.md": b"# Page\n\nSee [@reis1988].\n"})


@settings(max_examples=_examples(100))
@given(text=random_source, where=st.sampled_from(["modules/m.md", "roleplays/r.md",
                                                  "instructors/post-test.md", BIBLIOGRAPHY,
                                                  GLOSSARY]))
def test_random_text_is_checked_without_a_crash(text: str, where: str) -> None:
    check_course({where: encode(text)})


@settings(max_examples=_examples(30))
@given(raw=st.binary(max_size=300), where=st.sampled_from(["modules/m.md", BIBLIOGRAPHY]))
def test_random_bytes_are_checked_without_a_crash(raw: bytes, where: str) -> None:
    check_course({where: raw})


def _depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for pair in value.items() for v in pair), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


YAML_PIECES = ["- ", "? ", "a: ", "b:", "[", "]", "{", "}", ", ", "'", '"', "x", "# c", "|", ">",
               "&a ", "*a", ": ", "  "]
yaml_line = st.tuples(st.integers(0, 6), st.lists(st.sampled_from(YAML_PIECES), max_size=8)).map(
    lambda pair: " " * pair[0] + "".join(pair[1]))


@settings(max_examples=_examples(300))
@given(lines=st.lists(yaml_line, max_size=12))
@example(lines=["a: ", "- a: "])  # found by this test: a sequence at its key's indentation
def test_the_yaml_depth_scan_never_under_counts(lines: list[str]) -> None:
    """coursekit.yamlsrc refuses deep YAML before parsing it, from a one-pass scan that may
    over-count but must never count less than the parsed value holds."""
    text = "\n".join(lines)
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        return
    assert nesting_depth(text)[0] >= _depth(value), text


def test_the_line_count_is_what_an_editor_shows() -> None:
    assert [line_count(raw) for raw in (b"", b"a", b"a\n", b"a\nb", b"a\r\nb\r\n", b"\n\n")] == [
        1, 1, 1, 2, 2, 2]


def test_a_mutation_changes_the_file_as_named() -> None:
    source = "a\nb\nc"
    assert Mutation("delete", 0.5, 0, "").apply(source) == "a\nc"
    assert Mutation("duplicate", 0, 0, "").apply(source) == "a\na\nb\nc"
    assert Mutation("swap", 0, 0.9, "").apply(source) == "c\nb\na"
    assert Mutation("insert-text", 0.4, 1, "!").apply(source) == "a\nb!\nc"
    assert Mutation("truncate", 0.5, 0, "").apply(source) == "a\n"
