"""The Markdown the engine writes keeps an author's quotes as typed (only &, < and > are
escaped), keeps a multi-line value inside its admonition or table cell, and writes a citation
for every source of a group, known or not.
"""

from __future__ import annotations

from markupsafe import Markup

from coursekit.citations import CiteItem
from coursekit.model import BibEntry
from coursekit.render import _cell, _indent4, _md_escape, render_citation, render_reference_list

QUOTED = BibEntry("quoted", 'O\'Neil & "Ray"', "2001",
                  'O\'Neil, A., & "Ray", B. (2001). *Saying "no"* <i>x</i>.', "10.1000/a'b\"c", 1)


def test_reference_list_keeps_quotes_and_escapes_only_markup() -> None:
    listed = render_reference_list([QUOTED])
    assert listed == ('O\'Neil, A., &amp; "Ray", B. (2001). *Saying "no"* &lt;i&gt;x&lt;/i&gt;. '
                      "<https://doi.org/10.1000/a'b\"c>\n{ #ref-quoted .ck-ref }\n\n")


def test_an_entry_without_a_doi_has_no_link() -> None:
    entry = BibEntry("plain", "Plain", "2000", "Plain, P. (2000). *Title*.", "", 1)
    assert render_reference_list([entry]) == "Plain, P. (2000). *Title*.\n{ #ref-plain .ck-ref }\n\n"


def test_citation_labels_keep_quotes_and_every_source_of_a_group() -> None:
    items = [CiteItem("nobody", "", False), CiteItem("quoted", "p. 'iv'", False)]
    assert render_citation(items, {"quoted": QUOTED}) == (
        "(nobody; [O'Neil &amp; \"Ray\", 2001, p. 'iv'](#ref-quoted))")


def test_markdown_values_escape_markup_but_not_quotes() -> None:
    assert _md_escape('a "b" \'c\' <d> & e') == "a \"b\" 'c' &lt;d&gt; &amp; e"
    assert _md_escape(None) == ""
    assert _md_escape(Markup("<b>kept</b>")) == "<b>kept</b>"


def test_indent4_indents_every_line_blank_ones_too() -> None:
    assert _indent4("one\n\ntwo") == "    one\n    \n    two"
    assert isinstance(_indent4(Markup("<b>x</b>\ny")), Markup)
    assert str(_indent4(Markup("<b>x</b>\ny"))) == "    <b>x</b>\n    y"
    assert not isinstance(_indent4("plain"), Markup)


def test_cell_keeps_a_value_on_one_line_of_its_table() -> None:
    assert _cell("a |\n b") == r"a \| b"
    assert isinstance(_cell(Markup("<b>x</b>\ny")), Markup)
    assert str(_cell(Markup("<b>x</b>\ny"))) == "<b>x</b> y"
    assert not isinstance(_cell("plain"), Markup)
