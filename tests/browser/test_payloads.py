"""Hostile markup in Chromium: nothing an author (or a hosting program) writes runs.

Two fixture courses, each built in both editions (site-ok's course, rewritten):

- "accepted": text the checker lets through, in every author field, and every payload of
  tests/unit/test_safety_payloads.py in the `extra.host` values (which the checker does not
  read). The strict build must pass: this is what a learner can really be served.
- "unchecked": every payload written straight into a page's prose, headings, admonition titles
  and question fields, built with the checker's HTML rules switched off. It proves the second
  layer: the page's content and the question fields pass through the allowlist sanitiser.

Every page is opened; every link, summary and button is clicked (links whose URL is http,
https or mailto are kept from navigating, any other link is allowed to act), every element
with a title is hovered (Material turns titles into tooltips with innerHTML), and the search
box is given a payload word. A payload sets `window.__pwned`; the test also listens for
dialogs, uncaught page errors, navigations away from the page and requests that leave
127.0.0.1.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Browser, Page, Route

import coursekit.course
from coursekit.host import HOST_FIELDS

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "payloads"
SITE_OK = ROOT / "tests" / "fixtures" / "site-ok"
UNIT = ROOT / "tests" / "unit"

pytestmark = pytest.mark.browser


def _payloads() -> tuple[list[str], list[str]]:
    """PAYLOADS and SAFE from the unit test, so both levels try the same strings."""
    namespace: dict[str, Any] = {}
    source = (UNIT / "test_safety_payloads.py").read_text(encoding="utf-8")
    start = source.index("H, U = ")
    end = source.index("@dataclass(frozen=True)\nclass Field")
    exec(compile(source[start:end], "payloads", "exec"), namespace)  # data only: dicts and lists
    return list(namespace["PAYLOADS"]), list(namespace["SAFE"])


PAYLOADS, SAFE = _payloads()
# Accepted by the checker, and tricky: markup spelled with doubled character references, which
# one decoding (a tooltip's innerHTML) turns into text that still looks like markup.
TRICKY = [
    *(text for text in SAFE if "../" not in text),  # the fixture's pages sit at the top
    "[a page](glossary.md) and [a source](https://doi.org/10.1037/x)",
    "&amp;lt;img src=x onerror=window.__pwned=1&amp;gt;",
    "&amp;#60;script&amp;#62;window.__pwned=1&amp;#60;/script&amp;#62;",
    "<details><summary>Open me</summary>Nothing happens.</details>",
    "[A safe page](glossary.md) *and* <span class=\"md-typeset\">a class</span>",
]


def yq(text: str) -> str:
    return json.dumps(text)


# ---- the fixture courses ---------------------------------------------------------------

# YAML escapes are plain text to the checker; a template that writes a title into a generated
# page's YAML front matter must not let YAML decode them into markup.
YAML_ESCAPED = "\\x3cimg src=x onerror=window.__pwned=1\\x3e The quiet cue"


def _write_course(docs: Path, texts: list[str], unchecked: bool, title: str = "") -> None:
    shutil.copytree(SITE_OK / "docs", docs)
    shutil.copytree(ROOT / "docs" / "assets" / "coursekit", docs / "assets" / "coursekit")
    joined = " ".join(texts)
    long_title = "&amp;lt;img src=x onerror=window.__pwned=1&amp;gt; " + "a long title " * 8
    module = (docs / "module.md").read_text(encoding="utf-8")
    if not unchecked:
        module = module.replace("title: Listening for the quiet cue", f"title: {yq(long_title)}")
    module = module.replace("text: Identify a non-verbal cue that calls for an attuned response.",
                            f"text: {yq(' '.join(TRICKY))}")
    # After the questions, so a payload that leaves an element open cannot swallow them.
    # Headings carry payloads only in the accepted course: the theme writes heading text into
    # the table of contents, outside the page content, so there the checker is the only layer.
    # Markdown-only payloads first: a raw tag left open (an unclosed <style>, say) turns the
    # rest of its part of the page into raw text, where the payloads after it would not run.
    ordered = sorted(texts, key=lambda text: "<" in text)
    parts = [f"{text}\n\n!!! note \"{text}\"\n    Body." for text in ordered]
    if not unchecked:
        parts = [f"### {text}" for text in ordered] + parts
    module += "\n\n## Payloads\n\n" + "\n\n".join(parts) + "\n"
    # The first question's prompt, first option and first rationale carry every payload.
    for prefix in ("prompt: ", "  - text: ", "    rationale: "):
        start = module.index("\n" + prefix) + 1
        end = module.index("\n", start)
        module = module[:start] + prefix + yq(joined) + module[end:]
    (docs / "module.md").write_text(module, encoding="utf-8")
    index = (docs / "index.md").read_text(encoding="utf-8")
    (docs / "index.md").write_text(index + "\n```host-info\n```\n", encoding="utf-8")
    if unchecked:
        return
    tricky = yq(" ".join(TRICKY))
    roleplay = (docs / "roleplay.md").read_text(encoding="utf-8")
    for old, new in [
        ("title: The quiet cue", f"title: {yq(title) if title else tricky}"),
        ("couple: >-\n  Amara, 41, a ward nurse, and Dev, 44, a teacher, married for twelve years.",
         f"couple: {tricky}"),
        ("brief: You say you are fine, politely and briefly.", f"brief: {tricky}"),
        ("name: Dev, 44", f"name: {tricky}"),
        ("line: How have the past two weeks been for you both?", f"line: {tricky}"),
        ("activity: Read the role cards; agree the pause word.", f"activity: {tricky}"),
        ("raise: Amara goes quiet and shrugs.", f"raise: {tricky}"),
        ("  - What did the therapist notice first?", f"  - {tricky}"),
        ("item: The therapist named a non-verbal cue before responding to the words.", f"item: {tricky}"),
    ]:
        assert roleplay.count(old) == 1, old
        roleplay = roleplay.replace(old, new)
    (docs / "roleplay.md").write_text(roleplay, encoding="utf-8")
    glossary = docs / "_data" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "A small attempt by one partner to get the other's attention, interest or support.",
        yq("A small attempt &amp;lt;img src=x onerror=window.__pwned=1&amp;gt; a < b & c"))
        .replace("Noticing and responding to another person's inner state, not only to their words.",
                 yq(" ".join(TRICKY))), encoding="utf-8")


def _config(work: Path, edition: str, host: dict[str, str]) -> Path:
    base = (FIXTURE / "mkdocs.yml").read_text(encoding="utf-8")
    base = base.replace("OVERRIDES", str(ROOT / "overrides"))
    base = base.replace("HOOK", str(ROOT / "hooks" / "course.py"))
    base = base.replace("  host: {}", "  host: " + json.dumps(host))
    (work / "mkdocs.yml").write_text(base, encoding="utf-8")
    shutil.copy(FIXTURE / "mkdocs.instructor.yml", work / "mkdocs.instructor.yml")
    return work / ("mkdocs.yml" if edition == "learner" else "mkdocs.instructor.yml")


def _host() -> dict[str, str]:
    keys = [key for key, _ in HOST_FIELDS]  # every field the Course information page shows
    host = {key: " · ".join(PAYLOADS[index::len(keys)]) for index, key in enumerate(keys)}
    host["contact"] = "[Course office](mailto:care@example.org) · " + host["contact"]
    return host


HTML_RULES = ("unsafe-html", "unsafe-url", "bibliography-key")


def _build(work: Path, edition: str, unchecked: bool, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Build in this process. The accepted course keeps only the HTML rules' diagnostics (any
    is an error that stops the build); the unchecked one keeps none. Other rules (timing, item
    writing) are not what this test is about, so the build is not strict."""
    real = coursekit.course.load_course  # the adapter's own reference may be patched already

    def html_rules_only(*args: Any, **kwargs: Any) -> Any:
        loaded = real(*args, **kwargs)
        loaded.diagnostics = [d for d in loaded.diagnostics
                              if d.rule in HTML_RULES and not unchecked]
        return loaded

    site = work / f"site-{edition}"
    config = load_config(config_file=str(_config(work, edition, _host())), strict=False,
                         site_dir=str(site))
    # The adapter imported load_course when MkDocs first loaded it (and may keep that module
    # between builds in this process), so the name is replaced where the adapter looks it up.
    hooks = [plugin for plugin in config.plugins.values() if hasattr(plugin, "load_course")]
    assert hooks, "the course adapter was not loaded"
    for hook in hooks:
        monkeypatch.setattr(hook, "load_course", html_rules_only)
    build(config)
    for path in [site, *site.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return site


@dataclass
class Served:
    url: str
    site: Path
    pages: list[str] = field(default_factory=list)


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module", params=[("accepted", "learner"), ("accepted", "instructor"),
                                        ("unchecked", "learner"), ("unchecked", "instructor")],
                ids=lambda p: "-".join(p))
def served(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    kind, edition = request.param
    work = tmp_path_factory.mktemp(f"payloads-{kind}-{edition}")
    _write_course(work / "docs", PAYLOADS if kind == "unchecked" else TRICKY, kind == "unchecked")
    with pytest.MonkeyPatch.context() as monkeypatch:
        site = _build(work, edition, kind == "unchecked", monkeypatch)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                   if not p.name.startswith("404"))
    yield Served(f"http://127.0.0.1:{server.server_address[1]}", site, pages)
    server.shutdown()
    server.server_close()


# ---- driving a page -------------------------------------------------------------------------

TRAP = """
window.__pwned = undefined;
document.addEventListener('click', (event) => {
  const link = event.target.closest && event.target.closest('a[href]');
  // Safe links would only leave the page under test; anything else may act.
  if (link && ['http:', 'https:', 'mailto:'].includes(link.protocol)) event.preventDefault();
}, true);
"""


# The protocol of every link on the page that is not http, https or mailto.
UNSAFE_LINKS = "links => links.map(a => a.protocol).filter(p => !['http:', 'https:', 'mailto:'].includes(p))"


@dataclass
class Watch:
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    navigations: list[str] = field(default_factory=list)
    offsite: list[str] = field(default_factory=list)


def _visit(browser: Browser, served: Served, path: str) -> tuple[Watch, Any, list[str]]:
    watch = Watch()
    context = browser.new_context()
    context.set_default_timeout(5_000)

    def route(r: Route) -> None:
        if r.request.url.startswith(served.url + "/") or r.request.url.startswith(("data:", "blob:")):
            r.fallback()
        else:
            watch.offsite.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    context.add_init_script(TRAP)
    page = context.new_page()
    page.on("dialog", lambda d: (watch.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: watch.errors.append(str(e)))
    url = f"{served.url}/{path}"
    page.goto(url, wait_until="load")
    page.on("framenavigated", lambda f: f.parent_frame is None and watch.navigations.append(f.url))
    _interact(page)
    pwned = page.evaluate("window.__pwned")
    hrefs = page.eval_on_selector_all("a[href]", UNSAFE_LINKS)
    context.close()
    return watch, pwned, hrefs


def _interact(page: Page) -> None:
    """Hover whatever shows a tooltip, click whatever can be clicked, search for a payload."""
    page.wait_for_timeout(200)
    for element in page.locator("article [title], article abbr, .md-nav .md-ellipsis").all()[:80]:
        if element.is_visible():
            element.hover(timeout=2_000, force=True)
            page.wait_for_timeout(40)
    page.wait_for_timeout(300)
    for element in page.locator("article summary, article a[href], article button").all()[:200]:
        if element.is_visible():
            element.click(timeout=2_000, force=True, no_wait_after=True)
    page.keyboard.press("s")  # Material's shortcut that opens the search box
    search = page.locator("input.md-search__input")
    if search.count() and search.is_visible():
        search.press_sequentially("pwned img onerror", delay=10)
        page.wait_for_timeout(600)
        for result in page.locator(".md-search-result__link").all()[:5]:
            result.hover(force=True)
    page.wait_for_timeout(300)


def test_yaml_escapes_in_a_roleplay_title_stay_text(tmp_path: Path) -> None:
    """The instructor edition's generated pages (live view, role cards) repeat the role-play's
    title in their own front matter; `\\x3c` there must stay the four characters it is."""
    _write_course(tmp_path / "docs", TRICKY, False, title=YAML_ESCAPED)
    with pytest.MonkeyPatch.context() as monkeypatch:
        site = _build(tmp_path, "instructor", False, monkeypatch)
    live = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if "<img src=x onerror" in p.read_text(encoding="utf-8"))
    assert live == []


def test_the_fixture_holds_every_payload_and_field(served: Served) -> None:
    module = (served.site / "module.html").read_text(encoding="utf-8")
    assert len(PAYLOADS) >= 30 and "module.html" in served.pages
    assert module.count('class="ck-question"') == 3  # question fields carrying payloads rendered
    assert module.count("pwned") >= 3  # the payloads are on the page, as text
    index = (served.site / "index.html").read_text(encoding="utf-8")
    assert 'href="mailto:care@example.org"' in index  # a safe host link still works
    assert "ck-host-unset" not in index and index.count("pwned") >= 7  # every host value shown


def test_no_payload_runs_on_any_page(browser: Browser, served: Served) -> None:
    failures = {}
    for path in served.pages:
        watch, pwned, hrefs = _visit(browser, served, path)
        page_url = f"{served.url}/{path}"
        away = [u for u in watch.navigations if u.split("#")[0] != page_url]
        if pwned is not None or watch.dialogs or watch.errors or away or watch.offsite or hrefs:
            failures[path] = {"pwned": pwned, "dialogs": watch.dialogs, "errors": watch.errors,
                              "navigations": away, "offsite": watch.offsite, "unsafe links": hrefs}
    assert failures == {}
