"""Helpers for the role-play and instructor print tests: the instructor edition built once per
process, the course's role-plays as coursekit parses them, and a print-media page with its PDF's
sheet count (plain functions, no fixtures)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser
from playwright.sync_api import Page as BrowserPage

from coursekit.course import load_course
from coursekit.model import Page, RolePlay
from coursekit.printables import card_uri, printable_uri

ROOT = Path(__file__).resolve().parents[2]
COURSE = load_course(ROOT / "docs", "docs")
ROLEPLAYS: list[tuple[Page, RolePlay]] = sorted(COURSE.roleplays, key=lambda pair: pair[0].src_uri)
IDS = [page.src_uri for page, _ in ROLEPLAYS]
_BUILT: dict[str, Path] = {}


def html_path(uri: str) -> str:
    return uri.removesuffix(".md") + ".html"


def live_path(page: Page) -> str:
    return html_path(printable_uri("live", page))


def cards_path(page: Page) -> str:
    return html_path(printable_uri("cards", page))


def role_card_paths(page: Page, roleplay: RolePlay) -> list[str]:
    return [html_path(card_uri(page, role)) for role in roleplay.roles]


def instructor_site(work_dir: Path) -> Path:
    """`mkdocs build --strict -f mkdocs.instructor.yml`, once per test process."""
    if "site" not in _BUILT:
        site = work_dir / "site-instructor-roleplays"
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.instructor.yml",
             "--site-dir", str(site)],
            cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True, text=True, timeout=300, check=False,
        )
        if result.returncode != 0:
            raise AssertionError(f"instructor build failed:\n{result.stdout}\n{result.stderr}")
        site.chmod(0o755)
        _BUILT["site"] = site
    return _BUILT["site"]


@contextmanager
def print_media_page(browser: Browser, **context_options: Any) -> Iterator[BrowserPage]:
    """A page in a fresh browser context, laid out for print, closed afterwards."""
    context = browser.new_context(**context_options)
    try:
        page = context.new_page()
        page.emulate_media(media="print")
        yield page
    finally:
        context.close()


def pdf_page_count(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
