"""The notebook pages in a real browser: they open, their self-checks work, axe finds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pagetools import axe_violations, describe_violations
from playwright.sync_api import Browser, Page, expect
from roleplaysite import instructor_site

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}
LEARNER = "/notebooks/tracking-change.html"


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_learner_notebook_has_no_axe_violations(new_context, palette: str) -> None:
    page: Page = new_context(color_scheme=palette, reduced_motion="reduce").new_page()
    page.goto(LEARNER)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[palette])
    expect(page.locator("figure.ck-figure img")).to_be_visible()
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def test_a_notebook_self_check_gives_feedback(page: Page) -> None:
    page.goto(LEARNER)
    question = page.locator('[data-ck-question="rc-what-reliable-means"]')
    question.get_by_label("The rise is within what measurement error alone", exact=False).check()
    question.get_by_role("button", name="Check answer").click()
    expect(question.locator(".ck-feedback")).to_contain_text("Correct")


def test_instructor_notebook_opens_with_its_tables_and_plots(browser: Browser, work_dir: Path) -> None:
    """The curriculum-analytics page (instructor edition) shows the course as the parser reads it."""
    site = instructor_site(work_dir)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto((site / "instructors" / "curriculum-analytics.html").as_uri())
        expect(page.get_by_role("heading", name="Objective coverage")).to_be_visible()
        expect(page.locator("table").first).to_be_visible()
        figures = page.locator("figure.ck-figure img")
        expect(figures).to_have_count(2)
        for index in range(2):
            assert figures.nth(index).evaluate("img => img.complete && img.naturalWidth > 0")
    finally:
        context.close()
