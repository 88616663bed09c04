"""Render course records to HTML (questions) or Markdown (everything else) through templates.

Every author string is escaped on its way out: the HTML environment autoescapes, and the
Markdown environment escapes `&`, `<` and `>` in every value that is not already `Markup`, so
author text keeps its Markdown emphasis but can never become raw HTML.
"""

from __future__ import annotations

import html
import posixpath
import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import jinja2
import jinja2.ext
import markdown
from markupsafe import Markup

from . import roleplay_views
from .citations import CiteItem
from .model import BibEntry, Question, RolePlay
from .order import option_key, shown_options
from .rules import RULES
from .safety import clean_fragment

_LOADER = jinja2.PackageLoader("coursekit", "templates")


def _md_escape(value: Any) -> Any:
    if isinstance(value, Markup) or value is None:
        return value if value is not None else ""
    return html.escape(str(value), quote=False)


def _cell(value: Any) -> Any:
    """Make a value safe inside one Markdown table cell."""
    text = " ".join(str(value).split()).replace("|", r"\|")
    return Markup(text) if isinstance(value, Markup) else text


def _indent4(value: Any) -> Any:
    text = textwrap.indent(str(value), "    ", lambda line: True)
    return Markup(text) if isinstance(value, Markup) else text


# Block-level tags of the HTML templates: a line break beside one renders as nothing, so it is
# dropped when a template is loaded. Each one is a text node that the browser, and Material's
# search indexer (a Python HTMLParser walking every page), would otherwise handle one by one.
_BLOCK_TAG = re.compile(r"</?(?:div|form|fieldset|legend|details|summary|ul|ol|li|p|table|caption|"
                        r"thead|tbody|tr|th|td|h[1-6])\b[^<>]*>")
_LINE_BREAK = re.compile(r"(?P<before><[^<>]*>)?[ \t]*\n\s*(?=(?P<after><[^<>]*>)?)")


def _drop_break_beside_block(match: re.Match[str]) -> str:
    before, after = match["before"], match["after"]
    if (before and _BLOCK_TAG.fullmatch(before)) or (after and _BLOCK_TAG.fullmatch(after)):
        return before or ""
    return match[0]


class _Compact(jinja2.ext.Extension):
    """Drop line breaks beside block-level tags from the HTML templates' source. A break
    between two inline things (a verdict and its rationale) stays: it renders as a space."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return _LINE_BREAK.sub(_drop_break_beside_block, source)


# auto_reload off: the templates are part of the engine, so Jinja need not stat each one on
# every question it renders.
_HTML_ENV = jinja2.Environment(loader=_LOADER, autoescape=True, trim_blocks=True, lstrip_blocks=True,
                               extensions=[_Compact], auto_reload=False)
_MD_ENV = jinja2.Environment(
    loader=_LOADER, autoescape=False, finalize=_md_escape, trim_blocks=True, lstrip_blocks=True,
    keep_trailing_newline=True, auto_reload=False,
)
_MD_ENV.filters["cell"] = _cell
_MD_ENV.filters["indent4"] = _indent4

_INLINE = markdown.Markdown(extensions=[])


# Anything Markdown would turn into markup: emphasis, code, links, escapes, block starts
# (lists, quotes, headings, indented code, setext underlines) and hard line breaks.
_MARKDOWN_SYNTAX = re.compile(
    r"[*_`\[\]\\]|^ {0,3}(?:[-+*>#]|\d+[.)])(?:\s|$)|^(?: {4}|\t)|^ {0,3}(?:=+|-+)[ \t]*$|  $",
    re.MULTILINE,
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def author_markdown(text: str, inline: bool = False) -> Markup:
    """Author Markdown to HTML, with any raw HTML in it shown as text."""
    escaped = html.escape(text.strip(), quote=False)
    if not _MARKDOWN_SYNTAX.search(escaped):
        # Plain paragraphs: the same HTML Markdown would give, without running it.
        paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(escaped) if p.strip()]
        if inline and len(paragraphs) == 1:
            return Markup(paragraphs[0])
        return Markup("\n".join(f"<p>{p}</p>" for p in paragraphs))
    _INLINE.reset()
    # Markdown itself makes links of any scheme: the allowlist sanitiser takes the unsafe out.
    rendered = clean_fragment(_INLINE.convert(escaped))
    if inline and rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return Markup(rendered)


def relative_link(from_uri: str, to_uri: str) -> str:
    """A Markdown link from one docs page to another, as MkDocs resolves it."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


# ---- citations ---------------------------------------------------------------------------

_NOT_IN_ID = re.compile(r"[^a-z0-9-]")


def ref_id(key: str) -> str:
    """The HTML id of a reference-list entry. The checks refuse other keys (bibliography-key);
    this keeps an unchecked key from ever writing more than an id."""
    return "ref-" + _NOT_IN_ID.sub("-", key.lower())


def cite_label(entry: BibEntry, item: CiteItem) -> str:
    label = entry.year if item.year_only else f"{entry.cite}, {entry.year}"
    return f"{label}, {item.locator}" if item.locator else label


def render_citation(items: list[CiteItem], bibliography: dict[str, BibEntry]) -> str:
    """Markdown for one parenthetical citation, each source linking to the page's list."""
    parts = []
    for item in items:
        entry = bibliography.get(item.key)
        if entry is None:  # reported by the checks; show the key rather than break the page
            parts.append(html.escape(item.key))
            continue
        label = html.escape(cite_label(entry, item), quote=False).replace("[", r"\[").replace("]", r"\]")
        parts.append(f"[{label}](#{ref_id(item.key)})")
    return "(" + "; ".join(parts) + ")"


def render_reference_list(entries: Iterable[BibEntry]) -> str:
    ordered = sorted(entries, key=lambda e: e.reference.casefold())
    return _MD_ENV.get_template("references.md").render(
        entries=[_entry_view(entry) for entry in ordered]
    )


def _entry_view(entry: BibEntry) -> dict[str, Any]:
    # The reference is the bibliography's own Markdown (italics); escape only raw HTML.
    doi_link = ""
    if entry.doi:
        url = html.escape(f"https://doi.org/{entry.doi}", quote=False)
        doi_link = Markup(f" <{url}>")
    return {"key": ref_id(entry.key)[4:],
            "reference": Markup(html.escape(entry.reference, quote=False)),
            "doi_link": doi_link}


# ---- questions ---------------------------------------------------------------------------

def render_question(question: Question, number: int, bibliography: dict[str, BibEntry],
                    total: int | None = None) -> str:
    return _HTML_ENV.get_template("question.html").render(
        _question_view(question, number, bibliography, total))


def render_question_and_stand_in(question: Question, number: int, bibliography: dict[str, BibEntry],
                                 total: int | None = None) -> tuple[str, str]:
    """The question's HTML, and the stand-in the search index reads in its place: the text a
    learner can search for (number, prompt, hint, options) without the form, the answers or the
    rationales. Material's search parses every tag of a page, and a question's 80 or so tags made
    the search index the dearest step of the build."""
    view = _question_view(question, number, bibliography, total)
    return (_HTML_ENV.get_template("question.html").render(view),
            _HTML_ENV.get_template("question-index.html").render(view))


def _question_view(question: Question, number: int, bibliography: dict[str, BibEntry],
                   total: int | None) -> dict[str, Any]:
    source = None
    if question.source and question.source in bibliography:
        entry = bibliography[question.source]
        source = Markup('<a href="#ref-{}">{}</a>').format(
            question.source, cite_label(entry, CiteItem(question.source, "", False))
        )
    # Shown in the build's fixed shuffle; `key` names the option for saved answers. The answer
    # list names each option by its letter (shown before each label by CSS), not by its text
    # again, and a one-paragraph rationale stays inline: fewer elements, nothing said twice.
    options = []
    for index, o in enumerate(shown_options(question)):
        # The page says "Correct." itself: a rationale that opens with it would say it twice.
        # (The parser strips every rationale, so one that opens with it starts the text.)
        text = _OWN_VERDICT.sub("", o.rationale) if o.correct else o.rationale
        rationale = author_markdown(text, inline=True)
        options.append({"text": author_markdown(o.text, inline=True), "correct": o.correct,
                        "rationale": rationale, "inline": "<p>" not in rationale,
                        "key": option_key(o.text), "letter": option_letter(index)})
    hint = "Select all that apply." if question.multiple else "Select one answer."
    if hint.casefold().rstrip(".") in question.prompt.casefold():  # the author already says it
        hint = ""
    return {"q": question, "number": number, "prompt": author_markdown(question.prompt, inline=True),
            "options": options, "source": source, "hint": hint, "total": total}


_OWN_VERDICT = re.compile(r"^(?:Correct|Right)[.!]\s+(?=\S)")


def option_letter(index: int) -> str:
    """A, B, ... Z, then AA, AB: the letter CSS puts before the option (counter upper-alpha)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def render_quiz_tools(module_id: str, module_title: str, question_ids: Iterable[str],
                      progress_link: str) -> str:
    """The module's clear-answers control, drawn by quiz.js: it clears this module's questions only."""
    return _HTML_ENV.get_template("quiz-tools.html").render(
        module_id=module_id, module_title=module_title, ids=" ".join(question_ids),
        progress_link=progress_link)


# ---- role-plays --------------------------------------------------------------------------

ROLE_KINDS = roleplay_views.ROLE_KINDS


@dataclass(frozen=True)
class ObjectiveView:
    id: str
    text: str
    module_title: str
    link: str


def render_roleplay(roleplay: RolePlay, objectives: list[ObjectiveView], instructor: bool,
                    links: dict[str, Any] | None = None) -> str:
    """The learner edition gets the public frame only; the instructor edition everything, plus
    `links` to the role's cards and the live view (see printables.roleplay_links)."""
    views = roleplay_views
    return _MD_ENV.get_template("roleplay.md").render(
        rp=roleplay, objectives=objectives, instructor=instructor, cast=views.cast(roleplay),
        setting="By video" if roleplay.setting == "video" else "In the room",
        opt_out=views.OPT_OUT, groups=views.checklist_groups(roleplay, objectives),
        label=views.role_label, script=views.script_for(roleplay, None), links=links or {},
    )


# ---- generated listings ------------------------------------------------------------------

def render_template(name: str, **context: Any) -> str:
    return _MD_ENV.get_template(name).render(**context)


def render_html(name: str, **context: Any) -> str:
    """An HTML template, every value escaped."""
    return _HTML_ENV.get_template(name).render(**context)


def render_rules() -> str:
    return render_template("rules.md", rules=list(RULES.values()))
