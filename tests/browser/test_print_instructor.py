"""Instructor-edition printables printed to PDF by Chromium: one role card per sheet, and
participant handouts free of facilitator-only text."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pagetools import axe_violations, describe_violations
from playwright.sync_api import Browser, Page

from coursekit.course import load_course

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
COURSE = load_course(ROOT / "docs", "docs")
ROLEPLAYS = sorted(COURSE.roleplays, key=lambda pair: pair[0].src_uri)


def _slug(src_uri: str) -> str:
    return Path(src_uri).stem


@pytest.fixture(scope="session")
def instructor_site(work_dir: Path) -> Path:
    site = work_dir / "site-instructor"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.instructor.yml",
         "--site-dir", str(site)],
        cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True, text=True, timeout=300, check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"instructor build failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return site


@pytest.fixture
def print_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    page.emulate_media(media="print")
    yield page
    context.close()


def pdf_page_count(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


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
    assert " ".join(roleplay.debrief[0].split())[:40] in text  # the check can see real content
    assert pdf_page_count(print_page.pdf(format="A4")) >= 1


INSTRUCTOR_PAGES = [
    "instructors/index.html",
    "instructors/notes.html",
    "instructors/agendas.html",
    "instructors/post-test.html",
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
