"""One checker, one verdict: `python -m coursekit docs/` and `mkdocs build --strict` pass or fail
together, on a sample of the bad-input corpus, on a clean site, on a site whose only problem is
a warning, and on problems only MkDocs itself would otherwise see (nav, links, anchors).

Each case is a small site in a temporary folder: a mkdocs.yml using the course hook, and docs/
with an index page plus the case's files. The checker runs in this process through its main();
the build runs as `mkdocs build --strict` does (tests/build/sitebuild.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitebuild import ROOT, build_site

from coursekit.__main__ import main as checker
from unit.coursetext import MODULE_HEAD, vary

pytestmark = pytest.mark.build

BAD = ROOT / "tests" / "fixtures" / "bad-inputs"
CONFIG = f"""\
site_name: Agreement
use_directory_urls: false
strict: true
theme:
  name: mkdocs
validation:
  omitted_files: warn
  anchors: warn
hooks:
  - {ROOT / "hooks" / "course.py"}
"""
INDEX = "# Home\n\nA small site for one case.\n"
# A module whose declared time is far from its estimate: a warning, and nothing else.
WARNING_ONLY = vary(MODULE_HEAD, "minutes: 5", "minutes: 40") + """
Partners rarely announce what they need.

```question
id: m1-q
objective: m1-o1
prompt: Which response is attuned?
options:
  - text: Name the cue you saw.
    correct: true
    rationale: It opens a door.
  - text: Move on to the plan.
    rationale: It misses the cue.
  - text: Ask why she is sulking.
    rationale: It invites defence.
```
"""

# case id -> docs files (name -> text, or a path to copy from the corpus), and whether the
# site is clean. Sampled across the bad-input rules, plus what only MkDocs used to report.
CASES: dict[str, tuple[dict[str, str | Path], bool]] = {
    "clean": ({}, True),
    "warning-only": ({"m1.md": WARNING_ONLY}, False),
    "citation-syntax": ({"page.md": BAD / "cite-trailing-word.md"}, False),
    "citation-unclosed": ({"page.md": BAD / "cite-unclosed.md"}, False),
    "admonition-spelling": ({"page.md": BAD / "instructor-collapsible.md"}, False),
    "instructor-in-html": ({"page.md": BAD / "instructor-in-div-markdown.md"}, False),
    "not-utf-8": ({"page.md": BAD / "latin1-page.md"}, False),
    "impossible-date": ({"page.md": BAD / "date-february-30.md"}, False),
    "alias-bomb": ({"page.md": BAD / "yaml-alias-bomb-minutes.md"}, False),
    "deep-flow": ({"page.md": BAD / "yaml-deep-flow.md"}, False),
    "second-roleplay": ({"page.md": BAD / "roleplay-twice.md"}, False),
    "markup-paragraph": ({"page.md": BAD / "paragraph-of-angle-brackets.md"}, False),
    "count-typed": ({"page.md": BAD / "count-typed.md"}, False),
    "broken-link": ({"page.md": "# Page\n\nSee [the glossary](glossary.md).\n"}, False),
    "broken-anchor": ({"page.md": "# Page\n\n## Steps\n\nBack to [the top](index.md#nowhere).\n"},
                      False),
    "good-anchor": ({"page.md": "# Page\n\n## First steps\n\nSee [them](#first-steps) and "
                                "[home](index.md#home).\n"}, True),
}


def write_site(root: Path, files: dict[str, str | Path], nav: bool = False) -> Path:
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text(INDEX, encoding="utf-8")
    for name, content in files.items():
        if isinstance(content, Path):
            shutil.copyfile(content, docs / name)
        else:
            (docs / name).write_text(content, encoding="utf-8")
    config = CONFIG + ("nav:\n  - index.md\n" if nav else "")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def verdicts(root: Path, capsys: pytest.CaptureFixture[str], mkdocs_log) -> tuple[bool, bool]:
    """(checker passed, strict build passed) for the site in `root`."""
    passed_check = checker([str(root / "docs")]) == 0
    capsys.readouterr()
    built = build_site(root / "mkdocs.yml", root / "site")
    mkdocs_log.take()  # the build's own warnings are the point here, not a test failure
    return passed_check, built.error is None


@pytest.mark.parametrize("case", sorted(CASES))
def test_checker_and_strict_build_agree(case: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str], mkdocs_log) -> None:
    files, clean = CASES[case]
    root = write_site(tmp_path, files)
    assert verdicts(root, capsys, mkdocs_log) == (clean, clean)


def test_a_page_missing_from_the_nav_fails_both(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str],
                                                mkdocs_log) -> None:
    root = write_site(tmp_path, {"extra.md": "# Extra\n"}, nav=True)
    assert checker([str(root / "docs")]) == 1
    assert capsys.readouterr().out.startswith(
        f"{root / 'docs'}/extra.md:1: [nav-missing] Page 'extra.md' is not listed in the nav of ")
    built = build_site(root / "mkdocs.yml", root / "site")
    # The build now names the page with its line, as the checker does.
    messages = mkdocs_log.take()
    assert built.error is not None
    assert any(message.endswith("extra.md:1: [nav-missing] Page 'extra.md' is not listed in the "
                                "nav of mkdocs.yml. Add the page to 'nav:' in mkdocs.yml, or move "
                                "it under docs/instructors/.") for message in messages), messages


def test_the_real_course_gets_one_verdict(capsys: pytest.CaptureFixture[str], mkdocs_log,
                                          tmp_path: Path) -> None:
    passed_check = checker([str(ROOT / "docs")]) == 0
    capsys.readouterr()
    built = build_site(ROOT / "mkdocs.yml", tmp_path / "site")
    mkdocs_log.take()
    assert passed_check == (built.error is None)
