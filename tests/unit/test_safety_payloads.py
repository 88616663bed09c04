"""Hostile markup in every author field: each payload is refused at build with its exact
diagnostic, and wherever author text is rendered or exported it comes out inert.

PAYLOADS pairs each payload with the refusals the checker must give for it, as
(rule, detail-without-the-fix) pairs; FIELDS places a payload into one author field of a small
valid source and names the line it is reported on. Every payload is tried in every field.
The browser test (tests/browser/test_payloads.py) takes what the checker lets through.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

import markdown
import pytest
from coursetext import MODULE_HEAD, QUESTION_PAGE, ROLEPLAY_PAGE, vary

from coursekit.data import parse_bibliography, parse_glossary
from coursekit.export import to_gift, to_moodle_xml
from coursekit.model import Option, Question
from coursekit.parse import parse_page
from coursekit.render import author_markdown
from coursekit.rules import RULES
from coursekit.safety import (
    ALLOWED_TAGS,
    GLOBAL_ATTRIBUTES,
    URL_ATTRIBUTES,
    clean_fragment,
    clean_page,
    export_markdown,
    tokenize,
    url_scheme,
)

H, U = "unsafe-html", "unsafe-url"
LIST = "only #id, .class, lang and dir are allowed."
ENC = " (spelled with character references, which Material's tooltips turn back into markup)"
JS = "window.__pwned=1"


def tag(name: str) -> tuple[str, str]:
    return H, f"Tag <{name}> is not allowed."


def attr(name: str, on: str) -> tuple[str, str]:
    return H, f"Attribute '{name}' is not allowed on <{on}>."


def link(scheme: str, where: str = "A Markdown link") -> tuple[str, str]:
    return U, f"{where} has a '{scheme}:' URL."


# payload -> the refusals it must give, in sorted order
PAYLOADS: dict[str, list[tuple[str, str]]] = {
    f"<script>{JS}</script>": [tag("script")],
    f'<img src=x onerror="{JS}">': [attr("onerror", "img")],
    f"<svg/onload={JS}>": [tag("svg")],
    f"<details open ontoggle={JS}>x</details>": [attr("ontoggle", "details")],
    f"<details/open/ontoggle={JS}>": [attr("ontoggle", "details")],
    f"<input autofocus onfocus={JS}>": [tag("input")],
    f"<input/autofocus/onfocus={JS}>": [tag("input")],
    f'<object data="javascript:{JS}"></object>': [tag("object")],
    '<embed src="data:text/html,x">': [tag("embed")],
    f'<iframe srcdoc="<script>{JS}</script>"></iframe>': [tag("iframe")],
    f'<a href="jav&#x61;script:{JS}">x</a>': [link("javascript", "<a href>")],
    f'<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;{JS}">x</a>':
        [link("javascript", "<a href>")],
    f'<a href=" javascript:{JS}">x</a>': [link("javascript", "<a href>")],
    f'<a href="java\tscript:{JS}">x</a>': [link("javascript", "<a href>")],
    f'<a href="java&Tab;script:{JS}">x</a>': [link("javascript", "<a href>")],
    f"[x](javascript:{JS})": [link("javascript")],
    f"[x](JaVaScRiPt:{JS})": [link("javascript")],
    f"[x](jav&#x61;script:{JS})": [link("javascript")],
    f"[x](<javascript:{JS}>)": [tag(f"javascript:{JS}"), link("javascript")],
    "[x](data:text/html;base64,PHNjcmlwdD4=)": [link("data")],
    "[x](vbscript:msgbox(1))": [link("vbscript")],
    f"![x](javascript:{JS})": [(U, "A Markdown image loads a 'javascript:' URL, from outside the course.")],
    "<javascript:alert(1)>": [(U, "An autolink has a 'javascript:' URL.")],
    f'Calm {{: onclick="{JS}" }}': [(H, "Attribute list sets 'onclick=...'; " + LIST)],
    f"*calm*{{onmouseover={JS}}}": [(H, "Attribute list sets 'onmouseover=...'; " + LIST)],
    f'[x](https://example.org){{: onclick="{JS}" }}':
        [(H, "Attribute list sets 'onclick=...'; " + LIST)],
    "Calm {: style=\"position:fixed;inset:0\" }":
        [(H, "Attribute list sets 'style=...'; " + LIST)],
    f'<p style="background:url(javascript:{JS})">x</p>': [attr("style", "p")],
    f'<form action="javascript:{JS}"><button>x</button></form>': [tag("button"), tag("form")],
    f'<meta http-equiv="refresh" content="0;url=javascript:{JS}">': [tag("meta")],
    f'<base href="javascript:{JS}//">': [tag("base")],
    f'<math href="javascript:{JS}">x</math>': [tag("math")],
    f"<math><mtext><table><mglyph><style><img src=x onerror={JS}>":
        [attr("onerror", "img"), tag("math"), tag("mglyph"), tag("mtext"), tag("style")],
    f"&lt;img src=x onerror={JS}&gt;": [(H, f"Attribute 'onerror' is not allowed on <img>{ENC}.")],
    f"&#60;script&#62;{JS}&#60;/script&#62;": [(H, f"Tag <script> is not allowed{ENC}.")],
    f"<!--><img src=x onerror={JS}>-->": [attr("onerror", "img")],
    f'<a href="https://example.org" onmouseover="{JS}">x</a>': [attr("onmouseover", "a")],
    f"<div onpointerenter={JS}>x</div>": [attr("onpointerenter", "div")],
    f'<a href="https://example.org" title="&lt;img src=x onerror={JS}&gt;">x</a>':
        [attr("title", "a")],
    f'[x](https://example.org "&lt;img src=x onerror={JS}&gt;")':
        [(H, f"Attribute 'onerror' is not allowed on <img>{ENC}.")],
    f"<svg><animate onbegin={JS} attributeName=x dur=1s>": [tag("animate"), tag("svg")],
    "<style>@import 'https://example.org/x.css'</style>": [tag("style")],
    '<link rel="stylesheet" href="https://example.org/x.css">': [tag("link")],
    f"<template><img src=x onerror={JS}></template>": [attr("onerror", "img"), tag("template")],
    f'<noscript><p title="</noscript><img src=x onerror={JS}>"></noscript>':
        [attr("title", "p"), tag("noscript")],
    f'<a href="data:text/html,<script>{JS}</script>">x</a>': [link("data", "<a href>")],
    '<img src="https://example.org/pixel.png" alt="">':
        [(U, "<img src> loads a 'https:' URL, from outside the course.")],
    f"<x onclick={JS}>x</x>": [tag("x")],
    f"<select autofocus onfocus={JS}></select>": [tag("select")],
    f"<video><source onerror={JS}></video>": [tag("source"), tag("video")],
    '<div id="__config">{}</div>':
        [(H, "Id '__config' on <div> must start with a letter and hold only letters, digits, "
             "'-' and '_'.")],
    "<?xml version='1.0'?>": [(H, "Markup declaration '<?xml' is not allowed.")],
    f"<![CDATA[><img src=x onerror={JS}>]]>":
        [attr("onerror", "img"), (H, "Markup declaration '<![CDATA[' is not allowed.")],
    "Calm <b and the rest": [(H, "The tag <b> is never closed, so it would swallow the page after it.")],
}

# Text the allowlist lets through untouched: it must never be refused.
SAFE = [
    "Plain words, a < b, 3 > 2 and <3.",
    "<em>Soft</em> <strong>firm</strong> <kbd>P</kbd> <code>x</code>",
    "[a page](../glossary.md#attunement) and [a source](https://doi.org/10.1037/x)",
    "<https://example.org/path> and <care@example.org> and [mail](mailto:care@example.org)",
    "![A diagram](../assets/diagram.png)",
    '<a href="https://example.org" hreflang="en">x</a> <span class="ck-note" lang="fr">oui</span>',
    "A title { #calm .ck-note }",
    "Sets like {this one} stay prose.",
    "<details><summary>More</summary>Hidden text.</details>",
    "&amp;lt;img src=x onerror=x&amp;gt; stays text after one decoding.",
]


@dataclass(frozen=True)
class Field:
    name: str
    scope: str  # "page", "glossary" or "bibliography"
    make: Callable[[str], str]
    line: int
    prose: bool = False  # Markdown prose, where a payload may not start a line of its own


def yaml(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value)


def q(key: str, base_value: str, line: int) -> Field:
    return Field(f"question {key}", "page",
                 lambda p: vary(QUESTION_PAGE, f"{key}: {base_value}", f"{key}: {yaml(p)}"), line)


def rp(label: str, old: str, line: int) -> Field:
    key = old.split(": ", 1)[0]
    return Field(f"role-play {label}", "page",
                 lambda p: vary(ROLEPLAY_PAGE, old, f"{key}: {yaml(p)}"), line)


PROSE_PAGE = "---\ntitle: T\n---\n\n# T\n\nA first paragraph.\n\n{}\n"
AGENDA = ("---\ntitle: Agendas\n---\n\n# Agendas\n\n```agenda\nid: short\ntitle: {}\nminutes: 30\n"
          "blocks:\n  - activity: Welcome\n    minutes: 10\n```\n")
GLOSSARY = "- term: {}\n  forms: [{}]\n  definition: {}\n"
BIBLIOGRAPHY = 'reis1988:\n  cite: {}\n  year: {}\n  reference: {}\n'

def prose(name: str, template: str, line: int) -> Field:
    return Field(name, "page", lambda p: PROSE_PAGE.format(template.format(p)), line, True)


def swap(name: str, base: str, old: str, new: str, line: int, in_prose: bool = False) -> Field:
    """`old` in `base` replaced by `new` with the payload put in for {} (YAML-quoted unless the
    field is prose)."""
    return Field(name, "page", lambda p: vary(base, old, new.format(p if in_prose else yaml(p))),
                 line, in_prose)


def data(name: str, scope: str, template: str, line: int) -> Field:
    return Field(name, scope, lambda p: template.replace("{}", yaml(p)), line)


FIELDS = [
    swap("front matter title", QUESTION_PAGE, "title: Questions", "title: {}", 2),
    swap("objective text", MODULE_HEAD, "text: Describe the quiet cue.", "text: {}", 9),
    swap("first heading", QUESTION_PAGE, "# Questions", "# {}", 5, in_prose=True),
    prose("section heading", "## {}", 9),
    prose("prose paragraph", "Before {}", 9),
    prose("list item", "- {}", 9),
    prose("table cell", "| A | B |\n| --- | --- |\n| {} | b |", 11),
    prose("admonition title", '!!! note "{}"\n    Body.', 9),
    prose("admonition body", "!!! note\n    {}", 10),
    prose("instructor note title", '!!! instructor "{}"\n    Body.', 9),
    prose("instructor note body", "!!! instructor\n    {}", 10),
    prose("reflection body", '!!! reflection "Pause"\n    {}', 10),
    q("prompt", "Which response is attuned?", 11),
    q("text", "Name the cue.", 13),
    q("rationale", "It opens a door.", 15),
    swap("role-play page title", ROLEPLAY_PAGE, "title: The quiet cue", "title: {}", 2),
    swap("role-play heading", ROLEPLAY_PAGE, "# The quiet cue", "# {}", 5, in_prose=True),
    rp("technique", "technique: Attunement", 9),
    rp("couple", "couple: Amara and Dev, married for twelve years.", 13),
    rp("content notes", "content_notes: A parent's illness. No violence.", 14),
    rp("phase name", "phase: Set up", 16),
    rp("role name", "name: Amara", 29),
    rp("role brief", "brief: Say you are fine.", 30),
    rp("unspoken part", "unspoken: You are frightened for your mother.", 31),
    rp("opening line", "line: I'm fine.", 43),
    rp("cue", "when: If the therapist moves on", 45),
    rp("cue raise", "raise: Amara shrugs.", 46),
    rp("facilitator notes", "facilitator_notes: Watch the pace.", 47),
    rp("pause and stop", "pause_and_stop: Anyone may say the pause word.", 48),
    swap("role-play debrief", ROLEPLAY_PAGE, "  - What did the therapist notice first?", "  - {}", 50),
    rp("checklist item", "item: The therapist named a cue.", 53),
    Field("agenda title", "page", lambda p: AGENDA.replace("{}", yaml(p)), 9),
    data("glossary term", "glossary", GLOSSARY.format("{}", "attunement", "Noticing."), 1),
    data("glossary form", "glossary", GLOSSARY.format("Attunement", "{}", "Noticing."), 2),
    data("glossary definition", "glossary", GLOSSARY.format("Attunement", "attunement", "{}"), 3),
    data("bibliography cite", "bibliography", BIBLIOGRAPHY.format("{}", '"1988"', "Reis."), 2),
    data("bibliography year", "bibliography", BIBLIOGRAPHY.format("Reis", "{}", "Reis."), 3),
    data("bibliography reference", "bibliography", BIBLIOGRAPHY.format("Reis", '"1988"', "{}"), 4),
]


def check(field: Field, payload: str) -> list[tuple[int, str, str]]:
    source = field.make(payload)
    if field.scope == "glossary":
        _, found = parse_glossary("docs/_data/glossary.yml", source)
    elif field.scope == "bibliography":
        _, found = parse_bibliography("docs/_data/bibliography.yml", source)
    else:
        _, found = parse_page("docs/page.md", "page.md", source)
    fixes = {rule.fix for rule in RULES.values()}
    out = []
    for d in sorted(found, key=lambda d: (d.line, d.rule, d.message)):
        detail = next((d.message.removesuffix(" " + fix) for fix in fixes if d.message.endswith(fix)),
                      d.message)
        out.append((d.line, d.rule, detail))
    return out


def test_there_are_at_least_thirty_payloads_and_every_field() -> None:
    assert len(PAYLOADS) >= 30
    assert len(FIELDS) == len({f.name for f in FIELDS}) >= 30


@pytest.mark.parametrize("field", FIELDS, ids=[f.name for f in FIELDS])
def test_every_payload_is_refused_in_every_field(field: Field) -> None:
    wrong = {}
    for payload, refusals in PAYLOADS.items():
        expected = sorted((field.line, rule, detail) for rule, detail in refusals)
        found = check(field, payload)
        if found != expected:
            wrong[payload] = found
    assert wrong == {}


@pytest.mark.parametrize("field", FIELDS, ids=[f.name for f in FIELDS])
def test_safe_markup_is_never_refused(field: Field) -> None:
    assert {text: check(field, text) for text in SAFE if check(field, text)} == {}


def test_a_reference_definition_with_a_script_url_is_refused() -> None:
    source = PROSE_PAGE.format(f"See [the guide][g].\n\n[g]: javascript:{JS}")
    assert check(FIELDS[4], "x") == []  # the base page is clean
    _, found = parse_page("docs/page.md", "page.md", source)
    assert [(d.line, d.rule) for d in found] == [(11, U)]
    assert found[0].message.startswith("A link reference definition has a 'javascript:' URL.")


def test_code_is_not_refused_but_indented_code_is() -> None:
    """Inline code and fences show markup as text; an indented block might be a list's
    continuation, so it is read as prose (refusing more, never less)."""
    source = PROSE_PAGE.format("Write `<script>` as code.\n\n```html\n<script>x</script>\n```")
    assert parse_page("docs/page.md", "page.md", source)[1] == []
    source = PROSE_PAGE.format("    <script>x</script>")
    assert [(d.line, d.rule) for d in parse_page("docs/page.md", "page.md", source)[1]] == [(9, H)]


def test_a_hostile_run_is_reported_in_few_lines() -> None:
    found = check(FIELDS[4], f"<b onclick={JS}>x</b> " * 5 + "\n" + "[x](javascript:1)\n" * 40)
    assert len(found) == 21  # the first 20, then how many more
    assert found[-1][2] == "21 more refusals follow in this text; only the first 20 are listed."


# ---- what renders and exports: inert whatever the checker said ---------------------------

SCHEMES = (None, "http", "https", "mailto")


def live_markup(page_html: str) -> list[str]:
    """Every tag, attribute or URL in rendered HTML that the allowlist does not permit."""
    live = []
    for found in tokenize(page_html):
        if found.kind != "start":
            continue
        if found.name not in ALLOWED_TAGS:
            live.append(f"<{found.name}>")
            continue
        for name, value in found.attrs:
            if name not in ALLOWED_TAGS[found.name] | GLOBAL_ATTRIBUTES:
                live.append(f"{found.name} {name}")
            elif name in URL_ATTRIBUTES and value and url_scheme(value) not in SCHEMES:
                live.append(f"{found.name} {name}={value}")
    return live


@pytest.mark.parametrize("payload", list(PAYLOADS), ids=range(len(PAYLOADS)))
def test_author_markdown_renders_every_payload_inert(payload: str) -> None:
    for inline in (True, False):
        assert live_markup(author_markdown(payload, inline)) == []


@pytest.mark.parametrize("payload", list(PAYLOADS), ids=range(len(PAYLOADS)))
def test_the_sanitisers_leave_no_live_markup(payload: str) -> None:
    # What Markdown makes of the raw payload, as a page would render it with HTML passed through.
    rendered = markdown.markdown(payload, extensions=["attr_list", "md_in_html"])
    assert live_markup(clean_fragment(rendered)) == []
    page = clean_page(rendered)
    allowed_here = {"abbr", "input", "label", "button", "fieldset", "legend"}
    assert [m for m in live_markup(page) if m.strip("<>") not in allowed_here
            and not m.endswith((" title", " role", " tabindex", " hidden"))] == []
    titles = [v for t in tokenize(page) for n, v in t.attrs if n == "title" and v]
    assert [v for v in titles if re.search("[<&](?!\u2060)", html.unescape(v))] == []


def test_page_sanitiser_keeps_the_course_markup() -> None:
    page = ('<h2 id="why">Why<a class="headerlink" href="#why" title="Link to this section">¶</a></h2>\n'
            '<div class="admonition note">\n<p class="admonition-title">Note</p>\n<p>Text with '
            '<abbr title="A &lt;b&gt; tip">tip</abbr>.</p>\n</div>\n<table>\n<thead>\n<tr>\n'
            '<th style="text-align: right;">A</th>\n</tr>\n</thead>\n</table>\n'
            '<section class="ck-live-phase" data-ck-minutes="5" aria-labelledby="why" tabindex="-1">'
            "<p>COURSEKITBLOCK0000</p></section>")
    cleaned = clean_page(page)
    assert '<a class="headerlink" href="#why" title="Link to this section">¶</a>' in cleaned
    assert '<div class="admonition note">' in cleaned and '<p class="admonition-title">' in cleaned
    assert '<abbr title="A &lt;\u2060b&gt; tip">tip</abbr>' in cleaned
    assert '<th style="text-align:right">A</th>' in cleaned
    assert ('<section class="ck-live-phase" data-ck-minutes="5" aria-labelledby="why" '
            'tabindex="-1"><p>COURSEKITBLOCK0000</p></section>') in cleaned


def payload_question(text: str) -> Question:
    options = (Option(text, True, text, 1), Option("Move on.", False, "It misses the cue.", 2),
               Option("Accuse.", False, "It invites defence.", 3))
    return Question("pt-1", "m1-o1", "single", text, options, None, 1)


def moodle_live(text: str) -> list[str]:
    """Live markup in what Moodle's Markdown filter makes of text (Moodle has no innerHTML
    tooltips, so a link title is text there)."""
    return [m for m in live_markup(markdown.markdown(text)) if m != "a title"]


def gift_unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


@pytest.mark.parametrize("payload", list(PAYLOADS), ids=range(len(PAYLOADS)))
def test_exports_carry_only_sanitised_markup(payload: str) -> None:
    question = payload_question(payload)
    bank = ET.fromstring(to_moodle_xml([question], "C").encode())
    texts = [t.text or "" for t in bank.iter("text")]
    assert export_markdown(payload) in texts
    for text in texts:  # what Moodle's Markdown filter would render, raw HTML passed through
        assert moodle_live(text) == [], text
    gift = to_gift([question], "C")
    prompt_line = next(line for line in gift.split("\n") if line.startswith("::pt-1::"))
    prompt = prompt_line.removeprefix("::pt-1::[markdown]").removesuffix(" {")
    one_line = " ".join(export_markdown(payload).split())
    assert gift_unescape(prompt) == one_line  # GIFT escaping undone exactly
    for line in gift.split("\n"):
        if line.startswith("\t"):
            body = re.split(r"(?<!\\)#", line[2:], maxsplit=1)
            assert [gift_unescape(part) for part in body] == [one_line] * 2 or \
                body[0] in ("Move on.", "Accuse.")
            for part in body:
                assert moodle_live(gift_unescape(part)) == []


def test_export_of_ordinary_markdown_is_unchanged() -> None:
    text = "Name the *cue* [gently](https://example.org), then {pause}: 3 > 2."
    assert export_markdown(text) == "Name the *cue* [gently](https://example.org), then {pause}: 3 &gt; 2."
    assert export_markdown("Is <b>this</b> & that?") == "Is &lt;b&gt;this&lt;/b&gt; &amp; that?"
