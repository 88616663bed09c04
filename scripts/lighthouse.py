"""Lighthouse scores for the course beside its peers, measured in one run on this machine.

Builds, in one run: both editions of the course, a stock Material page and an mkdocs-quiz page
made from the same Module 1 text and questions, and a stock Material page of the post-test's
answer key (the same Markdown the course hook writes for that page, so its length is compared
like for like); serves each on 127.0.0.1 twice, uncompressed
(Python's http.server, as many intranets serve files) and with gzip (a small gzip-serving
handler); runs Lighthouse (from the npm registry, pinned) with Debian's Chromium on each page,
mobile and desktop, and prints the median of N runs side by side. It is a benchmark, not a
test: it prints figures and never fails on them.

    python scripts/lighthouse.py [--runs 3] [--quick] [--forms mobile,desktop]
                                 [--serving plain,gzip] [--only home,glossary]
                                 [--site DIR --instructor-site DIR]

--quick measures only Module 1, the instructor post-test and the three peers. --site and
--instructor-site measure sites built earlier (a before/after comparison) instead of building
the work tree. mkdocs-quiz is installed from PyPI into a scratch virtual environment under
~/.cache/coursekit-lighthouse (never a requirement of the course), as is Lighthouse.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import importlib.metadata
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import yaml  # installed with MkDocs

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "coursekit-lighthouse"
LIGHTHOUSE = "lighthouse@12.8.2"
MKDOCS_QUIZ = "mkdocs-quiz==1.7.1"
CHROMIUM = "/usr/bin/chromium"
# Debian's Chromium as root on a machine with no outside network (machines/python.md).
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GZIP_LEVEL = 6  # what intranet nginx configurations commonly set
MODULE_SOURCE = ROOT / "docs" / "modules" / "01-understanding-emotional-intimacy.md"
MODULE_PAGE = "modules/01-understanding-emotional-intimacy.html"


@dataclass(frozen=True)
class Target:
    label: str
    site: str  # which built site: course, instructor, stock, quiz
    path: str


TARGETS = (
    Target("home", "course", "index.html"),
    Target("Module 1 (questions)", "course", MODULE_PAGE),
    Target("role-play", "course", "roleplays/01-im-fine.html"),
    Target("glossary", "course", "glossary.html"),
    Target("references", "course", "references.html"),
    Target("instructor post-test", "instructor", "instructors/post-test.html"),
    Target("role card", "instructor", "instructors/cards/01-im-fine.html"),
    Target("stock Material, Module 1", "stock", "index.html"),
    Target("mkdocs-quiz, Module 1", "quiz", "index.html"),
    Target("stock Material, post-test", "stock-key", "index.html"),
)
QUICK = {"Module 1 (questions)", "instructor post-test", "stock Material, Module 1",
         "mkdocs-quiz, Module 1", "stock Material, post-test"}
POSTTEST_SOURCE = "instructors/post-test.md"


# ---- the peers: the same Module 1 text, as stock Material and as mkdocs-quiz ----------------

_FENCE = re.compile(r"^```question\s*$")
_CITATION = re.compile(r"\[((?:see |e\.g\. )?@[^\]]+)\]")
_MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+\.md(?:#[^)]*)?)\)")


def _question_markdown(data: dict, number: int, quiz: bool) -> list[str]:
    prompt = " ".join(str(data.get("prompt", "")).split())
    options = data.get("options") or []
    if quiz:  # mkdocs-quiz: - [x] marks a correct answer; the text after the list is feedback
        lines = ["<quiz>", prompt]
        lines += [f"- [{'x' if o.get('correct') else ' '}] {' '.join(str(o['text']).split())}"
                  for o in options]
        lines += [""] + [f"- {' '.join(str(o.get('rationale', '')).split())}" for o in options]
        return [*lines, "</quiz>", ""]
    lines = [f"**Question {number}.** {prompt}", ""]
    lines += [f"- {' '.join(str(o['text']).split())}" for o in options]
    lines += ["", '??? note "Show answer and rationale"', ""]
    for o in options:
        verdict = "Correct" if o.get("correct") else "Not correct"
        lines.append(f"    - **{verdict}:** {' '.join(str(o['text']).split())} "
                     f"{' '.join(str(o.get('rationale', '')).split())}")
    return [*lines, ""]


def peer_markdown(source: str, quiz: bool) -> str:
    """Module 1 as a plain Markdown page: its prose, vignettes and questions; no front matter,
    no instructor notes, citations as plain text, links to other course pages as text."""
    lines = source.split("\n")
    if lines and lines[0].strip() == "---":
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
        lines = lines[end + 1:]
    out: list[str] = []
    number = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        if _FENCE.match(line):
            end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
            number += 1
            out += _question_markdown(yaml.safe_load("\n".join(lines[i + 1:end])), number, quiz)
            i = end + 1
            continue
        if line.startswith("!!! instructor"):  # the learner page has no instructor notes
            i += 1
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith("    ")):
                i += 1
            continue
        line = _CITATION.sub(lambda m: "(" + m.group(1).replace("@", "") + ")", line)
        out.append(_MD_LINK.sub(r"\1", line))
        i += 1
    return "\n".join(out)


def peer_config(name: str, quiz: bool) -> dict:
    return {
        "site_name": f"Module 1 ({name})",
        "use_directory_urls": False,
        "theme": {"name": "material", "font": False},  # no Google Fonts: no internet here
        "plugins": ["search", "mkdocs_quiz"] if quiz else ["search"],
        "markdown_extensions": ["admonition", "attr_list", "md_in_html", "tables",
                                "pymdownx.details", "pymdownx.superfences",
                                {"toc": {"permalink": True}}],
        "nav": [{"Module 1": "index.md"}],
    }


def answer_key_markdown() -> str:
    """The instructor post-test page as the course hook writes its Markdown (the answer key is
    plain Markdown already), without front matter or the links to the LMS files: the page's
    own content under stock Material, to tell what the page's length costs from what the
    course adds."""
    from coursekit.course import load_course  # the course's engine, installed with the project
    from coursekit.edition import page_body
    from coursekit.transform import Context, transform_page

    course = load_course(ROOT / "docs", "docs")
    source = (ROOT / "docs" / POSTTEST_SOURCE).read_text(encoding="utf-8")
    markdown = transform_page(source, course.pages[POSTTEST_SOURCE], Context(course, True, {})).markdown
    return re.sub(r"\(post-test\.[a-z.]+\)", "", page_body(markdown))


def write_peer(folder: Path, name: str, quiz: bool, text: str | None = None) -> Path:
    """A one-page MkDocs project: Module 1 (or `text`) under stock Material or mkdocs-quiz."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    if text is None:
        text = peer_markdown(MODULE_SOURCE.read_text(encoding="utf-8"), quiz)
    (folder / "docs" / "index.md").write_text(text, encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(yaml.safe_dump(peer_config(name, quiz), sort_keys=False), encoding="utf-8")
    return config


def quiz_python() -> Path:
    """A scratch virtual environment with mkdocs-quiz and the course's own MkDocs and Material."""
    venv = CACHE / "mkdocs-quiz-venv"
    python = venv / "bin" / "python"
    pins = [MKDOCS_QUIZ] + [f"{name}=={importlib.metadata.version(name)}"
                            for name in ("mkdocs", "mkdocs-material", "pymdown-extensions")]
    stamp = venv / "pins.txt"
    if not python.exists() or not stamp.exists() or stamp.read_text() != "\n".join(pins):
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *pins], check=True,
                       timeout=600)
        stamp.write_text("\n".join(pins))
    return python


def build(python: Path, config: Path, site: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(python), "-m", "mkdocs", "build", "--strict", "-f", str(config),
                             "-d", str(site)], cwd=config.parent, env=env, capture_output=True,
                            text=True, timeout=900, check=False)
    if result.returncode != 0:
        sys.exit(f"building {config} failed:\n{result.stderr[-3000:]}")
    return site


# ---- serving ---------------------------------------------------------------------------------

class _Plain(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


_COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml",
                 "application/xml")


class _Gzip(_Plain):
    """Serves files gzip-compressed when the browser asks for it, as nginx's `gzip on` does."""

    cache: ClassVar[dict[Path, bytes]] = {}

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if (not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "")
                or not kind.startswith(_COMPRESSIBLE)):
            super().do_GET()
            return
        body = self.cache.get(path)
        if body is None:
            body = self.cache[path] = gzip.compress(path.read_bytes(), GZIP_LEVEL, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(site: Path, handler: type[_Plain]) -> Iterator[str]:
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# ---- Lighthouse -------------------------------------------------------------------------------

def lighthouse_cli() -> Path:
    cli = CACHE / "npm" / "node_modules" / "lighthouse" / "cli" / "index.js"
    package = cli.parent.parent / "package.json"
    wanted = LIGHTHOUSE.rsplit("@", 1)[1]
    if not package.exists() or json.loads(package.read_text())["version"] != wanted:
        npm = shutil.which("npm")
        if npm is None:
            sys.exit(f"npm is not installed; this benchmark needs {LIGHTHOUSE} from the npm registry")
        subprocess.run([npm, "install", "--prefix", str(CACHE / "npm"), "--no-audit", "--no-fund",
                        LIGHTHOUSE], check=True, timeout=600)
    return cli


@dataclass
class Scores:
    runs: list[dict[str, float]] = field(default_factory=list)

    def median(self, key: str) -> float:
        return statistics.median(run[key] for run in self.runs) if self.runs else float("nan")


def run_lighthouse(cli: Path, url: str, form: str, out: Path) -> dict[str, float]:
    command = ["node", str(cli), url, "--output=json", f"--output-path={out}", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
               "--max-wait-for-load=60000"]
    if form == "desktop":
        command.append("--preset=desktop")
    subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True,
                   timeout=300, capture_output=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    found = {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    found["kib"] = audits["total-byte-weight"]["numericValue"] / 1024
    found["tbt"] = audits["total-blocking-time"]["numericValue"]
    found["lcp"] = audits["largest-contentful-paint"]["numericValue"] / 1000
    found["cls"] = audits["cumulative-layout-shift"]["numericValue"]
    found["dom"] = audits["dom-size"].get("numericValue", 0)
    return found


def index_sizes(site: Path) -> str:
    index = site / "search" / "search_index.json"
    if not index.exists():
        return "no search index"
    data = index.read_bytes()
    return f"{len(data) / 1024:.0f} KiB raw, {len(gzip.compress(data, GZIP_LEVEL)) / 1024:.1f} KiB gzip"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="Module 1, post-test and peers only")
    parser.add_argument("--only", default="", help="comma-separated words: pages whose label has one")
    parser.add_argument("--forms", default="mobile,desktop")
    parser.add_argument("--serving", default="plain,gzip")
    parser.add_argument("--site", type=Path, help="a learner site built earlier")
    parser.add_argument("--instructor-site", type=Path, help="an instructor site built earlier")
    args = parser.parse_args(argv)
    forms = args.forms.split(",")
    servings = args.serving.split(",")
    words = [w.strip().lower() for w in args.only.split(",") if w.strip()]
    targets = [t for t in TARGETS if (not args.quick or t.label in QUICK)
               and (not words or any(w in t.label.lower() for w in words))]

    cli = lighthouse_cli()
    work = Path(tempfile.mkdtemp(prefix="coursekit-lighthouse-"))
    try:
        sites = {
            "course": args.site or build(Path(sys.executable), ROOT / "mkdocs.yml", work / "course"),
            "instructor": args.instructor_site or build(Path(sys.executable),
                                                        ROOT / "mkdocs.instructor.yml",
                                                        work / "instructor"),
            "stock": build(Path(sys.executable), write_peer(work / "stock", "stock Material", False),
                           work / "stock-site"),
            "quiz": build(quiz_python(), write_peer(work / "quiz", "mkdocs-quiz", True),
                          work / "quiz-site"),
            "stock-key": build(Path(sys.executable),
                               write_peer(work / "stock-key", "stock Material", False,
                                          answer_key_markdown()), work / "stock-key-site"),
        }
        for name in ("course", "instructor", "stock", "quiz"):
            print(f"search index, {name}: {index_sizes(sites[name])}")
        results: dict[tuple[str, str, str], Scores] = {}
        handlers = {"plain": _Plain, "gzip": _Gzip}
        for serving in servings:
            with contextmanager_all(sites, handlers[serving]) as urls:
                # Rounds rather than one page at a time, so drift on a shared machine spreads out.
                for run in range(args.runs):
                    for target in targets:
                        for form in forms:
                            out = work / f"report-{serving}-{form}-{run}.json"
                            scores = results.setdefault((target.label, serving, form), Scores())
                            scores.runs.append(run_lighthouse(
                                cli, f"{urls[target.site]}/{target.path}", form, out))
                            print(f"  run {run + 1}/{args.runs} {serving:5} {form:7} "
                                  f"{target.label}: {scores.runs[-1]['performance']:.0f}",
                                  file=sys.stderr)
        print_table(targets, servings, forms, results, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


@contextmanager
def contextmanager_all(sites: dict[str, Path], handler: type[_Plain]) -> Iterator[dict[str, str]]:
    """Serve every site at once with one handler; yields each site's base URL."""
    managers = {name: serve(site, handler) for name, site in sites.items()}
    urls = {name: manager.__enter__() for name, manager in managers.items()}
    try:
        yield urls
    finally:
        for manager in managers.values():
            manager.__exit__(None, None, None)


def print_table(targets: list[Target], servings: list[str], forms: list[str],
                results: dict[tuple[str, str, str], Scores], runs: int) -> None:
    print(f"\nLighthouse {LIGHTHOUSE.split('@')[1]}, median of {runs}; performance score "
          "(transfer KiB, blocking ms), and accessibility / best practices / SEO")
    columns = [(s, f) for s in servings for f in forms]
    header = f"{'page':26}" + "".join(f"{s + ' ' + f:>24}" for s, f in columns) + "  a11y/bp/seo"
    print(header)
    print("-" * len(header))
    for target in targets:
        cells = []
        for serving, form in columns:
            scores = results[(target.label, serving, form)]
            cells.append(f"{scores.median('performance'):>3.0f} ({scores.median('kib'):6.1f}, "
                         f"{scores.median('tbt'):4.0f})")
        first = results[(target.label, servings[-1], forms[0])]
        other = "/".join(f"{first.median(c):.0f}" for c in CATEGORIES[1:])
        print(f"{target.label:26}" + "".join(f"{c:>24}" for c in cells) + f"  {other}")


if __name__ == "__main__":
    sys.exit(main())
