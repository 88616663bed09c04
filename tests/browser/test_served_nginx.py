"""Both editions served by Debian's nginx with the repository's own configuration (hosting/nginx),
on 127.0.0.1, as a program's web server would serve them: every page of both editions, at the
root and under a sub-path, loads with no Content-Security-Policy violation, no console error and
no request leaving 127.0.0.1; every response carries the security headers; text is gzipped;
hashed assets are cached for a year and everything else revalidated; the instructor edition
refuses anyone without the staff password.

nginx is /usr/sbin/nginx (Debian's nginx-light, which .ci/run and `make nginx` install). Outside
CI a missing nginx skips this file with a message; under CI (CI=true) it fails.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import http.client
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pagetools import LOCAL_SCHEMES
from playwright.sync_api import Browser, BrowserContext, Page, Route
from roleplaysite import instructor_site

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
HOSTING = ROOT / "hosting"
NGINX = Path(os.environ.get("COURSE_NGINX", "/usr/sbin/nginx"))
SUBPATH = "course"
INSTRUCTOR_SUBPATH = "course-instructor"
USER = "staff"
PASSWORD = secrets.token_urlsafe(12)
CANARY = "ck-csp-canary.html"  # a copy of the home page with one inline script, never walked

# Runs in every document before the page's own scripts, out of reach of the page's CSP.
LISTEN_FOR_VIOLATIONS = """
window.__ckViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__ckViolations.push(`${event.effectiveDirective} refused ${event.blockedURI || 'inline'}`
    + ` (${event.sourceFile || 'page'}:${event.lineNumber})`);
}, true);
"""

SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy",
                    "permissions-policy")
YEAR = "public, max-age=31536000, immutable"


def csp_problems(policy: str) -> list[str]:
    """What in a Content-Security-Policy header lets in inline script or an outside origin."""
    directives = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    problems = []
    if directives.get("default-src") != ["'self'"]:
        problems.append(f"default-src is {directives.get('default-src')}, not 'self'")
    if directives.get("script-src", directives.get("default-src")) != ["'self'"]:
        problems.append(f"script-src allows more than 'self': {directives.get('script-src')}")
    if "frame-ancestors" not in directives:
        problems.append("no frame-ancestors")
    if directives.get("object-src") != ["'none'"]:
        problems.append("object-src is not 'none'")
    allowed = {"'self'", "'none'"}
    extra = {"img-src": {"data:"}}
    for name, sources in directives.items():
        for source in sources:
            if source not in allowed | extra.get(name, set()):
                problems.append(f"{name} allows {source}")
    return problems


def test_csp_checker_rejects_a_weaker_policy() -> None:
    assert not csp_problems("default-src 'self'; script-src 'self'; object-src 'none'; "
                            "img-src 'self' data:; frame-ancestors 'self'")
    assert csp_problems("default-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; "
                        "frame-ancestors 'self'")
    assert csp_problems("default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'; "
                        "frame-ancestors 'self'")
    assert csp_problems("default-src 'self' https://cdn.example.org; object-src 'none'; "
                        "frame-ancestors 'self'")
    assert csp_problems("default-src 'self'; object-src 'none'")


@dataclass
class Served:
    """One nginx with three servers: the learner edition, the instructor edition, both under
    sub-paths. Origins are http://127.0.0.1:PORT."""

    learner: str
    instructor: str
    subpath: str
    learner_pages: list[str]
    instructor_pages: list[str]


def _nginx_or_skip() -> None:
    if NGINX.is_file() and os.access(NGINX, os.X_OK):
        return
    message = (f"{NGINX} is missing: install Debian's nginx-light (`make nginx` as root, or "
               "`apt-get install -y --no-install-recommends nginx-light`)")
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}; under CI the hosting test must run, not skip", pytrace=False)
    pytest.skip(message)


def _render(template: str, **values: str) -> str:
    result = subprocess.run(
        [sys.executable, str(HOSTING / "render.py"), str(HOSTING / "nginx" / template),
         *(f"{name}={value}" for name, value in values.items())],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, f"render.py {template} failed:\n{result.stderr}"
    return result.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _htpasswd() -> str:
    """A password line as the hosting guide makes it (`openssl passwd -6`, SHA-512 crypt); on a
    machine without openssl, nginx's salted-SHA-1 scheme, which it reads without crypt()."""
    if shutil.which("openssl"):
        hashed = subprocess.run(["openssl", "passwd", "-6", "-stdin"], input=PASSWORD,
                                capture_output=True, text=True, check=True).stdout.strip()
    else:
        salt = secrets.token_bytes(8)
        digest = hashlib.sha1(PASSWORD.encode() + salt).digest()
        hashed = "{SSHA}" + base64.b64encode(digest + salt).decode()
    return f"{USER}:{hashed}\n"


def _main_conf(prefix: Path, servers: list[str]) -> str:
    """The part Debian's /etc/nginx/nginx.conf plays in production: everything outside the
    repository's server blocks (written here so nginx runs unprivileged in a scratch folder)."""
    temp = "\n".join(f"    {kind}_temp_path {prefix}/tmp-{kind};"
                     for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    includes = "\n".join(f"    include {name};" for name in servers)
    return (f"daemon off;\npid {prefix}/nginx.pid;\nworker_processes 1;\n"
            f"error_log {prefix}/error.log;\nevents {{ worker_connections 256; }}\n"
            f"http {{\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
            f"    access_log off;\n{temp}\n{includes}\n}}\n")


def _start(prefix: Path, ports: list[int]) -> subprocess.Popen[bytes]:
    with open(prefix / "stderr.log", "wb") as stderr:
        process = subprocess.Popen(
            [str(NGINX), "-p", str(prefix), "-c", str(prefix / "nginx.conf"),
             "-e", str(prefix / "error.log")],
            stdout=subprocess.DEVNULL, stderr=stderr,
        )
    deadline = time.monotonic() + 10
    waiting = list(ports)
    while waiting and time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            socket.create_connection(("127.0.0.1", waiting[0]), timeout=0.2).close()
            waiting.pop(0)
        except OSError:
            time.sleep(0.05)
    if waiting:
        process.kill()
        process.wait(timeout=10)
        logs = [(prefix / name).read_text() for name in ("stderr.log", "error.log")
                if (prefix / name).exists()]
        raise RuntimeError("nginx did not start:\n" + "\n".join(logs))
    return process


def _pages(site: Path) -> list[str]:
    return sorted("/" + path.relative_to(site).as_posix() for path in site.rglob("*.html"))


@pytest.fixture(scope="module")
def served(site_dir: Path, work_dir: Path) -> Iterator[Served]:
    _nginx_or_skip()
    instructor = instructor_site(work_dir)
    prefix = work_dir / "nginx"
    shutil.rmtree(prefix, ignore_errors=True)
    prefix.mkdir()
    # A copy of the learner edition, so the canary page stays out of the site other tests use.
    learner = prefix / "learner-site"
    shutil.copytree(site_dir, learner)
    learner_pages = _pages(learner)
    home = (learner / "index.html").read_text(encoding="utf-8")
    canary = '<p style="color: red">inline style</p><script>window.ckInline = 1</script></body>'
    (learner / CANARY).write_text(home.replace("</body>", canary), encoding="utf-8")
    shutil.copytree(HOSTING / "nginx" / "snippets", prefix / "snippets")
    htpasswd = prefix / "htpasswd"
    htpasswd.write_text(_htpasswd())
    htpasswd.chmod(0o644)  # workers read it, as user nobody when nginx starts as root
    for attempt in range(3):
        ports = [_free_port() for _ in range(3)]
        listen = [f"127.0.0.1:{port}" for port in ports]
        confs = {
            "learner.conf": _render("course-learner.conf", LISTEN=listen[0], SERVER_NAME="localhost",
                                    LEARNER_ROOT=str(learner)),
            "instructor.conf": _render("course-instructor.conf", LISTEN=listen[1], SERVER_NAME="localhost",
                                       INSTRUCTOR_ROOT=str(instructor), HTPASSWD=str(htpasswd)),
            "subpath.conf": _render("course-subpath.conf", LISTEN=listen[2], SERVER_NAME="localhost",
                                    LEARNER_ROOT=str(learner), INSTRUCTOR_ROOT=str(instructor),
                                    HTPASSWD=str(htpasswd), SUBPATH=SUBPATH,
                                    INSTRUCTOR_SUBPATH=INSTRUCTOR_SUBPATH),
        }
        for name, text in confs.items():
            (prefix / name).write_text(text)
        (prefix / "nginx.conf").write_text(_main_conf(prefix, list(confs)))
        try:
            process = _start(prefix, ports)
            break
        except RuntimeError as error:
            if "Address already in use" not in str(error) or attempt == 2:
                pytest.fail(str(error), pytrace=False)
    origins = [f"http://{address}" for address in listen]
    yield Served(origins[0], origins[1], origins[2], learner_pages, _pages(instructor))
    process.terminate()
    process.wait(timeout=10)


@dataclass
class Visit:
    """One reused browser context and page; what its documents reported, page by page."""

    origin: str
    page: Page
    problems: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def open(self, path: str) -> None:
        url = self.origin + path
        response = self.page.goto(url)
        if response is None or response.status != 200:
            self.problems.append(f"{url}: status {response.status if response else 'none'}")
            return
        headers = response.headers
        missing = [name for name in SECURITY_HEADERS if name not in headers]
        if missing:
            self.problems.append(f"{url}: missing {', '.join(missing)}")
        for problem in csp_problems(headers.get("content-security-policy", "")):
            self.problems.append(f"{url}: CSP {problem}")
        if headers.get("x-content-type-options") != "nosniff":
            self.problems.append(f"{url}: X-Content-Type-Options is not nosniff")
        # quiz.js and its quiz.css come only once a question is near: reach one, so that what
        # they load and draw is held to the same policy.
        questions = self.page.locator("[data-ck-question]")
        if questions.count():
            questions.first.scroll_into_view_if_needed()
            self.page.locator("[data-ck-question][data-ck-ready]").first.wait_for(state="attached")
        self.collect_violations()

    def collect_violations(self) -> None:
        """Move the violations reported since the last call into the problems."""
        found = self.page.evaluate("() => (window.__ckViolations || []).splice(0)")
        self.problems.extend(f"{self.page.url}: CSP violation: {violation}" for violation in found)

    def offsite(self) -> list[str]:
        return [url for url in self.requests
                if not (url.startswith(self.origin + "/") or url.startswith(LOCAL_SCHEMES))]


@pytest.fixture
def visit(browser: Browser) -> Iterator[Callable[..., Visit]]:
    contexts: list[BrowserContext] = []

    def make(origin: str, credentials: bool = False) -> Visit:
        options = {"http_credentials": {"username": USER, "password": PASSWORD}} if credentials else {}
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        context.add_init_script(LISTEN_FOR_VIOLATIONS)
        contexts.append(context)
        page = context.new_page()
        visit = Visit(origin, page)
        context.on("request", lambda request: visit.requests.append(request.url))

        def local_only(route: Route) -> None:
            if route.request.url.startswith((origin + "/", *LOCAL_SCHEMES)):
                route.fallback()
            else:
                route.abort()

        context.route("**/*", local_only)
        page.on("console", lambda message: message.type == "error"
                and visit.problems.append(f"{page.url}: console error: {message.text}"))
        page.on("pageerror", lambda error: visit.problems.append(f"{page.url}: page error: {error}"))
        return visit

    yield make
    for context in contexts:
        context.close()


def _search(visit: Visit, path: str) -> None:
    """Material's search runs in a web worker and fetches the index: both must pass the CSP."""
    visit.open(path)
    search = visit.page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("intimacy", delay=20)
    visit.page.locator(".md-search-result__item").first.wait_for()
    visit.collect_violations()


def _report(visit: Visit, pages: int) -> None:
    # A page that breaks the policy often does it many times over, at different lines: show
    # each kind of problem once per page, with how often it happened.
    problems = visit.problems + [f"request left 127.0.0.1: {url}" for url in visit.offsite()]
    counts = Counter(re.sub(r":\d+\)$", ")", problem) for problem in problems)
    lines = [f"{problem} (x{count})" if count > 1 else problem for problem, count in counts.items()]
    shown = "\n".join(lines[:40]) + (f"\n... and {len(lines) - 40} more" if len(lines) > 40 else "")
    assert not problems, f"{len(problems)} problem(s) over {pages} page(s) of {visit.origin}:\n{shown}"


def test_every_learner_page_is_clean(served: Served, visit) -> None:
    learner = visit(served.learner)
    for path in served.learner_pages:
        learner.open(path)
    _search(learner, "/index.html")
    _report(learner, len(served.learner_pages))


def test_every_instructor_page_is_clean(served: Served, visit) -> None:
    instructor = visit(served.instructor, credentials=True)
    for path in served.instructor_pages:
        instructor.open(path)
    _search(instructor, "/instructors/index.html")
    _report(instructor, len(served.instructor_pages))


def _one_per_depth(pages: list[str]) -> list[str]:
    """The first page at each folder depth: relative links differ only by depth, and every
    page was already walked at the root."""
    first: dict[int, str] = {}
    for path in pages:
        first.setdefault(path.count("/"), path)
    return sorted(first.values())


def test_both_editions_work_under_a_sub_path(served: Served, visit) -> None:
    """Both editions at /course/ and /course-instructor/ on one host, a page at every depth and
    the search. The 404 page links from the host's root unless site_url is set, as
    hosting/nginx/course-subpath.conf says, so it is left out; a missing page still gets a 404
    with the headers (see the header test)."""
    for prefix, pages, credentials in ((SUBPATH, served.learner_pages, False),
                                       (INSTRUCTOR_SUBPATH, served.instructor_pages, True)):
        walk = visit(served.subpath, credentials=credentials)
        walked = _one_per_depth([path for path in pages if path != "/404.html"])
        for path in walked:
            walk.open(f"/{prefix}{path}")
        _search(walk, f"/{prefix}/index.html")
        _report(walk, len(walked))


def test_the_checks_catch_an_inline_script_an_inline_style_and_an_outside_request(
    served: Served, visit
) -> None:
    """The zero-violation and local-only checks above are not vacuous."""
    canary = visit(served.learner)
    canary.open(f"/{CANARY}")
    for directive in ("script-src", "style-src"):
        caught = [problem for problem in canary.problems if f"CSP violation: {directive}" in problem]
        assert caught, f"an inline {directive.removesuffix('-src')} went unreported: {canary.problems}"
    # A top-level navigation is not the page's CSP's to refuse: the request log sees it.
    canary.page.evaluate("() => { location.href = 'http://192.0.2.1/outside.html'; }")
    canary.page.wait_for_timeout(300)
    assert canary.offsite() == ["http://192.0.2.1/outside.html"], canary.requests


def _get(origin: str, path: str, auth: tuple[str, str] | None = None) -> http.client.HTTPResponse:
    host, port = origin.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    headers = {"Accept-Encoding": "gzip"}
    if auth:
        headers["Authorization"] = "Basic " + base64.b64encode(":".join(auth).encode()).decode()
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    connection.close()
    return response


def _asset(served_root: Path, pattern: str) -> str:
    found = sorted(served_root.glob(pattern))
    assert found, f"no {pattern} in the built site"
    return "/" + found[0].relative_to(served_root).as_posix()


def _header_cases(site: Path) -> list[tuple[str, str, str]]:
    """Path, content type and Cache-Control of one page or file of each kind in `site`."""
    return [
        ("/index.html", "text/html", "no-cache"),
        ("/modules/01-understanding-emotional-intimacy.html", "text/html", "no-cache"),
        ("/search/search_index.json", "application/json", "no-cache"),
        ("/assets/coursekit/quiz.js", "application/javascript", "no-cache"),
        ("/assets/coursekit/quiz.css", "text/css", "no-cache"),  # fetched by quiz.js
        (_asset(site, "assets/javascripts/bundle.*.min.js"), "application/javascript", YEAR),
        (_asset(site, "assets/stylesheets/main.*.min.css"), "text/css", YEAR),
        # the palette and the course's stylesheets, named by their content (each edition its own)
        (_asset(site, "assets/stylesheets/course.*.min.css"), "text/css", YEAR),
    ]


def test_headers_gzip_and_cache_lifetimes(served: Served, site_dir: Path, work_dir: Path) -> None:
    learner_cases, instructor_cases = _header_cases(site_dir), _header_cases(instructor_site(work_dir))
    problems = []
    auth = (USER, PASSWORD)
    for origin, prefix, credentials in ((served.learner, "", None), (served.instructor, "", auth),
                                        (served.subpath, f"/{SUBPATH}", None),
                                        (served.subpath, f"/{INSTRUCTOR_SUBPATH}", auth)):
        for path, kind, cache in instructor_cases if credentials else learner_cases:
            url = f"{origin}{prefix}{path}"
            response = _get(origin, prefix + path, credentials)
            if response.status != 200:
                problems.append(f"{url}: status {response.status}")
                continue
            for name in SECURITY_HEADERS:
                if not response.getheader(name):
                    problems.append(f"{url}: no {name}")
            if not (response.getheader("content-type") or "").startswith(kind):
                problems.append(f"{url}: Content-Type {response.getheader('content-type')}, not {kind}")
            if response.getheader("content-encoding") != "gzip":
                problems.append(f"{url}: not gzipped")
            else:
                gzip.decompress(response.body)  # type: ignore[attr-defined]
            if response.getheader("cache-control") != cache:
                problems.append(f"{url}: Cache-Control {response.getheader('cache-control')!r}, "
                                f"not {cache!r}")
        missing = _get(origin, f"{prefix}/no-such-page.html", credentials)
        if missing.status != 404 or not missing.getheader("content-security-policy"):
            problems.append(f"{origin}{prefix}/no-such-page.html: status {missing.status}, "
                            f"CSP {missing.getheader('content-security-policy')!r}")
    assert not problems, "\n".join(problems)


def test_instructor_edition_refuses_without_the_staff_password(served: Served) -> None:
    problems = []
    for origin, prefix in ((served.instructor, ""), (served.subpath, f"/{INSTRUCTOR_SUBPATH}")):
        for path in ("/", "/index.html", "/instructors/post-test.html", "/search/search_index.json",
                     "/no-such-page.html"):
            for auth in (None, (USER, "not-the-password"), ("someone", PASSWORD)):
                response = _get(origin, prefix + path, auth)
                if response.status != 401:
                    problems.append(f"{origin}{prefix}{path} with {auth and auth[0]!r}: {response.status}")
                elif b"post-test" in response.body.lower():  # type: ignore[attr-defined]
                    problems.append(f"{origin}{prefix}{path}: the 401 page shows course content")
                if not response.getheader("content-security-policy"):
                    problems.append(f"{origin}{prefix}{path}: the 401 has no CSP header")
        assert _get(origin, f"{prefix}/instructors/post-test.html", (USER, PASSWORD)).status == 200
    # The learner edition under the sub-path needs no password.
    assert _get(served.subpath, f"/{SUBPATH}/index.html").status == 200
    assert not problems, "\n".join(problems)


def test_a_missing_nginx_skips_outside_ci_and_fails_under_ci(monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path) -> None:
    monkeypatch.setattr(sys.modules[__name__], "NGINX", tmp_path / "no-nginx")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="nginx-light"):
        _nginx_or_skip()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="under CI"):
        _nginx_or_skip()


def _run_ci(script: Path, tmp_path: Path) -> tuple[list[str], list[str]]:
    """Run a copy of .ci/run with `apt-get` and `make` replaced by stubs that log their calls."""
    stubs = tmp_path / "bin"
    stubs.mkdir(exist_ok=True)
    log = tmp_path / "calls.log"
    for name in ("apt-get", "make"):
        stub = stubs / name
        stub.write_text(f'#!/bin/sh\necho "{name} $* CI=$CI" >> {log}\n')
        stub.chmod(0o755)
    env = {**os.environ, "PATH": f"{stubs}:{os.environ['PATH']}"}
    env.pop("CI", None)
    subprocess.run(["bash", str(script)], env=env, check=True, capture_output=True, timeout=30)
    calls = log.read_text().splitlines() if log.exists() else []
    log.unlink(missing_ok=True)
    return [c for c in calls if c.startswith("apt-get")], [c for c in calls if c.startswith("make")]


def test_ci_runs_apt_get_only_for_what_is_missing(tmp_path: Path) -> None:
    script = (ROOT / ".ci" / "run").read_text()
    assert "/usr/bin/chromium" in script and "/usr/sbin/nginx" in script, "the paths the tests use"
    copy = tmp_path / "repo" / ".ci" / "run"
    copy.parent.mkdir(parents=True)
    present = {"/usr/bin/chromium": sys.executable, "/usr/sbin/nginx": sys.executable}
    copy.write_text(script.replace("/usr/bin/chromium", present["/usr/bin/chromium"])
                    .replace("/usr/sbin/nginx", present["/usr/sbin/nginx"]))
    apt, make = _run_ci(copy, tmp_path)
    assert apt == [], f"apt-get ran although both tools are there: {apt}"
    assert make == ["make test CI=true"], make
    copy.write_text(script.replace("/usr/bin/chromium", str(tmp_path / "no-chromium"))
                    .replace("/usr/sbin/nginx", str(tmp_path / "no-nginx")))
    apt, make = _run_ci(copy, tmp_path)
    assert apt == ["apt-get update CI=true",
                   "apt-get install -y --no-install-recommends chromium nginx-light CI=true"], apt
    assert make == ["make test CI=true"], make


def test_render_refuses_a_missing_an_unused_and_an_unsafe_value(tmp_path: Path) -> None:
    template = tmp_path / "site.conf"
    template.write_text("server {\n    root @LEARNER_ROOT@;\n    listen @LISTEN@;\n}\n")

    def render(*pairs: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(HOSTING / "render.py"), str(template), *pairs],
                              capture_output=True, text=True, check=False)

    done = render("LEARNER_ROOT=/srv/course/site", "LISTEN=80")
    assert done.returncode == 0 and done.stdout == "server {\n    root /srv/course/site;\n    listen 80;\n}\n"
    missing = render("LEARNER_ROOT=/srv/course/site")
    assert missing.returncode == 2 and f"{template}:3: @LISTEN@ has no value" in missing.stderr
    assert missing.stdout == ""
    unused = render("LEARNER_ROOT=/srv/course/site", "LISTEN=80", "LEARNER_RUT=/srv")
    assert unused.returncode == 2 and "does not use LEARNER_RUT" in unused.stderr
    unsafe = render("LEARNER_ROOT=/srv/course; autoindex on", "LISTEN=80")
    assert unsafe.returncode == 2 and "no spaces, quotes, semicolons or braces" in unsafe.stderr
