"""coursekit.printables: role cards, participant handouts and observer forms (instructor edition)."""

from __future__ import annotations

from pathlib import Path

import pytest
from coursetext import ROLEPLAY_PAGE, module, vary, write_docs

from coursekit.course import Course, load_course
from coursekit.printables import printable_pages, printables_index, printables_nav

SECRET_ROLEPLAY = vary(vary(ROLEPLAY_PAGE, "facilitator_notes: Watch the pace.",
                            "facilitator_notes: FACILITATOR-ONLY <b>pace</b>."),
                       "    raise: Amara shrugs.", "    raise: CUE-ONLY shrug.")


def load(tmp_path: Path, files: dict[str, str]) -> Course:
    loaded = load_course(write_docs(tmp_path / "docs", files), "docs")
    assert loaded.diagnostics == []
    return loaded


@pytest.fixture
def course(tmp_path: Path) -> Course:
    return load(tmp_path, {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
                           "roleplays/quiet.md": SECRET_ROLEPLAY})


def test_three_printables_per_roleplay(course: Course) -> None:
    assert list(printable_pages(course)) == [
        "instructors/cards/quiet.md", "instructors/handouts/quiet.md", "instructors/observer-forms/quiet.md",
    ]
    assert printables_nav(course) == [
        {"Role cards": ["instructors/cards/quiet.md"]},
        {"Participant handouts": ["instructors/handouts/quiet.md"]},
        {"Observer forms": ["instructors/observer-forms/quiet.md"]},
    ]


def test_handout_shows_nothing_a_participant_should_not_read(course: Course) -> None:
    handout = printable_pages(course)["instructors/handouts/quiet.md"]
    assert handout.startswith("# Participant handout: The quiet cue\n")
    for secret in ("You are frightened for your mother.", "You feel shut out.", "FACILITATOR-ONLY",
                   "CUE-ONLY", "Name the cue you notice."):
        assert secret not in handout
    assert "## Pausing and stopping\n\nAnyone may say the pause word.\n" in handout
    assert "- Describe the quiet cue.\n" in handout


def test_each_role_card_holds_only_its_own_part(course: Course) -> None:
    cards = printable_pages(course)["instructors/cards/quiet.md"]
    sections = cards.split('<section class="ck-print-card" markdown>')[1:]
    assert [s.split("\n")[2] for s in sections] == ["## Therapist", "## Partner: Amara", "## Partner: Dev",
                                                     "## Observer"]
    therapist, amara, dev, observer = sections
    assert "You are frightened for your mother." in amara
    assert "You are frightened for your mother." not in therapist + dev + observer
    assert "- I'm fine." in amara and "I'm fine." not in therapist + dev + observer
    assert all("**Pause word:**" in s for s in sections)
    assert "FACILITATOR-ONLY" not in cards and "CUE-ONLY" not in cards


def test_observer_form_lists_the_checklist(course: Course) -> None:
    form = printable_pages(course)["instructors/observer-forms/quiet.md"]
    assert "| ☐ | The therapist named a cue. | m1-o1 | |\n" in form


def test_printables_index_links_from_the_instructor_folder(course: Course) -> None:
    assert printables_index(course, "instructors/index.md").splitlines()[2] == (
        "| [The quiet cue](../roleplays/quiet.md) | Room | 30 | [Cards](cards/quiet.md) | "
        "[Handout](handouts/quiet.md) | [Form](observer-forms/quiet.md) |"
    )


def test_printables_escape_author_text(tmp_path: Path) -> None:
    evil = vary(ROLEPLAY_PAGE, "couple: Amara and Dev, married for twelve years.",
                "couple: Amara & Dev <img src=x>")
    pages = printable_pages(load(tmp_path, {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
                                            "rp.md": vary(evil, "brief: Note each cue.",
                                                          "brief: Note <each> cue.")}))
    assert "Amara &amp; Dev &lt;img src=x&gt;" in pages["instructors/handouts/rp.md"]
    assert "Note &lt;each&gt; cue." in pages["instructors/cards/rp.md"]
    assert all("<img" not in text for text in pages.values())


def test_same_file_name_in_two_folders_keeps_both(tmp_path: Path) -> None:
    other = vary(ROLEPLAY_PAGE, "id: rp-quiet", "id: rp-other")
    pages = printable_pages(load(tmp_path, {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
                                            "a/practice.md": ROLEPLAY_PAGE, "b/practice.md": other}))
    assert len(pages) == 6
