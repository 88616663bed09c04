"""Instructor-edition printables printed to PDF by Chromium: one role card per sheet, and
participant handouts free of facilitator-only text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pagetools import axe_violations, describe_violations
from playwright.sync_api import Browser, Page
from roleplaysite import ROLEPLAYS, pdf_page_count, print_media_page
from roleplaysite import instructor_site as build_instructor_site

pytestmark = pytest.mark.browser


def _slug(src_uri: str) -> str:
    return Path(src_uri).stem


@pytest.fixture(scope="session")
def instructor_site(work_dir: Path) -> Path:
    # The same build the role-play tests use: built once per session however many files ask.
    return build_instructor_site(work_dir)


@pytest.fixture
def print_page(browser: Browser) -> Iterator[Page]:
    with print_media_page(browser) as page:
        yield page


@pytest.mark.parametrize("roleplay", [rp for _, rp in ROLEPLAYS], ids=[p.src_uri for p, _ in ROLEPLAYS])
def test_role_cards_print_one_role_per_page(instructor_site: Path, print_page: Page, roleplay) -> None:
    page_record = next(p for p, rp in ROLEPLAYS if rp is roleplay)
    print_page.goto((instructor_site / "instructors/cards" / f"{_slug(page_record.src_uri)}.html").as_uri())
    cards = print_page.locator(".ck-print-card").count()
    assert cards == len(roleplay.roles)
    pdf = print_page.pdf(format="A4")
    assert pdf_page_count(pdf) == cards, "each role card must fill exactly one printed page"


@pytest.mark.parametrize("roleplay", [rp for _, rp in ROLEPLAYS], ids=[p.src_uri for p, _ in ROLEPLAYS])
def test_participant_handout_has_no_facilitator_text(
    instructor_site: Path, print_page: Page, roleplay
) -> None:
    page_record = next(p for p, rp in ROLEPLAYS if rp is roleplay)
    handout = instructor_site / "instructors/handouts" / f"{_slug(page_record.src_uri)}.html"
    print_page.goto(handout.as_uri())
    text = " ".join(print_page.locator("article").inner_text().split())
    secrets = [roleplay.facilitator_notes, *(c.raise_ for c in roleplay.cues),
               *(c.lower for c in roleplay.cues), *(r.unspoken for r in roleplay.roles if r.unspoken)]
    for secret in secrets:
        sentence = " ".join(secret.split())[:60]
        assert sentence not in text, f"facilitator-only text in the handout: {sentence!r}"
    # What a participant needs is all on the printed page, so the absence above is not an empty
    # or unreadable page passing by default.
    needed = [roleplay.content_notes, roleplay.pause_and_stop, roleplay.couple, *roleplay.debrief]
    for part in needed:
        sentence = " ".join(part.split())[:60]
        assert sentence in text, f"the handout is missing {sentence!r}"


INSTRUCTOR_PAGES = [
    "instructors/index.html",
    "instructors/notes.html",
    "instructors/agendas.html",
    "instructors/post-test.html",
    "instructors/curriculum-analytics.html",  # the notebook, executed at build time
    "instructors/hosting-lms.html",
    "instructors/cards/01-im-fine.html",
    "instructors/handouts/01-im-fine.html",
    "instructors/observer-forms/01-im-fine.html",
    "roleplays/01-im-fine.html",  # the instructor edition adds cue points and facilitator notes
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", INSTRUCTOR_PAGES)
def test_instructor_pages_have_no_axe_violations(
    instructor_site: Path, browser: Browser, path: str, scheme: str
) -> None:
    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto((instructor_site / path).as_uri())
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        violations = axe_violations(page)
        assert violations == [], describe_violations(violations)
    finally:
        context.close()
