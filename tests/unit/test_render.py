"""coursekit.render: exact question HTML, escaping of every author string, role-play Markdown."""

from __future__ import annotations

import re

import markdown
import pytest
from coursetext import ROLEPLAY_PAGE, vary

from coursekit.citations import CiteItem
from coursekit.model import BibEntry, Option, Question, RolePlay
from coursekit.order import option_key
from coursekit.parse import parse_page
from coursekit.render import (
    _HTML_ENV,
    ObjectiveView,
    _Compact,
    author_markdown,
    option_letter,
    relative_link,
    render_citation,
    render_question,
    render_quiz_tools,
    render_reference_list,
    render_roleplay,
    render_rules,
    render_template,
)
from coursekit.rules import RULES
from pagehtml import Html

BIB = {
    "reis1988": BibEntry("reis1988", "Reis & Shaver", "1988",
                         "Reis, H. T., & Shaver, P. (1988). *Intimacy as an interpersonal process*.",
                         "", 1),
    "gottman1999": BibEntry("gottman1999", "Gottman", "1999",
                            "Gottman, J. M. (1999). *The marriage clinic* <script>x</script>.",
                            "10.1000/xyz-1", 6),
}


def question(qtype: str = "single", prompt: str = "Which is *most* attuned?",
             options: tuple[Option, ...] | None = None, source: str | None = None,
             qid: str = "m1-q") -> Question:
    options = options or (
        Option("Name the cue.", True, "It opens a door.", 5),
        Option("Move on.", False, "Tempting, but it misses the cue.", 8),
        Option("Accuse.", False, "It invites defence.", 10),
    )
    return Question(qid, "m1-o1", qtype, prompt, options, source, 1)


GOLDEN = """\
<div class="ck-question" id="q-m1-q" data-ck-question="m1-q">\
<form class="ck-form" novalidate>\
<fieldset>\
<legend>\
<span class="ck-number">Question 3.</span> Which is <em>most</em> attuned?
<span class="ck-hint">Select one answer.</span>\
</legend>\
<div class="ck-option">\
<input type="radio" name="ck-m1-q" id="ck-m1-q-0" value="9e14da83cb">
<label for="ck-m1-q-0">Name the cue.</label>\
</div>\
<div class="ck-option">\
<input type="radio" name="ck-m1-q" id="ck-m1-q-1" value="47c3536fef">
<label for="ck-m1-q-1">Move on.</label>\
</div>\
<div class="ck-option">\
<input type="radio" name="ck-m1-q" id="ck-m1-q-2" value="5adf3962ae">
<label for="ck-m1-q-2">Accuse.</label>\
</div>\
</fieldset>\
</form>\
<details class="ck-answer" data-search-exclude>\
<summary>Show answer and rationale</summary>\
<ul class="ck-rationales">\
<li data-ck-option="0" data-ck-correct="true">\
<strong class="ck-verdict">A is correct.</strong>
<span class="ck-rationale">It opens a door.</span>\
</li>\
<li data-ck-option="1" data-ck-correct="false">\
<strong class="ck-verdict">B is not correct.</strong>
<span class="ck-rationale">Tempting, but it misses the cue.</span>\
</li>\
<li data-ck-option="2" data-ck-correct="false">\
<strong class="ck-verdict">C is not correct.</strong>
<span class="ck-rationale">It invites defence.</span>\
</li>\
</ul>\
<p class="ck-source">Source: <a href="#ref-reis1988">Reis &amp; Shaver, 1988</a>\
</p>\
</details>\
</div>"""


def test_question_golden_html() -> None:
    assert render_question(question(source="reis1988"), 3, BIB) == GOLDEN
    # Given the page's count, the number says how many there are.
    assert render_question(question(source="reis1988"), 3, BIB, 5) == GOLDEN.replace(
        "Question 3.</span>", "Question 3 of 5.</span>")


# Every start tag with its attributes, to check structure without string matching.
Tags = Html


@pytest.mark.parametrize(("qtype", "input_type", "hint"), [
    ("single", "radio", "Select one answer."),
    ("multiple", "checkbox", "Select all that apply."),
])
def test_single_is_radio_and_multiple_is_checkbox(qtype: str, input_type: str, hint: str) -> None:
    html = render_question(question(qtype), 1, BIB)
    inputs = Tags(html).all("input")
    assert [i["type"] for i in inputs] == [input_type] * 3
    assert {i["name"] for i in inputs} == {"ck-m1-q"}
    assert [i["id"] for i in inputs] == ["ck-m1-q-0", "ck-m1-q-1", "ck-m1-q-2"]
    assert [label["for"] for label in Tags(html).all("label")] == ["ck-m1-q-0", "ck-m1-q-1", "ck-m1-q-2"]
    assert f'<span class="ck-hint">{hint}</span></legend>' in html  # heard once, with the question
    assert "aria-describedby" not in html  # not repeated on every option


def test_fallback_lists_every_rationale_with_its_verdict() -> None:
    options = (
        Option("A", True, "Right because.", 1),
        Option("B", True, "Also right.", 2),
        Option("C", False, "Tempting but wrong.", 3),
        Option("D", False, "Wrong.", 4),
    )
    html = render_question(question("multiple", options=options), 1, BIB)
    items = Tags(html).all("li")
    # Shown in m1-q's fixed order for four options: A, D, C, B.
    assert [(i["data-ck-option"], i["data-ck-correct"]) for i in items] == [
        ("0", "true"), ("1", "false"), ("2", "false"), ("3", "true"),
    ]
    for option in options:
        assert f'<span class="ck-rationale">{option.rationale}</span>' in html
    assert re.findall(r'class="ck-verdict">(\w) is (correct|not correct)\.</strong>', html) == [
        ("A", "correct"), ("B", "not correct"), ("C", "not correct"), ("D", "correct")]
    assert "ck-source" not in html  # no source, no source line


FOUR = (Option("A", True, "Right.", 1), Option("B", False, "Wrong.", 2),
        Option("C", False, "Wrong.", 3), Option("D", False, "Wrong.", 4))


def test_options_are_shown_in_the_order_the_question_id_fixes() -> None:
    html = render_question(question(options=FOUR), 1, BIB)
    labels = re.findall(r'<label for="ck-m1-q-(\d)">(\w)</label>', html)
    assert labels == [("0", "A"), ("1", "D"), ("2", "C"), ("3", "B")]
    # The no-JavaScript answer list follows the same order, naming options by letter (shown by
    # CSS before each label), with each rationale after its verdict; no option text repeated.
    rationales = re.findall(r'data-ck-correct="(\w+)"><strong class="ck-verdict">(\w) is [a-z ]+\.</strong>'
                            r'\n<span class="ck-rationale">(\w+)\.</span>', html)
    assert rationales == [("true", "A", "Right"), ("false", "B", "Wrong"), ("false", "C", "Wrong"),
                          ("false", "D", "Wrong")]
    other = render_question(question(options=FOUR, qid="m2-q"), 1, BIB)
    assert re.findall(r'">(\w)</label>', other) == ["A", "C", "B", "D"]
    assert render_question(question(options=FOUR), 1, BIB) == html  # the same in every build


def test_inputs_and_answers_name_each_option_by_its_text_not_its_place() -> None:
    html = render_question(question(options=FOUR), 1, BIB)
    values = [i["value"] for i in Tags(html).all("input")]
    assert values == [option_key(t) for t in "ADCB"]
    assert option_key("A") == "559aead082"  # a change here drops every learner's saved answers
    assert option_key(" Name  the\ncue. ") == option_key("Name the cue.")


def test_unknown_source_is_left_out() -> None:
    assert "ck-source" not in render_question(question(source="nobody2020"), 1, BIB)


def test_prompt_markup_is_escaped_not_interpreted() -> None:
    html = render_question(question(prompt='Is <b>x</b> "quoted" & <i onclick="y">z</i>?'), 1, BIB)
    legend = re.search(r"<legend>(.*)</legend>", html, re.DOTALL)
    assert legend is not None
    assert legend.group(1) == ('<span class="ck-number">Question 1.</span> Is &lt;b&gt;x&lt;/b&gt; '
                               '"quoted" &amp; &lt;i onclick="y"&gt;z&lt;/i&gt;?\n'
                               '<span class="ck-hint">Select one answer.</span>')
    assert [tag for tag, _ in Tags(legend.group(0)).tags] == ["legend", "span", "span"]


def test_a_rationale_does_not_say_correct_a_second_time() -> None:
    options = (Option("Name the cue.", True, "Correct. It opens a door.", 5),
               Option("Move on.", False, "Right. Moving on is tempting.", 8))
    html = render_question(question(options=options), 1, BIB)
    assert '<span class="ck-rationale">It opens a door.</span>' in html
    assert '<span class="ck-rationale">Right. Moving on is tempting.</span>' in html  # a distractor's


def test_the_hint_is_left_out_when_the_prompt_already_gives_it() -> None:
    html = render_question(question("multiple", prompt="Which help? Select all that apply."), 1, BIB)
    assert html.count("Select all that apply") == 1
    assert "ck-hint" not in html
    assert 'class="ck-hint">Select all that apply.' in render_question(question("multiple"), 1, BIB)
    # Said without the full stop, it is still said.
    unstopped = render_question(question("multiple", prompt="Which help? Select all that apply"), 1, BIB)
    assert "ck-hint" not in unstopped


def test_a_rationale_of_several_paragraphs_is_a_block_and_one_paragraph_stays_inline() -> None:
    html = render_question(question(options=(
        Option("Name the cue.", True, "It opens a door.", 1),
        Option("Move on.", False, "It misses the cue.\n\nAnd it teaches the partner to stop.", 2),
        Option("Accuse.", False, "It invites defence.", 3))), 1, BIB)
    assert ('<div class="ck-rationale"><p>It misses the cue.</p>\n<p>And it teaches the partner to '
            'stop.</p></div>') in html
    assert '<span class="ck-rationale">It opens a door.</span>' in html


def test_author_markdown_makes_paragraphs_unless_asked_for_inline_text() -> None:
    assert author_markdown("One *word*.") == "<p>One <em>word</em>.</p>"
    assert author_markdown("One *word*.", inline=True) == "One <em>word</em>."


@pytest.mark.parametrize(("index", "letter"), [(0, "A"), (5, "F"), (25, "Z"), (26, "AA"), (27, "AB"),
                                               (51, "AZ"), (52, "BA")])
def test_option_letters_count_as_the_css_counter_does(index: int, letter: str) -> None:
    assert option_letter(index) == letter


MALICIOUS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=//evil.example></iframe>",
    "<svg/onload=alert(1)>",
    "</label></div><script>alert(1)</script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<!--<script>-->",
]


@pytest.mark.parametrize("evil", MALICIOUS)
def test_author_strings_never_become_markup(evil: str) -> None:
    options = (
        Option(evil, True, evil, 1),
        Option(f"*{evil}*", False, f"Why: {evil}", 2),
        Option("Plain", False, "Plain.", 3),
    )
    bib = {"evil": BibEntry("evil", evil, evil, evil, "", 1)}
    html = render_question(question(prompt=evil, options=options, source="evil"), 1, bib)
    assert "<script" not in html.lower()
    assert "<iframe" not in html.lower()
    assert "<svg" not in html.lower()
    assert "<img" not in html.lower()
    tags = Tags(html)
    assert all(not name.startswith("on") for _, attrs in tags.tags for name in attrs)
    assert all("javascript" not in (value or "") for _, attrs in tags.tags for value in attrs.values())
    # ... and the author's characters are still all there, shown as text where they were written,
    # inside exactly the markup a harmless string gets.
    plain = (Option("PLAIN", True, "PLAIN", 1), Option("*PLAIN*", False, "Why: PLAIN", 2), options[2])
    harmless = render_question(question(prompt="PLAIN", options=plain, source="evil"), 1,
                               {"evil": BibEntry("evil", "PLAIN", "PLAIN", "PLAIN", "", 1)})
    assert [name for name, _ in tags.tags] == [name for name, _ in Tags(harmless).tags]
    shown = " ".join(evil.split())
    text = tags.text
    assert f"Question 1. {shown}" in text  # the prompt, in the legend
    assert f"Why: {shown}" in text  # a rationale
    assert text.count(shown) == Tags(harmless).text.count("PLAIN")  # every field kept it


def test_ids_are_escaped_in_attributes() -> None:
    html = render_question(question(qid='q" onclick="alert(1)'), 1, BIB)
    assert 'onclick="alert(1)"' not in html
    assert 'data-ck-question="q&#34; onclick=&#34;alert(1)"' in html
    assert all("onclick" not in attrs for _, attrs in Tags(html).tags)


@pytest.mark.parametrize(("text", "inline", "html"), [
    ("*a* and **b**", True, "<em>a</em> and <strong>b</strong>"),
    ("*a*", False, "<p><em>a</em></p>"),
    ("one\n\ntwo", True, "<p>one</p>\n<p>two</p>"),
    ("<b>x</b> & y", True, "&lt;b&gt;x&lt;/b&gt; &amp; y"),
    ("`<code>`", True, "<code>&amp;lt;code&amp;gt;</code>"),
    ("[a link](https://example.org)", True, '<a href="https://example.org">a link</a>'),
])
def test_author_markdown(text: str, inline: bool, html: str) -> None:
    assert author_markdown(text, inline=inline) == html


# ---- citations and references ---------------------------------------------------------------


@pytest.mark.parametrize(("items", "markdown"), [
    ([CiteItem("reis1988", "", False)], "([Reis &amp; Shaver, 1988](#ref-reis1988))"),
    ([CiteItem("reis1988", "p. 73", False)], "([Reis &amp; Shaver, 1988, p. 73](#ref-reis1988))"),
    ([CiteItem("reis1988", "", True)], "([1988](#ref-reis1988))"),
    ([CiteItem("reis1988", "", False), CiteItem("gottman1999", "ch. [2]", False)],
     r"([Reis &amp; Shaver, 1988](#ref-reis1988); [Gottman, 1999, ch. \[2\]](#ref-gottman1999))"),
    ([CiteItem("nobody2020", "", False)], "(nobody2020)"),
], ids=["one", "locator", "year-only", "two-with-brackets", "unknown"])
def test_render_citation(items: list[CiteItem], markdown: str) -> None:
    assert render_citation(items, BIB) == markdown


def test_reference_list_sorted_with_anchors_and_escaped() -> None:
    assert render_reference_list(BIB.values()) == (
        "Gottman, J. M. (1999). *The marriage clinic* &lt;script&gt;x&lt;/script&gt;. "
        "<https://doi.org/10.1000/xyz-1>\n"
        "{ #ref-gottman1999 .ck-ref }\n"
        "\n"
        "Reis, H. T., &amp; Shaver, P. (1988). *Intimacy as an interpersonal process*.\n"
        "{ #ref-reis1988 .ck-ref }\n"
        "\n"
    )


# ---- role-plays -------------------------------------------------------------------------------


def roleplay(old: str = "", new: str = "") -> RolePlay:
    source = vary(ROLEPLAY_PAGE, old, new) if old else ROLEPLAY_PAGE
    page, found = parse_page("docs/rp.md", "rp.md", source)
    assert found == []
    assert page.roleplay is not None
    return page.roleplay


OBJECTIVES = [ObjectiveView("m1-o1", "Describe <the> quiet cue.", "Module & one", "../m1.md")]


def test_learner_roleplay_hides_cues_and_facilitator_notes() -> None:
    text = render_roleplay(roleplay(), OBJECTIVES, instructor=False)
    assert "Watch the pace." not in text
    assert "Amara shrugs." not in text
    assert "## Cue points" not in text and "## Facilitator notes" not in text
    assert '!!! note "For facilitators"' in text


def test_instructor_roleplay_shows_cues_and_facilitator_notes() -> None:
    text = render_roleplay(roleplay(), OBJECTIVES, instructor=True)
    assert "## Cue points" in text
    assert "| If the therapist moves on | Amara shrugs. |  |" in text
    assert "## Facilitator notes\n\nWatch the pace.\n" in text
    assert "For facilitators" not in text


@pytest.mark.parametrize("instructor", [False, True])
def test_roleplay_header_and_public_frame(instructor: bool) -> None:
    text = render_roleplay(roleplay(), OBJECTIVES, instructor=instructor)
    assert text.startswith("**Setting:** In the room · **Time:** 30 minutes · **Technique:** "
                           "Attunement · **Cast:** Therapist, Amara (partner), Dev (partner), Observer\n")
    assert "- Describe &lt;the&gt; quiet cue. ([Module &amp; one](../m1.md))" in text
    assert "m1-o1" not in text  # objectives and checklist show objective text, not ids
    assert "    **Anyone may observe or sit out, without giving a reason.**" in text
    assert "| **Total** | **30** | |" in text


def test_roleplay_cards_and_script_only_in_the_instructor_edition() -> None:
    learner = render_roleplay(roleplay(), OBJECTIVES, instructor=False)
    for private in ("You are frightened for your mother.", "Name the cue you notice.", "I'm fine.",
                    "ck-role-card"):
        assert private not in learner
    text = render_roleplay(roleplay(), OBJECTIVES, instructor=True)
    assert re.findall(r"^#### (.+)$", text, re.MULTILINE) == [
        "Therapist { #role-therapist }", "Partner: Amara { #role-amara }",
        "Partner: Dev { #role-dev }", "Observer { #role-observer }",
    ]
    assert text.count('<section class="ck-role-card" markdown>') == 4
    assert ("**Beneath the surface (do not say this at first):** You are frightened for your mother."
            in text)
    assert "**Amara:** I'm fine." in text


def test_roleplay_by_video() -> None:
    text = render_roleplay(roleplay("setting: room", "setting: video"), [], instructor=False)
    assert text.startswith("**Setting:** By video ·")


def test_roleplay_author_text_is_escaped_everywhere() -> None:
    evil = "<b>x</b> & | pipe"
    rp = roleplay()
    rp = RolePlay(**{
        **rp.__dict__,
        "technique": evil, "couple": evil, "content_notes": evil, "facilitator_notes": evil,
        "pause_and_stop": evil, "debrief": (evil,),
        "roles": tuple(role.__class__(**{**role.__dict__, "brief": evil, "name": evil})
                       for role in rp.roles),
        "plan": tuple(p.__class__(**{**p.__dict__, "name": evil, "activity": evil}) for p in rp.plan),
        "cues": tuple(c.__class__(**{**c.__dict__, "when": evil, "raise_": evil}) for c in rp.cues),
    })
    for instructor in (False, True):
        text = render_roleplay(rp, [], instructor=instructor)
        assert "<b>" not in text
        assert "&lt;b&gt;x&lt;/b&gt; &amp; | pipe" in text  # prose keeps its pipe
        assert r"&lt;b&gt;x&lt;/b&gt; &amp; \| pipe" in text  # table cells escape it


# ---- the rule table and links -----------------------------------------------------------------


def test_rules_table_lists_every_rule_once() -> None:
    table = render_rules()
    ids = re.findall(r"^\| `([a-z-]+)` \|", table, re.MULTILINE)
    assert ids == list(RULES)
    assert table.startswith("| Rule | Severity | What it catches | How to fix it |\n"
                            "| --- | --- | --- | --- |\n")
    assert ("| `reading-time` | warning | Declared minutes far from the estimate (words, questions, "
            "reflections). | Change 'minutes:' to about the estimate, or change the content. |") in table
    assert "&lt;script&gt;" in table  # the unsafe-html row mentions tags, escaped


@pytest.mark.parametrize(("from_uri", "to_uri", "link"), [
    ("index.md", "modules/01.md", "modules/01.md"),
    ("modules/01.md", "modules/02.md", "02.md"),
    ("modules/03/index.md", "roleplays/01.md", "../../roleplays/01.md"),
    ("instructors/notes.md", "index.md", "../index.md"),
    ("index.md", "index.md", "index.md"),
])
def test_relative_link(from_uri: str, to_uri: str, link: str) -> None:
    assert relative_link(from_uri, to_uri) == link


def test_glossary_entries_form_one_flat_definition_list() -> None:
    terms = [{"term": t, "definition": f"Definition of {t}.", "module_title": "", "link": ""}
             for t in ("Attunement", "Bid", "Cycle")]
    html = markdown.markdown(render_template("glossary.md", terms=terms), extensions=["def_list"])
    assert html == ("<dl>\n<dt>Attunement</dt>\n<dd>Definition of Attunement.</dd>\n"
                    "<dt>Bid</dt>\n<dd>Definition of Bid.</dd>\n"
                    "<dt>Cycle</dt>\n<dd>Definition of Cycle.</dd>\n</dl>")



def test_instructor_roleplay_links_its_live_view_and_each_card() -> None:
    links = {"live": "live/rp-quiet.md", "print": "cards/rp-quiet.md",
             "cards": [{"label": "Amara (partner)", "link": "cards/rp-quiet-amara.md"}]}
    text = render_roleplay(roleplay(), OBJECTIVES, instructor=True, links=links)
    assert "- [Live facilitator view](live/rp-quiet.md): the time plan" in text
    assert "- [All role cards, one per sheet](cards/rp-quiet.md) to print for a room." in text
    assert "    - [Amara (partner)](cards/rp-quiet-amara.md)\n" in text
    assert "Live facilitator view" not in render_roleplay(roleplay(), OBJECTIVES, instructor=True)


def test_the_clear_control_gives_quiz_js_its_module_questions_and_progress_link() -> None:
    # quiz.js draws the control from these (tests/browser/test_quiz.py reads what it says).
    html = render_quiz_tools("m1", 'Module "one" & <two>', ["m1-q1", "m1-q2"], "../progress.html")
    assert html == ('<div class="ck-tools" data-ck-tools hidden data-ck-module="m1" '
                    'data-ck-questions="m1-q1 m1-q2" data-ck-title="Module &#34;one&#34; &amp; &lt;two&gt;" '
                    'data-ck-progress-link="../progress.html" data-search-exclude></div>')
    assert "data-ck-title" not in render_quiz_tools("m1", "", ["m1-q1"], "")  # "this module" then


@pytest.mark.parametrize(("source", "compact"), [
    ("<div>\n  <p>a</p>\n</div>\n", "<div><p>a</p></div>"),
    ("<ul>\n{% for x in y %}\n<li>{{ x }}</li>\n{% endfor %}\n</ul>",
     "<ul>{% for x in y %}<li>{{ x }}</li>{% endfor %}</ul>"),
    ("<td>\n  5\n</td>", "<td>5</td>"),
])
def test_html_templates_drop_line_breaks_beside_block_tags(source: str, compact: str) -> None:
    assert _Compact(_HTML_ENV).preprocess(source, "t.html") == compact


# Between two inline things, or inside text, a line break renders as a space: it stays.
@pytest.mark.parametrize("source", [
    "<strong>A is correct.</strong>\n<span>It opens a door.</span>",
    '<input type="radio">\n<label for="x">Name it.</label>',
    "<p>one\ntwo</p>",
])
def test_html_templates_keep_line_breaks_that_render_as_a_space(source: str) -> None:
    assert _Compact(_HTML_ENV).preprocess(source, "t.html") == source
