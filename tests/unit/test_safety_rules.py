"""The allowlist's smaller rules, each pinned to an exact result: how ids and classes are read
and reported, which characters separate attribute-list items, what the Markdown export leaves
alone, when a front-matter description is unsafe, and what the two sanitisers keep or drop.
Written against the survivors of a mutation run over coursekit.safety."""

from __future__ import annotations

import re

import pytest

from coursekit.safety import (
    Finding,
    check_markdown,
    check_markup,
    clean_fragment,
    clean_page,
    description_quotes,
    export_markdown,
    tokenize,
)


def slug(text: str) -> str:
    """A test id of letters, digits and hyphens: mutmut passes ids on pytest's command line,
    which cannot select one holding brackets or a line break."""
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-") or "blank"


NAME_RULE = "must start with a letter and hold only letters, digits, '-' and '_'."


# ---- ids and classes in tags and attribute lists -------------------------------------------

def test_a_class_attribute_is_read_as_separate_names_and_only_the_bad_one_is_reported() -> None:
    assert check_markup('<span class="warm 1cold">x</span>') == [
        Finding(0, "unsafe-html", f"Class '1cold' on <span> {NAME_RULE}")]


def test_an_id_holding_a_space_is_one_name_and_is_refused_whole() -> None:
    # Split like a class, "calm space" would pass as two good names.
    assert check_markup('<span id="calm space">x</span>') == [
        Finding(0, "unsafe-html", f"Id 'calm space' on <span> {NAME_RULE}")]


def test_a_bad_id_is_reported_as_an_id_not_a_class() -> None:
    assert check_markup('<p id="1st">x</p>') == [
        Finding(0, "unsafe-html", f"Id '1st' on <p> {NAME_RULE}")]


def test_a_bad_class_in_an_attribute_list_is_reported_as_a_class() -> None:
    assert check_markup("## Pacing {: .ok .-dash }") == [
        Finding(0, "unsafe-html", f"Class '-dash' on an attribute list {NAME_RULE}")]


def test_an_attribute_list_key_is_reported_with_every_letter_it_was_written_with() -> None:
    # Only space, tab and ':' separate items; a letter such as 'X' is part of the key.
    assert check_markup("# Title {: Xdata=1 }") == [
        Finding(0, "unsafe-html",
                "Attribute list sets 'Xdata=...'; only #id, .class, lang and dir are allowed.")]


def test_a_stray_equals_sign_in_an_attribute_list_does_not_hide_the_key_after_it() -> None:
    assert check_markup("# Title {: =onclick=go() }") == [
        Finding(0, "unsafe-html",
                "Attribute list sets 'onclick=...'; only #id, .class, lang and dir are allowed.")]


def test_an_attribute_list_item_that_ends_the_group_is_read_without_error() -> None:
    # No space before '}': the class runs to the end of the group's text.
    assert check_markup("## Pacing {:.calm}") == []


def test_an_attribute_list_value_is_read_from_its_first_character() -> None:
    assert check_markup("# Title {: id=9x }") == [
        Finding(0, "unsafe-html", f"Id '9x' on an attribute list {NAME_RULE}")]


def test_an_attribute_list_value_starting_with_a_capital_letter_is_not_read_as_quoted() -> None:
    assert check_markup("# Title {: id=Xavier }") == []


def test_an_empty_attribute_list_value_is_an_empty_id() -> None:
    assert check_markup("# Title {: id=}") == [
        Finding(0, "unsafe-html", f"Id '' on an attribute list {NAME_RULE}")]


def test_an_empty_quoted_attribute_list_value_ends_at_its_own_closing_quote() -> None:
    assert check_markup('# Title {: id="" }') == [
        Finding(0, "unsafe-html", f"Id '' on an attribute list {NAME_RULE}")]


def test_a_quoted_attribute_list_value_runs_to_the_next_quote_only() -> None:
    # Read to the last quote, the id would swallow `lang="en`.
    assert check_markup('# Title {: id="9a" lang="en" }') == [
        Finding(0, "unsafe-html", f"Id '9a' on an attribute list {NAME_RULE}")]


def test_an_unclosed_quoted_attribute_list_value_runs_to_the_end_of_the_group() -> None:
    assert check_markup('# Title {: id="9x }') == [
        Finding(0, "unsafe-html", f"Id '9x ' on an attribute list {NAME_RULE}")]


def test_a_key_written_right_after_a_closing_quote_is_read_whole() -> None:
    assert check_markup('# Title {: lang="en"onclick=go() }') == [
        Finding(0, "unsafe-html",
                "Attribute list sets 'onclick=...'; only #id, .class, lang and dir are allowed.")]


# ---- tags cut off at the end of the text ---------------------------------------------------

UNCLOSED_A = "The tag <a> is never closed, so it would swallow the page after it."


def test_a_tag_cut_off_after_an_equals_sign_is_reported_as_never_closed() -> None:
    assert check_markup("Calm words\n<a href=") == [Finding(1, "unsafe-html", UNCLOSED_A)]


def test_a_tag_cut_off_inside_a_quoted_value_is_reported_on_its_own_line() -> None:
    assert check_markup('Calm words\n<a href="x') == [Finding(1, "unsafe-html", UNCLOSED_A)]

# ---- Markdown export and front-matter descriptions ------------------------------------------

def test_the_markdown_export_leaves_quotes_as_written() -> None:
    assert export_markdown("She said \"yes\", it's <fine>") == (
        "She said \"yes\", it's &lt;fine&gt;")


def test_a_description_without_quotes_or_angle_brackets_is_safe() -> None:
    assert description_quotes("Xavier and Ama eXplore repair") is False


def test_a_description_with_a_quote_or_an_angle_bracket_is_unsafe() -> None:
    assert [description_quotes(t) for t in ('a "b"', "a<b", "a>b")] == [True, True, True]


# ---- clean_fragment: rendered author HTML ----------------------------------------------------

def test_the_fragment_sanitiser_keeps_a_well_formed_id_and_every_good_class() -> None:
    assert clean_fragment('<span id="calm" class="warm soft">x</span>') == (
        '<span id="calm" class="warm soft">x</span>')


def test_the_fragment_sanitiser_drops_an_id_holding_a_space() -> None:
    assert clean_fragment('<span id="a b">x</span>') == "<span>x</span>"


def test_the_fragment_sanitiser_drops_tags_outside_the_allowlist_that_ammonia_allows() -> None:
    # nav, strike and abbr are in ammonia's default tag set, not in the course's allowlist.
    assert clean_fragment("<nav>x</nav><strike>y</strike><abbr>z</abbr>") == "xyz"


def test_the_fragment_sanitiser_strips_comments() -> None:
    assert clean_fragment("a<!-- note -->b") == "ab"


# ---- clean_page: a whole rendered page ------------------------------------------------------

def test_the_page_sanitiser_keeps_generated_ids_that_start_with_a_digit() -> None:
    assert clean_page('<h2 id="1-intro">x</h2>') == '<h2 id="1-intro">x</h2>'


def test_the_page_sanitiser_drops_ids_that_would_shadow_materials_double_underscore_ids() -> None:
    assert clean_page('<div id="__config">y</div>') == "<div>y</div>"


def test_the_page_sanitiser_keeps_generated_classes_as_written() -> None:
    assert clean_page('<span class="_x 1a">z</span>') == '<span class="_x 1a">z</span>'


def test_the_page_sanitiser_drops_an_image_source_with_any_scheme() -> None:
    assert clean_page('<img src="https://example.org/a.png" alt="x">') == '<img alt="x">'


def test_the_page_sanitiser_keeps_comments() -> None:
    assert clean_page("a<!-- keep -->b") == "a<!-- keep -->b"


# What the tokenizer finds, as the HTML tokenizer's data state does: each (kind, name, offset).
# The cases sit where an off-by-one or a search from the wrong place would change the answer
# (a '>' or '-->' before the tag, a closing tag at the very end, '</' not followed by a letter).
TOKENS = [
    ("a <!--> b <p>", [("comment", "", 2), ("start", "p", 10)]),
    ("<!---> <p>", [("comment", "", 0), ("start", "p", 7)]),
    ("a> <!--> <p>", [("comment", "", 3), ("start", "p", 9)]),
    ("--> <!-- a --> <b>", [("comment", "", 4), ("start", "b", 15)]),
    ("x\n<!-- never", [("unclosed", "!--", 2)]),
    ("<!doctype html><p>", [("declaration", "!doctype", 0), ("start", "p", 15)]),
    ("<?xml version?><p>", [("declaration", "?xml", 0), ("start", "p", 15)]),
    ("<!abcdefghijk><i>", [("declaration", "!abcdefgh", 0), ("start", "i", 14)]),
    ("b> <!x> <p>", [("declaration", "!x", 3), ("start", "p", 8)]),
    ("x </a", [("unclosed", "a", 2)]),
    ("1 </p>", [("end", "p", 2)]),
    ("</p>", [("end", "p", 0)]),
    ("a> </ x> <p>", [("start", "p", 9)]),
    ("</ x><p>", [("start", "p", 5)]),
    ("</3> <p>", [("start", "p", 5)]),
    ("<Xmp> <X>", [("start", "xmp", 0), ("start", "x", 6)]),
    ("<p class='a>b'>c</p>", [("start", "p", 0), ("end", "p", 16)]),
    ("a < b <", []),  # a '<' that ends the text opens nothing
    ("x <b", [("unclosed", "b", 2)]),  # a tag cut off one character after its '<'
    ("<<b>", [("start", "b", 1)]),  # a '<' that opens nothing is passed one character at a time
]


@pytest.mark.parametrize(("text", "tokens"), TOKENS, ids=[slug(text) for text, _ in TOKENS])
def test_the_tokenizer_finds_each_tag_comment_and_declaration_where_it_starts(
    text: str, tokens: list[tuple[str, str, int]]
) -> None:
    assert [(tag.kind, tag.name, tag.offset) for tag in tokenize(text)] == tokens


# ---- autolinks, references and long lists of refusals ------------------------------------------

@pytest.mark.parametrize("text", ["<http://example.org/a>", "<https://example.org>",
                                  "<mailto:amara@example.org>", "<amara@example.org>"])
def test_web_and_mail_autolinks_are_allowed(text: str) -> None:
    assert check_markup(text) == []


def test_other_autolinks_are_refused_and_later_lines_keep_their_numbers() -> None:
    assert check_markup("<ftp://example.org>") == [
        Finding(0, "unsafe-url", "An autolink has a 'ftp:' URL.")]
    assert check_markup("<javascript:>") == [  # the scheme is read to the link's last character
        Finding(0, "unsafe-url", "An autolink has a 'javascript:' URL.")]
    # An '@' does not make a link with a scheme an e-mail address.
    assert check_markup("<javascript:alert@example.org>") == [
        Finding(0, "unsafe-url", "An autolink has a 'javascript:' URL.")]
    # The autolink is blanked to the same length, so the tag two lines on is still on line 2.
    assert check_markup("<http://example.org/a> x\n\n<script>") == [
        Finding(2, "unsafe-html", "Tag <script> is not allowed.")]


def test_an_attribute_list_glued_to_an_autolink_is_read() -> None:
    # Markdown sets it on the link: <a href="http://example.org" onclick="...">.
    assert check_markup("<http://example.org>{onclick=alert(1)} more") == [
        Finding(0, "unsafe-html", ONCLICK_LIST)]
    assert check_markup("<amara@example.org>{onclick=x} more") == [Finding(0, "unsafe-html", ONCLICK_LIST)]


def test_a_blanked_autolink_keeps_its_length_so_a_tag_after_it_stays_on_its_line() -> None:
    assert check_markup("<https://example.org/a> <script>\nx\ny") == [
        Finding(0, "unsafe-html", "Tag <script> is not allowed.")]


def test_a_line_break_spelled_as_a_reference_inside_a_tag_is_a_space() -> None:
    # Decoded, "&#10;" and "&#13;" separate the name from the attribute, as a browser reads it.
    for reference in ("&#10;", "&#13;"):
        assert check_markup(f"x\n&lt;a{reference}href=javascript:go&gt;") == [
            Finding(1, "unsafe-url", "<a href> has a 'javascript:' URL (spelled with character "
                    "references, which Material's tooltips turn back into markup).")], reference


def test_markdown_only_checks_report_lines_after_decoding_too() -> None:
    assert check_markdown("x &amp;&amp;&amp;&amp;&amp;&amp;\ny {onclick=z}") == [
        Finding(1, "unsafe-html", ONCLICK_LIST)]


def test_an_encoded_line_break_does_not_end_the_line_for_an_attribute_list() -> None:
    # Markdown sees "&#10;" as text, so the braces sit mid-line and stay prose.
    assert check_markup("x {onclick=y}&#10;z") == []
    assert len(check_markup("x {onclick=y}\nz")) == 1


def test_an_unclosed_comment_is_named_as_a_comment() -> None:
    assert check_markup("a <!-- b") == [Finding(0, "unsafe-html", "The comment '<!--' is never closed, "
                                                "so it would swallow the page after it.")]


def test_past_twenty_refusals_one_summary_names_the_first_left_out() -> None:
    twenty = "\n".join(["<script>"] * 20)
    assert len(check_markup(twenty)) == 20  # exactly twenty are all listed
    found = check_markup(twenty + "\n<ftp://example.org>\n<script>")
    assert len(found) == 21
    assert found[20] == Finding(20, "unsafe-url", "2 more refusals follow in this text; only the first "
                                "20 are listed.")


def test_a_reference_on_a_later_line_is_reported_on_that_line_however_much_decoding_shortened() -> None:
    # Decoding "&amp;" six times shortens the first line by 24 characters; the encoded tag and
    # the attribute list on the next lines must still be reported there, not on line 0.
    text = "x &amp;&amp;&amp;&amp;&amp;&amp;\n&lt;script&gt;\ny {onclick=z}"
    assert check_markup(text) == [
        Finding(1, "unsafe-html", "Tag <script> is not allowed (spelled with character references, "
                "which Material's tooltips turn back into markup)."),
        Finding(2, "unsafe-html", ONCLICK_LIST)]


# ---- where an attribute list is read ---------------------------------------------------------

ONCLICK_LIST = "Attribute list sets 'onclick=...'; only #id, .class, lang and dir are allowed."

# Each text and whether its `{onclick=y}` is read as an attribute list (Markdown's attr_list
# reads one at the end of a line or table cell, glued to an inline element, or written `{:`).
PLACES = [
    ("x {onclick=y}", True),  # the end of the text
    ("x {onclick=y} \t", True),  # spaces and tabs after it still leave it at the end
    ("x {onclick=y}\nmore", True),  # the end of a line
    ("| a {onclick=y} | b |", True),  # the end of a table cell
    ("x {onclick=y}X and more", False),  # a letter after it: prose, whichever letter
    ("x {onclick=y}. More", False),
    ("*{onclick=y} z", True),  # glued to an element that closes on the first character
    ("an *aside*{onclick=y} z", True),
    ("[a](b){onclick=y} z", True),
    ("`code`{onclick=y} z", True),
    ("{onclick=y} z*", False),  # at the very start nothing is before it (not the text's end)
    ("MAX{onclick=y} z", False),  # a letter before it is not an inline element's end
    ("a set {x} and {: onclick=y } in prose", True),  # `{:` is read anywhere, after prose braces
]


@pytest.mark.parametrize(("text", "read"), PLACES, ids=[slug(text) for text, _ in PLACES])
def test_an_attribute_list_is_read_only_where_markdown_reads_one(text: str, read: bool) -> None:
    assert check_markup(text) == ([Finding(0, "unsafe-html", ONCLICK_LIST)] if read else [])


def test_a_bad_id_in_an_attribute_list_is_reported_whole_on_its_own_line() -> None:
    assert check_markup("Intro\n## Pacing {: #1st }") == [
        Finding(1, "unsafe-html", f"Id '1st' on an attribute list {NAME_RULE}")]


def test_a_key_without_a_value_is_reported_by_its_name_alone() -> None:
    assert check_markup("# Title {: onclick }") == [
        Finding(0, "unsafe-html",
                "Attribute list sets 'onclick'; only #id, .class, lang and dir are allowed.")]


def test_an_id_or_class_key_with_a_value_is_read_like_the_shorthand() -> None:
    assert check_markup('# Title {: class="warm 2cold" }') == [
        Finding(0, "unsafe-html", f"Class '2cold' on an attribute list {NAME_RULE}")]
    # Written in capitals, still a class: two good names, not one id with a space.
    assert check_markup('# Title {: CLASS="warm calm" }') == []
    assert check_markup('# Title {: id="calm space" }') == [
        Finding(0, "unsafe-html", f"Id 'calm space' on an attribute list {NAME_RULE}")]


def test_a_lang_or_dir_value_is_not_read_as_an_id() -> None:
    assert check_markup('# Title {: lang="zh Hant" dir=rtl }') == []


# ---- Markdown links ------------------------------------------------------------------------------

def test_a_link_closing_bracket_with_no_opening_bracket_is_read_as_a_link_not_an_image() -> None:
    assert check_markup("see x](https://example.org)") == []
    assert check_markup("see x](javascript:go)") == [
        Finding(0, "unsafe-url", "A Markdown link has a 'javascript:' URL.")]


def test_a_closing_tag_whose_name_is_not_an_ascii_letter_is_a_bogus_comment() -> None:
    # The HTML tokenizer reads `</é>` as a comment, whatever came before it.
    assert [(t.kind, t.name, t.offset) for t in tokenize("ab</é> <p>")] == [("start", "p", 7)]


def test_a_closing_tag_opener_at_the_very_end_is_not_a_tag() -> None:
    assert list(tokenize("a </")) == []
    assert check_markup("a </") == []


def test_the_tokenizer_reads_on_from_just_after_each_tag() -> None:
    assert [(t.kind, t.name, t.offset) for t in tokenize("<b><i>")] == [
        ("start", "b", 0), ("start", "i", 3)]
