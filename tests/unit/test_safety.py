"""The allowlist's parts one by one: the tokenizer reads tags as a browser does, URL schemes
are read after decoding, the sanitisers keep the course's markup, the renderers that take
author text make it inert, the documented allowlist is the one in the code, and every check
stays linear on hostile text."""

from __future__ import annotations

import re
import time
from pathlib import Path

import markdown
import pytest
from test_safety_payloads import live_markup

from coursekit.citations import CiteItem
from coursekit.model import BibEntry, GlossaryTerm
from coursekit.render import ref_id, render_citation, render_reference_list
from coursekit.safety import (
    ALLOWED_TAGS,
    WORD_JOINER,
    check_markup,
    clean_fragment,
    plain_tooltip,
    tokenize,
    url_scheme,
)
from coursekit.transform import _host_info, finish_html, glossary_links, link_glossary_terms

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("text", "expected"), [
    ("<svg/onload=alert(1)>", [("start", "svg", (("onload", "alert(1)"),))]),
    ("<img src=x\nonerror = 'a b'>", [("start", "img", (("src", "x"), ("onerror", "a b")))]),
    ('<a href="x"onclick=y>', [("start", "a", (("href", "x"), ("onclick", "y")))]),
    ("<A HREF=X>", [("start", "a", (("href", "X"),))]),
    ("<p =x>", [("start", "p", (("=x", None),))]),
    ("<!--> <b> -->", [("comment", "", ()), ("start", "b", ())]),
    ("<!---> <b> -->", [("comment", "", ()), ("start", "b", ())]),
    ("<!-- x --!> <b>", [("comment", "", ()), ("start", "b", ())]),
    ("<!-- <b> -->", [("comment", "", ())]),
    ("<!-- never closed <b>", [("unclosed", "!--", ())]),
    ("a < b <3 </ > <>", []),
    ('<a title="never closed>', [("unclosed", "a", ())]),
    ("</b onclick=x>", [("end", "b", (("onclick", "x"),))]),
    ("<![CDATA[ > <b>", [("declaration", "![CDATA[", ()), ("start", "b", ())]),
])
def test_tags_are_read_as_a_browser_reads_them(text: str, expected: list[tuple[object, ...]]) -> None:
    assert [(t.kind, t.name, t.attrs) for t in tokenize(text)] == expected


@pytest.mark.parametrize(("url", "scheme"), [
    ("javascript:x", "javascript"), ("JaVaScRiPt:x", "javascript"), ("  javascript:x", "javascript"),
    ("\x01javascript:x", "javascript"), ("java\tscript:x", "javascript"), ("java\nscript:x", "javascript"),
    ("jav&#x61;script:x", "javascript"), ("&#106;avascript&#58;x", "javascript"),
    ("java&Tab;script:x", "javascript"), ("java\\script:x", "javascript"), ("data:text/html,x", "data"),
    ("https://example.org", "https"), ("mailto:a@b.org", "mailto"), ("../a.md#b", None),
    ("a.md", None), ("#ref-x", None), ("/x:y", None), ("?q=a:b", None), ("%6Aavascript:x", None),
    ("1x:y", None),
])
def test_the_scheme_is_read_after_decoding_and_stripping(url: str, scheme: str | None) -> None:
    assert url_scheme(url) == scheme


def test_the_documented_allowlist_is_the_one_the_checks_use() -> None:
    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    section = guide.split("## What HTML course text may use", 1)[1].split("\n## ", 1)[0]
    documented: dict[str, set[str]] = {}
    for row in re.findall(r"^\| (`.+`) \| (.+) \|$", section, re.MULTILINE):
        attrs = set(re.findall(r"`([a-z]+)`", row[1]))
        for tag in re.findall(r"`([a-z0-9]+)`", row[0].replace("`h1`–`h6`", "`h1`, `h2`, `h3`, "
                                                                    "`h4`, `h5`, `h6`")):
            documented[tag] = attrs
    assert documented == {tag: set(attrs) for tag, attrs in ALLOWED_TAGS.items()}


def test_tooltip_text_cannot_become_markup() -> None:
    assert plain_tooltip("a <b> & c") == f"a <{WORD_JOINER}b> &{WORD_JOINER} c"


def test_fragment_sanitiser_keeps_markdown_output_and_drops_the_rest() -> None:
    kept = ('<p>Name the <em>cue</em>, <a href="https://example.org">gently</a> and '
            '<a href="../glossary.html#bid">here</a>.</p>\n<ul>\n<li><code>x</code></li>\n</ul>')
    assert clean_fragment(kept) == kept
    assert clean_fragment('<a href="javascript:x" title="t" onclick="y">z</a>') == "<a>z</a>"
    assert clean_fragment('<img src="https://example.org/p.png" alt="p">') == '<img alt="p">'
    assert clean_fragment('<b id="__config" class="ok 9bad">x</b>') == '<b class="ok">x</b>'
    assert clean_fragment("<script>x</script><style>y</style>z") == "z"


def test_finish_html_sanitises_around_questions_and_keeps_them() -> None:
    page = ("<p>Before <img src=x onerror=y></p>\n<p>COURSEKITBLOCK0000</p>\n<style>never closed"
            "\n<p>COURSEKITBLOCK0001</p>\n<p>after</p>")
    blocks = {"COURSEKITBLOCK0000": '<form class="ck-form"><input type="radio"></form>',
              "COURSEKITBLOCK0001": '<div class="ck-question">Q2</div>'}
    assert finish_html(page, blocks) == (
        '<p>Before <img src="x"></p>\n<form class="ck-form"><input type="radio"></form>\n'
        '<div class="ck-question">Q2</div>\n<p>after</p>')


def test_glossary_definitions_are_shown_as_text() -> None:
    from coursekit.course import Course
    term = GlossaryTerm("Bid", ("bid",), "A <b>small</b> &lt;img&gt; reach", "", 1)
    course = Course({}, {}, [term], [])
    links = glossary_links(course, "m1.md")
    assert links is not None
    assert link_glossary_terms("<p>A bid.</p>", links, set()) == (
        '<p>A <span class="ck-term"><a href="glossary.html#term-bid" aria-describedby="ck-def-bid">bid</a>'
        '<span class="ck-def" id="ck-def-bid" role="tooltip" data-search-exclude>'
        "A &lt;b&gt;small&lt;/b&gt; &amp;lt;img&amp;gt; reach</span></span>.</p>")


def test_host_values_with_unsafe_links_are_shown_as_text() -> None:
    table = _host_info({"sponsor": "[Call us](javascript:alert(1))", "contact": "[Office](mailto:a@b.org)",
                        "credit": "Approved {: onclick=alert(1) }", "authors": "[x](jav&#x61;script:y)"})
    assert "| **Course contact** | [Office](mailto:a@b.org) |" in table
    assert ("| **Sponsoring program** | &#91;Call us&#93;&#40;javascript&#58;alert&#40;1&#41;&#41; |"
            in table)
    rendered = markdown.markdown(table, extensions=["tables", "attr_list"])
    assert [m for m in live_markup(rendered) if m != "<span>" and "class" not in m] == []
    assert 'href="mailto:a@b.org"' in rendered and "<a" not in rendered.replace('<a href="mailto', "")
    assert "jav&#38;&#35;x61;script" in table  # the reference is shown, never decoded


def test_citation_anchors_are_ids_whatever_the_key() -> None:
    entry = BibEntry('x" onclick="y', "Reis", "1988", "Reis (1988).", "", 1)
    assert ref_id('x" onclick="y') == "ref-x--onclick--y"
    assert render_citation([CiteItem(entry.key, "", False)], {entry.key: entry}) == \
        "([Reis, 1988](#ref-x--onclick--y))"
    assert "{ #ref-x--onclick--y .ck-ref }" in render_reference_list([entry])


HOSTILE = ["<", "<a", "<a ", '<a x="', "<!--", "<!---->", "</a", "&#1;", "{ {}", "](", "![",
           "<b onclick>", "<x@y.z>", "<http://", "[a]: j:\n", '{ a="', "*x*{a=b}", "\t<a\n"]


@pytest.mark.parametrize("unit", HOSTILE)
def test_the_checker_is_linear_on_hostile_text(unit: str) -> None:
    """1 MB of each shape in well under the limit (quadratic behaviour takes minutes), and a
    bounded list of refusals."""
    text = unit * (1_000_000 // len(unit))
    start = time.perf_counter()
    found = check_markup(text)
    assert time.perf_counter() - start < 15
    assert len(found) <= 21
