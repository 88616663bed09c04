"""Turn one page's Markdown into what MkDocs renders: blocks expanded, citations resolved.

Questions become opaque tokens that `finish_html` swaps for their HTML after Markdown has run,
so question markup never passes through the Markdown parser. A question goes in two steps: a
stand-in holding its searchable text first, for the search index to read, and its full HTML
only after that (`swap_late_blocks`), so the search plugin does not parse every tag of the form.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from markupsafe import Markup

from .citations import find_citations, replace_citations
from .counts import course_values, fill_placeholders
from .course import Course, Module, agenda_minutes
from .host import HOST_FIELDS
from .model import Agenda, GlossaryTerm, Page, Question
from .order import shown_options
from .printables import NOTES_PAGE, instructor_entry, printables_index, roleplay_links
from .progress import PROGRESS_PAGE, render_continue, render_progress_page
from .render import (
    ObjectiveView,
    option_letter,
    relative_link,
    render_citation,
    render_question_and_stand_in,
    render_quiz_tools,
    render_reference_list,
    render_roleplay,
    render_rules,
    render_template,
)
from .safety import check_markdown, clean_page, inert_markdown
from .source import Note, extract_admonitions, find_blocks

_H1 = re.compile(r"^#[ \t]+.+$", re.MULTILINE)


@dataclass
class Rendered:
    markdown: str
    html_blocks: dict[str, str] = field(default_factory=dict)  # token: HTML, after Markdown
    late_blocks: dict[str, str] = field(default_factory=dict)  # stand-in: HTML, after search
    assets: list[str] = field(default_factory=list)  # "quiz", "roleplay"


@dataclass
class Context:
    course: Course
    instructor: bool
    host: Mapping[str, Any] = field(default_factory=dict)


def transform_page(markdown: str, page: Page, ctx: Context) -> Rendered:
    if "{{" in markdown:  # course_values walks the whole course: only for a page that needs it
        markdown = fill_placeholders(markdown, course_values(ctx.course))  # {{ course.modules }}
    if ctx.instructor:
        markdown = _anchor_instructor_notes(markdown)
    else:
        markdown, _ = extract_admonitions(markdown, "instructor")
    out = Rendered(markdown)
    _expand_blocks(out, page, ctx)
    bibliography = ctx.course.bibliography
    # The reference list holds what this edition of the page shows, not what its source holds.
    cited = {key for key, _ in find_citations(out.markdown) if key in bibliography}
    cited |= {q.source for q in page.questions if q.source in bibliography}
    out.markdown = replace_citations(out.markdown, lambda items: render_citation(items, bibliography))
    module = ctx.course.module(page.module_id or "") if page.kind in ("module", "part") else None
    if module is not None:
        out.markdown = _insert_after_title(out.markdown, _module_header(page, module, ctx.course))
    if page.kind == "posttest":
        out.markdown = _insert_after_title(out.markdown, _posttest_header(page, ctx.course))
    if cited and page.src_uri != "references.md":
        out.markdown += "\n\n## References\n\n" + render_reference_list(bibliography[k] for k in cited)
    return out


def finish_html(html: str, blocks: Mapping[str, str], terms: GlossaryLinks | None = None) -> str:
    """The page's rendered content through the allowlist sanitiser, with each question token
    swapped for its HTML (built from sanitised fields; its form controls are the course's own,
    not author markup). The content between tokens is sanitised piece by piece, so broken
    markup before a question (an unclosed <style>, say) cannot swallow the question. With
    `terms`, the first use of each glossary term in the prose links to its entry."""
    pieces = _TOKEN.split(html)
    linked: set[str] = set()  # term ids already linked on this page
    out = []
    for index, piece in enumerate(pieces):
        if index % 2:
            out.append(blocks.get(piece, f"<p>{piece}</p>"))
        else:
            cleaned = clean_page(piece)
            out.append(link_glossary_terms(cleaned, terms, linked) if terms else cleaned)
    # Permalinks stay for the mouse but leave the Tab order: a keyboard learner reaches every
    # section from the table of contents, which links the same anchors, without passing a
    # permalink at every heading on the way to the questions.
    return "".join(out).replace('<a class="headerlink" href=', '<a class="headerlink" tabindex="-1" href=')


_TOKEN = re.compile(r"<p>(COURSEKITBLOCK[0-9]{4})</p>")


def swap_late_blocks(html: str, late: Mapping[str, str]) -> str:
    """Each stand-in replaced by its full HTML, once the search index has read the page.
    The search plugin drops `data-search-*` attributes from what it has read; the full HTML
    comes after it, so they are dropped here."""
    for stand_in, full in late.items():
        html = html.replace(stand_in, full.replace(" data-search-exclude", ""), 1)
    return html


def _expand_blocks(out: Rendered, page: Page, ctx: Context) -> None:
    lines = out.markdown.split("\n")
    blocks = [b for b in find_blocks(out.markdown) if b.closed and not b.indented]
    questions = iter(page.questions)
    agendas = iter(page.agendas)
    question_tokens = []
    questions_seen = 0
    replacements: list[tuple[int, int, str]] = []
    for block in blocks:
        text = ""
        if block.kind == "question":
            question = next(questions, None)
            if question is None:
                continue
            if page.kind == "posttest":  # an answer key for instructors, not a self-check
                text = _answer_key(question, questions_seen := questions_seen + 1)
                replacements.append((block.start, block.end, text))
                continue
            token = f"COURSEKITBLOCK{len(out.html_blocks):04d}"
            full, stand_in = render_question_and_stand_in(question, len(question_tokens) + 1,
                                                          ctx.course.bibliography, len(page.questions))
            out.html_blocks[token] = stand_in
            out.late_blocks[stand_in] = full
            question_tokens.append(token)
            text = f"\n{token}\n"
        elif block.kind in ("progress", "continue"):  # HTML the progress script fills in
            token = f"COURSEKITBLOCK{len(out.html_blocks):04d}"
            out.html_blocks[token] = (render_progress_page(ctx.course, page.src_uri)
                                      if block.kind == "progress" else render_continue())
            if block.kind == "progress":
                out.assets.append("progress")  # progress-page.js, on this page only
            text = f"\n{token}\n"
        elif block.kind == "roleplay" and page.roleplay is not None:
            links = roleplay_links(page, page.roleplay) if ctx.instructor else None
            text = render_roleplay(page.roleplay, _objective_views(ctx.course, page), ctx.instructor,
                                   links)
            out.assets.append("roleplay")
        elif block.kind == "agenda":
            agenda = next(agendas, None)
            text = _render_agenda(agenda, page, ctx.course) if agenda else ""
        else:
            text = _generated(block.kind, page, ctx)
        replacements.append((block.start, block.end, text))
    for start, end, text in reversed(replacements):
        lines[start - 1 : end] = [text]
    out.markdown = "\n".join(lines)
    if question_tokens:
        last = out.html_blocks[question_tokens[-1]]
        out.late_blocks[last] += "\n" + _quiz_tools(ctx.course, page)
        out.assets.append("quiz")


def _quiz_tools(course: Course, page: Page) -> str:
    """The clear control for the page's module (every page of it), or for this page alone."""
    module = course.module(page.module_id or "") if page.kind in ("module", "part") else None
    ids = [q.id for q in (module.questions if module else page.questions)]
    return render_quiz_tools(module.id if module else "", module.title if module else "", ids,
                             _progress_href(page))


def _progress_href(page: Page) -> str:
    """My progress, as an address from this page (raw HTML: a site without the page still builds)."""
    return relative_link(page.src_uri, PROGRESS_PAGE).removesuffix(".md") + ".html"


def _generated(kind: str, page: Page, ctx: Context) -> str:
    course = ctx.course
    if kind == "coursekit-rules":
        return render_rules()
    if kind == "references":
        return render_reference_list(course.bibliography.values())
    if kind == "syllabus":
        modules = [_module_view(m, page) for m in course.modules]
        total = course.total_minutes
        return render_template("syllabus.md", modules=modules, total=total,
                               hours=f"{total / 60:.1f}".rstrip("0").rstrip("."))
    if kind == "glossary":
        return render_template("glossary.md", terms=_glossary_view(course, page))
    if kind == "roleplay-index":
        return render_template("roleplay-index.md", rows=_roleplay_rows(course, page))
    if kind == "host-info":
        return _host_info(ctx.host)
    if kind == "printables-index":
        return printables_index(course, page.src_uri)
    if kind == "instructor-entry":  # the instructor edition's way in, from its home page
        return instructor_entry(course, page.src_uri) if ctx.instructor else ""
    return ""


def _answer_key(question: Question, number: int) -> str:
    # In the order and with the letters learners see, so the key matches the site and exports.
    options = [{"text": " ".join(o.text.split()), "correct": o.correct, "letter": option_letter(i),
                "rationale": " ".join(o.rationale.split())}
               for i, o in enumerate(shown_options(question))]
    return render_template("answer-key.md", q=question, number=number, options=options)


def _posttest_header(page: Page, course: Course) -> str:
    hours = course.total_minutes / 60
    stem = posixpath.basename(posixpath.splitext(page.src_uri)[0])
    return render_template(
        "posttest-header.md", pass_mark=page.pass_mark, count=len(page.questions),
        per_hour=f"{len(page.questions) / hours:.1f}" if hours else "0", hours=f"{hours:.1f}",
        xml=f"{stem}.moodle.xml", gift=f"{stem}.gift.txt",
    )


def _module_view(module: Module, page: Page) -> dict[str, Any]:
    return {"title": module.title, "link": relative_link(page.src_uri, module.page.src_uri),
            "minutes": module.minutes, "objectives": module.objectives}


def _objective_views(course: Course, page: Page) -> list[ObjectiveView]:
    views = []
    for objective_id, _ in page.roleplay.objectives if page.roleplay else ():
        found = course.objective(objective_id)
        if found:
            module, objective = found
            views.append(ObjectiveView(objective.id, objective.text, module.title,
                                       relative_link(page.src_uri, module.page.src_uri)))
    return views


def _glossary_view(course: Course, page: Page) -> list[dict[str, Any]]:
    terms = []
    for term in sorted(course.glossary, key=lambda t: t.term.casefold()):
        module = course.module(term.module) if term.module else None
        terms.append({
            "term": term.term, "definition": term.definition,
            "anchor": Markup("{ #%s }") % term_anchor(term.term),
            "module_title": module.title if module else "",
            "link": relative_link(page.src_uri, module.page.src_uri) if module else "",
        })
    return terms


def _roleplay_rows(course: Course, page: Page) -> list[dict[str, Any]]:
    rows = []
    for rp_page, roleplay in sorted(course.roleplays, key=lambda pair: pair[0].src_uri):
        rows.append({
            "title": rp_page.title, "link": relative_link(page.src_uri, rp_page.src_uri),
            "technique": roleplay.technique,
            "setting": "Video" if roleplay.setting == "video" else "Room",
            "minutes": roleplay.minutes,
            # Objective text, not ids: the index is read by trainees choosing what to practice.
            "objectives": "; ".join(found[1].text for objective, _ in roleplay.objectives
                                    if (found := course.objective(objective))),
        })
    return rows


def _render_agenda(agenda: Agenda, page: Page, course: Course) -> str:
    rows, clock = [], 0
    for block in agenda.blocks:
        minutes = block.minutes or agenda_minutes(course, block.kind, block.ref) or 0
        label, link = block.ref, ""
        if block.kind == "module" and (module := course.module(block.ref)):
            label = f"Review: {module.title}" if block.minutes else module.title
            link = relative_link(page.src_uri, module.page.src_uri)
        elif block.kind == "roleplay" and (found := course.roleplay(block.ref)):
            label = f"Role-play: {found[0].title}"
            link = relative_link(page.src_uri, found[0].src_uri)
        rows.append({"clock": f"{_clock(clock)}–{_clock(clock + minutes)}", "label": label,
                     "link": link, "minutes": minutes})
        clock += minutes
    return render_template("agenda.md", agenda=agenda, rows=rows, spare=max(agenda.minutes - clock, 0))


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _host_info(host: Mapping[str, Any]) -> str:
    rows = ["| Field | Set by the hosting program |", "| --- | --- |"]
    for key, label in HOST_FIELDS:
        value = str(host.get(key) or "").strip()
        if value and check_markdown(value):  # not checked with the course: show it as text
            shown = inert_markdown(" ".join(value.split()))
        elif value:
            shown = " ".join(value.split()).replace("|", r"\|").replace("<", "&lt;")
        else:
            shown = (f'<span class="ck-host-unset">Not yet set by the hosting program '
                     f'(<code>extra.host.{key}</code> in <code>mkdocs.yml</code>)</span>')
        rows.append(f"| **{label}** | {shown} |")
    return "\n".join(rows) + "\n"


def _module_header(page: Page, module: Module, course: Course) -> str:
    if page.kind == "module":
        minutes = module.minutes
        heading = "About this module"
        lead = "After this module you will be able to:"
        objectives = module.objectives
        if module.parts:
            minutes_note = f"{minutes} (this page {page.minutes}, the whole module {minutes})"
        else:
            minutes_note = str(minutes)
    else:
        heading = f"Part of {module.title}"
        lead = "This page serves these objectives of the module:"
        assessed = {q.objective for q in page.questions}
        objectives = [o for o in module.objectives if o.id in assessed]
        minutes_note = str(page.minutes or 0)
    facts = [("Time", f"{minutes_note} minutes")]
    if page.kind == "module" and module.page.level:
        facts.append(("Level", module.page.level))
    if page.reviewed:
        facts.append(("Last reviewed", page.reviewed.strftime("%-d %B %Y")))
    facts_line = Markup(" · ").join(Markup("**{}:** {}").format(k, v) for k, v in facts)
    # The progress line is written out as a first visit shows it, and hidden without taking its
    # space away (.ck-pending) until course.js knows what this browser holds: when it shows,
    # nothing below it moves.
    return render_template("module-header.md", heading=heading, facts=facts_line,
                           objectives=objectives, lead=lead, questions=page.questions,
                           module_id=module.id,
                           module_questions=len(module.questions),
                           progress_link=_progress_href(page))


def _insert_after_title(markdown: str, text: str) -> str:
    match = _H1.search(markdown)
    if match is None:
        return text + "\n\n" + markdown
    return markdown[: match.end()] + "\n\n" + text + "\n" + markdown[match.end() :]


# ---- glossary terms ----------------------------------------------------------------------

GLOSSARY_PAGE = "glossary.md"


@dataclass(frozen=True)
class GlossaryLinks:
    """What one page needs to link its glossary terms: the glossary page relative to it, and
    (form, term anchor, one-line definition) for each form, longest form first."""

    href: str
    forms: tuple[tuple[str, str, str], ...]


def term_anchor(term: str) -> str:
    """The id of a term's entry on the glossary page."""
    return "term-" + (re.sub(r"[^a-z0-9]+", "-", term.casefold()).strip("-") or "x")


def glossary_links(course: Course, src_uri: str) -> GlossaryLinks | None:
    """The page's glossary links, or None for the glossary itself, the instructor's post-test
    answer key (a long page read by staff, kept light) and a course without a glossary."""
    page = course.pages.get(src_uri)
    if src_uri == GLOSSARY_PAGE or not course.glossary or (page and page.kind == "posttest"):
        return None
    href = posixpath.relpath("glossary.html", posixpath.dirname(src_uri) or ".")
    return GlossaryLinks(href, _glossary_forms(tuple(course.glossary)))


# Inside these, a term stays plain text: headings and titles (the page title, admonition
# titles, legends, summaries), links and form controls (a link inside a label would steal its
# click), code, and anything a script or style holds.
_NO_TERMS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "a", "abbr", "code", "pre", "kbd",
                       "script", "style", "textarea", "select", "option", "button", "label",
                       "legend", "summary", "dt", "svg", "figcaption", "caption", "th"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
_NO_TERMS_CLASS = re.compile(r'class="[^"]*\b(?:admonition-title|headerlink|ck-[a-z-]+)\b')


def link_glossary_terms(html: str, links: GlossaryLinks, linked: set[str]) -> str:
    """Link the first use of each glossary term in `html` (sanitised, well-formed) to its
    entry, with the definition in a hidden tooltip the link names as its description: shown on
    hover and focus by CSS, read by screen readers as the link's description, no script."""
    present = [(form, anchor, definition) for form, anchor, definition in links.forms
               if anchor not in linked and html_escape(form) in html]
    if not present:
        return html
    by_form = {html_escape(form): (anchor, definition) for form, anchor, definition in present}
    # Literal alternatives, longest first, whole words only: linear, no backtracking.
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(f) for f in by_form) + r")(?!\w)")
    out: list[str] = []
    stack: list[bool] = []  # per open element: whether terms are off inside it
    for piece in _TAG.split(html):
        if piece.startswith("<"):
            out.append(piece)
            match = _TAG_NAME.match(piece)
            if not match:
                continue
            closing, name = match.group(1), match.group(2).lower()
            if closing:
                if stack:
                    stack.pop()
            elif name not in _VOID and not piece.endswith("/>"):
                stack.append(name in _NO_TERMS or bool(_NO_TERMS_CLASS.search(piece))
                             or bool(stack and stack[-1]))
            continue
        if (stack and stack[-1]) or not piece.strip():
            out.append(piece)
            continue
        out.append(pattern.sub(lambda m: _term_link(m.group(1), by_form, links.href, linked), piece))
    return "".join(out)


def _term_link(form: str, by_form: dict[str, tuple[str, str]], href: str, linked: set[str]) -> str:
    anchor, definition = by_form[form]
    if anchor in linked:  # a later use, or another form of a term already linked
        return form
    linked.add(anchor)
    tip = f"ck-def-{anchor.removeprefix('term-')}"
    return (f'<span class="ck-term"><a href="{href}#{anchor}" aria-describedby="{tip}">{form}</a>'
            f'<span class="ck-def" id="{tip}" role="tooltip" data-search-exclude>'
            f"{html_escape(definition)}</span></span>")


def html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@lru_cache(maxsize=4)
def _glossary_forms(glossary: tuple[GlossaryTerm, ...]) -> tuple[tuple[str, str, str], ...]:
    """(form, term anchor, one-line definition) for every glossary form, longest first."""
    forms = []
    for term in glossary:
        definition = " ".join(term.definition.split())
        for form in term.forms:
            forms.append((form, term_anchor(term.term), definition))
    return tuple(sorted(forms, key=lambda f: -len(f[0])))


# ---- instructor notes --------------------------------------------------------------------

def _anchor_instructor_notes(markdown: str) -> str:
    """Give each instructor note an id so the notes page can link straight to it."""
    text, _ = extract_admonitions(
        markdown, "instructor", lambda n: f'<div id="instructor-note-{n}" class="ck-anchor"></div>'
    )
    return text


def instructor_notes_page(course: Course, sources: Mapping[str, str]) -> str:
    """Markdown for the generated page that gathers every instructor note, linking back."""
    groups = []
    for src_uri, page in course.pages.items():
        if src_uri not in sources:
            continue
        _, notes = extract_admonitions(sources[src_uri], "instructor")
        if notes:
            groups.append({"title": page.title or src_uri, "notes": [
                _note_view(note, index, src_uri) for index, note in enumerate(notes, 1)
            ]})
    intro = ("# Instructor notes\n\nEvery instructor note in the course, gathered in course order. "
             "Each links back to the place it belongs. These notes appear only in the instructor "
             "edition.\n\n")
    return intro + render_template("instructor-notes.md", groups=groups)


def _note_view(note: Note, index: int, src_uri: str) -> dict[str, Any]:
    link = relative_link(NOTES_PAGE, src_uri) + f"#instructor-note-{index}"
    return {"title": note.title, "heading": note.heading, "body": Markup(note.body), "link": link}

