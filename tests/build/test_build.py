"""Real builds, in this process: load_config(strict=True) then build(), as `mkdocs build --strict`.

The fixture sites in tests/fixtures are tiny and fast; the real course is built once per edition
per session (see conftest.py).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from sitebuild import FIXTURES, ROOT, Built, LogWatch, build_site

from coursekit.course import load_course
from coursekit.model import Question
from coursekit.rules import RULES
from coursekit.source import extract_admonitions
from pagehtml import Html, article

pytestmark = pytest.mark.build


# ---- (b) a small clean fixture site -------------------------------------------------------------


def test_fixture_site_builds_cleanly(fixture_site: Built) -> None:
    assert fixture_site.error is None, fixture_site.problems()
    assert fixture_site.problems() == []
    assert [p.relative_to(fixture_site.site).as_posix() for p in fixture_site.html_files()] == [
        "404.html", "credit-hours.html", "glossary.html", "index.html", "module.html", "references.html",
        "roleplay.html",
    ]


def test_fixture_questions_are_fieldsets(fixture_site: Built) -> None:
    html = fixture_site.read("module.html")
    page = Html(article(html))
    questions = page.has_class("div", "ck-question")
    assert [q["id"] for q in questions] == ["q-m1-fine-tone", "q-m1-bid-signs", "q-m1-turn-toward"]
    # The second is the multiple-answer one: checkboxes, the others radios.
    assert [i["type"] for i in page.all("input")] == ["radio"] * 3 + ["checkbox"] * 4 + ["radio"] * 3
    assert len(page.all("fieldset")) == 3
    assert re.findall(r'<legend><span class="ck-number">(Question \d of \d\.)</span>', html) == [
        "Question 1 of 3.", "Question 2 of 3.", "Question 3 of 3.",
    ]
    assert [i["type"] for i in page.all("input")] == ["radio"] * 3 + ["checkbox"] * 4 + ["radio"] * 3
    assert len(page.has_class("details", "ck-answer")) == 3
    assert [li["data-ck-correct"] for li in page.all("li") if "data-ck-correct" in li] == [
        "false", "false", "true", "false", "true", "false", "true", "false", "false", "true",
    ]
    assert '<legend><span class="ck-number">Question 1 of 3.</span> Amara says "I\'m fine" while looking ' \
           'away. Which response is <em>most</em> attuned?\n<span class="ck-hint">Select one answer.</span>' \
           "</legend>" in html
    assert len(page.has_class("div", "ck-tools")) == 1
    assert "COURSEKITBLOCK" not in html and "```question" not in html and "id: m1-" not in html


def test_fixture_assets_load_only_where_needed(fixture_site: Built) -> None:
    # course.js names quiz.js (and loads it once a question is near); no page loads it itself.
    quiz = ' data-quiz="assets/coursekit/quiz.js"></script>'
    roleplay_css = '<link rel="stylesheet" href="assets/coursekit/roleplay.css">'
    assert quiz in fixture_site.read("module.html")
    assert roleplay_css not in fixture_site.read("module.html")
    assert roleplay_css in fixture_site.read("roleplay.html")
    assert not re.search(r'<script[^>]* src="[^"]*quiz\.js"', fixture_site.read("module.html"))
    for rel in ("index.html", "roleplay.html", "glossary.html", "references.html"):
        assert "quiz.js" not in fixture_site.read(rel), rel


def test_fixture_course_markup_has_no_event_handlers(fixture_site: Built) -> None:
    for path in fixture_site.html_files():
        page = Html(article(path.read_text(encoding="utf-8")))
        assert page.all("script") == [], path.name
        handlers = [(tag, name) for tag, attrs in page.tags for name in attrs if name.startswith("on")]
        assert handlers == [], path.name


def test_fixture_citations_and_references(fixture_site: Built) -> None:
    html = fixture_site.read("module.html")
    assert '(<a href="#ref-reis1988">Reis &amp; Shaver, 1988</a>)' in html
    assert '(<a href="#ref-gottman1999">1999, p. 88</a>)' in html
    refs = Html(article(html)).has_class("p", "ck-ref")
    assert [r["id"] for r in refs] == ["ref-gottman1999", "ref-reis1988"]
    listed = Html(article(fixture_site.read("references.html"))).has_class("p", "ck-ref")
    assert [r["id"] for r in listed] == ["ref-gottman1999", "ref-reis1988"]


def test_fixture_roleplay_shows_only_its_public_frame(fixture_site: Built) -> None:
    html = fixture_site.read("roleplay.html")
    page = Html(article(html))
    assert page.has_class("section", "ck-role-card") == []  # role cards are instructor-only
    assert "You are frightened for your mother and have not told Dev." not in html
    assert "violet kettle" not in html
    assert "Amara goes quiet and shrugs." not in html  # cue points are for facilitators
    assert "Anyone may observe or sit out, without giving a reason." in page.text
    assert "on one card per role, so that no player reads another's part beforehand" in page.text


def test_fixture_learner_edition_has_no_instructor_material(fixture_site: Built) -> None:
    assert not (fixture_site.site / "instructors").exists()
    for path in fixture_site.html_files():
        text = path.read_text(encoding="utf-8")
        assert "purple giraffe" not in text and "FIXTURE-GUIDE-ONLY" not in text, path.name
        assert "admonition instructor" not in text, path.name


def test_fixture_syllabus_and_glossary(fixture_site: Built) -> None:
    home = Html(article(fixture_site.read("index.html"))).text
    assert "Listening for the quiet cue 8 min" in home
    assert "Total 8 min About 0.1 hours of study" in home
    glossary = Html(article(fixture_site.read("glossary.html")))
    assert "Bid for connection" in glossary.text
    assert "Taught in Listening for the quiet cue." in glossary.text
    assert glossary.all("a", href="module.html")
    module = fixture_site.read("module.html")
    # The first use links to the glossary entry, with the definition as its description.
    assert ('<a href="glossary.html#term-attunement" aria-describedby="ck-def-attunement">attunement</a>'
            '<span class="ck-def" id="ck-def-attunement" role="tooltip" data-search-exclude>Noticing and '
            "responding to another person's inner state, not only to their words.</span>") in module
    assert glossary.all("dt", id="term-attunement")
    assert "<abbr" not in module


def test_fixture_glossary_is_one_flat_definition_list(fixture_site: Built) -> None:
    glossary = Html(article(fixture_site.read("glossary.html")))
    assert len(glossary.all("dl")) == 1
    assert len(glossary.all("dt")) == len(glossary.all("dd")) == 2


def test_fixture_instructor_edition(fixture_instructor_site: Built) -> None:
    site = fixture_instructor_site
    assert site.error is None, site.problems()
    assert site.problems() == []
    notes = Html(article(site.read("instructors/notes.html")))
    assert "the purple giraffe teaches attunement only in the instructor edition." in notes.text
    assert notes.all("a", href="../module.html#instructor-note-1")
    module = site.read("module.html")
    assert '<div class="ck-anchor" id="instructor-note-1"></div>' in module or \
           '<div id="instructor-note-1" class="ck-anchor"></div>' in module
    assert "purple giraffe" in module
    roleplay = Html(article(site.read("roleplay.html"))).text
    assert "the violet kettle whistles only for facilitators." in roleplay
    assert "If the therapist moves on quickly Amara goes quiet and shrugs." in roleplay
    guide = Html(article(site.read("instructors/guide.html"))).text
    assert "FIXTURE-GUIDE-ONLY" in guide
    assert "0:00–0:10 Welcome and agreements 10" in guide
    assert "0:10–0:18 Listening for the quiet cue 8 0:18–0:48 Role-play: The quiet cue 30" in guide
    cards = Html(article(site.read("instructors/cards/roleplay.html")))
    assert len(cards.has_class("section", "ck-print-card")) == 4


# ---- (c) a broken fixture site ----------------------------------------------------------------

BROKEN = [
    ("WARNING", "docs/_data/bibliography.yml:1: [citation-unused] Entry 'reis1988' is never cited. "
                "Cite it where the course relies on it, or remove it from the bibliography."),
    ("ERROR", "docs/module.md:16: [citation-unknown] Citation key 'nobody2020' is not in the "
              "bibliography. Use a key from docs/_data/bibliography.yml, or add the verified source "
              "there."),
    ("ERROR", "docs/module.md:22: [question-no-correct] Question 'm1-no-correct' has no correct "
              "option. Mark the right option with 'correct: true'."),
    ("ERROR", "docs/roleplay.md:12: [roleplay-objective] Objective 'm1-o2' is not declared by any "
              "module. Use objective ids from the modules' front matter, such as 'm1-o2'."),
    ("ERROR", "docs/roleplay.md:19: [roleplay-minutes] The plan's phases add up to 5 + 10 + 15 = 30, "
              "not the declared 25 minutes. Make the 'plan' minutes sum to 'minutes'."),
    ("ERROR", "docs/roleplay.md:39: [roleplay-brief] Partner 'dev' has no 'unspoken' part. Give every "
              "role a 'brief:' and every partner an 'unspoken:'."),
]


def test_broken_site_aborts_with_every_problem_and_publishes_nothing(
    tmp_path: Path, mkdocs_log: LogWatch
) -> None:
    site = tmp_path / "site"
    built = build_site(FIXTURES / "site-broken" / "mkdocs.yml", site)
    assert isinstance(built.error, Abort)
    assert str(built.error) == "Aborted with a BuildError!"
    course = [(r.levelname, r.getMessage()) for r in built.records if r.name == "mkdocs.plugins.course"]
    assert course == BROKEN
    assert mkdocs_log.take(lambda r: r.name == "mkdocs.plugins.course") == [m for _, m in BROKEN]
    assert mkdocs_log.take(lambda r: r.name == "mkdocs.commands.build") == [
        "The course has 5 content error(s), listed above; nothing was built. "
        "Run 'python -m coursekit docs/' to check without building."
    ]
    assert built.html_files() == []
    assert not site.exists() or not any(site.iterdir())


def test_a_warning_alone_fails_a_strict_build(tmp_path: Path, mkdocs_log: LogWatch) -> None:
    """The course logs under mkdocs.plugins., so --strict counts its warnings."""
    shutil.copytree(FIXTURES / "site-ok", tmp_path / "site-ok", ignore=shutil.ignore_patterns("site*"))
    config = tmp_path / "site-ok" / "mkdocs.yml"
    # The copy sits elsewhere: point its hooks and theme overrides back at the real ones.
    text = config.read_text(encoding="utf-8").replace("../../../", f"{ROOT.as_posix()}/")
    config.write_text(text, encoding="utf-8")
    bib = tmp_path / "site-ok" / "docs" / "_data" / "bibliography.yml"
    bib.write_text(bib.read_text(encoding="utf-8") + 'unused2000:\n  cite: Nobody\n  year: "2000"\n'
                   "  reference: Nobody, A. (2000). *Never cited*.\n", encoding="utf-8")
    expected = ("docs/_data/bibliography.yml:13: [citation-unused] Entry 'unused2000' is never cited. "
                "Cite it where the course relies on it, or remove it from the bibliography.")

    built = build_site(config, tmp_path / "strict")
    assert isinstance(built.error, Abort)
    assert str(built.error) == "Aborted with 1 warnings in strict mode!"
    assert mkdocs_log.take() == [expected]

    relaxed = build_site(config, tmp_path / "relaxed", strict=False)
    assert relaxed.error is None
    assert mkdocs_log.take() == [expected]
    assert (tmp_path / "relaxed" / "module.html").exists()


def test_an_unknown_edition_is_a_clean_plugin_error(tmp_path: Path, mkdocs_log: LogWatch) -> None:
    built = build_site(FIXTURES / "site-ok" / "mkdocs.yml", tmp_path / "site",
                       extra={"edition": "teacher"})
    assert isinstance(built.error, Abort)
    assert mkdocs_log.take() == ["extra.edition must be 'learner' or 'instructor', not 'teacher'"]
    assert built.html_files() == []


# ---- (a) the real course, learner edition -------------------------------------------------------


def test_real_course_builds_strictly(learner_site: Built) -> None:
    assert learner_site.error is None, "\n".join(learner_site.problems())
    assert learner_site.problems() == []


def test_real_course_quiz_assets_follow_the_questions(learner_site: Built) -> None:
    pages = [p for p in learner_site.html_files() if "assets" not in p.parts]
    assert len(pages) > 20
    with_questions = 0
    for path in pages:
        html = path.read_text(encoding="utf-8")
        has_questions = 'class="ck-question"' in html
        with_questions += has_questions
        assert bool(re.search(r'<script defer src="[./]*assets/coursekit/course\.js"[^>]* data-quiz="[./]*'
                              r'assets/coursekit/quiz\.js"', html)) == has_questions, path
        assert not re.search(r'<script[^>]* src="[^"]*quiz\.js"', html), path
        assert "COURSEKITBLOCK" not in html, path
        if path.name != "authoring.html":  # the authoring guide shows the syntax as code
            assert "```question" not in html and "```roleplay" not in html, path
    assert with_questions >= 6


def test_real_course_rule_list_is_generated_from_the_table(learner_site: Built) -> None:
    html = learner_site.read("authoring.html")
    for rule in RULES:
        assert f"<td><code>{rule}</code></td>" in html, rule


# ---- (d) and (e) the instructor edition, and what the learner edition must not contain ----------


def test_instructor_edition_builds_strictly(instructor_site: Built) -> None:
    assert instructor_site.error is None, "\n".join(instructor_site.problems())
    assert instructor_site.problems() == []
    assert (instructor_site.site / "instructors" / "notes.html").exists()


def _plain(markdown: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)  # links: keep the text
    text = re.sub(r"[*_`]", "", text)
    return " ".join(text.split())


def instructor_sentences() -> dict[str, list[str]]:
    """Distinctive sentences of every `!!! instructor` note in the course, by source file."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "docs").rglob("*.md")):
        _, notes = extract_admonitions(path.read_text(encoding="utf-8"), "instructor")
        for index, note in enumerate(notes, 1):
            sentences = [s for s in re.split(r"(?<=[.!?])\s+", _plain(note.body)) if len(s.split()) >= 6]
            found[f"{path.relative_to(ROOT / 'docs').as_posix()}#{index}"] = sentences
    return found


def site_text(built: Built) -> str:
    """All visible text of every page, plus the search index, normalised."""
    parts = [Html(path.read_text(encoding="utf-8")).text for path in built.html_files()]
    for index in built.site.rglob("search_index.json"):
        for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
            parts.append(Html(doc["text"]).text)
    return "\n".join(parts)


def test_the_course_has_instructor_notes() -> None:
    notes = instructor_sentences()
    assert len(notes) >= 5
    assert all(notes.values()), [k for k, v in notes.items() if not v]


def test_instructor_edition_contains_every_note(instructor_site: Built) -> None:
    assert instructor_site.error is None, "\n".join(instructor_site.problems())
    notes_page = Html(instructor_site.read("instructors/notes.html")).text
    everything = site_text(instructor_site)
    for note, sentences in instructor_sentences().items():
        shown = [s for s in sentences if s in notes_page]
        assert shown, f"no sentence of {note} is on the instructor notes page"
        assert any(s in everything for s in sentences), note


def test_learner_edition_contains_no_instructor_note(learner_site: Built, instructor_site: Built) -> None:
    assert learner_site.html_files(), "the learner build wrote nothing: see test_real_course_builds_strictly"
    assert not (learner_site.site / "instructors").exists()
    learner = site_text(learner_site)
    instructor = site_text(instructor_site)
    checked = 0
    for note, sentences in instructor_sentences().items():
        for sentence in sentences:
            if sentence in instructor:  # only sentences the matcher can see at all
                checked += 1
                assert sentence not in learner, f"{note} leaks into the learner edition: {sentence!r}"
    assert checked >= 10
    assert "admonition instructor" not in "".join(
        p.read_text(encoding="utf-8") for p in learner_site.html_files())


# ---- the scored post-test: exported from the instructor edition, absent from the learner one ---

def posttest_questions() -> list[Question]:
    course = load_course(ROOT / "docs", "docs")
    pages = [p for p in course.pages.values() if p.kind == "posttest"]
    assert len(pages) == 1, "the course has one post-test bank"
    return pages[0].questions


def test_instructor_edition_exports_the_posttest(instructor_site: Built) -> None:
    questions = posttest_questions()
    folder = instructor_site.site / "instructors"
    bank = ET.fromstring((folder / "post-test.moodle.xml").read_bytes())
    exported = [q.findtext("idnumber") for q in bank.findall("question[@type='multichoice']")]
    assert exported == [q.id for q in questions]
    gift = (folder / "post-test.gift.txt").read_text(encoding="utf-8")
    assert all(f"::{q.id}::" in gift for q in questions)
    key = Html(instructor_site.read("instructors/post-test.html")).text
    assert "Pass mark: 75 %" in key
    assert all(q.id in key for q in questions)


def test_learner_edition_has_no_posttest(learner_site: Built) -> None:
    learner = site_text(learner_site)
    for question in posttest_questions():
        prompt = _plain(question.prompt)[:80]
        assert prompt not in learner, f"post-test question {question.id} leaks into the learner edition"
    assert not list(learner_site.site.rglob("*.gift.txt"))
    assert not list(learner_site.site.rglob("*.moodle.xml"))


@pytest.mark.parametrize("edition", ["learner_site", "instructor_site"])
def test_search_finds_each_question_but_none_of_its_answers(edition: str,
                                                              request: pytest.FixtureRequest) -> None:
    # The index is built from each question's stand-in; the page gets the full question after.
    built: Built = request.getfixturevalue(edition)
    text = " ".join(doc["text"] for doc in json.loads(built.read("search/search_index.json"))["docs"])
    module = built.read("modules/01-understanding-emotional-intimacy.html")
    assert "Question 1 of 3. Jonah, 34, and Noor, 33," in text
    assert " is correct." not in text and " is not correct." not in text  # the answer list's verdicts
    assert module.count('<div class="ck-question" id="q-') == 3
    assert module.count(" is correct.") >= 3  # every question has its answers on the page
    assert "data-search-exclude" not in module.split('<div class="ck-question"', 1)[1].split("</details>")[0]
    assert not [path.name for path in built.html_files() if "data-ck-pending" in path.read_text("utf-8")]


def test_instructor_search_finds_role_plays_not_their_printed_copies(instructor_site: Built) -> None:
    # Role cards, handouts, observer forms and live views repeat the role-play page; indexing
    # them made a quarter of the instructor search index and gave five hits for every search.
    index = json.loads(instructor_site.read("search/search_index.json"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    copies = sorted(page for page in pages if page.startswith(
        ("instructors/cards/", "instructors/handouts/", "instructors/observer-forms/", "instructors/live/")))
    assert not copies
    assert any(page.startswith("roleplays/") for page in pages)
    assert "instructors/post-test.html" in pages


@pytest.mark.parametrize("edition", ["learner_site", "instructor_site"])
def test_every_table_has_a_header_row_with_words(edition: str, request: pytest.FixtureRequest) -> None:
    # A table whose header cells are empty gives a screen reader nothing to announce per column.
    built: Built = request.getfixturevalue(edition)
    empty = [path.relative_to(built.site).as_posix() for path in built.html_files()
             for head in re.findall(r"<thead>(.*?)</thead>", path.read_text(encoding="utf-8"), re.S)
             if not all(Html(cell).text.strip() for cell in re.findall(r"<th\b.*?</th>", head, re.S))]
    assert not empty


@pytest.mark.parametrize("edition", ["learner_site", "instructor_site"])
def test_every_page_links_one_course_stylesheet_the_palette_cut_to_its_colours_then_its_own(
        edition: str, request: pytest.FixtureRequest) -> None:
    # Two stylesheets hold up the first paint, Material's and this one, not four.
    built: Built = request.getfixturevalue(edition)
    assert not list(built.site.glob("assets/stylesheets/palette.*"))
    assert not (built.site / "assets/coursekit/course.css").exists()
    [main] = built.site.glob("assets/stylesheets/main.*.min.css")
    [sheet] = built.site.glob("assets/stylesheets/course.*.min.css")
    css = sheet.read_text(encoding="utf-8")
    # Named by its own content, so a server may cache it for good (hosting/ marks it immutable).
    assert sheet.name == f"course.{hashlib.sha256(css.encode()).hexdigest()[:8]}.min.css"
    assert set(re.findall(r"data-md-color-(?:primary|accent)=([\w-]+)", css)) == {"deep-purple"}
    # Material's palette rules first, then the course's own: the cascade extra_css gave.
    assert 0 < css.index("[data-md-color-scheme=slate]{color-scheme:dark;") < css.index(".ck-question")
    assert "/* " not in css  # the course's sheets arrive minified
    wrong = []
    for path in built.html_files():
        page = path.read_text(encoding="utf-8")
        if "</head>" not in page:
            continue
        links = re.findall(r'<link rel="stylesheet" href="[^"]*?([^/"]+)"', page[:page.index("</head>")])
        if links[:2] != [main.name, sheet.name] or len(set(links)) != len(links):
            wrong.append((path.relative_to(built.site).as_posix(), links))
    assert not wrong, wrong[:3]


@pytest.mark.parametrize("edition", ["learner_site", "instructor_site"])
def test_no_script_but_boot_js_holds_up_the_first_paint(edition: str,
                                                        request: pytest.FixtureRequest) -> None:
    # boot.js restores the palette before the first paint; the rest, Material's bundle too,
    # is deferred and runs in page order after parsing (course.js before the bundle).
    built: Built = request.getfixturevalue(edition)
    for path in built.html_files():
        tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", path.read_text(encoding="utf-8"))
        if not tags:
            continue
        where = path.relative_to(built.site).as_posix()
        blocking = [tag for tag in tags if " defer" not in tag and "boot.js" not in tag]
        assert not blocking, where
        names = [re.search(r'src="[^"]*?([^/"]+)"', tag).group(1) for tag in tags]  # type: ignore[union-attr]
        assert names[0] == "boot.js", where
        bundle = next(i for i, name in enumerate(names) if name.startswith("bundle."))
        assert names.index("course.js") < bundle, where


def test_course_scripts_and_styles_reach_the_site_minified(learner_site: Built) -> None:
    [sheet] = learner_site.site.glob("assets/stylesheets/course.*.min.css")
    for name in ("quiz.js", "course.js", "course.css"):
        source = (ROOT / "docs" / "assets" / "coursekit" / name).read_text(encoding="utf-8")
        built = (learner_site.read(f"assets/coursekit/{name}") if name.endswith(".js")
                 else sheet.read_text(encoding="utf-8").split("\n", 1)[1])  # after the palette
        assert len(built) < 0.8 * len(source), name
        assert "\n//" not in built and "/* " not in built, name


@pytest.mark.parametrize("edition", ["learner_site", "instructor_site"])
def test_pages_reach_the_site_without_indentation_but_with_their_code(
    edition: str, request: pytest.FixtureRequest
) -> None:
    built: Built = request.getfixturevalue(edition)
    indented = []
    for path in built.html_files():
        page = path.read_text(encoding="utf-8")
        outside = re.sub(r"<(pre|textarea|code|script|style)\b.*?</\1\s*>", "kept", page, flags=re.S | re.I)
        if re.search(r"\n[ \t]+\S", outside):
            indented.append(path.relative_to(built.site).as_posix())
    assert not indented
    # A code block's own indentation is content: the authoring guide's examples keep theirs.
    assert '!!! vignette "Amara and Dev: the quiet evening"\n    A fictional couple' in \
        html.unescape(built.read("authoring.html"))


def test_every_page_names_the_course_svg_favicon_and_it_is_there(learner_site: Built) -> None:
    # Material's default PNG weighs three times as much, on every first visit.
    icon = learner_site.read("assets/images/favicon.svg")
    assert icon.startswith("<svg") and len(icon.encode()) < 1024
    for path in learner_site.html_files():
        links = re.findall(r'<link rel="icon" href="([^"]+)"', path.read_text(encoding="utf-8"))
        assert len(links) == 1, path
        assert (path.parent / links[0]).resolve() == (learner_site.site / "assets/images/favicon.svg"), path


def test_instructor_note_styles_load_in_the_instructor_edition_only(
    learner_site: Built, instructor_site: Built
) -> None:
    [learner_sheet] = learner_site.site.glob("assets/stylesheets/course.*.min.css")
    [instructor_sheet] = instructor_site.site.glob("assets/stylesheets/course.*.min.css")
    assert ".md-typeset .instructor{--ck-rgb:" not in learner_sheet.read_text(encoding="utf-8")
    assert not (learner_site.site / "assets/coursekit/instructor.css").exists()
    styles = instructor_sheet.read_text(encoding="utf-8")
    # After course.css, as mkdocs.instructor.yml lists them.
    assert styles.index(".ck-question") < styles.index(".md-typeset .instructor{--ck-rgb:173,20,87")
