"""coursekit.transform: one page's Markdown in, what MkDocs renders out, in both editions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from coursetext import PROSE, ROLEPLAY_PAGE, module, question_block, write_docs

from coursekit.course import Course, load_course
from coursekit.render import render_template
from coursekit.source import split_front_matter
from coursekit.transform import (
    Context,
    finish_html,
    glossary_links,
    instructor_notes_page,
    swap_late_blocks,
    transform_page,
)

NOTE = '''!!! instructor "For instructors"
    Ask pairs to say the cue aloud three ways.
'''
M1_PROSE = PROSE + "\n" + NOTE + "\nIntimacy grows from a caring response [@reis1988].\n"

FILES = {
    "index.md": "---\ntitle: Home\n---\n\n# Home\n\n```syllabus\n```\n\n```host-info\n```\n",
    "m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),), prose=M1_PROSE),
    "m2/index.md": module("m2", ("m2-o1", "m2-o2"), (("m2-q1", "m2-o1"),)),
    "m2/part.md": ("---\nmodule: m2\ntitle: A part\nminutes: 3\nreviewed: 2026-02-01\n---\n\n# A part\n\n"
                   + PROSE + "\n" + question_block("m2-q2", "m2-o2") + "\n"
                   + question_block("m2-q3", "m2-o2")),
    "references.md": "---\ntitle: References\n---\n\n# References\n\n```references\n```\n",
    "glossary.md": "---\ntitle: Glossary\n---\n\n# Glossary\n\n```glossary\n```\n",
    "rp.md": ROLEPLAY_PAGE,
    "agenda.md": ("---\ntitle: Agenda\n---\n\n# Agenda\n\n```agenda\nid: short\ntitle: Short workshop\n"
                  "minutes: 60\nblocks:\n  - activity: Welcome | agreements\n    minutes: 10\n"
                  "  - module: m1\n  - roleplay: rp-quiet\n```\n"),
    "_data/bibliography.yml": ("reis1988:\n  cite: Reis & Shaver\n  year: '1988'\n"
                               "  reference: Reis, H. T., & Shaver, P. (1988). Intimacy.\n"),
    "_data/glossary.yml": ("- term: Attunement\n  forms: [attunement, attuned]\n"
                           "  definition: Noticing another's inner state.\n  module: m1\n"),
}


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    loaded = load_course(write_docs(tmp_path_factory.mktemp("course") / "docs", FILES), "docs")
    assert loaded.diagnostics == []
    return loaded


def body(rel: str, files: dict[str, str] = FILES) -> str:
    """The Markdown MkDocs hands to on_page_markdown: the page without its front matter."""
    _, used = split_front_matter(files[rel])
    return "\n".join(files[rel].split("\n")[used:])


def learner(course: Course, rel: str) -> str:
    return transform_page(body(rel), course.pages[rel], Context(course, False, {})).markdown


# Glossary terms are linked in the HTML (finish_html), so nothing is appended to the Markdown.
ABBREVIATIONS = ""


def test_learner_edition_strips_instructor_notes(course: Course) -> None:
    text = learner(course, "m1.md")
    assert "instructor" not in text
    assert "Ask pairs to say the cue aloud" not in text


def test_instructor_edition_anchors_instructor_notes(course: Course) -> None:
    text = transform_page(body("m1.md"), course.pages["m1.md"], Context(course, True, {})).markdown
    assert ('<div id="instructor-note-1" class="ck-anchor"></div>\n\n'
            '!!! instructor "For instructors"\n    Ask pairs to say the cue aloud three ways.\n') in text


def test_module_page(course: Course) -> None:
    rendered = transform_page(body("m1.md"), course.pages["m1.md"], Context(course, False, {}))
    text = rendered.markdown
    assert text.startswith(
        "\n# Module m1\n\n"
        '!!! objectives "About this module"\n'
        "    **Time:** 2 minutes · **Level:** Introductory · **Last reviewed:** 15 January 2026\n\n"
        '    **1 question on this page:** <a href="#q-m1-q1">Question 1</a>\n\n'
        # As a first visit reads it, held back (.ck-pending) until course.js shows it.
        "    **Your progress in this module:** 0 of 1 question answered, 0 correct. "
        '<a href="progress.html">My progress</a>\n'
        '    { .ck-module-progress .ck-pending data-ck-module="m1" data-search-exclude }\n\n'
        "    After this module you will be able to:\n\n"
        "    1. Describe the quiet cue.\n"
    )
    assert "Intimacy grows from a caring response ([Reis &amp; Shaver, 1988](#ref-reis1988))." in text
    assert "```question" not in text
    assert "\nCOURSEKITBLOCK0000\n" in text
    assert text.endswith(
        "\n## References\n\n"
        "Reis, H. T., &amp; Shaver, P. (1988). Intimacy.\n{ #ref-reis1988 .ck-ref }\n\n"
        + ABBREVIATIONS
    )
    assert rendered.assets == ["quiz"]
    assert list(rendered.html_blocks) == ["COURSEKITBLOCK0000"]
    stand_in = rendered.html_blocks["COURSEKITBLOCK0000"]
    # The search index reads the question's text alone; the form goes in after it.
    assert stand_in == ('<div data-ck-pending="m1-q1">Question 1 of 1. Which response is attuned? '
                        "Select one answer. Name the cue. Move on. Accuse.</div>")
    assert list(rendered.late_blocks) == [stand_in]
    block = rendered.late_blocks[stand_in]
    assert block.startswith('<div class="ck-question" id="q-m1-q1"')
    # The clear control (drawn by quiz.js) names its module and every question of it, on this
    # page or not, and the way to My progress.
    assert block.endswith('<div class="ck-tools" data-ck-tools hidden data-ck-module="m1" '
                          'data-ck-questions="m1-q1" data-ck-title="Module m1" '
                          'data-ck-progress-link="progress.html" data-search-exclude></div>')


def test_part_page_has_its_own_header_and_numbered_questions(course: Course) -> None:
    rendered = transform_page(body("m2/part.md"), course.pages["m2/part.md"], Context(course, False, {}))
    assert rendered.markdown.startswith(
        "\n# A part\n\n"
        '!!! objectives "Part of Module m2"\n'
        "    **Time:** 3 minutes · **Last reviewed:** 1 February 2026\n\n"
        '    **2 questions on this page:** <a href="#q-m2-q2">Question 1</a> · '
        '<a href="#q-m2-q3">Question 2</a>\n\n'
        # The whole module's three questions, from a part that holds two of them.
        "    **Your progress in this module:** 0 of 3 questions answered, 0 correct. "
        '<a href="../progress.html">My progress</a>\n'
        '    { .ck-module-progress .ck-pending data-ck-module="m2" data-search-exclude }\n\n'
        "    This page serves these objectives of the module:\n\n"
        "    1. Describe the quiet cue.\n"
    )
    assert list(rendered.html_blocks) == ["COURSEKITBLOCK0000", "COURSEKITBLOCK0001"]
    first, second = (rendered.late_blocks[stand_in] for stand_in in rendered.html_blocks.values())
    assert "Question 1 of 2." in first and "ck-tools" not in first
    assert "Question 2 of 2." in second and "ck-tools" in second  # the tools follow the last question
    # Clearing on a part clears the whole module: the first page's question too.
    assert 'data-ck-module="m2" data-ck-questions="m2-q1 m2-q2 m2-q3"' in second
    assert 'data-ck-progress-link="../progress.html"' in second
    assert "## References" not in rendered.markdown  # nothing cited, no list


def test_module_with_parts_shows_page_and_module_time(course: Course) -> None:
    text = learner(course, "m2/index.md")
    assert "    **Time:** 5 (this page 2, the whole module 5) minutes · **Level:** Introductory" in text


def test_finish_html_swaps_tokens_for_question_html() -> None:
    html = "<h1>T</h1>\n<p>COURSEKITBLOCK0000</p>\n<p>COURSEKITBLOCK0001 text</p>"
    assert finish_html(html, {"COURSEKITBLOCK0000": "<div>Q</div>", "COURSEKITBLOCK0001": "<div/>"}) == (
        "<h1>T</h1>\n<div>Q</div>\n<p>COURSEKITBLOCK0001 text</p>"
    )


def test_each_stand_in_is_swapped_once_for_its_question_without_search_attributes() -> None:
    # The search plugin drops data-search-* from the HTML it reads; the question comes after it.
    page = '<p>a</p><div data-ck-pending="q1">Q1</div><div data-ck-pending="q2">Q2</div>'
    late = {'<div data-ck-pending="q1">Q1</div>': '<form><details data-search-exclude>1</details></form>',
            '<div data-ck-pending="q2">Q2</div>': "<form>2</form>"}
    assert swap_late_blocks(page, late) == "<p>a</p><form><details>1</details></form><form>2</form>"


def test_syllabus_total_is_the_sum_of_module_minutes(course: Course) -> None:
    text = learner(course, "index.md")
    rows = re.findall(r"^\| \[(.+?)\]\((.+?)\) \| (\d+) min \|", text, re.MULTILINE)
    assert rows == [("Module m1", "m1.md", "2"), ("Module m2", "m2/index.md", "5")]
    total = re.search(r"^\| \*\*Total\*\* \| \*\*(\d+) min\*\* \| About (.+) hours", text, re.MULTILINE)
    assert total is not None
    assert int(total.group(1)) == sum(int(minutes) for *_, minutes in rows) == course.total_minutes == 7
    assert total.group(2) == "0.1"
    assert sum(page.minutes or 0 for page in course.pages.values()) == 7


def test_host_info_marks_unset_fields_and_escapes_set_ones(course: Course) -> None:
    host = {"sponsor": "Fixture <Institute> | CE", "credit": "  "}
    text = transform_page(body("index.md"), course.pages["index.md"], Context(course, False, host)).markdown
    assert r"| **Sponsoring program** | Fixture &lt;Institute> \| CE |" in text
    assert ('| **Continuing-education credit** | <span class="ck-host-unset">Not yet set by the hosting '
            "program (<code>extra.host.credit</code> in <code>mkdocs.yml</code>)</span> |") in text
    assert text.count("ck-host-unset") == 8  # nine fields, one set
    assert "| Field | Set by the hosting program |\n| --- | --- |" in text  # a real header row
    assert "extra.host.address" in text and "extra.host.approval" in text


def test_references_page_lists_everything_once(course: Course) -> None:
    text = learner(course, "references.md")
    assert text == ("\n# References\n\nReis, H. T., &amp; Shaver, P. (1988). Intimacy.\n"
                    "{ #ref-reis1988 .ck-ref }\n\n\n" + ABBREVIATIONS)


def test_glossary_page_without_abbreviations(course: Course) -> None:
    assert learner(course, "glossary.md") == (
        "\n# Glossary\n\nAttunement { #term-attunement }\n:   Noticing another's inner state. "
        "*Taught in [Module m1](m1.md).*\n\n\n"
    )


def test_roleplay_page(course: Course) -> None:
    rendered = transform_page(body("rp.md"), course.pages["rp.md"], Context(course, False, {}))
    assert rendered.assets == ["roleplay"]
    assert rendered.html_blocks == {}
    assert "```roleplay" not in rendered.markdown
    assert "- Describe the quiet cue. ([Module m1](m1.md))" in rendered.markdown
    assert "Watch the pace." not in rendered.markdown
    instructor = transform_page(body("rp.md"), course.pages["rp.md"], Context(course, True, {}))
    assert "## Facilitator notes\n\nWatch the pace." in instructor.markdown


def test_agenda_clock_and_buffer(course: Course) -> None:
    text = learner(course, "agenda.md")
    assert ("**Short workshop**: 60 minutes, of which 18 are unallocated buffer.\n\n"
            "| Time | Block | Minutes |\n| --- | --- | ---: |\n"
            r"| 0:00–0:10 | Welcome \| agreements | 10 |" "\n"
            "| 0:10–0:12 | [Module m1](m1.md) | 2 |\n"
            "| 0:12–0:42 | [Role-play: The quiet cue](rp.md) | 30 |\n") in text


def test_instructor_notes_page(course: Course) -> None:
    sources = {rel: body(rel) for rel in FILES if rel.endswith(".md")}
    assert instructor_notes_page(course, sources) == (
        "# Instructor notes\n\nEvery instructor note in the course, gathered in course order. Each links "
        "back to the place it belongs. These notes appear only in the instructor edition.\n\n"
        "## Module m1\n\n"
        "### For instructors (Module m1)\n\n"
        "Ask pairs to say the cue aloud three ways.\n\n"
        "[Back to Module m1: Module m1](../m1.md#instructor-note-1)\n\n"
    )


# ---- instructor notes that reach the learner edition (engine bug; see the report) ------------

LEAKS = {
    "no-space": '!!!instructor "For instructors"\n    SECRET-NO-SPACE: the answer key is on p. 4.\n',
    "in-list": ("- A list item\n\n    !!! instructor \"For instructors\"\n"
                "        SECRET-IN-LIST: the answer key is on p. 4.\n"),
    "in-admonition": ('!!! note "Background"\n    Text.\n\n    !!! instructor\n'
                      "        SECRET-IN-NOTE: the answer key is on p. 4.\n"),
}


@pytest.mark.parametrize("case", sorted(LEAKS))
def test_no_instructor_note_reaches_the_learner_edition(case: str, tmp_path: Path) -> None:
    source = "---\ntitle: Page\n---\n\n# Page\n\n" + LEAKS[case]
    loaded = load_course(write_docs(tmp_path / "docs", {"page.md": source}), "docs")
    text = transform_page(body("page.md", {"page.md": source}), loaded.pages["page.md"],
                          Context(loaded, False, {})).markdown
    # Either the note is stripped, or the build refuses the page with an error at the note's own
    # line: any other diagnostic (a warning, or a problem elsewhere) would let the note through.
    note_line = next(n for n, line in enumerate(source.split("\n"), 1) if "instructor" in line)
    at_note = [d for d in loaded.diagnostics if d.severity.value == "error" and d.line == note_line
               and d.rule in ("instructor-note-nested", "admonition-spelling")]
    assert "SECRET" not in text or at_note, loaded.diagnostics


def test_top_level_instructor_notes_are_stripped_in_every_spelling(tmp_path: Path) -> None:
    spellings = ['!!! instructor "T"\n    SECRET-A\n', "??? instructor\n    SECRET-B\n",
                 '???+ instructor "T"\n    SECRET-C\n', "!!!  instructor\n\tSECRET-D\n"]
    source = "# Page\n\n" + "\n".join(spellings) + "\nAfter.\n"
    loaded = load_course(write_docs(tmp_path / "docs", {"page.md": source}), "docs")
    text = transform_page(source, loaded.pages["page.md"], Context(loaded, False, {})).markdown
    assert "SECRET" not in text
    assert "After." in text


GLOSSED = ('<h2 id="a">Attunement</h2>\n<p>An attuned reply, attuned again. '
           '<a href="x.html">attuned</a> <code>attuned</code></p>\n'
           '<p class="admonition-title">attunement</p>\n<p>Some attunement.</p>')


def test_the_first_use_of_a_glossary_term_links_to_its_entry(course: Course) -> None:
    links = glossary_links(course, "m2/part.md")
    assert links is not None and links.href == "../glossary.html"
    html = finish_html(GLOSSED, {}, links)
    term = ('<span class="ck-term"><a href="../glossary.html#term-attunement" '
            'aria-describedby="ck-def-attunement">attuned</a><span class="ck-def" '
            'id="ck-def-attunement" role="tooltip" data-search-exclude>'
            "Noticing another's inner state.</span></span>")
    # Not in the heading, once only (a second use, or another form, stays plain text), never
    # inside a link, code or an admonition title.
    assert html == ('<h2 id="a">Attunement</h2>\n<p>An ' + term + ' reply, attuned again. '
                    '<a href="x.html">attuned</a> <code>attuned</code></p>\n'
                    '<p class="admonition-title">attunement</p>\n<p>Some attunement.</p>')


def test_no_glossary_links_on_the_glossary_page(course: Course) -> None:
    assert glossary_links(course, "glossary.md") is None
    assert glossary_links(course, "m1.md") is not None


def test_permalinks_leave_the_tab_order() -> None:
    html = finish_html('<h2 id="a">A<a class="headerlink" href="#a" title="Link">¶</a></h2>', {})
    assert html == '<h2 id="a">A<a class="headerlink" tabindex="-1" href="#a" title="Link">¶</a></h2>'


# ---- citations inside role-play text ---------------------------------------------------------

CITING_ROLEPLAY = ROLEPLAY_PAGE.replace(
    "facilitator_notes: Watch the pace.", "facilitator_notes: Watch the pace [@reis1988]."
)


def test_roleplay_text_citations_are_checked(tmp_path: Path) -> None:
    files = {**FILES, "rp.md": CITING_ROLEPLAY.replace("@reis1988", "@nobody2000")}
    found = load_course(write_docs(tmp_path / "docs", files), "docs").diagnostics
    assert [(d.path, d.line, d.rule) for d in found] == [("docs/rp.md", 47, "citation-unknown")]


def test_roleplay_reference_list_follows_the_edition(tmp_path: Path) -> None:
    files = {**FILES, "rp.md": CITING_ROLEPLAY}
    loaded = load_course(write_docs(tmp_path / "docs", files), "docs")
    assert loaded.diagnostics == []
    page = loaded.pages["rp.md"]
    instructor = transform_page(body("rp.md", files), page, Context(loaded, True, {})).markdown
    learner = transform_page(body("rp.md", files), page, Context(loaded, False, {})).markdown
    # Facilitator notes appear only in the instructor edition, and so does their reference.
    assert "Watch the pace ([Reis &amp; Shaver, 1988](#ref-reis1988))." in instructor
    assert "{ #ref-reis1988 .ck-ref }" in instructor
    assert "ref-reis1988" not in learner


def test_the_progress_page_gets_its_table_and_its_script(tmp_path: Path) -> None:
    files = {**FILES, "progress.md": "---\ntitle: My progress\n---\n\n# My progress\n\n```progress\n```\n",
             "index.md": FILES["index.md"].replace("# Home\n", "# Home\n\n```continue\n```\n")}
    loaded = load_course(write_docs(tmp_path / "docs", files), "docs")
    ctx = Context(loaded, False, {})
    rendered = transform_page(body("progress.md", files), loaded.pages["progress.md"], ctx)
    assert rendered.assets == ["progress"]  # progress-page.js, loaded on this page only
    [table] = rendered.html_blocks.values()
    assert '<tr data-ck-module="m1"><th scope="row"><a href="m1.html">Module m1</a></th>' in table
    home = transform_page(body("index.md", files), loaded.pages["index.md"], ctx)
    assert home.assets == []
    assert '<p class="ck-continue" data-ck-continue hidden>' in next(iter(home.html_blocks.values()))


def test_a_module_without_questions_has_no_progress_line() -> None:
    header = render_template("module-header.md", heading="About this module", facts="**Time:** 5 minutes",
                             objectives=[], lead="", questions=[], module_id="m9", module_questions=0,
                             progress_link="progress.html")
    assert "ck-module-progress" not in header and "Your progress" not in header
    assert header.startswith('!!! objectives "About this module"\n    **Time:** 5 minutes\n')
