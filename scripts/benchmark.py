"""Print the course's performance figures: build time with and without the course hook, the
bytes a quiz page transfers, and the hook's cost per question on a large synthetic course.

It prints figures and never fails on them: it is a measurement, not a test.

    python scripts/benchmark.py [--runs N] [--scale-pages 200 --scale-questions 2000]
                                [--config mkdocs.yml] [--profile]
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import gzip
import io
import logging
import os
import posixpath
import pstats
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import yaml  # installed with MkDocs
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parents[1]
HOOK = ROOT / "hooks" / "course.py"
sys.path.insert(0, str(HOOK.parent))

from coursekit.course import estimate, load_course  # noqa: E402
from coursekit.parse import parse_page  # noqa: E402
from coursekit.source import split_front_matter  # noqa: E402
from coursekit.transform import Context, transform_page  # noqa: E402

QUIZ_PAGE = "modules/01-understanding-emotional-intimacy.html"
QUIZ_ASSETS = (ROOT / "docs/assets/coursekit/quiz.js", ROOT / "docs/assets/coursekit/quiz.css")
GZIP_LEVEL = 6
TARGET_OVERHEAD_PERCENT = 10.0
TARGET_MS_PER_QUESTION = 0.3
TARGET_QUIZ_GZIP_BYTES = 8 * 1024
SCALE_BUILD_RUNS = 3
LOAD_COURSE_RUNS = 5


# ---- measuring ---------------------------------------------------------------------------

class _Collect(logging.Handler):
    """Keeps every WARNING-or-worse record MkDocs logs, so they can be counted, not shown."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextlib.contextmanager
def quiet_mkdocs() -> Iterator[_Collect]:
    """Show only ERROR records of the `mkdocs` logger; collect warnings for a count."""
    logger = logging.getLogger("mkdocs")
    saved = (logger.level, logger.propagate, logger.handlers[:])
    collect = _Collect()
    errors = logging.StreamHandler(sys.stderr)
    errors.setLevel(logging.ERROR)
    errors.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    logger.handlers[:] = [collect, errors]
    try:
        yield collect
    finally:
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
        logger.handlers[:] = saved[2]


def timed_build(config_file: Path, site_dir: Path) -> float:
    """Seconds for one in-process build: load the config, then build the site."""
    gc.collect()
    start = time.perf_counter()
    config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=False)
    build(config)
    return time.perf_counter() - start


def median_builds(configs: dict[str, Path], runs: int, work: Path) -> dict[str, float]:
    """Median build time of each config; runs alternate between configs to spread any drift."""
    times: dict[str, list[float]] = {name: [] for name in configs}
    for run in range(runs):
        for name, config_file in configs.items():
            times[name].append(timed_build(config_file, work / f"site-{name}-{run}"))
    return {name: statistics.median(found) for name, found in times.items()}


def median_call(func: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def config_without_hooks(config_file: Path, folder: Path) -> Path:
    """A copy of the config (with anything it inherits) minus `hooks:`, its paths made absolute."""
    with config_file.open("rb") as fd:
        data = yaml_load(fd)
    data.pop("hooks", None)
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


# ---- 1. the real course ------------------------------------------------------------------

def real_course(config_file: Path, runs: int, work: Path, profile: bool) -> tuple[float, Path]:
    """Print the build times; return the hook overhead in percent and a built site."""
    print(f"== 1. Build time of the real course ({config_file.name}, median of {runs}) ==")
    configs = {"hook": config_file, "nohook": config_without_hooks(config_file, work)}
    warm = work / "site-warm"
    with quiet_mkdocs() as warnings:
        timed_build(config_file, warm)  # imports, theme and caches; also the site for part 2
        hooked_warnings = len(warnings.records)
        medians = median_builds(configs, runs, work)
    with_hook, without = medians["hook"], medians["nohook"]
    overhead = (with_hook - without) / without * 100
    print(f"  with the course hook     {with_hook:7.3f} s")
    print(f"  without hooks            {without:7.3f} s")
    print(f"  ratio with / without     {with_hook / without:7.3f}")
    print(f"  hook overhead            {overhead:7.1f} %  ({(with_hook - without) * 1000:.0f} ms)")
    print(f"  MkDocs warnings in the (untimed) build with the hook: {hooked_warnings}")
    own = median_call(lambda: hook_code(ROOT / "docs"), runs)
    print(f"  the hook's own code      {own:7.3f} s  (load and check the course, transform every "
          f"page: {own / without * 100:.1f} % of the build without hooks)")
    print("  the rest of the overhead is MkDocs rendering and indexing what the hook generates")
    if profile:
        profile_build(config_file, work / "site-profile")
    print()
    return overhead, warm


def hook_code(docs: Path) -> None:
    """What the hook itself does in a build: load and check, then transform every page."""
    course = load_course(docs, "docs")
    for uri, page in course.pages.items():
        source = (docs / uri).read_text(encoding="utf-8-sig")
        _, used = split_front_matter(source)
        transform_page("\n".join(source.split("\n")[used:]), page, Context(course, False, {}))


# ---- 2. a quiz page's transferred bytes --------------------------------------------------

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


def page_weight(site: Path) -> int:
    """Print the quiz page's weight; return the gzip size of quiz.js + quiz.css."""
    print(f"== 2. Transferred bytes of {QUIZ_PAGE} (gzip level {GZIP_LEVEL}) ==")
    html_path = site / QUIZ_PAGE
    rows: list[tuple[str, int, int]] = []
    if html_path.exists():
        html = html_path.read_bytes()
        rows.append((QUIZ_PAGE, len(html), gz(html)))
        for path in local_assets(html.decode("utf-8"), QUIZ_PAGE):
            file = site / path
            if not file.is_file():
                print(f"  missing in the built site: {path}")
                continue
            data = file.read_bytes()
            rows.append((path, len(data), gz(data)))
        width = max(len(name) for name, _, _ in rows)
        print(f"  {'file'.ljust(width)}  {'raw':>9}  {'gzip':>9}")
        for name, raw, packed in rows:
            print(f"  {name.ljust(width)}  {raw:9,}  {packed:9,}")
        print(f"  {'total'.ljust(width)}  {sum(r[1] for r in rows):9,}  {sum(r[2] for r in rows):9,}")
        print("  (only what the HTML references; files fetched later by script, such as the search")
        print("  worker and index on a first search, are not counted)")
    else:
        print(f"  {QUIZ_PAGE} was not built")
    print()
    print("  Quiz assets (source files)")
    total = 0
    for asset in QUIZ_ASSETS:
        data = asset.read_bytes()
        total += gz(data)
        print(f"  {asset.relative_to(ROOT).as_posix():32}  raw {len(data):7,}  gzip {gz(data):7,}")
    print(f"  quiz JS + CSS gzip: {total:,} bytes of the {TARGET_QUIZ_GZIP_BYTES:,}-byte (8 KB) target")
    print()
    return total


# ---- 3. a synthetic course at scale ------------------------------------------------------

WORDS = (
    "couple", "partner", "therapist", "session", "attunement", "closeness", "trust", "repair",
    "rupture", "bid", "turn", "toward", "away", "withdraw", "pursue", "listen", "notice", "name",
    "feeling", "need", "fear", "hope", "safety", "bond", "attachment", "response", "gentle",
    "slow", "pause", "reflect", "validate", "invite", "share", "disclose", "evening", "kitchen",
    "phone", "silence", "tone", "gaze", "shoulder", "voice", "moment", "pattern", "cycle",
    "conflict", "soften", "reach", "return", "steady", "curious", "warm", "careful", "clear",
    "small", "quiet", "honest", "shared", "daily", "weekly", "early", "later", "often", "rarely",
)
VERBS = ("Describe", "Identify", "Distinguish", "Explain", "Plan", "Demonstrate")


def sentence(rng: random.Random, low: int = 10, high: int = 18, end: str = ".") -> str:
    words = rng.choices(WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize() + end


def paragraph(rng: random.Random, words: int) -> str:
    out: list[str] = []
    while sum(len(s.split()) for s in out) < words:
        out.append(sentence(rng))
    return "\n".join(out)


def question_block(rng: random.Random, qid: str, objective: str, source: str | None) -> str:
    multiple = rng.random() < 0.2
    correct = set(rng.sample(range(4), 2 if multiple else 1))
    texts: list[str] = []
    while len(texts) < 4:
        text = sentence(rng, 5, 9)
        if text not in texts:
            texts.append(text)
    lines = ["```question", f"id: {qid}", f"objective: {objective}",
             f"type: {'multiple' if multiple else 'single'}", "prompt: >-",
             f"  {sentence(rng, 12, 20, '?')}", "options:"]
    for index, text in enumerate(texts):
        lines.append(f"  - text: {text}")
        if index in correct:
            lines.append("    correct: true")
        lines += ["    rationale: >-", f"      {sentence(rng, 12, 20)}"]
    if source:
        lines.append(f"source: {source}")
    lines.append("```")
    return "\n".join(lines)


def front_matter(module_id: str, title: str, minutes: int, objectives: list[tuple[str, str]]) -> str:
    lines = ["---", f"id: {module_id}", f"title: {title}", f"minutes: {minutes}",
             "level: Intermediate", "reviewed: 2026-11-26", "objectives:"]
    for oid, text in objectives:
        lines += [f"  - id: {oid}", f"    text: {text}"]
    return "\n".join([*lines, "---", ""])


def synthetic_page(rng: random.Random, number: int, questions: int, keys: list[str]) -> str:
    """One module page: about 300 words of prose, two citations, a reflection, `questions` questions."""
    module_id = f"s{number:03d}"
    title = f"Synthetic module {number}"
    if questions == 0:  # a plain page: a module needs a question for each objective
        return f"---\ntitle: {title}\n---\n\n# {title}\n\n{paragraph(rng, 300)}\n"
    objectives = [(f"{module_id}-o{k}", f"{VERBS[(number + k) % len(VERBS)]} {sentence(rng, 6, 10)}")
                  for k in range(1, min(3, questions) + 1)]
    cite_a, cite_b = keys[number % len(keys)], keys[(number + 1) % len(keys)]
    blocks = [question_block(rng, f"{module_id}-q{q:02d}", objectives[q % len(objectives)][0],
                             keys[(number + q) % len(keys)] if q % 3 == 0 else None)
              for q in range(questions)]
    half = (len(blocks) + 1) // 2
    body = "\n\n".join([
        f"# {title}",
        paragraph(rng, 90) + f" [@{cite_a}]",
        "## First section",
        paragraph(rng, 80),
        '!!! vignette "A fictional couple"\n    ' + paragraph(rng, 35).replace("\n", "\n    "),
        *blocks[:half],
        "## Second section",
        paragraph(rng, 70) + f" [@{cite_b}, p. {number}]",
        '!!! reflection "Reflect"\n    ' + sentence(rng, 12, 18, "?"),
        *blocks[half:],
        "",
    ])
    uri = f"modules/{module_id}.md"
    page, _ = parse_page(uri, uri, front_matter(module_id, title, 1, objectives) + body)
    est = estimate(page)
    minutes = max(1, round(est.minutes))
    return front_matter(module_id, title, minutes, objectives) + body


def write_synthetic_course(folder: Path, pages: int, questions: int, real: dict[str, Any]) -> None:
    rng = random.Random(20261126)
    docs = folder / "docs"
    (docs / "modules").mkdir(parents=True)
    (docs / "_data").mkdir()
    keys = [f"synth{k}" for k in range(1, 7)]
    bibliography = {key: {"cite": f"Author{k} et al.", "year": str(2000 + k),
                          "reference": f"Author{k}, A. ({2000 + k}). {sentence(rng, 6, 10)} *Journal*."}
                    for k, key in enumerate(keys, 1)}
    (docs / "_data/bibliography.yml").write_text(yaml.safe_dump(bibliography), encoding="utf-8")
    (docs / "index.md").write_text("# Synthetic course\n\n" + paragraph(rng, 60) + "\n", encoding="utf-8")
    share, extra = divmod(questions, pages)
    for number in range(1, pages + 1):
        text = synthetic_page(rng, number, share + (number <= extra), keys)
        (docs / f"modules/s{number:03d}.md").write_text(text, encoding="utf-8")
    config: dict[str, Any] = {
        "site_name": "Synthetic benchmark course",
        "docs_dir": "docs",
        "site_dir": "site",
        "use_directory_urls": real.get("use_directory_urls", False),
        "exclude_docs": "/_data/\n",
        "validation": real.get("validation", {}),
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        "hooks": [str(HOOK)],
        "markdown_extensions": real.get("markdown_extensions", []),
    }
    dump = yaml.safe_dump(config, sort_keys=False)
    (folder / "mkdocs.yml").write_text(dump, encoding="utf-8")
    del config["hooks"]
    (folder / "mkdocs.nohooks.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def scale_run(pages: int, questions: int, real: dict[str, Any], work: Path,
              profile: bool) -> float:
    """Print the per-question cost of the hook at scale; return the build ms per question."""
    print(f"== 3. Scale run: synthetic course, {pages} module pages, {questions} questions ==")
    folder = work / "synthetic"
    write_synthetic_course(folder, pages, questions, real)
    docs = folder / "docs"
    course = load_course(docs, "docs")
    found = sum(len(p.questions) for p in course.pages.values())
    print(f"  generated: {len(course.pages)} pages, {found} questions, "
          f"{sum(p.words for p in course.pages.values()):,} words of prose; "
          f"engine diagnostics: {len(course.diagnostics)}")
    for diagnostic in course.diagnostics[:5]:
        print(f"    {diagnostic.format()}")
    configs = {"hook": folder / "mkdocs.yml", "nohook": folder / "mkdocs.nohooks.yml"}
    with quiet_mkdocs() as warnings:
        medians = median_builds(configs, SCALE_BUILD_RUNS, folder)
    per_question = (medians["hook"] - medians["nohook"]) * 1000 / max(found, 1)
    print(f"  build with the hook      {medians['hook']:7.3f} s  (median of {SCALE_BUILD_RUNS})")
    print(f"  build without hooks      {medians['nohook']:7.3f} s  (median of {SCALE_BUILD_RUNS})")
    print(f"  hook overhead            {(medians['hook'] / medians['nohook'] - 1) * 100:7.1f} %")
    print(f"  hook time per question   {per_question:7.3f} ms")
    print(f"  MkDocs warnings across all {2 * SCALE_BUILD_RUNS} builds: {len(warnings.records)}")
    for record in warnings.records[:3]:
        print(f"    {record.getMessage()[:150]}")
    load = median_call(lambda: load_course(docs, "docs"), LOAD_COURSE_RUNS)
    print(f"  load_course alone        {load:7.3f} s  (median of {LOAD_COURSE_RUNS})")
    print(f"  parse + check / question {load * 1000 / max(found, 1):7.3f} ms")
    if profile:
        profile_build(configs["hook"], folder / "site-profile")
    print()
    return per_question


def profile_build(config_file: Path, site_dir: Path) -> None:
    """cProfile one build with the hook; print the course engine's heaviest functions."""
    profiler = cProfile.Profile()
    with quiet_mkdocs():
        profiler.enable()
        build(load_config(config_file=str(config_file), site_dir=str(site_dir), strict=False))
        profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats(r"hooks[/\\]", 20)
    print("  cProfile of one build with the hook, functions in hooks/ by cumulative time:")
    print("\n".join(f"    {line}" for line in out.getvalue().strip().splitlines()))
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(12)
    print("  ... and the whole build by own time:")
    print("\n".join(f"    {line}" for line in out.getvalue().strip().splitlines()))


# ---- 3b. hostile shapes -------------------------------------------------------------------

HOSTILE_BYTES = 1_000_000


def hostile_shapes(work: Path, size: int = HOSTILE_BYTES) -> tuple[str, float]:
    """Print the checker's time (load and check, then the learner transform) on one page of
    each hostile shape in coursekit.hostile; return the slowest shape and its seconds.

    Only a measurement: tests/unit/test_bad_inputs.py holds the time limit.
    Alone:  python -c "import sys; sys.path[:0] = ['scripts']; import benchmark, pathlib, tempfile;
            benchmark.hostile_shapes(pathlib.Path(tempfile.mkdtemp()))"
    """
    from coursekit.hostile import SHAPES

    print(f"== 3b. Hostile shapes: the checker on one page of about {size:,} bytes each ==")
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


# ---- 4. summary --------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="builds of the real course per config")
    parser.add_argument("--scale-pages", type=int, default=200)
    parser.add_argument("--scale-questions", type=int, default=2000)
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the real course's config")
    parser.add_argument("--profile", action="store_true",
                        help="also cProfile one build with the hook, of the real and the synthetic course")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.scale_pages < 1 or args.scale_questions < 0:
        parser.error("--runs and --scale-pages must be at least 1, --scale-questions at least 0")
    config_file = args.config.resolve()
    with config_file.open("rb") as fd:
        real = yaml_load(fd)

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="course-bench-") as tmp:
        work = Path(tmp)
        overhead, site = real_course(config_file, args.runs, work, args.profile)
        quiz_gzip = page_weight(site)
        per_question = scale_run(args.scale_pages, args.scale_questions, real, work, args.profile)
        hostile, hostile_seconds = hostile_shapes(work)

    print("== Summary ==")
    print(f"  hook overhead on the real course: {overhead:.1f}% "
          f"(< {TARGET_OVERHEAD_PERCENT:g}%): {verdict(overhead < TARGET_OVERHEAD_PERCENT)}")
    print(f"  hook time per question at scale: {per_question:.3f} ms "
          f"(< {TARGET_MS_PER_QUESTION:g} ms): {verdict(per_question < TARGET_MS_PER_QUESTION)}")
    print(f"  quiz JS + CSS gzip: {quiz_gzip:,} bytes "
          f"(< 8 KB = {TARGET_QUIZ_GZIP_BYTES:,} bytes): {verdict(quiz_gzip < TARGET_QUIZ_GZIP_BYTES)}")
    print(f"  slowest hostile shape ({HOSTILE_BYTES:,} bytes): '{hostile}', {hostile_seconds:.2f} s")
    print(f"  (benchmark ran for {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
