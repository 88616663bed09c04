"""Role cards printed by Chromium: one role per A4 sheet, body text of at least 11 pt, the
role's name heading each sheet, nothing cut at a page edge; one page per player's own card,
with no site navigation; observer forms with objective text and room to write."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from roleplaysite import (
    COURSE,
    IDS,
    ROLEPLAYS,
    cards_path,
    html_path,
    instructor_site,
    pdf_page_count,
    print_media_page,
    role_card_paths,
)

from coursekit.printables import printable_uri
from coursekit.roleplay_views import role_label

pytestmark = pytest.mark.browser

A4_CONTENT_PX = {"width": round((210 - 32) / 25.4 * 96), "height": round((297 - 28) / 25.4 * 96)}
MIN_BODY_PT = 11


@pytest.fixture(scope="module")
def site(work_dir: Path) -> Path:
    return instructor_site(work_dir)


@pytest.fixture
def print_page(browser: Browser) -> Iterator[Page]:
    # The viewport is an A4 sheet's printable area (see @page in roleplay.css), so the layout
    # measured on screen is the layout Chromium paginates.
    with print_media_page(browser, viewport=A4_CONTENT_PX) as page:
        yield page


def body_font_pt(page: Page, selector: str) -> float:
    """The smallest computed font size of the body paragraphs and list items under `selector`."""
    px = page.eval_on_selector_all(
        f"{selector} p, {selector} li",
        "nodes => Math.min(...nodes.map(n => parseFloat(getComputedStyle(n).fontSize)))",
    )
    return px * 72 / 96


@pytest.mark.parametrize(("record", "roleplay"), ROLEPLAYS, ids=IDS)
def test_role_cards_print_one_role_per_sheet(site: Path, print_page: Page, record, roleplay) -> None:
    print_page.goto((site / cards_path(record)).as_uri())
    cards = print_page.locator(".ck-print-card")
    assert cards.count() == len(roleplay.roles)
    headings = [cards.nth(i).locator("h2").inner_text().strip() for i in range(cards.count())]
    assert headings == [role_label(role) for role in roleplay.roles], "each sheet is headed by its role"
    for index, role in enumerate(roleplay.roles):
        text = " ".join(cards.nth(index).inner_text().split())
        assert " ".join(role.brief.split())[:60] in text
        others = [r for r in roleplay.roles if r is not role]
        for other in others:  # another player's brief or unspoken part never shares the sheet
            for secret in (other.brief, other.unspoken):
                assert not secret or " ".join(secret.split())[:60] not in text, (role.id, other.id)
        height = cards.nth(index).evaluate("n => n.getBoundingClientRect().height")
        assert height <= A4_CONTENT_PX["height"], f"{role.id}'s card is {height:.0f}px, taller than a sheet"
    # Every card after the first starts a sheet, none is taller than a sheet, and the PDF has as
    # many pages as cards: so each sheet holds exactly one role, and nothing runs over an edge.
    breaks = cards.evaluate_all("ns => ns.map(n => getComputedStyle(n).breakBefore)")
    assert breaks[1:] == ["page"] * (len(breaks) - 1), breaks
    assert body_font_pt(print_page, ".ck-print-card") >= MIN_BODY_PT
    assert pdf_page_count(print_page.pdf(format="A4")) == len(roleplay.roles), "one sheet per role"


@pytest.mark.parametrize(("record", "roleplay"), ROLEPLAYS, ids=IDS)
def test_each_player_has_a_one_page_card_of_their_own(site: Path, print_page: Page, record, roleplay) -> None:
    for role, path in zip(roleplay.roles, role_card_paths(record, roleplay), strict=True):
        print_page.goto((site / path).as_uri())
        assert print_page.locator("h1").inner_text().strip() == role_label(role)
        text = " ".join(print_page.locator("article").inner_text().split())
        assert " ".join(role.brief.split())[:60] in text
        for other in (r for r in roleplay.roles if r is not role):
            for secret in (other.brief, other.unspoken):
                assert not secret or " ".join(secret.split())[:60] not in text, (role.id, other.id)
        for cue in roleplay.cues:  # the facilitator's cue points are on no player's card
            assert " ".join(cue.when.split())[:60] not in text
        if role.kind == "observer":
            assert roleplay.observer_cues, f"{roleplay.id} has no observer cues for the observer's card"
            for cue in roleplay.observer_cues:
                assert " ".join(cue.watch.split())[:60] in text
        for selector in (".md-header", ".md-sidebar", ".md-footer", ".md-tabs"):
            hidden = print_page.locator(selector).evaluate_all(
                "nodes => nodes.every(n => !n.offsetParent && getComputedStyle(n).position !== 'fixed'"
                " || getComputedStyle(n).display === 'none')")
            assert hidden, f"{selector} prints on {path}"
        assert body_font_pt(print_page, ".ck-card-page") >= MIN_BODY_PT
        assert pdf_page_count(print_page.pdf(format="A4")) == 1, f"{path} prints on more than one page"


@pytest.mark.parametrize(("record", "roleplay"), ROLEPLAYS, ids=IDS)
def test_observer_form_shows_objective_text_with_room_to_write(
    site: Path, print_page: Page, record, roleplay
) -> None:
    print_page.goto((site / html_path(printable_uri("observer-forms", record))).as_uri())
    text = " ".join(print_page.locator("article").inner_text().split())
    for objective_id, _ in roleplay.objectives:
        assert objective_id not in text, f"objective id {objective_id} shown instead of its text"
        found = COURSE.objective(objective_id)
        assert found and " ".join(found[1].text.split()) in text
    boxes = print_page.locator(".ck-form-item .ck-write-in")
    assert boxes.count() == len(roleplay.observer_checklist)
    assert min(boxes.evaluate_all("ns => ns.map(n => n.getBoundingClientRect().height)")) >= 60
