"""Every built page of both editions can run under a Content-Security-Policy that allows no inline
script and no outside origin (`script-src 'self'`, as the course's nginx configuration sends).

A browser under such a policy refuses, and reports, each inline `<script>` it would execute, each
event-handler attribute (`onclick=...`) and each `javascript:` URL, and every script, style,
image or frame from another origin. This test reads the built HTML for all of them, so a template
change that brings one back fails here in seconds, before the slower browser test through nginx.
`<script type="application/json">` data blocks (Material's `__config`) are never executed and
are allowed.
"""

from __future__ import annotations

import re

import pytest
from sitebuild import Built

from pagehtml import Html

# The MIME types the HTML standard runs as classic scripts; "module" runs as a module script.
_JAVASCRIPT_TYPES = frozenset({
    "application/ecmascript", "application/javascript", "application/x-ecmascript",
    "application/x-javascript", "text/ecmascript", "text/javascript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript",
    "text/x-javascript", "module",
})
# Attributes that make the browser fetch something as the page loads (links one follows do not).
_FETCHED = {"script": ("src",), "link": ("href",), "img": ("src", "srcset"), "iframe": ("src",),
            "source": ("src", "srcset"), "audio": ("src",), "video": ("src", "poster"),
            "embed": ("src",), "object": ("data",), "track": ("src",), "input": ("src",)}
_OUTSIDE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
_SAME_MACHINE = ("data:", "blob:")


def _executes(attrs: dict[str, str | None]) -> bool:
    """Whether a `<script>` with these attributes would run (rather than hold data)."""
    kind = (attrs.get("type") or "").strip().lower().split(";")[0].strip()
    if kind == "":
        language = (attrs.get("language") or "").strip().lower()
        return language == "" or f"text/{language}" in _JAVASCRIPT_TYPES
    # Anything else without a slash (importmap, speculationrules) is inline script to CSP too.
    return kind in _JAVASCRIPT_TYPES or "/" not in kind


def csp_problems(html: str) -> list[str]:
    """What a `script-src 'self'`, no-outside-origin policy would block on this page."""
    problems = []
    for tag, attrs in Html(html).tags:
        for name, value in attrs.items():
            if name.startswith("on"):
                problems.append(f"<{tag} {name}=...>: an event-handler attribute (inline script); "
                                "attach the handler from a script file with addEventListener")
            elif name in ("href", "src", "action", "formaction") and \
                    (value or "").strip().lower().startswith("javascript:"):
                problems.append(f"<{tag} {name}={value!r}>: a javascript: URL (inline script); "
                                "use a button and a handler in a script file")
        if tag == "script" and not attrs.get("src") and _executes(attrs):
            problems.append(f"<script{''.join(f' {k}={v!r}' for k, v in attrs.items())}>: an inline "
                            "script; move it into a file under docs/assets/coursekit/")
        for name in _FETCHED.get(tag, ()):
            for url in re.split(r",\s*", attrs.get(name) or ""):
                if _OUTSIDE.match(url) and not url.strip().lower().startswith(_SAME_MACHINE):
                    problems.append(f"<{tag} {name}={url!r}>: loaded from outside the site")
    return problems


@pytest.mark.parametrize(("html", "found"), [
    ("<script>__md_scope=1</script>", "inline script"),
    ('<script type="text/javascript">x()</script>', "inline script"),
    ('<script type="module">x()</script>', "inline script"),
    ('<script type="importmap">{}</script>', "inline script"),
    ('<button onclick="go()">Go</button>', "event-handler attribute"),
    ('<svg><rect onload="go()"/></svg>', "event-handler attribute"),
    ('<a href=" JavaScript:void(0)">share</a>', "javascript: URL"),
    ('<script src="https://unpkg.com/iframe-worker/shim"></script>', "outside the site"),
    ('<link rel="stylesheet" href="//fonts.example.org/a.css">', "outside the site"),
    ('<img alt="" srcset="a.png 1x, https://example.org/b.png 2x">', "outside the site"),
])
def test_each_kind_of_blocked_markup_is_found(html: str, found: str) -> None:
    problems = csp_problems(html)
    assert len(problems) == 1 and found in problems[0], problems


@pytest.mark.parametrize("html", [
    '<script src="../assets/coursekit/boot.js" data-md-scope=".."></script>',
    '<script id="__config" type="application/json">{"base": ".."}</script>',
    '<script type="application/ld+json">{}</script>',
    '<a href="https://doi.org/10.1037/0022-3514.74.5.1238">a link one follows</a>',
    '<img alt="" src="data:image/png;base64,AAAA">',
    '<p data-one="onclick">text about onclick= handlers</p>',
])
def test_what_the_policy_allows_is_not_reported(html: str) -> None:
    assert csp_problems(html) == []


def _site_problems(built: Built) -> list[str]:
    assert built.error is None, built.error
    pages = built.html_files()
    assert len(pages) > 20, f"only {len(pages)} pages were built in {built.site}"
    return [f"{page.relative_to(built.site)}: {problem}"
            for page in pages for problem in csp_problems(page.read_text(encoding="utf-8"))]


def test_no_learner_page_needs_inline_script_or_an_outside_origin(learner_site: Built) -> None:
    problems = _site_problems(learner_site)
    assert not problems, "\n".join(problems[:40])


def test_no_instructor_page_needs_inline_script_or_an_outside_origin(instructor_site: Built) -> None:
    problems = _site_problems(instructor_site)
    assert not problems, "\n".join(problems[:40])
