"""Print the course's performance figures, in one run:

1. both editions' build time (and the learner edition without the course hook), with peak memory;
2. synthetic courses of module-like pages (1,500 words and 10 questions each) at 50, 200 and 800
   pages, built with the course hook and as the same pages in plain Markdown (questions written
   out as lists, no hook: the fair comparison), each with and without `navigation.prune`: time
   per page, hook overhead, peak memory;
3. a per-page-type weight table of the real learner site (HTML, JS and CSS each page loads,
   raw and gzip), and the quiz page against the same page from stock Material;
4. the checker on each hostile page shape (coursekit.hostile);
5. the targets of issue 13, met or not.

Every build runs in a child process (`mkdocs build`, as in CI), timed inside the child from
loading the config to the last file written (no interpreter start-up), in CPU seconds of the
child (user + system: what the ratios use, steady on a machine shared with other work) and in
wall seconds. Peak memory is the child's maximum resident set (os.wait4). A notebook's kernel is
a process of its own: its CPU time is not in the child's.
It prints figures and never fails on them: a measurement, not a test.

    python scripts/benchmark.py [--scale 50,200,800] [--runs N] [--synthetic-runs N] [--profile]
    nice -n 10 python scripts/benchmark.py --scale 50,200      (a quick run)
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import gzip
import io
import json
import math
import os
import posixpath
import pstats
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import yaml  # installed with MkDocs
from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parents[1]
HOOK = ROOT / "hooks" / "course.py"
sys.path.insert(0, str(HOOK.parent))

from coursekit.course import estimate, load_course  # noqa: E402
from coursekit.parse import parse_page  # noqa: E402
from coursekit.transform import Context, transform_page  # noqa: E402

QUIZ_PAGE = "modules/01-understanding-emotional-intimacy.html"
PAGE_TYPES = {  # page type -> a page of that type in the learner site
    "home": "index.html",
    "module (quiz)": QUIZ_PAGE,
    "role-play": "roleplays/01-im-fine.html",
    "glossary": "glossary.html",
    "references": "references.html",
    "notebook": "notebooks/tracking-change.html",
}
GZIP_LEVEL = 6
TARGET_OVERHEAD_PERCENT = 10.0
TARGET_PER_PAGE_RATIO = 1.2  # per-page time at the largest size / at the smallest
TARGET_QUIZ_EXTRA_GZIP = 8 * 1024
DEFAULT_SCALE = (50, 200, 800)
PAGES_PER_SECTION = 10  # synthetic pages are grouped like modules with parts
WORDS_PER_PAGE = 1500
QUESTIONS_PER_PAGE = 10
HOOK_EVENTS = ("config", "files", "page_markdown", "page_content", "page_context", "post_page")


# ---- builds in a child process -----------------------------------------------------------

CHILD = """
import json, logging, os, sys, time
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

class Count(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []
    def emit(self, record):
        self.messages.append(record.getMessage()[:200])

count = Count()
logger = logging.getLogger("mkdocs")
logger.addHandler(count)
logger.propagate = False
logger.setLevel(logging.WARNING)
start, cpu = time.perf_counter(), time.process_time()
error = None
events = {}  # "plugin-or-hook event" -> CPU seconds in that handler

def timed(method, origin):
    def run(*args, **kwargs):
        began = time.process_time()
        try:
            return method(*args, **kwargs)
        finally:
            events[origin] = events.get(origin, 0.0) + time.process_time() - began
    return run

try:
    config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2], strict=False)
    plugins = config.plugins
    for name, methods in plugins.events.items():
        plugins.events[name] = [timed(m, f"{plugins._event_origins.get(m, '?')} {name}")
                                for m in methods]
    build(config)
except MkDocsException as exc:
    error = str(exc)
print(json.dumps({"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
                  "warnings": count.messages, "error": error, "events": events}))
"""


@dataclass
class Build:
    wall: float  # seconds, inside the child, from loading the config to the last file
    seconds: float  # the same span in CPU seconds of the child: steady on a busy machine
    peak_mb: float
    warnings: list[str]
    error: str | None
    events: dict[str, float] = field(default_factory=dict)  # "origin event": CPU s in the handler

    def event_seconds(self, origin: str, event: str = "") -> float:
        """CPU seconds in the handlers whose origin ends with `origin` (MkDocs names a hook by
        its path as configured, a plugin by its entry point: 'material/search'), of `event` if
        given."""
        return sum(seconds for key, seconds in self.events.items()
                   if key.split(" ")[0].endswith(origin) and (not event or key.endswith(f" {event}")))

    @property
    def hook_seconds(self) -> float:
        return self.event_seconds("course.py")


def child_build(config_file: Path, site_dir: Path) -> Build:
    """One `mkdocs build` in a child process: its own timing, and its peak resident memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        # Output to files, not pipes, so the child can be reaped with os.wait4 (its rusage).
        proc = subprocess.Popen([sys.executable, "-c", CHILD, str(config_file), str(site_dir)],
                                stdout=out, stderr=err, cwd=config_file.parent)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        lines = out.read().decode().strip().splitlines()
        if proc.returncode != 0 or not lines:
            raise SystemExit(f"build of {config_file} failed:\n{err.read().decode()[-2000:]}")
    result = json.loads(lines[-1])
    return Build(result["seconds"], result["cpu"], usage.ru_maxrss / 1024, result["warnings"],
                 result["error"], result["events"])


def median_build(config_file: Path, site_dir: Path, runs: int) -> Build:
    return median_of([child_build(config_file, site_dir) for _ in range(runs)])


def median_of(builds: list[Build]) -> Build:
    origins = {origin for b in builds for origin in b.events}
    return Build(statistics.median(b.wall for b in builds), statistics.median(b.seconds for b in builds),
                 max(b.peak_mb for b in builds), builds[-1].warnings, builds[-1].error,
                 {o: statistics.median(b.events.get(o, 0.0) for b in builds) for o in origins})


def config_without_hooks(config_file: Path, folder: Path) -> Path:
    """A copy of the config (with anything it inherits) minus `hooks:`, its paths made absolute."""
    with config_file.open("rb") as fd:
        data = yaml_load(fd)
    data.pop("hooks", None)
    data.pop("INHERIT", None)
    base = config_file.resolve().parent
    data["docs_dir"] = str(base / data.get("docs_dir", "docs"))
    theme = data.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str(base / theme["custom_dir"])
    copy = folder / f"{config_file.stem}.nohooks.yml"
    copy.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return copy


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def problems(build: Build) -> str:
    if build.error:
        return f"  ERROR: {build.error}"
    if build.warnings:
        return f"  {len(build.warnings)} warnings, first: {build.warnings[0]}"
    return ""


# ---- 1. the real course ------------------------------------------------------------------

def real_course(runs: int, work: Path) -> tuple[dict[str, Build], Path, Path]:
    """Print both editions' build times; return the builds, the learner site and its hook-less
    twin (the same pages from Material without the course hook)."""
    print(f"== 1. The real course: build time and peak memory (child process, median of {runs}) ==")
    configs = {
        "learner edition": ROOT / "mkdocs.yml",
        "instructor edition": ROOT / "mkdocs.instructor.yml",
        "learner, no hooks": config_without_hooks(ROOT / "mkdocs.yml", work),
    }
    builds: dict[str, Build] = {}
    for name, config in configs.items():
        builds[name] = median_build(config, real_site(work, name), runs)
        found = builds[name]
        print(f"  {name:22} {found.wall:7.2f} s wall  {found.seconds:7.2f} s CPU  "
              f"peak {found.peak_mb:6.0f} MB{problems(found)}")
    hooked, bare = builds["learner edition"].seconds, builds["learner, no hooks"].seconds
    print(f"  hook overhead on the real course: {(hooked / bare - 1) * 100:.1f} % (the hook-less "
          "build shows questions, role-plays and citations as raw code blocks: not the same content)")
    own = min(timed(lambda: hook_code(ROOT / "docs")) for _ in range(3))
    print(f"  the hook's own code (load, check, transform every page): {own:.3f} s")
    print()
    return builds, real_site(work, "learner edition"), real_site(work, "learner, no hooks")


def real_site(work: Path, name: str) -> Path:
    return work / ("real-" + "".join(c if c.isalnum() else "-" for c in name))


def timed(func: Any) -> float:
    gc.collect()
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def hook_code(docs: Path) -> None:
    """What the hook itself does in a build: load and check, then transform every page."""
    from coursekit.source import split_front_matter

    course = load_course(docs, "docs")
    for uri, page in course.pages.items():
        if not uri.endswith(".md"):
            continue
        source = (docs / uri).read_text(encoding="utf-8-sig")
        _, used = split_front_matter(source)
        transform_page("\n".join(source.split("\n")[used:]), page, Context(course, False, {}))


# ---- 2. synthetic courses at scale -------------------------------------------------------

WORDS = (
    "couple", "partner", "therapist", "session", "attunement", "closeness", "trust", "repair",
    "rupture", "bid", "turn", "toward", "away", "withdraw", "pursue", "listen", "notice", "name",
    "feeling", "need", "fear", "hope", "safety", "bond", "attachment", "response", "gentle",
    "slow", "pause", "reflect", "validate", "invite", "share", "disclose", "evening", "kitchen",
    "phone", "silence", "tone", "gaze", "shoulder", "voice", "moment", "pattern", "cycle",
    "conflict", "soften", "reach", "return", "steady", "curious", "warm", "careful", "clear",
    "small", "quiet", "honest", "shared", "daily", "weekly", "early", "later", "often", "rarely",
)
VERBS = ("Describe", "Identify", "Distinguish", "Explain", "Plan")  # verbs a question can test
# Stems and options draw on separate halves of the words, and every option has the same length,
# so the generated items pass the item-writing checks (no stem clue, no longest key).
STEM_WORDS, OPTION_WORDS = WORDS[::2], WORDS[1::2]
KEYS = [f"synth{k}" for k in range(1, 7)]


def sentence(rng: random.Random, low: int = 10, high: int = 18, end: str = ".") -> str:
    return " ".join(rng.choices(WORDS, k=rng.randint(low, high))).capitalize() + end


def paragraph(rng: random.Random, words: int) -> str:
    out: list[str] = []
    while sum(len(s.split()) for s in out) < words:
        out.append(sentence(rng))
    return "\n".join(out)


@dataclass
class SynthQuestion:
    id: str
    objective: str
    multiple: bool
    prompt: str
    options: list[tuple[str, bool, str]]  # text, correct, rationale
    source: str | None

    def fenced(self) -> str:
        lines = ["```question", f"id: {self.id}", f"objective: {self.objective}",
                 f"type: {'multiple' if self.multiple else 'single'}", "prompt: >-",
                 f"  {self.prompt}", "options:"]
        for text, correct, rationale in self.options:
            lines.append(f"  - text: {text}")
            if correct:
                lines.append("    correct: true")
            lines += ["    rationale: >-", f"      {rationale}"]
        if self.source:
            lines.append(f"source: {self.source}")
        return "\n".join([*lines, "```"])

    def plain(self) -> str:
        """The same question as stock Markdown: the prompt, the options, their rationales."""
        lines = [f"**{self.prompt}**", ""]
        lines += [f"- {text}{' (correct)' if correct else ''}: {rationale}"
                  for text, correct, rationale in self.options]
        return "\n".join(lines)


def synth_question(rng: random.Random, qid: str, objective: str, source: str | None) -> SynthQuestion:
    multiple = rng.random() < 0.2
    right = rng.choice((2, 3)) if multiple else 1
    count = 4 if right < 3 else 5  # at least two correct and two incorrect options
    correct = set(rng.sample(range(count), right))
    texts: list[str] = []
    while len(texts) < count:
        text = " ".join(rng.choices(OPTION_WORDS, k=7)).capitalize() + "."
        if 42 <= len(text) <= 46 and text not in texts:
            texts.append(text)
    options = [(text, index in correct, sentence(rng, 12, 20)) for index, text in enumerate(texts)]
    prompt = " ".join(rng.choices(STEM_WORDS, k=rng.randint(12, 20))).capitalize() + "?"
    return SynthQuestion(qid, objective, multiple, prompt, options, source)


def synthetic_pages(rng: random.Random, number: int, words: int,
                    questions: int) -> tuple[str, str]:
    """One module-like page, (with the course's blocks, as plain Markdown): `words` words of prose
    in four sections, a vignette, a reflection, two citations and `questions` questions."""
    module_id = f"s{number:04d}"
    title = f"Synthetic module {number}"
    objectives = [(f"{module_id}-o{k}", f"{VERBS[(number + k) % len(VERBS)]} {sentence(rng, 6, 10)}")
                  for k in range(1, min(3, max(questions, 1)) + 1)]
    cite_a, cite_b = KEYS[number % len(KEYS)], KEYS[(number + 1) % len(KEYS)]
    items = [synth_question(rng, f"{module_id}-q{q:02d}", objectives[q % len(objectives)][0],
                            KEYS[(number + q) % len(KEYS)] if q % 3 == 0 else None)
             for q in range(questions)]
    share = max(words // 5, 1)  # four sections and the vignette
    prose = [paragraph(rng, share) for _ in range(4)]
    vignette = paragraph(rng, share).replace("\n", "\n    ")
    reflection = sentence(rng, 12, 18, "?")
    quarter = max((len(items) + 3) // 4, 1)

    def page(block: Any, cite: Any) -> str:
        parts = [f"# {title}"]
        for section in range(4):
            parts += [f"## Section {section + 1}",
                      prose[section] + (f" {cite(cite_a, '')}" if section == 0 else "")
                      + (f" {cite(cite_b, f'p. {number}')}" if section == 2 else "")]
            if section == 1:
                parts.append(f'!!! vignette "A fictional couple"\n    {vignette}')
            if section == 3:
                parts.append(f'!!! reflection "Reflect"\n    {reflection}')
            parts += [block(q) for q in items[section * quarter:(section + 1) * quarter]]
        return "\n\n".join([*parts, ""])

    body = page(SynthQuestion.fenced,
                lambda key, loc: f"[@{key}{', ' + loc if loc else ''}]")
    plain = page(SynthQuestion.plain,
                 lambda key, loc: f"(Author{KEYS.index(key) + 1} et al., {2001 + KEYS.index(key)}"
                                  f"{', ' + loc if loc else ''})")
    uri = f"modules/{module_id}.md"
    head = front_matter(module_id, title, 1, objectives)
    parsed, _ = parse_page(uri, uri, head + body)
    minutes = max(1, round(estimate(parsed).minutes))
    return (front_matter(module_id, title, minutes, objectives) + body,
            f"---\ntitle: {title}\n---\n\n{plain}")


def front_matter(module_id: str, title: str, minutes: int, objectives: list[tuple[str, str]]) -> str:
    lines = ["---", f"id: {module_id}", f"title: {title}", f"minutes: {minutes}",
             "level: Intermediate", "reviewed: 2026-11-26", "objectives:"]
    for oid, text in objectives:
        lines += [f"  - id: {oid}", f"    text: {text}"]
    return "\n".join([*lines, "---", ""])


def write_synthetic(folder: Path, pages: int, words: int, questions: int,
                    real: dict[str, Any]) -> dict[str, Path]:
    """Two docs folders of the same `pages` pages (hooked, plain) and four configs: hook and
    plain, each with and without navigation.prune. Pages are grouped in sections of ten."""
    rng = random.Random(20261126 + pages)
    hooked, plain = folder / "docs", folder / "docs-plain"
    for docs in (hooked, plain):
        (docs / "modules").mkdir(parents=True)
    (hooked / "_data").mkdir()
    shutil.copytree(ROOT / "docs" / "assets", hooked / "assets")  # the course's own assets
    bibliography = {key: {"cite": f"Author{k} et al.", "year": str(2000 + k),
                          "reference": f"Author{k}, A. ({2000 + k}). {sentence(rng, 6, 10)} *Journal*."}
                    for k, key in enumerate(KEYS, 1)}
    (hooked / "_data/bibliography.yml").write_text(yaml.safe_dump(bibliography), encoding="utf-8")
    home = "# Synthetic course\n\n" + paragraph(rng, 60) + "\n"
    for docs in (hooked, plain):
        (docs / "index.md").write_text(home, encoding="utf-8")
    for number in range(1, pages + 1):
        with_blocks, as_plain = synthetic_pages(rng, number, words, questions)
        section = f"modules/part-{(number - 1) // PAGES_PER_SECTION + 1:03d}"
        for docs, text in ((hooked, with_blocks), (plain, as_plain)):
            (docs / section).mkdir(exist_ok=True)
            (docs / section / f"s{number:04d}.md").write_text(text, encoding="utf-8")
    features = [f for f in real.get("theme", {}).get("features", []) if f != "navigation.prune"]
    configs: dict[str, Path] = {}
    for variant in ("hook", "plain"):
        for prune in (False, True):
            config: dict[str, Any] = {
                "site_name": "Synthetic benchmark course",
                "docs_dir": str(hooked if variant == "hook" else plain),
                "use_directory_urls": real.get("use_directory_urls", False),
                "exclude_docs": "/_data/\n",
                "validation": real.get("validation", {}),
                "theme": {"name": "material", "font": False,
                          "features": [*features, *(["navigation.prune"] if prune else [])]},
                "plugins": ["search"],
                "markdown_extensions": real.get("markdown_extensions", []),
            }
            if variant == "hook":  # the course as it is built: its hook, templates and styles
                config |= {"hooks": [str(HOOK)], "extra_css": real.get("extra_css", []),
                           "extra": {"polyfills": real.get("extra", {}).get("polyfills", [])}}
                config["theme"]["custom_dir"] = str(ROOT / "overrides")
            name = f"{variant}{'-prune' if prune else ''}"
            configs[name] = folder / f"mkdocs.{name}.yml"
            configs[name].write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return configs


@dataclass
class Scale:
    pages: int
    builds: dict[str, Build]

    def per_page_ms(self, name: str) -> float:
        return self.builds[name].seconds * 1000 / (self.pages + 1)

    def overhead(self, prune: bool) -> float:
        """Percent more time with the hook than plain; NaN when either build failed."""
        hook, plain = (self.builds[f"{name}{'-prune' if prune else ''}"] for name in ("hook", "plain"))
        if hook.error or plain.error:
            return math.nan
        return (hook.seconds / plain.seconds - 1) * 100


def scale_runs(sizes: list[int], words: int, questions: int, real: dict[str, Any], work: Path,
               profile: bool, runs: int = 1) -> tuple[list[Scale], dict[int, dict[str, Path]]]:
    print(f"== 2. Synthetic courses: {words:,} words and {questions} questions a page, "
          f"sections of {PAGES_PER_SECTION} pages ==")
    print("  hook: the course hook, templates and assets; plain: the same pages as stock Markdown "
          f"(questions as lists, no hook); ms/page counts the home page too; "
          f"{'one build each' if runs == 1 else f'median of {runs} builds each, the variants taking turns'}")
    print("  times: the build's CPU seconds in its child process (wall seconds in brackets)")
    print(f"  {'pages':>5}  {'variant':11} {'CPU s':>8} {'(wall s)':>9} {'ms/page':>8} {'peak MB':>8}  "
          f"{'overhead vs plain':>17}")
    scales: list[Scale] = []
    sites: dict[int, dict[str, Path]] = {}  # pages -> variant -> built site
    for pages in sizes:
        folder = work / f"synthetic-{pages}"
        configs = write_synthetic(folder, pages, words, questions, real)
        course = load_course(folder / "docs", "docs")
        if course.diagnostics:
            print(f"  {pages} pages: {len(course.diagnostics)} engine diagnostics, first: "
                  f"{course.diagnostics[0].format()}")
        # The variants take turns, so a burst of other work on the machine lands on all of them.
        times: dict[str, list[Build]] = {name: [] for name in configs}
        for _ in range(runs):
            for name, config in configs.items():
                times[name].append(child_build(config, folder / f"site-{name}"))
        builds = {name: median_of(found) for name, found in times.items()}
        scale = Scale(pages, builds)
        scales.append(scale)
        for name, found in builds.items():
            over = (f"{scale.overhead('prune' in name):+16.1f} %" if name.startswith("hook") else "")
            print(f"  {pages:5}  {name:11} {found.seconds:8.2f} {f'({found.wall:.2f})':>9} "
                  f"{scale.per_page_ms(name):8.1f} {found.peak_mb:8.0f}  {over:>17}{problems(found)}")
        sites[pages] = {name: folder / f"site-{name}" for name in configs}
        if profile and pages == max(sizes):
            profile_build(configs["hook-prune"], folder / "site-profile")
    print("  the hook's own event handlers (CPU s, ms/page, share of the plain build) and the search "
          "plugin's, hook vs plain:")
    for scale in scales:
        for prune in (False, True):
            suffix = "-prune" if prune else ""
            hook, plain = scale.builds[f"hook{suffix}"], scale.builds[f"plain{suffix}"]
            search = " vs ".join(f"{b.event_seconds('search'):.2f}" for b in (hook, plain))
            parts = ", ".join(f"{event} {hook.event_seconds('course.py', event):.2f}"
                              for event in HOOK_EVENTS)
            print(f"  {scale.pages:5}  hook{suffix:6} {hook.hook_seconds:8.2f} s "
                  f"{hook.hook_seconds * 1000 / (scale.pages + 1):6.1f} ms/page "
                  f"{hook.hook_seconds / plain.seconds * 100:5.1f} % of plain ({parts}); "
                  f"search {search} s")
    first, last = scales[0], scales[-1]
    print(f"  per-page time at {last.pages} / at {first.pages} pages:")
    for name in ("hook", "hook-prune", "plain", "plain-prune"):
        print(f"    {name:11} {last.per_page_ms(name) / first.per_page_ms(name):5.2f}x")
    print()
    return scales, sites


def profile_build(config_file: Path, site_dir: Path) -> None:
    """cProfile one in-process build with the hook; print the course engine's heaviest functions."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.ERROR)
    profiler = cProfile.Profile()
    profiler.enable()
    build(load_config(config_file=str(config_file), site_dir=str(site_dir), strict=False))
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(r"hooks[/\\]", 20)
    print(f"  cProfile of one build of {config_file.name}, functions in hooks/ by cumulative time:")
    print("\n".join(f"    {line}" for line in out.getvalue().strip().splitlines()))
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(12)
    print("  ... and the whole build by own time:")
    print("\n".join(f"    {line}" for line in out.getvalue().strip().splitlines()))


# ---- 3. page weight ----------------------------------------------------------------------

class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src"):
            self.refs.append(values["src"] or "")
        rel = (values.get("rel") or "").lower().split()
        if tag == "link" and "stylesheet" in rel and values.get("href"):
            self.refs.append(values["href"] or "")


def local_assets(html: str, page: str) -> list[str]:
    """Site-relative paths of the local scripts and style sheets a page references, in order."""
    parser = _Assets()
    parser.feed(html)
    found: list[str] = []
    for ref in parser.refs:
        parts = urlsplit(ref)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
        if path not in found:
            found.append(path)
    return found


@dataclass
class Weight:
    html: tuple[int, int]  # raw, gzip
    js: tuple[int, int]
    css: tuple[int, int]

    @property
    def gzip(self) -> int:
        return self.html[1] + self.js[1] + self.css[1]


def weight(site: Path, page: str) -> Weight | None:
    """What loading `page` transfers: its HTML and the local JS and CSS it references."""
    path = site / page
    if not path.is_file():
        return None
    html = path.read_bytes()
    js, css = [0, 0], [0, 0]
    for asset in local_assets(html.decode("utf-8"), page):
        file = site / asset
        if not file.is_file():
            continue
        data = file.read_bytes()
        total = js if asset.endswith(".js") else css
        total[0] += len(data)
        total[1] += gz(data)
    return Weight((len(html), gz(html)), (js[0], js[1]), (css[0], css[1]))


def weight_table(site: Path, bare: Path, synthetic: dict[int, dict[str, Path]]) -> int | None:
    """Print the page-type table; return the quiz page's extra gzip bytes over stock Material,
    on the smallest synthetic course (the closest to the real one; what grows with the course
    is shown for each size)."""
    print(f"== 3. Page weight: HTML and the local JS and CSS it loads (gzip level {GZIP_LEVEL}) ==")
    print("  (files fetched later by script, such as the search worker and index on a first "
          "search, or quiz.js once a question is near, are not counted)")
    print(f"  {'page type':28} {'HTML':>8} {'gz':>7} {'JS':>8} {'gz':>7} {'CSS':>8} {'gz':>7} "
          f"{'total gz':>9}")
    rows = [(name, weight(site, page)) for name, page in PAGE_TYPES.items()]
    rows.append(("module, Material, no hook", weight(bare, QUIZ_PAGE)))
    sample = "modules/part-001/s0001.html"
    smallest = synthetic[min(synthetic)]
    for pages, sites in synthetic.items():
        rows += [(f"synthetic {pages}, course hook", weight(sites["hook-prune"], sample)),
                 (f"synthetic {pages}, stock Material", weight(sites["plain-prune"], sample))]
    first = len(PAGE_TYPES) + 1  # the rows of the smallest synthetic course
    for name, found in rows:
        if found is None:
            print(f"  {name:28} (not built)")
            continue
        print(f"  {name:28} {found.html[0]:8,} {found.html[1]:7,} {found.js[0]:8,} {found.js[1]:7,} "
              f"{found.css[0]:8,} {found.css[1]:7,} {found.gzip:9,}")
    hooked, stock = rows[first][1], rows[first + 1][1]
    extra = hooked.gzip - stock.gzip if hooked and stock else None
    if extra is not None:
        print(f"  the {min(synthetic)}-page course's quiz page (10 questions) transfers {extra:,} gzip "
              "bytes more than the same page from stock Material; the files stock Material does "
              "not load:")
        hook_site, stock_site = smallest["hook-prune"], smallest["plain-prune"]
        stock = set(local_assets((stock_site / sample).read_text(encoding="utf-8"), sample))
        html = (hook_site / sample).read_text(encoding="utf-8")
        for asset in local_assets(html, sample):
            if asset not in stock and (hook_site / asset).is_file():
                data = (hook_site / asset).read_bytes()
                print(f"    {asset:44} {len(data):8,} raw {gz(data):7,} gzip")
        # course.js fetches quiz.js (data-quiz) only once a question is near, and quiz.js its
        # quiz.css: not on load.
        later = 0
        print("  and once a question is near, fetched by course.js, then quiz.js:")
        for ref in re.findall(r' data-quiz="([^"]+)"', html):
            script = posixpath.normpath(posixpath.join(posixpath.dirname(sample), ref))
            for asset in (script, posixpath.join(posixpath.dirname(script), "quiz.css")):
                data = (hook_site / asset).read_bytes()
                later += gz(data)
                print(f"    {asset:44} {len(data):8,} raw {gz(data):7,} gzip")
        print(f"  with them, {extra + later:,} gzip bytes more than stock Material")
    print()
    return extra


# ---- 4. hostile shapes -------------------------------------------------------------------

HOSTILE_BYTES = 1_000_000


def hostile_shapes(work: Path, size: int = HOSTILE_BYTES) -> tuple[str, float]:
    """Print the checker's time (load and check, then the learner transform) on one page of
    each hostile shape in coursekit.hostile; return the slowest shape and its seconds.

    Only a measurement: tests/unit/test_bad_inputs.py holds the time limit.
    """
    from coursekit.hostile import SHAPES

    print(f"== 4. Hostile shapes: the checker on one page of about {size:,} bytes each ==")
    slowest = ("", 0.0)
    for name, make in SHAPES.items():
        docs = work / "hostile" / name.replace(" ", "-").replace("/", "-") / "docs"
        docs.mkdir(parents=True)
        text = make(size)
        (docs / "page.md").write_text(text, encoding="utf-8")
        gc.collect()
        start = time.perf_counter()
        course = load_course(docs, "docs")
        if "page.md" in course.pages:
            transform_page(text, course.pages["page.md"], Context(course, False, {}))
        seconds = time.perf_counter() - start
        rules = sorted({d.rule for d in course.diagnostics})
        print(f"  {name:26} {len(text.encode()):>10,} B  {seconds:7.2f} s  "
              f"{len(course.diagnostics):3} diagnostics {', '.join(rules)}")
        slowest = max(slowest, (name, seconds), key=lambda pair: pair[1])
    print()
    return slowest


# ---- 5. summary --------------------------------------------------------------------------

def sizes_arg(text: str) -> list[int]:
    try:
        sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of page counts: {text!r}") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("page counts must be at least 1")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--scale", type=sizes_arg, default=list(DEFAULT_SCALE),
                        help="synthetic course sizes in pages, comma-separated (default 50,200,800)")
    parser.add_argument("--words", type=int, default=WORDS_PER_PAGE, help="words of prose a page")
    parser.add_argument("--questions", type=int, default=QUESTIONS_PER_PAGE, help="questions a page")
    parser.add_argument("--runs", type=int, default=1, help="builds of the real course per config")
    parser.add_argument("--synthetic-runs", type=int, default=1,
                        help="builds of each synthetic variant (the median is shown); 3 steadies the "
                             "overhead figures on a busy machine")
    parser.add_argument("--no-hostile", action="store_true", help="skip the hostile shapes")
    parser.add_argument("--profile", action="store_true",
                        help="also cProfile one build of the largest synthetic course with the hook")
    parser.add_argument("--lighthouse", action="store_true",
                        help="also run scripts/lighthouse.py (issue 14) on the learner site built here")
    parser.add_argument("--lighthouse-args", default="",
                        help="options passed on to lighthouse.py, e.g. '--quick --runs 1'")
    args = parser.parse_args(argv)
    if min(args.runs, args.synthetic_runs, args.words, args.questions) < 1:
        parser.error("--runs, --synthetic-runs, --words and --questions must be at least 1")
    with (ROOT / "mkdocs.yml").open("rb") as fd:
        real = yaml_load(fd)

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="course-bench-") as tmp:
        work = Path(tmp)
        _, site, bare = real_course(args.runs, work)
        scales, synthetic = scale_runs(args.scale, args.words, args.questions, real, work, args.profile,
                                       args.synthetic_runs)
        quiz_extra = weight_table(site, bare, synthetic)
        if args.lighthouse:  # Lighthouse scores on the learner site built above, side by side with peers
            import lighthouse  # scripts/lighthouse.py, beside this file

            lighthouse.main(["--site", str(site), *args.lighthouse_args.split()])
        hostile = None if args.no_hostile else hostile_shapes(work)

    print("== 5. Targets (issue 13) ==")
    for prune in (False, True):
        label = f"hook overhead < {TARGET_OVERHEAD_PERCENT:g} % of plain at every size" + (
            " (navigation.prune)" if prune else "")
        if failed := [s.pages for s in scales if math.isnan(s.overhead(prune))]:
            print(f"  {label}: a build failed at {failed} pages: NOT met")
            continue
        worst = max(scales, key=lambda s: s.overhead(prune))
        print(f"  {label}: worst {worst.overhead(prune):.1f} % at {worst.pages} pages: "
              f"{verdict(worst.overhead(prune) < TARGET_OVERHEAD_PERCENT)}")
    first, last = scales[0], scales[-1]
    for name in ("hook", "hook-prune"):
        ratio = last.per_page_ms(name) / first.per_page_ms(name)
        print(f"  per-page time at {last.pages} <= {TARGET_PER_PAGE_RATIO}x at {first.pages} pages "
              f"({name}): {ratio:.2f}x: {verdict(ratio <= TARGET_PER_PAGE_RATIO)}")
    if quiz_extra is not None:
        print(f"  quiz page <= stock Material page + 8 KB gzip: +{quiz_extra:,} bytes: "
              f"{verdict(quiz_extra <= TARGET_QUIZ_EXTRA_GZIP)}")
    if hostile:
        print(f"  slowest hostile shape ({HOSTILE_BYTES:,} bytes): '{hostile[0]}', {hostile[1]:.2f} s")
    print(f"  (benchmark ran for {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
