"""What a sponsor applies with and hands out: the evaluation form, the certificate, release checks.

The evaluation form asks, for every learning objective of the course, how well it was met, then
about relevance, quality and accommodation, with open questions; it is written as a printable
page and as CSV (one row per item) for an LMS survey tool. The certificate is a one-page printable
template filled from `extra.host` in mkdocs.yml, with the blanks a program fills per learner.
It also writes the curriculum map and how the credit hours were calculated, as Markdown that
the site publishes as pages (coursekit.edition) and dist prints as files: one function each,
two outputs. `curriculum_gaps` is the course check behind the map (rule curriculum-posttest).
`release_problems` lists what stops a release: an unset host field or placeholder text in an
export. (A post-test smaller than the credit hours require is refused in every build, by the
course check `posttest-size`.)
"""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path
from typing import Any

import markdown
import yaml

from .course import MINUTES_PER_QUESTION, MINUTES_PER_REFLECTION, WORDS_PER_MINUTE, Course, estimate
from .diagnostics import Diagnostic
from .host import HOST_FIELDS, host_key_lines
from .rules import diagnostic

SCALE = ("1 Not at all", "2 Slightly", "3 Moderately", "4 Mostly", "5 Completely")
OPEN_QUESTIONS = (
    "What will you do differently in your work with couples because of this course?",
    "What would have made this course more useful to you?",
)
DELIVERY = "Home study (self-paced, online)"
_PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|lorem ipsum|Not yet set by the hosting program)\b",
                          re.IGNORECASE)
_PRINT_CSS = """
@page { size: auto; margin: 18mm; }
body { font: 11pt/1.45 system-ui, "Segoe UI", Roboto, sans-serif; color: #111; max-width: 180mm;
       margin: 0 auto; }
h1 { font-size: 18pt; margin: 0 0 4mm; } h2 { font-size: 13pt; margin: 6mm 0 2mm; }
table { width: 100%; border-collapse: collapse; } th, td { border: 1px solid #555; padding: 2mm;
       text-align: left; vertical-align: top; }
.blank { display: inline-block; min-width: 70mm; border-bottom: 1px solid #111; }
.unset { color: #8e1c1c; font-style: italic; }
.box { height: 22mm; border: 1px solid #555; }
"""


class _Loader(yaml.SafeLoader):
    """mkdocs.yml as data: MkDocs's own tags (!!python/name, !ENV) are read as nothing."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_host(config: Path) -> dict[str, str]:
    """`extra.host` of an MkDocs config file, as text values ({} when it has none)."""
    data = yaml.load(config.read_text(encoding="utf-8-sig"), Loader=_Loader) or {}
    host = (data.get("extra") or {}).get("host") or {}
    return {str(k): "" if v is None else str(v).strip() for k, v in host.items()}


def credit_hours(course: Course) -> float:
    return round(course.total_minutes / 60, 1)


def _page(title: str, body: str) -> str:
    return (f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(title)}</title>\n<style>{_PRINT_CSS}</style>\n</head>\n"
            f"<body>\n{body}\n</body>\n</html>\n")


def evaluation_items(course: Course) -> list[tuple[str, str, str, str]]:
    """(section, id, question, response) for every item of the evaluation form."""
    items = [("Objectives", objective.id, f"How well did the course meet this objective: "
              f"{' '.join(objective.text.split())}", "scale 1-5")
             for module in course.modules for objective in module.objectives]
    items += [("Content", "relevance", "How relevant was the content to your practice?", "scale 1-5"),
              ("Content", "quality", "How would you rate the quality of the content?", "scale 1-5"),
              ("Content", "pace", "How well did the time you spent match the hours stated?", "scale 1-5")]
    items += [("Open questions", f"open-{n}", text, "text") for n, text in enumerate(OPEN_QUESTIONS, 1)]
    items.append(("Accommodation", "accommodation", "Did you need an accommodation to take part? "
                  "If so, say what you needed and whether you received it.", "text"))
    return items


def evaluation_csv(course: Course) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["section", "id", "question", "response", "scale"])
    for section, ident, question, response in evaluation_items(course):
        writer.writerow([section, ident, question, response,
                         "; ".join(SCALE) if response.startswith("scale") else ""])
    return buffer.getvalue()


def evaluation_html(course: Course, title: str) -> str:
    rows, current = [], ""
    for section, _, question, response in evaluation_items(course):
        if section != current:
            rows.append(f"<h2>{html.escape(section)}</h2>")
            current = section
        if response.startswith("scale"):
            boxes = " ".join(f"<label><input type=\"checkbox\"> {html.escape(s)}</label>" for s in SCALE)
            rows.append(f"<p>{html.escape(question)}<br>{boxes}</p>")
        else:
            rows.append(f'<p>{html.escape(question)}</p>\n<div class="box"></div>')
    body = (f"<h1>Course evaluation: {html.escape(title)}</h1>\n<p>Thank you for taking the course. "
            "Your answers help the program improve it; they do not affect your credit.</p>\n"
            + "\n".join(rows))
    return _page(f"Course evaluation: {title}", body)


def _field(host: dict[str, str], key: str) -> str:
    value = host.get(key, "")
    if value:
        return html.escape(" ".join(value.split()))
    return (f'<span class="unset">Not yet set by the hosting program (extra.host.{key} in '
            "mkdocs.yml)</span>")


def certificate_html(course: Course, title: str, host: dict[str, str]) -> str:
    """A one-page certificate of completion: program fields filled, learner fields blank."""
    rows = [
        ("Participant name", '<span class="blank"></span>'),
        ("Licence or registration number", '<span class="blank"></span>'),
        ("Course title", html.escape(title)),
        ("Provider", _field(host, "sponsor")),
        ("Provider address", _field(host, "address")),
        ("Approval statement", _field(host, "approval")),
        ("Credit hours", f"{credit_hours(course):g}"),
        ("Delivery format", DELIVERY),
        ("Date completed", '<span class="blank"></span>'),
        ("Date issued", '<span class="blank"></span>'),
        ("Signature of the program's representative", '<span class="blank"></span>'),
    ]
    table = "\n".join(f"<tr><th scope=\"row\">{label}</th><td>{value}</td></tr>" for label, value in rows)
    body = (f"<h1>Certificate of completion</h1>\n<p>This certifies that the participant named below "
            f"completed the home-study course and passed its post-test.</p>\n<table>\n{table}\n</table>")
    return _page(f"Certificate of completion: {title}", body)


def release_problems(host: dict[str, str], config: Path, shown: str,
                     exports: dict[str, str]) -> list[Diagnostic]:
    """Everything that stops a release: an unset host field at its line in the config, and
    placeholder text at its line in a file dist would write. (An objective with no self-check or
    post-test item is refused in every build: objective-unassessed, curriculum-posttest.)"""
    lines = _config_lines(config)
    found = [diagnostic("release-host", shown, lines.get(key, 1),
                        f"extra.host.{key} ({label}) is not set; a released course shows every "
                        "program field.")
             for key, label in HOST_FIELDS if not host.get(key)]
    # An unset field is printed as unset (placeholder text): reported once, as release-host.
    unset = tuple(f"(extra.host.{key} " for key, _ in HOST_FIELDS if not host.get(key))
    for name, text in exports.items():
        for number, line in enumerate(text.splitlines(), 1):
            if (match := _PLACEHOLDER.search(line)) and not any(mark in line for mark in unset):
                found.append(diagnostic("release-placeholder", name, number,
                                        f"'{match.group(0)}' is placeholder text."))
    return found


def _config_lines(config: Path) -> dict[str, int]:
    """The line of each key under `host:` in the config ({} when there is no config)."""
    return host_key_lines(config.read_text(encoding="utf-8-sig")) if config.is_file() else {}


def host_config(docs_dir: Path) -> tuple[Path, dict[str, Any]]:
    """mkdocs.yml beside docs_dir and its extra.host ({} when there is no config)."""
    config = docs_dir.resolve().parent / "mkdocs.yml"
    return config, read_host(config) if config.is_file() else {}


# ---- curriculum map and credit hours -------------------------------------------------------

READING_SOURCE = (
    "Brysbaert, M. (2019). How many words do we read per minute? A review and meta-analysis of "
    "reading rate. *Journal of Memory and Language, 109*, 104047. "
    "https://doi.org/10.1016/j.jml.2019.104047"
)


def curriculum_rows(course: Course) -> list[dict[str, Any]]:
    """One row per learning objective: where it is taught, practised and assessed."""
    self_checks: dict[str, list[str]] = {}
    for module in course.modules:
        for page in module.pages:
            for question in page.questions:
                self_checks.setdefault(question.objective, []).append(question.id)
    post: dict[str, list[str]] = {}
    for page in (p for p in course.pages.values() if p.kind == "posttest"):
        for question in page.questions:
            post.setdefault(question.objective, []).append(question.id)
    rows = []
    for module in course.modules:
        for objective in module.objectives:
            plays = [rp for _, rp in course.roleplays if objective.id in [o for o, _ in rp.objectives]]
            checklist = [item.item for _, rp in course.roleplays for item in rp.observer_checklist
                         if item.objective == objective.id]
            rows.append({"module": module, "objective": objective,
                         "self_checks": self_checks.get(objective.id, []),
                         "posttest": post.get(objective.id, []),
                         "roleplays": [rp.id for rp in plays], "checklist": checklist})
    return rows


def curriculum_gaps(course: Course) -> list[Diagnostic]:
    """curriculum-posttest at each objective no post-test question assesses, when the course has a
    post-test (an objective with no self-check is objective-unassessed, in course.py)."""
    if not any(p.kind == "posttest" for p in course.pages.values()):
        return []
    return [diagnostic("curriculum-posttest", row["module"].page.path, row["objective"].line,
                       f"No post-test question assesses objective '{row['objective'].id}'.")
            for row in curriculum_rows(course) if not row["posttest"]]


def curriculum_map_markdown(course: Course) -> str:
    """The map as Markdown: one section per module, one row per objective (five columns, so the
    table fits the page without scrolling)."""
    lines = ["# Curriculum map", "",
             "Each learning objective, the module that teaches it, and the items that practise and "
             "assess it: self-check questions on the module's pages, scored post-test questions "
             "(in the program's LMS), workshop role-plays and their observer checklist items. The "
             "build refuses an objective with no self-check or no post-test question, so every row "
             "has both."]
    current = None
    for row in curriculum_rows(course):
        if row["module"] is not current:
            current = row["module"]
            lines += ["", f"## {current.title}", "",
                      "| Objective | Self-check items | Post-test items | Role-plays | Observer checklist |",
                      "| --- | --- | --- | --- | --- |"]
        objective = row["objective"]
        cells = [f"`{objective.id}` {' '.join(objective.text.split())}",
                 ", ".join(f"`{i}`" for i in row["self_checks"]) or "**missing**",
                 ", ".join(f"`{i}`" for i in row["posttest"]) or "**missing**",
                 ", ".join(f"`{i}`" for i in row["roleplays"]) or "none",
                 f"{len(row['checklist'])} item(s)" if row["checklist"] else "none"]
        lines.append("| " + " | ".join(c.replace("|", r"\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def credit_hours_markdown(course: Course) -> str:
    lines = ["# How the credit hours were calculated", "",
             f"Every module page declares the time a learner needs; the build checks each declaration "
             f"against an estimate and refuses one that is far from it. The estimate is the page's words "
             f"read at {WORDS_PER_MINUTE} words per minute, plus {MINUTES_PER_QUESTION:g} minutes per "
             f"self-check question and {MINUTES_PER_REFLECTION:g} minutes per reflection exercise. "
             f"{WORDS_PER_MINUTE} words per minute is a study pace, chosen by the course: it is below the "
             "175 to 300 words per minute at which most adults read non-fiction silently, and well below "
             "the average of 238, in the meta-analysis by Brysbaert (2019), because reading to learn and "
             "apply clinical material includes rereading and note-taking. In the table, the reading "
             "minutes stand in brackets after each page's words.", "",
             "| Page | Words (reading minutes) | Self-checks, reflections | Estimate (min) "
             "| Declared (min) |",
             "| --- | ---: | ---: | ---: | ---: |"]
    words = questions = reflections = declared = 0
    total_estimate = 0.0
    for module in course.modules:
        for page in module.pages:
            est = estimate(page)
            words += est.words
            questions += est.questions
            reflections += est.reflections
            declared += page.minutes or 0
            total_estimate += est.minutes
            title = page.title.replace("|", r"\|")
            lines.append(f"| {title} | {est.words:,} ({est.words / WORDS_PER_MINUTE:.1f}) "
                         f"| {est.questions}, {est.reflections} | {est.minutes:.1f} | {page.minutes or 0} |")
    lines.append(f"| **Total** | **{words:,} ({words / WORDS_PER_MINUTE:.1f})** "
                 f"| **{questions}, {reflections}** | **{total_estimate:.1f}** | **{declared}** |")
    roleplays = sum(rp.minutes for _, rp in course.roleplays)
    lines += ["", f"The course's home-study time is the sum of the declared times: {declared} minutes, "
              f"or **{credit_hours(course):g} credit hours**. The post-test is not counted in it. "
              f"The {len(course.roleplays)} workshop role-plays ({roleplays} minutes in all) are live "
              "practice for programs that run workshops and are not counted in the home-study hours.",
              "", "## Source", "", READING_SOURCE]
    return "\n".join(lines) + "\n"


def markdown_page(title: str, text: str) -> str:
    """A Markdown document as a printable page (tables kept)."""
    body = markdown.markdown(html.escape(text, quote=False), extensions=["tables"])
    return _page(title, body)
