"""Search costs nothing until it is used, and works over HTTP, from a folder and under a sub-path.

docs/assets/coursekit/course.js holds Material's search worker and index back until the learner
focuses or opens search, and loads the iframe-worker shim (which lets a page opened from a folder
run the worker) only on file://. These tests watch the requests a page makes before and after
search starts, and search for real in each way the course is opened.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pagetools import HOME, MODULE_1, RequestLog
from playwright.sync_api import Browser, BrowserContext, Page, expect

from conftest import _QuietHandler, _QuietServer

INDEX = "search/search_index"  # .json over HTTP, .js from a folder
WORKER = "assets/javascripts/workers/search."
SHIM = "iframe-worker/shim.js"
QUERY = "attunement"  # a word Module 1 teaches; it appears in several pages


def _search_costs(urls: list[str]) -> list[str]:
    return [url for url in urls if INDEX in url or WORKER in url or SHIM in url]


def _search(page: Page, query: str = QUERY) -> None:
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially(query, delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching")


def test_a_page_fetches_no_index_worker_or_shim_until_search_is_used(
    page: Page, request_log: RequestLog
) -> None:
    for path in (HOME, MODULE_1):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        page.mouse.wheel(0, 600)  # reading and scrolling is not using search
        page.wait_for_timeout(300)
    assert _search_costs(request_log.urls) == [], "search was loaded before it was used"

    _search(page)
    fetched = _search_costs(request_log.urls)
    assert any(f"{INDEX}.json" in url for url in fetched), fetched
    assert any(WORKER in url for url in fetched), fetched
    assert not any(SHIM in url for url in fetched), "the iframe-worker shim loaded over HTTP"


def test_the_search_shortcut_starts_search(page: Page, request_log: RequestLog) -> None:
    page.goto(MODULE_1)
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")  # Material's shortcut: focuses the search field
    page.keyboard.type(QUERY, delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert any(f"{INDEX}.json" in url for url in request_log.urls)


def test_a_page_opened_from_a_result_highlights_the_terms(page: Page) -> None:
    """Material's search.highlight needs the index at once when the page has ?h=."""
    page.goto(f"{MODULE_1}?h={QUERY}")
    expect(page.locator("article mark").first).to_be_visible()
    assert QUERY in page.locator("article mark").first.inner_text().lower()


@pytest.fixture
def plain_context(browser: Browser) -> Iterator[Callable[[], BrowserContext]]:
    """Contexts for file:// and a second server, which the shared request check does not cover."""
    made: list[BrowserContext] = []

    def make() -> BrowserContext:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(10_000)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


def test_search_works_from_a_folder(site_dir: Path,
                                    plain_context: Callable[[], BrowserContext]) -> None:
    page = plain_context().new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((site_dir / MODULE_1.lstrip("/")).as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert _search_costs(urls) == [], "search was loaded before it was used"

    _search(page)
    assert any(SHIM in url for url in urls), "the shim was not loaded from the folder"
    assert any(f"{INDEX}.js" in url for url in urls), urls
    assert all(url.startswith(("file://", "data:", "blob:", "about:")) for url in urls), urls
    assert errors == []


@pytest.fixture
def sub_path_url(site_dir: Path, work_dir: Path) -> Iterator[str]:
    """The site served at /intranet/course/ (a program's server path), not at the root."""
    root = work_dir / "sub-path-root"
    (root / "intranet").mkdir(parents=True, exist_ok=True)
    link = root / "intranet" / "course"
    if not link.exists():
        link.symlink_to(site_dir, target_is_directory=True)
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/intranet/course"
    server.shutdown()
    server.server_close()


def test_search_works_under_a_sub_path(sub_path_url: str,
                                       plain_context: Callable[[], BrowserContext]) -> None:
    page = plain_context().new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(sub_path_url + MODULE_1)
    page.wait_for_load_state("networkidle")
    assert _search_costs(urls) == []
    _search(page)
    assert f"{sub_path_url}/{INDEX}.json" in urls
    link = page.locator(".md-search-result__link").first
    href = link.get_attribute("href") or ""
    link.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(sub_path_url + "/"), (href, page.url)
    expect(page.locator("article mark").first).to_be_visible()  # the terms, highlighted
    assert all(url.startswith(sub_path_url.split("/intranet")[0] + "/intranet/course/")
               for url in urls), [u for u in urls if "/intranet/course/" not in u]
