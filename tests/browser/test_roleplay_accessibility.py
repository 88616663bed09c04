"""axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa) on every page the role-play work
adds or reshapes, in both palettes: the learner role-play page, the cards, the observer form,
the handout, the printables table and the live view, idle and running with its panels open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pagetools import ROLEPLAY_1, axe_violations, describe_violations
from playwright.sync_api import Browser, Page
from roleplaysite import ROLEPLAYS, cards_path, html_path, instructor_site, live_path, role_card_paths

from coursekit.printables import printable_uri

pytestmark = pytest.mark.browser

RECORD, ROLEPLAY = ROLEPLAYS[0]
VIDEO_RECORD, VIDEO_ROLEPLAY = next((p, r) for p, r in ROLEPLAYS if r.setting == "video")
INSTRUCTOR_PAGES = [
    "index.html",  # the home page's way into the instructor material
    "instructors/index.html",
    live_path(RECORD),
    live_path(VIDEO_RECORD),
    cards_path(RECORD),
    *role_card_paths(RECORD, ROLEPLAY),
    html_path(printable_uri("observer-forms", RECORD)),
    html_path(printable_uri("handouts", RECORD)),
]
SCHEMES = ["light", "dark"]


@pytest.fixture(scope="module")
def site(work_dir: Path) -> Path:
    return instructor_site(work_dir)


def _check(browser: Browser, url: str, scheme: str, action: Callable[[Page], None] | None = None) -> None:
    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto(url)
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        if action:
            action(page)
        violations = axe_violations(page)
        assert violations == [], describe_violations(violations)
    finally:
        context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", INSTRUCTOR_PAGES)
def test_instructor_roleplay_pages_have_no_axe_violations(
    site: Path, browser: Browser, path: str, scheme: str
) -> None:
    _check(browser, (site / path).as_uri(), scheme)


def _running_with_panels_open(page: Page) -> None:
    page.keyboard.press("p")
    page.keyboard.press("n")
    page.keyboard.press("s")  # pauses, and shows the pause-and-stop procedure
    page.get_by_role("status").wait_for()
    for _ in range(len(ROLEPLAY.plan)):
        page.keyboard.press("n")  # to the end of the plan: the debrief questions show
    assert page.locator(".ck-live-debrief").is_visible()
    assert page.locator(".ck-live-stop").is_visible()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_live_view_in_use_has_no_axe_violations(site: Path, browser: Browser, scheme: str) -> None:
    _check(browser, (site / live_path(RECORD)).as_uri(), scheme, _running_with_panels_open)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_learner_roleplay_page_has_no_axe_violations(base_url: str, browser: Browser, scheme: str) -> None:
    _check(browser, base_url + ROLEPLAY_1, scheme)
