"""No request leaves 127.0.0.1 (pages and search), and linkchecker finds no broken link."""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from pagetools import HOME, MODULE_1, ROLEPLAY_1, RequestLog
from playwright.sync_api import Page, expect

from pagehtml import Html

pytestmark = pytest.mark.browser

LINKCHECKER_CONFIG = """\
[checking]
threads=8
maxrequestspersecond=1000
timeout=20

[filtering]
checkextern=0
ignore=
  sitemap\\.xml\\.gz$

[output]
log=text
verbose=0
warnings=1

[text]
colorparent=default
colorurl=default
colorname=default
colorreal=default
colorbase=default
colorvalid=default
colorinvalid=default
colorinfo=default
colorwarning=default
colordltime=default
colorreset=default
"""

# Resources a page loads by itself (not links a reader follows).
RESOURCE = re.compile(
    r"""<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//"""
    r"""|<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//""",
    re.IGNORECASE,
)


def test_recorder_sees_and_blocks_offsite_requests(page: Page, request_log: RequestLog) -> None:
    """The 'no request left 127.0.0.1' check on every test is not vacuous."""
    page.goto(HOME)
    page.evaluate("() => fetch('http://example.invalid/probe').catch(() => null)")
    assert request_log.offsite() == ["http://example.invalid/probe"]
    request_log.urls.remove("http://example.invalid/probe")
    request_log.assert_all_local()


def test_pages_and_search_stay_on_127_0_0_1(page: Page, request_log: RequestLog) -> None:
    for path in (HOME, MODULE_1, ROLEPLAY_1):
        page.goto(path)
    request_log.assert_all_local()

    page.goto(HOME)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("intimacy", delay=20)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    assert results.count() > 0
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching")
    page.wait_for_load_state("networkidle")
    assert any("search/search_index" in url for url in request_log.urls), "the search index was never loaded"
    request_log.assert_all_local()


def test_no_page_loads_an_outside_resource(site_dir: Path) -> None:
    """Static scan of every built page: no script, style, image or frame from another host."""
    offenders = []
    for html in sorted(site_dir.rglob("*.html")):
        for match in RESOURCE.finditer(html.read_text(encoding="utf-8")):
            offenders.append(f"{html.relative_to(site_dir)}: {match.group(0)[:120]}")
    assert offenders == []


def test_linkchecker_finds_no_broken_links(base_url: str, work_dir: Path) -> None:
    config = work_dir / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
    config.chmod(0o644)
    result = subprocess.run(
        [sys.executable, "-m", "linkcheck", "--config", str(config), "--no-status", f"{base_url}/index.html"],
        cwd=work_dir,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = f"{result.stdout}\n{result.stderr}"
    assert result.returncode == 0, f"linkchecker exit {result.returncode}:\n{output}"
    assert "0 errors found" in output or "no errors" in output.lower(), output


def test_every_internal_anchor_exists(site_dir: Path) -> None:
    """Fragment links, including those in raw HTML that MkDocs does not validate, hit an id.

    linkchecker's AnchorCheck plugin does the same but fetches every URL#fragment separately
    (about 30 s for this site); parsing the built files takes well under a second.
    """
    pages = {}
    for html in site_dir.rglob("*.html"):
        pages[html.relative_to(site_dir).as_posix()] = Html(html.read_text(encoding="utf-8"))
    broken = []
    for name, parser in sorted(pages.items()):
        for href in parser.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.fragment:
                continue
            target = name
            if parts.path:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path)))
            if target not in pages:
                continue  # a missing file is linkchecker's to report
            if unquote(parts.fragment) not in pages[target].ids:
                broken.append(f"{name}: {href}")
    assert broken == [], "links to anchors that do not exist:\n" + "\n".join(broken)
