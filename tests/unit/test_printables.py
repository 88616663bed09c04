"""coursekit.printables: role cards (all together and one page per player), participant
handouts, observer forms and live views (instructor edition)."""

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


PER_ROLEPLAY = ["instructors/cards/quiet.md", "instructors/handouts/quiet.md",
                "instructors/observer-forms/quiet.md", "instructors/live/quiet.md"]
CARDS = [f"instructors/cards/quiet/{role}.md" for role in ("therapist", "amara", "dev", "observer")]


def test_four_printables_and_a_card_per_role(course: Course) -> None:
    assert list(printable_pages(course)) == PER_ROLEPLAY + CARDS
    assert printables_nav(course) == [
        {"Role cards": ["instructors/cards/quiet.md"]},
        {"Participant handouts": ["instructors/handouts/quiet.md"]},
        {"Observer forms": ["instructors/observer-forms/quiet.md"]},
        {"Live facilitator views": ["instructors/live/quiet.md"]},
        {"Cards for each player": [{"The quiet cue": CARDS}]},
    ]


def test_handout_shows_nothing_a_participant_should_not_read(course: Course) -> None:
    handout = printable_pages(course)["instructors/handouts/quiet.md"]
    assert handout.startswith("---\nhide:\n  - navigation\n")
    assert "search:\n  exclude: true\n---\n\n# Participant handout: The quiet cue\n" in handout
    for secret in ("You are frightened for your mother.", "You feel shut out.", "FACILITATOR-ONLY",
                   "CUE-ONLY", "Name the cue you notice.", "I'm fine."):
        assert secret not in handout
    assert "## Pausing and stopping\n\nAnyone may say the pause word.\n" in handout
    opt_out = "**Anyone may observe or sit out, without giving a reason.**"
    assert f"A parent's illness. No violence.\n\n{opt_out}" in handout
    assert "- Describe the quiet cue.\n" in handout


def test_each_role_card_holds_only_its_own_part(course: Course) -> None:
    cards = printable_pages(course)["instructors/cards/quiet.md"]
    sections = cards.split('<section class="ck-print-card" markdown>')[1:]
    assert [s.split("\n")[2] for s in sections] == ["## Therapist", "## Partner: Amara", "## Partner: Dev",
                                                     "## Observer"]
    therapist, amara, dev, observer = sections
    assert "You are frightened for your mother." in amara
    assert "You are frightened for your mother." not in therapist + dev + observer
    assert "- **Amara:** **I'm fine.**" in amara and "I'm fine." not in therapist + dev + observer
    assert all("**Stopping the scene:**" in s for s in sections)
    assert "FACILITATOR-ONLY" not in cards and "CUE-ONLY" not in cards


def test_a_players_own_card_page_holds_only_that_player(course: Course) -> None:
    pages = printable_pages(course)
    amara = pages["instructors/cards/quiet/amara.md"]
    assert amara.startswith('---\ntitle: "Partner: Amara: The quiet cue"\nhide:\n  - navigation\n  - toc\n')
    assert "# Partner: Amara\n" in amara and "You are frightened for your mother." in amara
    for other in ("You feel shut out.", "Name the cue you notice.", "Note each cue.", "CUE-ONLY",
                  "FACILITATOR-ONLY"):
        assert other not in amara
    assert "[print them together](../quiet.md)" in amara


def test_observer_card_carries_the_observer_cues(tmp_path: Path) -> None:
    source = vary(ROLEPLAY_PAGE, "facilitator_notes: Watch the pace.",
                  "observer_cues:\n  - watch: The therapist skipping the cue.\n"
                  "    prompt: Say the pause word once.\nfacilitator_notes: Watch the pace.")
    pages = printable_pages(load(tmp_path, {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
                                            "roleplays/quiet.md": source}))
    cue = "- **Watch for:** The therapist skipping the cue. **You may prompt:** Say the pause word once.\n"
    assert cue in pages["instructors/cards/quiet/observer.md"]
    assert all("skipping the cue" not in pages[f"instructors/cards/quiet/{r}.md"]
               for r in ("therapist", "amara", "dev"))


def test_live_view_puts_each_cue_in_its_phase(tmp_path: Path) -> None:
    source = vary(ROLEPLAY_PAGE, "  - when: If the therapist moves on\n",
                  "  - when: If the therapist moves on\n    phase: Role-play\n")
    live = printable_pages(load(tmp_path, {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
                                           "roleplays/quiet.md": source}))["instructors/live/quiet.md"]
    phases = live.split('<section class="ck-live-phase"')[1:]
    assert [p.split("\n")[0] for p in phases] == [
        ' data-ck-minutes="5" data-ck-name="Set up" markdown>',
        ' data-ck-minutes="10" data-ck-name="Role-play" markdown>',
        ' data-ck-minutes="15" data-ck-name="Debrief" markdown>',
    ]
    assert ["If the therapist moves on" in p for p in phases] == [False, True, False]
    assert "coursekit_live: true" in live and "<script" not in live


def test_observer_form_shows_objective_text_with_room_to_write(course: Course) -> None:
    form = printable_pages(course)["instructors/observer-forms/quiet.md"]
    assert "### Objective: Describe the quiet cue.\n" in form
    assert "☐ The therapist named a cue.\n\n" in form
    box = '<div class="ck-write-in ck-write-in--short" role="presentation">Example you noticed:</div>'
    assert box in form
    assert "m1-o1" not in form


def test_printables_index_links_from_the_instructor_folder(course: Course) -> None:
    assert printables_index(course, "instructors/index.md").splitlines()[2] == (
        "| [The quiet cue](../roleplays/quiet.md) | Room | 30 | [Live view](live/quiet.md) | "
        "[Print all](cards/quiet.md); [Therapist](cards/quiet/therapist.md), "
        "[Partner: Amara](cards/quiet/amara.md), [Partner: Dev](cards/quiet/dev.md), "
        "[Observer](cards/quiet/observer.md) | [Handout](handouts/quiet.md) | "
        "[Form](observer-forms/quiet.md) |"
    )


def test_printables_escape_author_text(tmp_path: Path) -> None:
    evil = vary(ROLEPLAY_PAGE, "couple: Amara and Dev, married for twelve years.",
                "couple: Amara & Dev <img src=x>")
    evil = vary(evil, "brief: Note each cue.", "brief: Note <each> cue.")
    # The checker rejects this markup (unsafe-html); the printables must escape it all the same.
    docs = write_docs(tmp_path / "docs", {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
                                         "rp.md": evil})
    pages = printable_pages(load_course(docs, "docs"))
    assert "Amara &amp; Dev &lt;img src=x&gt;" in pages["instructors/handouts/rp.md"]
    assert "Note &lt;each&gt; cue." in pages["instructors/cards/rp.md"]
    assert "Note &lt;each&gt; cue." in pages["instructors/cards/rp/observer.md"]
    assert all("<img" not in text and "<each>" not in text for text in pages.values())


def test_same_file_name_in_two_folders_keeps_both(tmp_path: Path) -> None:
    other = vary(ROLEPLAY_PAGE, "id: rp-quiet", "id: rp-other")
    pages = printable_pages(load(tmp_path, {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
                                            "a/practice.md": ROLEPLAY_PAGE, "b/practice.md": other}))
    assert len(pages) == 2 * (4 + 4)
    assert {"instructors/cards/a-practice/amara.md", "instructors/cards/b-practice/amara.md"} <= set(pages)
