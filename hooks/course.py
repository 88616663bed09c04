"""MkDocs adapter for coursekit: the only module that imports MkDocs.

It loads and checks the whole course once per build, logs every diagnostic as
`path:line: [rule] message` on the `mkdocs.plugins.course` logger (so `--strict` fails on
warnings), stops the build before anything is written when there are errors, and hands each
page to coursekit to expand its blocks.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from coursekit.course import Course, load_course
from coursekit.diagnostics import Severity
from coursekit.transform import (
    INSTRUCTOR_NOTES_PAGE,
    Context,
    finish_html,
    instructor_notes_page,
    transform_page,
)

log = logging.getLogger("mkdocs.plugins.course")

INSTRUCTOR_FOLDER = "instructors/"
_state: dict[str, object] = {}  # per-build state; reset in on_config because hooks outlive builds


def _edition(config: MkDocsConfig) -> str:
    edition = config.extra.get("edition", "learner")
    if edition not in ("learner", "instructor"):
        raise PluginError(f"extra.edition must be 'learner' or 'instructor', not {edition!r}")
    return edition


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.clear()
    _state["instructor"] = _edition(config) == "instructor"
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs_dir = Path(config.docs_dir)
    course = load_course(docs_dir, _display_path(docs_dir, config))
    for found in course.diagnostics:
        level = logging.ERROR if found.severity is Severity.ERROR else logging.WARNING
        log.log(level, found.format())
    errors = sum(d.severity is Severity.ERROR for d in course.diagnostics)
    if errors:
        raise PluginError(
            f"The course has {errors} content error(s), listed above; nothing was built. "
            "Run 'python -m coursekit docs/' to check without building."
        )
    _state["course"] = course
    if _state["instructor"]:
        sources = {f.src_uri: _body(f) for f in files.documentation_pages() if f.src_uri in course.pages}
        files.append(File.generated(config, INSTRUCTOR_NOTES_PAGE,
                                    content=instructor_notes_page(course, sources)))
    else:
        for file in [f for f in files if f.src_uri.startswith(INSTRUCTOR_FOLDER)]:
            files.remove(file)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    course: Course = _state["course"]  # type: ignore[assignment]
    record = course.pages.get(page.file.src_uri)
    if record is None:  # a generated page
        return markdown
    rendered = transform_page(
        markdown, record,
        Context(course, bool(_state["instructor"]), config.extra.get("host") or {}),
    )
    page.meta["coursekit_assets"] = rendered.assets
    _state[f"blocks:{page.file.src_uri}"] = rendered.html_blocks
    return rendered.markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    blocks = _state.pop(f"blocks:{page.file.src_uri}", None)
    return finish_html(html, blocks) if blocks else html


def _body(file: File) -> str:
    from mkdocs.utils.meta import get_data

    return get_data(file.content_string)[0]


def _display_path(docs_dir: Path, config: MkDocsConfig) -> str:
    """docs_dir as the author knows it: relative to the folder of mkdocs.yml."""
    base = Path(config.config_file_path or ".").resolve().parent
    try:
        return os.path.relpath(docs_dir.resolve(), base)
    except ValueError:
        return str(docs_dir)
