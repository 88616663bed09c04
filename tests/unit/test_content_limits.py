"""The limits the authoring guide states, checked at both edges: what is just allowed passes,
what is just outside is reported at its own line.

Each test here was checked by breaking the limit in hooks/coursekit by one step (7 options,
one partner, an underscore in ids, 0 as a positive number, a 25 % time tolerance, the post-test's
objective check removed) and watching it fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from coursetext import (
    MODULE_HEAD,
    QUESTION_PAGE,
    ROLEPLAY_PAGE,
    module,
    question_block,
    vary,
    write_docs,
)

from coursekit.course import Estimate, load_course
from coursekit.parse import parse_page

PAGE = "docs/page.md"
EXTRA_OPTION = "  - text: Change the subject {n}.\n    rationale: It avoids the cue {n}.\n"


def rules(source: str) -> list[tuple[int, str]]:
    _, found = parse_page(PAGE, "page.md", source)
    return [(d.line, d.rule) for d in found]


def with_options(count: int) -> str:
    """QUESTION_PAGE (three options) with options added or removed to make `count`."""
    if count < 3:
        return vary(QUESTION_PAGE, "  - text: Accuse.\n    rationale: It invites defence.\n", "")
    extra = "".join(EXTRA_OPTION.format(n=n) for n in range(count - 3))
    return vary(QUESTION_PAGE, "    rationale: It invites defence.\n",
                "    rationale: It invites defence.\n" + extra)


@pytest.mark.parametrize(("count", "allowed"), [(2, False), (3, True), (6, True), (7, False)])
def test_a_question_has_three_to_six_options(count: int, allowed: bool) -> None:
    assert rules(with_options(count)) == ([] if allowed else [(12, "question-option-count")])


def test_a_roleplay_needs_two_partners() -> None:
    one_partner = vary(ROLEPLAY_PAGE, "    kind: partner\n    name: Dev", "    kind: observer\n    name: Dev")
    assert rules(one_partner) == [(22, "roleplay-roles")]
    _, found = parse_page(PAGE, "page.md", one_partner)
    assert "1 partner(s)" in found[0].message
    assert rules(ROLEPLAY_PAGE) == []


@pytest.mark.parametrize(("base", "old", "new", "expected"), [
    (MODULE_HEAD, "id: m1\n", "id: m_1\n", (2, "module-id")),
    (QUESTION_PAGE, "id: m1-q\n", "id: m1_q\n", (8, "question-id")),
    (ROLEPLAY_PAGE, "id: rp-quiet", "id: rp_quiet", (8, "roleplay-id")),
    (ROLEPLAY_PAGE, "  - id: observer", "  - id: ob_server", (37, "roleplay-id")),
    (MODULE_HEAD, "  - id: m1-o1", "  - id: m1-o_1", (8, "objective-id")),
], ids=["module", "question", "roleplay", "role", "objective"])
def test_ids_are_lowercase_letters_digits_and_hyphens_only(
    base: str, old: str, new: str, expected: tuple[int, str]
) -> None:
    assert expected in rules(vary(base, old, new))
    assert expected not in rules(base)


@pytest.mark.parametrize(("base", "old", "new", "expected"), [
    (MODULE_HEAD, "minutes: 5", "minutes: 0", (4, "module-minutes")),
    (MODULE_HEAD, "minutes: 5", "minutes: -5", (4, "module-minutes")),
    (ROLEPLAY_PAGE, "minutes: 30", "minutes: 0", (12, "wrong-type")),
], ids=["zero", "negative", "roleplay-zero"])
def test_zero_is_not_a_positive_number(base: str, old: str, new: str, expected: tuple[int, str]) -> None:
    assert expected in rules(vary(base, old, new))


def test_one_is_a_positive_number() -> None:
    assert (4, "module-minutes") not in rules(vary(MODULE_HEAD, "minutes: 5", "minutes: 1"))


# 13,000 words at 130 a minute: exactly 100 minutes, so the edges are whole numbers.
HUNDRED = Estimate(words=13000, questions=0, reflections=0)


@pytest.mark.parametrize(("declared", "accepted"), [
    (80, True), (120, True), (79, False), (121, False), (123, False), (77, False),
])
def test_reading_time_allows_twenty_percent_and_no_more(declared: int, accepted: bool) -> None:
    assert HUNDRED.minutes == 100
    assert HUNDRED.allows(declared) is accepted


def test_reading_time_counts_each_question_and_reflection() -> None:
    assert Estimate(words=130, questions=2, reflections=3).minutes == 1 + 2 * 1.5 + 3 * 3
    assert Estimate(words=0, questions=0, reflections=0).slack == 1.0  # at least a minute


POSTTEST = """---
title: Post-test
posttest: true
---

# Post-test

""" + question_block("pt-1", "m1-o9")


def test_posttest_question_on_an_undeclared_objective_is_an_error(tmp_path: Path) -> None:
    files = {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
             "instructors/post-test.md": POSTTEST}
    found = load_course(write_docs(tmp_path / "docs", files), "docs").diagnostics
    assert [(d.path, d.line, d.rule) for d in found
            if d.rule == "question-objective"] == [("docs/instructors/post-test.md", 8, "question-objective")]
    message = next(d.message for d in found if d.rule == "question-objective")
    assert "Question 'pt-1' assesses 'm1-o9', which no module declares." in message
    declared = load_course(write_docs(tmp_path / "ok", {**files, "instructors/post-test.md":
                                                        POSTTEST.replace("m1-o9", "m1-o1")}), "docs")
    assert [d for d in declared.diagnostics if d.rule == "question-objective"] == []
