"""Fixtures for the browser tests: build the learner site once, serve it on 127.0.0.1, drive
Debian's Chromium through Playwright (no pytest-playwright, no `playwright install`).

Every browser context made through `new_context` records each request its pages make; after
the test, any request that left 127.0.0.1 fails the test (requests to other hosts are also
aborted, so nothing actually leaves the machine).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pagetools import LOCAL_SCHEMES, RequestLog
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _make_world_readable(top: Path) -> None:
    """linkchecker, run as root, switches to user nobody: let everyone read the site."""
    for path in [top, *top.rglob("*")]:
        mode = path.stat().st_mode
        extra = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH
        if path.is_dir():
            extra |= stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH
        path.chmod(mode | extra)


@pytest.fixture(scope="session")
def work_dir() -> Iterator[Path]:
    """A world-readable scratch folder (pytest's own tmp folders are 0700)."""
    path = Path(tempfile.mkdtemp(prefix="coursekit-browser-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def site_dir(work_dir: Path) -> Path:
    """The learner edition, built once with `mkdocs build --strict` (never -q)."""
    site = work_dir / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(
            f"mkdocs build --strict failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    _make_world_readable(work_dir)
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site without logging; the LinkChecker header unthrottles linkchecker."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "unthrottle")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that closes a page mid-download breaks the pipe; that is not a test failure.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = _QuietServer(("127.0.0.1", 0), handler)
    port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def request_log(base_url: str) -> RequestLog:
    return RequestLog(origin=base_url)


@pytest.fixture
def new_context(
    browser: Browser, base_url: str, request_log: RequestLog
) -> Iterator[Callable[..., BrowserContext]]:
    """Make a browser context whose requests are recorded; closed and checked after the test."""
    contexts: list[BrowserContext] = []

    def block_offsite(route: Route) -> None:
        url = route.request.url
        if url.startswith(base_url + "/") or url.startswith(LOCAL_SCHEMES):
            route.fallback()
        else:
            route.abort()

    def make(**kwargs: object) -> BrowserContext:
        kwargs.setdefault("base_url", base_url)
        kwargs.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(**kwargs)
        context.set_default_timeout(10_000)
        context.on("request", request_log.record)
        context.route("**/*", block_offsite)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    request_log.assert_all_local()


@pytest.fixture
def context(new_context: Callable[..., BrowserContext]) -> BrowserContext:
    return new_context()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()
