"""What the learner's progress scripts need to know about the course, and the markup of the
My progress page and the home page's "continue" link.

The course map is a small script file (not JSON fetched at run time: a page opened from a
folder cannot fetch), listing each module's self-check questions with their pages and the keys
of their correct options; course.js loads it only once the browser holds an answer. Those
keys are already in every module page's own answer list (the self-checks are formative); the
instructor post-test is never in the map.
"""

from __future__ import annotations

import json
import posixpath
from typing import Any

from .course import Course
from .order import option_key
from .render import render_html

COURSE_MAP = "assets/coursekit/course-map.js"
PROGRESS_PAGE = "progress.md"


def html_uri(src_uri: str) -> str:
    """The built page of a docs source file (plain .html links, use_directory_urls off)."""
    stem, ext = posixpath.splitext(src_uri)
    return stem + ".html" if ext in (".md", ".ipynb") else src_uri


def course_map(course: Course, included: set[str] | None = None) -> list[list[Any]]:
    """Every module with its self-check questions, in course order, grouped by page so that no
    address repeats: [[module id, module page, [[page, question id, "correct keys", ...], ...]],
    ...], the page "" where it is the module's own (progress-marks.js reads this shape).
    `included` limits the map to the pages this edition builds (None: every page)."""
    modules: list[list[Any]] = []
    for module in course.modules:
        module_url = html_uri(module.page.src_uri)
        pages: list[list[str]] = []
        for page in module.pages:
            if page.kind == "posttest" or not page.questions or (
                    included is not None and page.src_uri not in included):
                continue
            url = html_uri(page.src_uri)
            entry = ["" if url == module_url else url]
            for question in page.questions:
                entry += [question.id,
                          " ".join(sorted(option_key(o.text) for o in question.options if o.correct))]
            pages.append(entry)
        modules.append([module.id, module_url, pages])
    return modules


def course_map_js(course: Course, included: set[str] | None = None) -> str:
    data = json.dumps(course_map(course, included), ensure_ascii=True, separators=(",", ":"))
    # ensure_ascii and no "<" make the JSON safe as script text whatever an id or address holds.
    return "window.coursekitCourse=" + data.replace("<", "\\u003c") + ";\n"


def render_progress_page(course: Course, src_uri: str) -> str:
    """The My progress page's table and controls; progress-page.js fills them in."""
    rows = []
    for module in course.modules:
        count = sum(len(p.questions) for p in module.pages if p.kind != "posttest")
        rows.append({"id": module.id, "title": module.title, "count": count,
                     "link": posixpath.relpath(html_uri(module.page.src_uri),
                                               posixpath.dirname(src_uri) or ".")})
    return render_html("progress.html", rows=rows)


def render_continue() -> str:
    """The returning learner's way back to the last page read (filled in by course.js)."""
    return render_html("continue.html")
