"""A role-play block's own fields, one mistake at a time: each case changes one line of a valid
role-play page and expects exactly these diagnostics, at these lines, with these messages (the
place each message names, the line of the key that is wrong, never another key's or the
block's). Written after mutation testing found them unpinned: a message naming "None" instead
of the role-play, a malformed id reported at the block's first line, a missing `minutes`
read as 1."""

from __future__ import annotations

import pytest
from coursetext import ROLEPLAY_PAGE, vary

from coursekit.model import ObserverCue, Phase
from coursekit.parse import parse_page
from coursekit.rules import RULES

PAGE = "docs/page.md"
ID_SECOND = ("id: rp-quiet\ntechnique: Attunement\n", "technique: Attunement\nid: {}\n")

CASES = [
    pytest.param(ID_SECOND[0], ID_SECOND[1].format("[rp-quiet]"),
                 [(9, "wrong-type", "'id' in the role-play must be text.")], id="id-not-text"),
    pytest.param(ID_SECOND[0], ID_SECOND[1].format("rp_quiet"),
                 [(9, "roleplay-id", "Role-play id 'rp_quiet' is malformed.")], id="id-malformed"),
    pytest.param("id: rp-quiet\n", "colour: blue\n",
                 [(8, "missing-key", "the role-play has no 'id'."),
                  (8, "unknown-key", "Unknown key 'colour' in the role-play.")],
                 id="no-id"),
    pytest.param("id: rp-quiet\n", "id: rp-quiet\ncolour: blue\n",
                 [(9, "unknown-key", "Unknown key 'colour' in role-play 'rp-quiet'.")],
                 id="unknown-key"),
    pytest.param("setting: room\n", "setting: [room]\n",
                 [(11, "wrong-type", "'setting' in role-play 'rp-quiet' must be text.")],
                 id="setting-not-text"),
    pytest.param("objectives: [m1-o1]\n", "objectives: m1-o1\n",
                 [(10, "wrong-type", "'objectives' in role-play 'rp-quiet' must be a list."),
                  (52, "roleplay-checklist", "Checklist item is tied to 'm1-o1', which role-play "
                   "'rp-quiet' does not list.")], id="objectives-not-a-list"),
    pytest.param("minutes: 30\n", "minutes: thirty\n",
                 [(12, "wrong-type", "'minutes' in role-play 'rp-quiet' must be a positive whole "
                   "number, not 'thirty'.")], id="minutes-not-a-number"),
    # No declared total: the phases are not compared with one (never with a made-up 1 minute).
    pytest.param("minutes: 30\n", "",
                 [(8, "missing-key", "role-play 'rp-quiet' has no 'minutes'.")], id="no-minutes"),
    pytest.param("  - phase: Set up\n", "  - phase: [Set up]\n",
                 [(16, "wrong-type", "'phase' in a phase must be text.")], id="phase-not-text"),
    pytest.param("    minutes: 5\n  - phase: Role-play\n", "    minutes: 0\n  - phase: Role-play\n",
                 [(15, "roleplay-minutes", "The plan's phases add up to 0 + 10 + 15 = 25, not the "
                   "declared 30 minutes."),
                  (17, "wrong-type", "'minutes' in a phase must be a positive whole number, not 0.")],
                 id="phase-minutes-zero"),
]


@pytest.mark.parametrize(("old", "new", "expected"), CASES)
def test_one_wrong_field_gives_exactly_its_diagnostics(
    old: str, new: str, expected: list[tuple[int, str, str]]
) -> None:
    _, found = parse_page(PAGE, "page.md", vary(ROLEPLAY_PAGE, old, new))
    # Each message is its detail, then its rule's fix (the same for every case of a rule).
    assert all(d.message.endswith(" " + RULES[d.rule].fix) for d in found)
    details = [(d.line, d.rule, d.message.removesuffix(" " + RULES[d.rule].fix)) for d in found]
    assert sorted(details) == expected


def test_the_valid_page_has_no_diagnostics() -> None:
    assert parse_page(PAGE, "page.md", ROLEPLAY_PAGE)[1] == []


def test_plan_phases_keep_their_text_minutes_and_lines() -> None:
    source = vary(ROLEPLAY_PAGE, "  - phase: Set up\n    minutes: 5\n",
                  "  - phase: Set up\n    minutes: 5\n    activity: Read the briefs aloud.\n")
    page, found = parse_page(PAGE, "page.md", source)
    assert found == []
    assert page.roleplay is not None
    assert page.roleplay.plan == (Phase("Set up", 5, "Read the briefs aloud.", 16),
                                  Phase("Role-play", 10, "", 19), Phase("Debrief", 15, "", 21))


# Every optional field present, so each text field of each part can be made wrong in turn.
FULL_PAGE = vary(vary(vary(vary(
    ROLEPLAY_PAGE,
    "    minutes: 5\n", "    minutes: 5\n    activity: Read the briefs.\n"),
    "    line: I'm fine.\n", "    line: I'm fine.\n    direction: Quietly.\n"),
    "    raise: Amara shrugs.\n",
    "    raise: Amara shrugs.\n    lower: Amara looks up.\n    phase: Role-play\n"),
    "observer_checklist:\n", "observer_cues:\n  - watch: The first cue.\n    prompt: What did you see?\n"
    "observer_checklist:\n")

# (the line as FULL_PAGE has it, the place its message names)
TEXT_FIELDS = [
    ("technique: Attunement", "role-play 'rp-quiet'"),
    ("couple: Amara and Dev, married for twelve years.", "role-play 'rp-quiet'"),
    ("content_notes: A parent's illness. No violence.", "role-play 'rp-quiet'"),
    ("facilitator_notes: Watch the pace.", "role-play 'rp-quiet'"),
    ("pause_and_stop: Anyone may say the pause word.", "role-play 'rp-quiet'"),
    ("    activity: Read the briefs.", "a phase"),
    ("  - id: therapist", "a role"),
    ("    kind: therapist", "a role"),
    ("    name: Amara", "a role"),
    ("    brief: Say you are fine.", "a role"),
    ("    unspoken: You feel shut out.", "a role"),
    ("  - speaker: amara", "an opening line"),
    ("    line: I'm fine.", "an opening line"),
    ("    direction: Quietly.", "an opening line"),
    ("  - when: If the therapist moves on", "a cue"),
    ("    raise: Amara shrugs.", "a cue"),
    ("    lower: Amara looks up.", "a cue"),
    ("    phase: Role-play", "a cue"),
    ("  - watch: The first cue.", "an observer cue"),
    ("    prompt: What did you see?", "an observer cue"),
    ("  - objective: m1-o1", "a checklist item"),
    ("    item: The therapist named a cue.", "a checklist item"),
]


def test_the_full_page_is_valid() -> None:
    assert parse_page(PAGE, "page.md", FULL_PAGE)[1] == []


@pytest.mark.parametrize(("line", "where"), TEXT_FIELDS,
                         ids=[f"{where}-{line.strip(' -').split(':')[0]}" for line, where in TEXT_FIELDS])
def test_a_text_field_that_is_not_text_is_named_at_its_line(line: str, where: str) -> None:
    key = line.strip(" -").split(":")[0]
    source = vary(FULL_PAGE, line + "\n", line.split(":")[0] + ": [x]\n")
    _, found = parse_page(PAGE, "page.md", source)
    at = FULL_PAGE.split("\n").index(line) + 1
    wrong = [(d.line, d.message.removesuffix(" " + RULES[d.rule].fix)) for d in found
             if d.rule == "wrong-type"]
    assert wrong == [(at, f"'{key}' in {where} must be text.")]


# (a list field, the first line of its first item)
LIST_FIELDS = [
    ("plan", "  - phase: Set up"),
    ("roles", "  - id: therapist"),
    ("opening", "  - speaker: amara"),
    ("cues", "  - when: If the therapist moves on"),
    ("observer_cues", "  - watch: The first cue."),
    ("observer_checklist", "  - objective: m1-o1"),
]


@pytest.mark.parametrize(("key", "first"), LIST_FIELDS, ids=[key for key, _ in LIST_FIELDS])
def test_an_unknown_key_in_a_list_item_names_the_list_and_the_role_play(key: str, first: str) -> None:
    source = vary(FULL_PAGE, first + "\n", first + "\n    colour: blue\n")
    _, found = parse_page(PAGE, "page.md", source)
    at = FULL_PAGE.split("\n").index(first) + 2
    assert [(d.line, d.rule, d.message.removesuffix(" " + RULES[d.rule].fix)) for d in found] == [
        (at, "unknown-key", f"Unknown key 'colour' in an item of '{key}' in role-play 'rp-quiet'.")]


# (a list field, its first item's first line, what to change so the item lacks a required key)
MISSING = [
    ("plan", "  - phase: Set up", "    minutes: 5\n", "", "minutes"),
    ("roles", "  - id: therapist", "    name: Therapist\n", "", "name"),
    ("opening", "  - speaker: amara", "    line: I'm fine.\n", "", "line"),
    ("cues", "  - when: If the therapist moves on",
     "  - when: If the therapist moves on\n    raise:", "  - raise:", "when"),
    ("observer_cues", "  - watch: The first cue.", "    prompt: What did you see?\n", "", "prompt"),
    ("observer_checklist", "  - objective: m1-o1", "    item: The therapist named a cue.\n", "", "item"),
]


@pytest.mark.parametrize(("key", "first", "old", "new", "missing"), MISSING,
                         ids=[case[0] for case in MISSING])
def test_a_list_item_without_a_required_key_is_named_at_its_line(
    key: str, first: str, old: str, new: str, missing: str
) -> None:
    _, found = parse_page(PAGE, "page.md", vary(FULL_PAGE, old, new))
    at = FULL_PAGE.split("\n").index(first) + 1
    assert (at, "missing-key", f"an item of '{key}' in role-play 'rp-quiet' has no '{missing}'.") in [
        (d.line, d.rule, d.message.removesuffix(" " + RULES[d.rule].fix)) for d in found]


def test_a_role_play_page_is_read_as_one_with_its_debrief_and_observer_cues() -> None:
    page, found = parse_page(PAGE, "page.md", FULL_PAGE)
    assert found == []
    assert page.kind == "roleplay" and page.roleplay is not None
    assert page.roleplay.debrief == ("What did the therapist notice first?",)
    at = FULL_PAGE.split("\n").index("  - watch: The first cue.") + 1
    assert page.roleplay.observer_cues == (ObserverCue("The first cue.", "What did you see?", at),)


def test_a_debrief_that_is_not_a_list_is_named_at_its_line() -> None:
    source = vary(FULL_PAGE, "debrief:\n  - What did the therapist notice first?\n",
                  "debrief: What did the therapist notice first?\n")
    _, found = parse_page(PAGE, "page.md", source)
    at = FULL_PAGE.split("\n").index("debrief:") + 1
    assert [(d.line, d.rule, d.message.removesuffix(" " + RULES[d.rule].fix)) for d in found] == [
        (at, "wrong-type", "'debrief' in role-play 'rp-quiet' must be a list.")]
