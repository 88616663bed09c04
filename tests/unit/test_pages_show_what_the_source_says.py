"""What a reader sees on the rendered pages, asserted as output text (not template internals):
the setting of each printable, the content notes and the pause-and-stop text wherever a
role-play is shown, the answer key's numbering, question sources in the reference list, and
citation syntax that is only cited when it is well formed.

Each was checked by breaking the engine (printables always "In the room", the handout or the
role-play page without a section, the key numbered from 0, question sources left out, `[@a b]`
replaced) and watching the test fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from coursetext import ROLEPLAY_PAGE, module, question_block, vary, write_docs

from coursekit.citations import find_citations, replace_citations
from coursekit.course import Course, load_course
from coursekit.edition import page_body
from coursekit.printables import printable_pages
from coursekit.transform import Context, transform_page

CONTENT_NOTES = "A parent's illness. No violence."
PAUSE = "Anyone may say the pause word."
BIBLIOGRAPHY = ("reis1988:\n  cite: Reis & Shaver\n  year: '1988'\n"
                "  reference: Reis, H. T., & Shaver, P. (1988). Intimacy.\n")


# The printed sheets; each states the setting in its header.
PRINTED = ("instructors/cards/", "instructors/handouts/", "instructors/observer-forms/")


def load(tmp_path: Path, files: dict[str, str]) -> Course:
    return load_course(write_docs(tmp_path / "docs", files), "docs")


def roleplay_course(tmp_path: Path, setting: str = "room") -> Course:
    page = vary(ROLEPLAY_PAGE, "setting: room", f"setting: {setting}")
    loaded = load(tmp_path, {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
                             "roleplays/quiet.md": page})
    assert loaded.diagnostics == []
    return loaded


def rendered(course: Course, rel: str, source: str, instructor: bool) -> str:
    return transform_page(page_body(source), course.pages[rel], Context(course, instructor, {})).markdown


@pytest.mark.parametrize(("setting", "shown", "not_shown"), [
    ("video", "By video", "In the room"),
    ("room", "In the room", "By video"),
])
def test_every_printable_names_the_roleplay_setting(
    tmp_path: Path, setting: str, shown: str, not_shown: str
) -> None:
    pages = {uri: text for uri, text in printable_pages(roleplay_course(tmp_path, setting)).items()
             if uri.startswith(PRINTED)}
    assert {uri.split("/")[1] for uri in pages} == {"cards", "handouts", "observer-forms"}
    for uri, text in pages.items():
        assert shown in text, uri
        assert not_shown not in text, uri


@pytest.mark.parametrize(("setting", "shown", "not_shown"), [
    ("video", "**Setting:** By video ·", "In the room"),
    ("room", "**Setting:** In the room ·", "By video"),
])
def test_the_roleplay_page_names_its_setting(
    tmp_path: Path, setting: str, shown: str, not_shown: str
) -> None:
    loaded = roleplay_course(tmp_path, setting)
    source = vary(ROLEPLAY_PAGE, "setting: room", f"setting: {setting}")
    for instructor in (False, True):
        text = rendered(loaded, "roleplays/quiet.md", source, instructor)
        assert shown in text and not_shown not in text


def test_the_roleplay_page_header_names_the_cast_objectives_and_opt_out(tmp_path: Path) -> None:
    text = rendered(roleplay_course(tmp_path), "roleplays/quiet.md", ROLEPLAY_PAGE, False)
    assert "**Cast:** Therapist, Amara (partner), Dev (partner), Observer" in text
    assert "- Describe the quiet cue. ([Module m1](../m1.md))" in text  # what the role-play practises
    assert "**Objective:** Describe the quiet cue." in text  # the observer checklist, by objective
    assert "**Anyone may observe or sit out, without giving a reason.**" in text


def test_the_participant_handout_carries_the_content_notes_and_pause_and_stop(tmp_path: Path) -> None:
    handout = printable_pages(roleplay_course(tmp_path))["instructors/handouts/quiet.md"]
    assert CONTENT_NOTES.replace("'", "&#39;") in handout or CONTENT_NOTES in handout
    assert PAUSE in handout


@pytest.mark.parametrize("instructor", [False, True], ids=["learner", "instructor"])
def test_the_roleplay_page_shows_content_notes_and_pause_and_stop(tmp_path: Path, instructor: bool) -> None:
    text = rendered(roleplay_course(tmp_path), "roleplays/quiet.md", ROLEPLAY_PAGE, instructor)
    assert PAUSE in text
    assert CONTENT_NOTES.replace("'", "&#39;") in text or CONTENT_NOTES in text


POSTTEST = """---
title: Post-test
posttest: true
---

# Post-test

{questions}"""
QUESTION = question_block("{qid}", "m1-o1")  # filled in with .format(qid=...)


def test_the_answer_key_numbers_questions_from_one(tmp_path: Path) -> None:
    source = POSTTEST.format(questions="\n".join(QUESTION.format(qid=q) for q in ("pt-a", "pt-b", "pt-c")))
    loaded = load(tmp_path, {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
                             "instructors/post-test.md": source})
    text = rendered(loaded, "instructors/post-test.md", source, True)
    numbered = [line for line in text.split("\n") if line.startswith("<h3 ")]
    titles = [line.split(">")[1].split(" (")[0] for line in numbered]
    assert titles == ["Question 1", "Question 2", "Question 3"]
    assert "pt-a" in numbered[0] and "pt-c" in numbered[2]


def test_a_question_source_is_in_the_page_reference_list(tmp_path: Path) -> None:
    # The page's prose cites nothing; only the question's `source:` names reis1988.
    page = module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)).replace(
        "    rationale: It invites defence.\n```",
        "    rationale: It invites defence.\nsource: reis1988\n```")
    loaded = load(tmp_path, {"m1.md": page, "_data/bibliography.yml": BIBLIOGRAPHY})
    assert loaded.diagnostics == []
    text = rendered(loaded, "m1.md", page, False)
    assert "## References" in text
    assert "{ #ref-reis1988 .ck-ref }" in text
    assert "Reis, H. T., &amp; Shaver, P. (1988). Intimacy." in text


@pytest.mark.parametrize("text", ["[@a b]", "[@a; b]", "[@]", "[@a, ]", "[see @a]", "[@a](x.md)"])
def test_malformed_citation_syntax_is_not_rendered_as_a_citation(text: str) -> None:
    line = f"As noted {text} here."
    assert replace_citations(line, lambda items: "CITED") == line
    assert find_citations(line) == []


@pytest.mark.parametrize(("text", "keys"), [
    ("[@a]", ["a"]), ("[@a; @b-2]", ["a", "b-2"]), ("[@a, p. 73]", ["a"]), ("[-@a]", ["a"]),
    ("[@a ,p. 4]", ["a"]),
])
def test_wellformed_citations_are_found_and_replaced(text: str, keys: list[str]) -> None:
    line = f"As noted {text} here."
    assert replace_citations(line, lambda items: "|".join(i.key for i in items)) == (
        f"As noted {'|'.join(keys)} here.")
    assert find_citations(line, 7) == [(key, 7) for key in keys]
