"""Printing a learner role-play page gives its public frame: no role cards (those are in the
instructor edition, one role per sheet: see test_roleplay_print.py), and the observer checklist
on paper."""

from __future__ import annotations

import pytest
from pagetools import ROLEPLAY_1
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def pdf_page_count(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


def test_learner_roleplay_prints_its_public_frame(page: Page) -> None:
    page.goto(ROLEPLAY_1)
    page.emulate_media(media="print")
    assert page.locator(".ck-role-card").count() == 0, "role cards belong to the instructor edition"
    text = " ".join(page.locator("article").inner_text().split())
    assert "Observer checklist" in text and "Anyone may observe or sit out, without giving a reason." in text
    assert "Beneath the surface" not in text
    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF") and pdf_page_count(pdf) >= 1
