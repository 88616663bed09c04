"""The printable files of `make dist`: the certificate fits one A4 page and one US Letter page."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pagetools import axe_violations, describe_violations
from playwright.sync_api import Browser, BrowserContext
from roleplaysite import instructor_site as build_instructor_site

from coursekit.course import load_course
from coursekit.sponsor import (
    certificate_html,
    credit_hours_markdown,
    curriculum_map_markdown,
    evaluation_html,
    markdown_page,
)

ROOT = Path(__file__).resolve().parents[2]
FULL_HOST = {
    "sponsor": "Riverside Couples Institute", "address": "12 River Road, Springfield",
    "credit": "Approved for home-study credit by the state board of behavioral sciences.",
    "approval": "Riverside Couples Institute is approved by its state board to sponsor continuing "
                "education for marriage and family therapists and maintains responsibility for "
                "this program and its content.",
}


def pdf_pages(browser: Browser, html: str, paper: str) -> int:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(html)
        pdf = page.pdf(format=paper, prefer_css_page_size=True)
    finally:
        context.close()
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("host", [{}, FULL_HOST], ids=["unset", "filled"])
def test_certificate_prints_on_one_page(browser: Browser, paper: str, host: dict[str, str]) -> None:
    course = load_course(ROOT / "docs", "docs")
    assert pdf_pages(browser, certificate_html(course, "Nurturing Emotional Intimacy in Couples Therapy",
                                               host), paper) == 1



@pytest.mark.parametrize("which", ["certificate", "evaluation", "curriculum-map", "credit-hours"])
def test_printables_have_no_axe_violations(browser: Browser, which: str) -> None:
    course = load_course(ROOT / "docs", "docs")
    text = {"certificate": lambda: certificate_html(course, "Course", {}),
            "evaluation": lambda: evaluation_html(course, "Course"),
            "curriculum-map": lambda: markdown_page("Map", curriculum_map_markdown(course)),
            "credit-hours": lambda: markdown_page("Hours", credit_hours_markdown(course))}[which]()
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(text)
        violations = axe_violations(page)
    finally:
        context.close()
    assert not violations, describe_violations(violations)


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_credit_hours_site_page_has_no_axe_violations(new_context: Callable[..., BrowserContext],
                                                      base_url: str, palette: str) -> None:
    """The generated page in the learner site, in both palettes (its wide table included)."""
    page = new_context(color_scheme=palette, reduced_motion="reduce").new_page()
    page.goto(f"{base_url}/credit-hours.html")
    assert page.locator("article h1").inner_text().startswith("How the credit hours were calculated")
    assert page.locator("article table tbody tr").count() > 10
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_curriculum_map_site_page_has_no_axe_violations(browser: Browser, work_dir: Path,
                                                        palette: str) -> None:
    """The instructor edition's generated map, opened from the folder the instructor tests build."""
    site = build_instructor_site(work_dir)
    context = browser.new_context(color_scheme=palette, reduced_motion="reduce")
    try:
        page = context.new_page()
        page.goto((site / "instructors" / "curriculum-map.html").as_uri())
        assert page.locator("article h1").inner_text().startswith("Curriculum map")
        assert page.locator("article table").count() == len(load_course(ROOT / "docs", "docs").modules)
        violations = axe_violations(page)
    finally:
        context.close()
    assert not violations, describe_violations(violations)
