"""Glossary terms by keyboard and screen reader, and the keyboard path to Module 1's first answer.

Measured path (the figure the issue asks for): open Module 1, press Tab until the first answer
option has focus. Before this change (commit cf2a1de) that took 49 presses at 1366x768 and 58
at 375x812; the issue's 81 was measured on an earlier state. The bounds below are the figures
after the change plus a small margin for a module that gains a term or a heading.
"""

from __future__ import annotations

import pytest
from pagetools import MODULE_1, norm
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SIZES = {"phone": {"width": 375, "height": 812}, "laptop": {"width": 1366, "height": 768}}
FIRST_ANSWER = "input[name^='ck-']"
# Tab presses from the top of Module 1 to the first answer, after the change (measured 17 on
# the phone, 49 on the laptop, where the sidebar's 26 links and the contents' 7 come first).
MAX_TABS = {"phone": 20, "laptop": 52}


@pytest.fixture(params=sorted(SIZES))
def size(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def sized_page(size: str, new_context) -> Page:
    return new_context(viewport=SIZES[size]).new_page()


def focused_matches(page: Page, selector: str) -> bool:
    return page.evaluate("s => !!(document.activeElement && document.activeElement.matches(s))", selector)


def tab_until(page: Page, selector: str, limit: int = 200) -> int:
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if focused_matches(page, selector):
            return presses
    raise AssertionError(f"{selector} not reached in {limit} Tab presses")


def test_a_glossary_definition_by_keyboard(sized_page: Page) -> None:
    page = sized_page
    page.goto(MODULE_1)
    tab_until(page, ".ck-term > a")
    link = page.locator(".ck-term > a:focus")
    term = link.locator("xpath=..")
    definition = term.locator(".ck-def")
    text = norm(definition.text_content())
    assert len(text) > 40, text
    # Shown on focus, and given to screen readers as the link's description.
    expect(definition).to_be_visible()
    expect(link).to_have_accessible_description(text)
    box, view = definition.bounding_box(), page.viewport_size
    assert box and view and box["x"] >= 0 and box["x"] + box["width"] <= view["width"], \
        f"the definition runs off the screen: {box}"
    # Escape dismisses it without moving focus (WCAG 1.4.13); the next term shows its own.
    page.keyboard.press("Escape")
    expect(definition).to_be_hidden()
    assert focused_matches(page, ".ck-term > a")
    # The link leads to the term's own entry on the glossary page.
    href = link.get_attribute("href") or ""
    assert href.startswith("../glossary.html#term-"), href
    page.keyboard.press("Enter")
    page.wait_for_url("**/glossary.html#term-*")
    anchor = href.split("#", 1)[1]
    expect(page.locator(f"dt#{anchor}")).to_be_visible()


def test_a_glossary_definition_on_hover_stays_while_pointed_at(page: Page) -> None:
    page.goto(MODULE_1)
    term = page.locator(".md-content .ck-term").first
    definition = term.locator(".ck-def")
    expect(definition).to_be_hidden()
    term.locator("a").hover()
    expect(definition).to_be_visible()
    definition.hover()  # moving onto the definition keeps it (hoverable, WCAG 1.4.13)
    expect(definition).to_be_visible()
    page.mouse.move(2, 400)
    expect(definition).to_be_hidden()


def test_terms_are_links_once_and_never_in_headings_or_titles(page: Page) -> None:
    page.goto(MODULE_1)
    content = page.locator(".md-content")
    assert content.locator("abbr").count() == 0, "Material's per-term tooltips are back"
    terms = content.locator(".ck-term > a")
    assert terms.count() >= 3
    hrefs = terms.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(hrefs) == len(set(hrefs)), "a term is linked more than once on the page"
    titles = ":is(h1, h2, h3, h4, h5, h6, .admonition-title, legend, label, summary)"
    inside = content.locator(f"{titles} .ck-term")
    assert inside.count() == 0
    assert "content.tooltips" not in (page.locator("#__config").text_content() or "")
    # The page title (tab title and nav) never carries a term's markup.
    assert "ck-term" not in page.title()


def test_from_the_top_of_module_1_to_the_first_answer(sized_page: Page, size: str) -> None:
    page = sized_page
    page.goto(MODULE_1)
    presses = tab_until(page, FIRST_ANSWER)
    assert presses <= MAX_TABS[size], f"{presses} Tab presses to the first answer at {size}"
    # Permalinks are not on the way.
    page.goto(MODULE_1)
    for _ in range(presses):
        page.keyboard.press("Tab")
        assert not focused_matches(page, ".headerlink"), "a permalink took focus"


def test_skip_link_then_the_question_list_reach_the_first_answer(sized_page: Page) -> None:
    page = sized_page
    page.goto(MODULE_1)
    page.keyboard.press("Tab")
    assert focused_matches(page, ".md-skip")
    page.keyboard.press("Enter")
    # The content starts at once: the next stop is the module header's list of questions.
    page.keyboard.press("Tab")
    assert focused_matches(page, ".md-content a[href^='#q-']"), "after the skip link, focus is elsewhere"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert focused_matches(page, FIRST_ANSWER), "the question list does not lead to the first answer"
    # The list says how many questions the page has, and each entry jumps to its question.
    listing = page.locator(".md-content p:has(a[href^='#q-'])")
    count = page.locator("[data-ck-question]").count()
    expect(listing).to_contain_text(f"{count} questions on this page")
    assert listing.locator("a").count() == count
