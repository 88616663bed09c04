"""What the learner's progress script needs to know about the course, and the markup of the
My progress page and the home page's "continue" link.

The course map is a small script file (not JSON fetched at run time: a page opened from a
folder cannot fetch), listing each module's self-check questions with their pages and the keys
of their correct options. Those keys are already in every module page's own answer list (the
self-checks are formative); the instructor post-test is never in the map.
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
EXPORT_FORMAT = "coursekit-progress"
EXPORT_VERSION = 1


def html_uri(src_uri: str) -> str:
    """The built page of a docs source file (plain .html links, use_directory_urls off)."""
    stem, ext = posixpath.splitext(src_uri)
    return stem + ".html" if ext in (".md", ".ipynb") else src_uri


def course_map(course: Course, included: set[str] | None = None) -> dict[str, Any]:
    """Every module with its self-check questions, in course order. `included` limits the map
    to the pages this edition builds (None: every page of the course)."""
    modules = []
    for module in course.modules:
        questions = []
        for page in module.pages:
            if page.kind == "posttest" or (included is not None and page.src_uri not in included):
                continue
            for question in page.questions:
                questions.append({
                    "id": question.id, "url": html_uri(page.src_uri),
                    "correct": sorted(option_key(o.text) for o in question.options if o.correct),
                })
        modules.append({"id": module.id, "title": module.title,
                        "url": html_uri(module.page.src_uri), "questions": questions})
    return {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "modules": modules}


def course_map_js(course: Course, included: set[str] | None = None) -> str:
    data = json.dumps(course_map(course, included), ensure_ascii=True, separators=(",", ":"))
    # ensure_ascii and no "<" make the JSON safe as script text whatever a title holds.
    return "window.coursekitCourse=" + data.replace("<", "\\u003c") + ";\n"


def render_progress_page(course: Course, src_uri: str) -> str:
    """The My progress page's table and controls; progress.js fills them in."""
    rows = []
    for module in course.modules:
        count = sum(len(p.questions) for p in module.pages if p.kind != "posttest")
        rows.append({"id": module.id, "title": module.title, "count": count,
                     "link": posixpath.relpath(html_uri(module.page.src_uri),
                                               posixpath.dirname(src_uri) or ".")})
    return render_html("progress.html", rows=rows)


def render_continue() -> str:
    """The returning learner's way back to the last page read (filled in by progress.js)."""
    return render_html("continue.html")
