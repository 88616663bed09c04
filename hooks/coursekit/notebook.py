"""Jupyter notebooks as course pages.

A notebook's Markdown cells are checked like any other page: its questions, citations, words
and links. Lines in diagnostics are lines of the `.ipynb` file itself, so an author can find
them. What a notebook page belongs to (its module, time and review date) lives in the
notebook's metadata under `coursekit`, because a notebook has no front matter:

    "metadata": {"coursekit": {"module": "capstone", "minutes": 25, "reviewed": "2026-12-01"}}

mkdocs-jupyter executes and renders the notebook; `finish_notebook_html` then makes its HTML
fit the course: no inline styles or scripts (a strict Content-Security-Policy and a small page),
course questions and citations in place of their source text, and links to `.md` pages made
into links to the built `.html` pages.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from collections.abc import Callable
from html import escape

import markdown

from .citations import CiteItem
from .diagnostics import Diagnostic
from .model import BibEntry, Page
from .parse import parse_page
from .render import render_citation, render_question, render_quiz_tools, render_reference_list
from .rules import diagnostic

METADATA_KEY = "coursekit"
METADATA_KEYS = ("module", "minutes", "reviewed")
_H1 = re.compile(r"^#[ \t]+(?P<title>.+?)[ \t]*#*[ \t]*$", re.MULTILINE)


def _source_lines(cell: dict) -> list[str]:
    source = cell.get("source", "")
    if isinstance(source, str):
        source = source.splitlines(keepends=True)
    return [str(line) for line in source]


def markdown_view(raw: str, cells: list[dict]) -> str:
    """The notebook's Markdown cells laid out on the lines where they stand in the file.

    Every other line is blank, so line numbers found in this text are `.ipynb` lines. Each
    source line is looked for from where the last one was found, so this is linear; a line
    written in an unusual way is placed on the next free line instead.
    """
    raw_lines = raw.split("\n")
    view = [""] * len(raw_lines)
    cursor = 0
    for cell in cells:
        if cell.get("cell_type") != "markdown":
            continue
        for text in _source_lines(cell):
            wanted = json.dumps(text, ensure_ascii=False)
            probe = cursor
            while probe < len(raw_lines) and raw_lines[probe].strip().rstrip(",") != wanted:
                probe += 1
            if probe == len(raw_lines):  # not written one string per line: keep the order
                probe = min(cursor, len(raw_lines) - 1)
            view[probe] = text.rstrip("\n")
            cursor = probe + 1
        cursor = min(cursor + 1, len(raw_lines))  # a blank line between cells
    return "\n".join(view)


def _line_of(raw: str, needle: str) -> int:
    index = raw.find(needle)
    return raw.count("\n", 0, index) + 1 if index >= 0 else 1


def parse_notebook(path: str, src_uri: str, raw: str) -> tuple[Page, list[Diagnostic]]:
    """A notebook's Markdown as a page (a module part when its metadata says so), plus its problems."""
    try:
        notebook = json.loads(raw)
    except json.JSONDecodeError as error:
        page = Page(path=path, src_uri=src_uri, kind="notebook")
        return page, [diagnostic("notebook-format", path, error.lineno,
                                 f"The notebook is not valid JSON: {error.msg}.")]
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list) or not all(isinstance(c, dict) for c in cells):
        page = Page(path=path, src_uri=src_uri, kind="notebook")
        return page, [diagnostic("notebook-format", path, 1, "The notebook has no list of cells.")]
    view = markdown_view(raw, cells)
    page, found = parse_page(path, src_uri, view)
    title = _H1.search(view)
    page.title = title.group("title") if title else ""
    meta_line = _line_of(raw, f'"{METADATA_KEY}"')
    metadata = notebook.get("metadata") if isinstance(notebook.get("metadata"), dict) else {}
    if METADATA_KEY not in metadata:  # a page of its own, belonging to no module
        return page, found
    page.kind = "part"
    metadata = metadata[METADATA_KEY]
    if not isinstance(metadata, dict):
        found.append(diagnostic("notebook-metadata", path, meta_line,
                                f"The notebook's '{METADATA_KEY}' metadata must be a mapping."))
        return page, found
    unknown = sorted(set(metadata) - set(METADATA_KEYS))
    for key in unknown:
        found.append(diagnostic("notebook-metadata", path, meta_line,
                                f"Unknown key '{key}' in the notebook's '{METADATA_KEY}' metadata."))
    page.module_id = str(metadata.get("module") or "") or None
    page.module_line = page.minutes_line = meta_line
    if page.module_id is None:
        found.append(diagnostic("notebook-metadata", path, meta_line,
                                f"The notebook's '{METADATA_KEY}' metadata names no 'module'."))
    minutes = metadata.get("minutes")
    if isinstance(minutes, int) and not isinstance(minutes, bool) and minutes > 0:
        page.minutes = minutes
    else:
        found.append(diagnostic("notebook-metadata", path, meta_line,
                                f"'minutes' in the notebook's metadata must be a positive whole "
                                f"number, not {str(minutes)[:40]!r}."))
    try:
        page.reviewed = dt.date.fromisoformat(str(metadata.get("reviewed")))
    except ValueError:
        found.append(diagnostic("notebook-metadata", path, meta_line,
                                f"'reviewed' in the notebook's metadata must be a date such as "
                                f"2026-12-01, not {str(metadata.get('reviewed'))[:40]!r}."))
    return page, found


# ---- the rendered page ---------------------------------------------------------------------

# What mkdocs-jupyter puts in a page that the course does not want: about 600 KB of inline
# JupyterLab CSS, and inline or CDN scripts (clipboard, MathJax, RequireJS).
_DROP_TAGS = ("style", "script", "link", "clipboard-copy")  # the copy button needs its script
_MD_LINK = re.compile(r"^(?![a-z][a-z0-9+.-]*:|/|#)(?P<path>[^?#]*?)\.md(?P<rest>[#?].*)?$", re.I)


_CELL_ALIGN = re.compile(r"\s*text-align:\s*(left|right|center)\s*;?\s*")


def finish_notebook_html(
    html: str,
    render_question: Callable[[str], str | None],
    render_citation: Callable[[list[str]], str],
) -> str:
    """The course's version of a rendered notebook.

    `render_question(yaml_text)` gives the HTML of a question whose source block is shown as
    code (None leaves it); `render_citation(keys)` gives the HTML of a citation group.
    """
    from bs4 import BeautifulSoup, Comment  # nbconvert's own dependency, there wherever notebooks build

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(class_="clipboard-copy-txt"):  # a hidden second copy of each cell
        tag.decompose()
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()  # nbconvert's notes about the scripts removed above
    # nbconvert makes every cell wrapper a tab stop; only blocks that scroll sideways need one.
    for tag in soup.find_all(attrs={"tabindex": True}):
        del tag["tabindex"]
    # nbconvert writes a Markdown table's column alignment as style="text-align:…", which a
    # strict Content-Security-Policy (style-src 'self') refuses; align= says the same.
    for cell in soup.find_all(["th", "td"], style=True):
        if match := _CELL_ALIGN.fullmatch(cell["style"]):
            cell["align"] = match.group(1)
            del cell["style"]
    for pre in soup.find_all("pre"):
        # A ```question block in a Markdown cell comes out as code; nbconvert may repeat the
        # fence's info string as its first line.
        code = pre.get_text().lstrip().removeprefix("question\n").lstrip()
        rendered = render_question(code) if code.startswith("id:") else None
        if rendered is None:
            continue
        wrapper = pre
        while wrapper.parent is not None and wrapper.parent.name == "div" and len(
            [c for c in wrapper.parent.children if getattr(c, "name", None)]
        ) == 1 and "jp-MarkdownOutput" not in (wrapper.parent.get("class") or []):
            wrapper = wrapper.parent
        wrapper.replace_with(BeautifulSoup(rendered, "html.parser"))
    for anchor in soup.find_all("a", href=True):
        match = _MD_LINK.match(anchor["href"])
        if match:
            anchor["href"] = f"{match.group('path')}.html{match.group('rest') or ''}"
    for text in soup.find_all(string=re.compile(r"\[-?@")):
        if text.find_parent(["code", "pre"]):
            continue
        pieces, last = [], 0
        for match in _CITATION.finditer(str(text)):
            pieces += [escape(str(text)[last : match.start()]), render_citation(_keys(match.group("body")))]
            last = match.end()
        pieces.append(escape(str(text)[last:]))
        text.replace_with(BeautifulSoup("".join(pieces), "html.parser"))
    for pre in soup.find_all("pre"):
        pre["tabindex"] = "0"  # code may scroll sideways: keyboard users must reach it
    return str(soup)


_CITATION = re.compile(r"\[(?P<body>-?@[\w-]+(?:;\s*-?@[\w-]+)*)\]")


def _keys(body: str) -> list[str]:
    return [part.strip().lstrip("-").lstrip("@") for part in body.split(";")]


def render_notebook_page(html: str, page: Page, bibliography: dict[str, BibEntry]) -> str:
    """The HTML mkdocs-jupyter made for a notebook page, finished as the course renders pages:
    questions as self-check forms, citations linked to a reference list at the end."""
    questions = {question.id: question for question in page.questions}
    numbers = {question.id: number for number, question in enumerate(page.questions, 1)}

    def question_html(code: str) -> str | None:
        qid = code.lstrip().split("\n", 1)[0].removeprefix("id:").strip()
        question = questions.get(qid)
        if question is None:
            return None
        rendered = render_question(question, numbers[qid], bibliography)
        tools = render_quiz_tools(page.module_id or "", "", questions,
                                  posixpath.relpath("progress.html", posixpath.dirname(page.src_uri)))
        return rendered + ("\n" + tools if numbers[qid] == len(questions) else "")

    def citation_html(keys: list[str]) -> str:
        items = [CiteItem(key, "", False) for key in keys]
        return _inline_html(render_citation(items, bibliography))

    finished = finish_notebook_html(html, question_html, citation_html)
    cited = [bibliography[key] for key in sorted({c.key for c in page.citations}) if key in bibliography]
    cited += [bibliography[q.source] for q in page.questions
              if q.source in bibliography and bibliography[q.source] not in cited]
    if cited:
        references = _MARKDOWN.convert(render_reference_list(cited))
        _MARKDOWN.reset()
        finished += f'\n<h2 id="references">References</h2>\n{references}\n'
    return finished


_MARKDOWN = markdown.Markdown(extensions=["attr_list"])


def _inline_html(text: str) -> str:
    rendered = _MARKDOWN.convert(text)
    _MARKDOWN.reset()
    return rendered.removeprefix("<p>").removesuffix("</p>")


def is_notebook(src_uri: str) -> bool:
    return src_uri.endswith(".ipynb")
