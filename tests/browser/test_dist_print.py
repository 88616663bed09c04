"""The printable files of `make dist`: the certificate fits one A4 page and one US Letter page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pagetools import axe_violations, describe_violations
from playwright.sync_api import Browser

from coursekit.course import load_course
from coursekit.sponsor import certificate_html, evaluation_html

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



@pytest.mark.parametrize("which", ["certificate", "evaluation"])
def test_printables_have_no_axe_violations(browser: Browser, which: str) -> None:
    course = load_course(ROOT / "docs", "docs")
    text = (certificate_html(course, "Course", {}) if which == "certificate"
            else evaluation_html(course, "Course"))
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(text)
        violations = axe_violations(page)
    finally:
        context.close()
    assert not violations, describe_violations(violations)
