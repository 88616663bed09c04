"""Notebook pages: checked like pages at their .ipynb lines, rendered to fit the course, and the
learner notebook's Reliable Change Index computed as a hand calculation says."""

from __future__ import annotations

import contextlib
import io
import json
import math
from pathlib import Path

import nbformat
import pytest

from coursekit.notebook import finish_notebook_html, markdown_view, parse_notebook

ROOT = Path(__file__).resolve().parents[2]
LEARNER_NOTEBOOK = ROOT / "docs" / "notebooks" / "tracking-change.ipynb"
PATH = "docs/nb.ipynb"

QUESTION = """```question
id: nb-q
objective: m1-o1
prompt: Which is right?
options:
  - text: This one
    correct: true
    rationale: Because.
  - text: That one
    rationale: No.
  - text: The other
    rationale: No.
```"""


def notebook_text(*markdown: str, metadata: dict | None = None) -> str:
    cells = [nbformat.v4.new_code_cell("x = 1")]
    cells += [nbformat.v4.new_markdown_cell(text) for text in markdown]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = metadata if metadata is not None else {
        "coursekit": {"module": "m1", "minutes": 5, "reviewed": "2026-12-01"}}
    for index, cell in enumerate(notebook.cells):
        cell.id = f"cell-{index}"
    return nbformat.writes(notebook)


def test_markdown_lands_on_its_own_ipynb_lines() -> None:
    raw = notebook_text("# Title\n\nSome prose.", QUESTION)
    view = markdown_view(raw, json.loads(raw)["cells"])
    raw_lines, view_lines = raw.split("\n"), view.split("\n")
    assert len(view_lines) == len(raw_lines)
    fence = view_lines.index("```question")
    assert raw_lines[fence].strip() == '"```question\\n",'
    assert "x = 1" not in view  # code cells are not prose


def test_a_notebook_question_is_read_and_reported_at_its_ipynb_line() -> None:
    raw = notebook_text("# Title", QUESTION.replace("correct: true", "correct: maybe"))
    page, found = parse_notebook(PATH, "nb.ipynb", raw)
    assert (page.kind, page.module_id, page.minutes, page.title) == ("part", "m1", 5, "Title")
    assert [q.id for q in page.questions] == ["nb-q"]
    lines = raw.split("\n")
    assert [(d.rule, lines[d.line - 1].strip()) for d in sorted(found)] == [
        ("question-no-correct", '"options:\\n",'),
        ("wrong-type", '"    correct: maybe\\n",'),
    ]


def test_a_notebook_without_course_metadata_is_a_plain_page() -> None:
    page, found = parse_notebook(PATH, "nb.ipynb", notebook_text("# Analytics", metadata={}))
    assert (page.kind, page.module_id, found) == ("page", None, [])


@pytest.mark.parametrize(("metadata", "message"), [
    ({"coursekit": {"module": "m1", "minutes": 0, "reviewed": "2026-12-01"}},
     "'minutes' in the notebook's metadata must be a positive whole number, not '0'."),
    ({"coursekit": {"module": "m1", "minutes": 5, "reviewed": "2026-02-30"}},
     "'reviewed' in the notebook's metadata must be a date such as 2026-12-01, not '2026-02-30'."),
    ({"coursekit": {"module": "m1", "minutes": 5, "reviewed": "2026-12-01", "level": "x"}},
     "Unknown key 'level' in the notebook's 'coursekit' metadata."),
    ({"coursekit": "m1"}, "The notebook's 'coursekit' metadata must be a mapping."),
])
def test_bad_notebook_metadata_is_reported_at_the_metadata_line(metadata: dict, message: str) -> None:
    raw = notebook_text("# Title", metadata=metadata)
    _, found = parse_notebook(PATH, "nb.ipynb", raw)
    assert [(d.rule, d.message.split(" Add to")[0]) for d in found] == [("notebook-metadata", message)]
    assert '"coursekit"' in raw.split("\n")[found[0].line - 1]


def test_a_file_that_is_not_json_is_reported_at_the_broken_line() -> None:
    _, found = parse_notebook(PATH, "nb.ipynb", '{\n "cells": [\n  {oops}\n ]\n}\n')
    assert [(d.rule, d.line) for d in found] == [("notebook-format", 3)]


def test_rendered_notebook_loses_inline_css_and_scripts_and_gains_course_markup() -> None:
    html = (
        '<style>.jp-Notebook { color: red }</style><script>alert(1)</script>'
        '<link rel="stylesheet" href="https://cdn.example/x.css">'
        '<div class="jp-MarkdownOutput"><p>See <a href="../modules/m.md#part">the module</a> '
        'and <a href="https://doi.org/10.1/x">a DOI</a> [@jacobson1991]; 1 &lt; 2.</p>'
        '<div class="highlight-ipynb"><pre><span>id: nb-q</span>\nprompt: x</pre></div></div>'
        '<pre><code>print("[@jacobson1991]")</code></pre>'
        '<div class="jp-Cell-inputWrapper" tabindex="0"><clipboard-copy for="c1">Copy</clipboard-copy>'
        '<div class="clipboard-copy-txt" id="c1">x = 1</div></div>'
    )
    out = finish_notebook_html(
        html,
        render_question=lambda text: '<div class="ck-question">Q</div>' if "nb-q" in text else None,
        render_citation=lambda keys: f'(<a href="#ref-{keys[0]}">J &amp; T, 1991</a>)',
    )
    assert "<style" not in out and "<script" not in out and "<link" not in out
    assert 'href="../modules/m.html#part"' in out and 'href="https://doi.org/10.1/x"' in out
    assert '(<a href="#ref-jacobson1991">J &amp; T, 1991</a>); 1 &lt; 2.' in out
    assert '<div class="ck-question">Q</div>' in out and "id: nb-q" not in out
    assert 'print("[@jacobson1991]")' in out  # code is shown as written
    assert "clipboard-copy" not in out and "x = 1" not in out and 'class="jp-Cell-inputWrapper"' in out
    assert '<pre tabindex="0"><code>' in out and '<div class="jp-Cell-inputWrapper">' in out


def test_notebook_table_alignment_needs_no_inline_style() -> None:
    # A strict Content-Security-Policy (style-src 'self') refuses style attributes.
    html = ('<table><tr><th style="text-align: right;">n</th><td style="text-align:center">1</td>'
            '<td style="color: red">2</td></tr></table>')
    out = finish_notebook_html(html, render_question=lambda text: None, render_citation=lambda keys: "")
    assert '<th align="right">n</th><td align="center">1</td>' in out
    assert '<td style="color: red">2</td>' in out  # not an alignment: left for the sanitiser


# ---- the learner notebook's arithmetic ---------------------------------------------------------

def _notebook_functions() -> dict[str, object]:
    """The namespace left by the learner notebook's computing cells, run in order as written."""
    notebook = nbformat.read(LEARNER_NOTEBOOK, as_version=4)
    namespace: dict[str, object] = {}
    with contextlib.redirect_stdout(io.StringIO()):
        for cell in notebook.cells:
            if cell.cell_type == "code" and "matplotlib" not in cell.source:  # plots are for the build
                exec(compile(cell.source, str(LEARNER_NOTEBOOK), "exec"), namespace)
    return namespace


def test_reliable_change_matches_a_hand_calculation() -> None:
    functions = _notebook_functions()
    # By hand: SE = 10 * sqrt(1 - 0.85) = 3.8730; S_diff = sqrt(2) * 3.8730 = 5.4772;
    # RC = (46 - 28) / 5.4772 = 3.2863, beyond 1.96: reliable improvement.
    assert functions["standard_error"](10, 0.85) == pytest.approx(3.8730, abs=1e-4)
    assert functions["standard_error_of_difference"](10, 0.85) == pytest.approx(5.4772, abs=1e-4)
    assert functions["reliable_change"](28, 46, 10, 0.85) == pytest.approx(3.2863, abs=1e-4)
    assert functions["reliable_change"](31, 31, 10, 0.85) == 0
    assert functions["reliable_change"](40, 30, 10, 0.85) == pytest.approx(-10 / (10 * math.sqrt(0.3)))


def test_cutoff_is_the_sd_weighted_point_between_the_two_means() -> None:
    # By hand: (8 * 30 + 10 * 45) / (8 + 10) = 690 / 18 = 38.33.
    assert _notebook_functions()["cutoff_c"](30, 10, 45, 8) == pytest.approx(38.3333, abs=1e-4)


def test_a_notebook_over_the_size_limit_gets_one_diagnostic(tmp_path: Path) -> None:
    from coursekit.course import load_course
    from coursekit.limits import MAX_FILE_BYTES

    (tmp_path / "big.ipynb").write_text(" " * (MAX_FILE_BYTES + 1))
    assert [d.rule for d in load_course(tmp_path, "docs").diagnostics] == ["file-too-large"]
