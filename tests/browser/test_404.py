"""The "page not found" page renders styled, with working links, from a folder and when a server
under a sub-path answers a missing address with it."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.browser

SUB = "/training/intimacy/"


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """The site under SUB; a missing page there gets 404.html, as nginx's error_page would."""

    site: Path

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if not path.startswith(SUB):
            self.send_error(404)
            return
        target = self.site / path[len(SUB):]
        if target.is_file():
            body, status = target.read_bytes(), 200
        else:
            body, status = (self.site / "404.html").read_bytes(), 404
        self.send_response(status)
        types = {".css": "text/css", ".js": "text/javascript", ".html": "text/html", ".svg": "image/svg+xml"}
        self.send_header("Content-Type", types.get(target.suffix if status == 200 else ".html",
                                                   "application/octet-stream"))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def sub_path_url(site_dir: Path) -> Iterator[str]:
    handler = type("Handler", (_SubPathHandler,), {"site": site_dir})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUB}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def plain_context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    yield context
    context.close()


def assert_styled_and_complete(page: Page, failed: list[str]) -> None:
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    # Material's stylesheet applied: the header bar is the palette's colour, not unstyled.
    header = page.locator(".md-header")
    expect(header).to_be_visible()
    assert header.evaluate("h => getComputedStyle(h).position") in ("sticky", "fixed")
    assert header.evaluate("h => getComputedStyle(h).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert not failed, f"assets that did not load: {failed}"


def watch_failures(page: Page) -> list[str]:
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400
            and not response.url.endswith(("missing-page.html", "404.html")) else None)
    return failed


def test_404_from_a_folder(plain_context: BrowserContext, site_dir: Path) -> None:
    page = plain_context.new_page()
    failed = watch_failures(page)
    page.goto((site_dir / "404.html").as_uri())
    assert_styled_and_complete(page, failed)
    page.get_by_role("link", name="Go to the course’s home page").click()
    page.wait_for_url((site_dir / "index.html").as_uri())


def test_404_under_a_sub_path(plain_context: BrowserContext, sub_path_url: str) -> None:
    page = plain_context.new_page()
    failed = watch_failures(page)
    response = page.goto(sub_path_url + "missing-page.html")
    assert response is not None and response.status == 404
    assert_styled_and_complete(page, failed)
    page.get_by_role("link", name="My progress", exact=True).first.click()
    page.wait_for_url(sub_path_url + "progress.html")


@pytest.fixture(scope="module")
def site_with_site_url(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The learner edition built as the hosting guide says for a sub-path: site_url set."""
    site = tmp_path_factory.mktemp("site-url") / "site"
    script = ("import sys; from mkdocs.config import load_config; from mkdocs.commands.build import build; "
              "build(load_config('mkdocs.yml', site_url=sys.argv[1], site_dir=sys.argv[2], strict=True))")
    result = subprocess.run([sys.executable, "-c", script, f"https://intranet.example.edu{SUB}", str(site)],
                            cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def test_404_deep_under_a_sub_path_with_site_url(plain_context: BrowserContext,
                                                  site_with_site_url: Path) -> None:
    handler = type("Handler", (_SubPathHandler,), {"site": site_with_site_url})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}{SUB}"
        page = plain_context.new_page()
        failed = watch_failures(page)
        response = page.goto(base + "modules/03-techniques/missing-page.html")
        assert response is not None and response.status == 404
        assert_styled_and_complete(page, failed)
        page.get_by_role("link", name="Go to the course’s home page").click()
        page.wait_for_url(base + "index.html")
    finally:
        server.shutdown()
        server.server_close()
