"""Printing a role-play page puts every role card on its own sheet."""

from __future__ import annotations

import pytest
from pagetools import ROLEPLAY_1
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def pdf_page_count(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


def test_role_cards_each_start_a_printed_page(page: Page) -> None:
    page.goto(ROLEPLAY_1)
    page.emulate_media(media="print")
    cards = page.locator(".ck-role-card")
    count = cards.count()
    assert count >= 2, f"expected role cards on {ROLEPLAY_1}, found {count}"
    breaks = cards.evaluate_all("nodes => nodes.map(n => getComputedStyle(n).breakBefore)")
    assert breaks == ["page"] * count, f"computed break-before of the role cards: {breaks}"

    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF")
    pages = pdf_page_count(pdf)
    assert pages >= 1 + count, f"PDF has {pages} pages for {count} role cards (expected >= {1 + count})"
