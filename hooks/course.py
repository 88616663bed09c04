"""MkDocs adapter for coursekit: the only module that imports MkDocs.

It loads and checks the whole course once per build, logs every diagnostic as
`path:line: [rule] message` on the `mkdocs.plugins.course` logger (so `--strict` fails on
warnings), stops the build before anything is written when there are errors, and hands each
page to coursekit to expand its blocks. In the instructor edition it adds the instructor pages,
the gathered instructor notes and the printables to the site and its navigation.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from coursekit.assets import (
    COURSE_STYLESHEET,
    MATERIAL_BUNDLE,
    PALETTE_FILE,
    drop_indentation,
    hashed_name,
    is_course_asset,
    minify_asset,
    palette_colours,
    palette_subset,
)
from coursekit.course import Course, load_course
from coursekit.diagnostics import Severity
from coursekit.edition import (
    edition_error,
    instructor_nav,
    instructor_only,
    page_body,
    refusal,
    sponsor_pages,
    with_credit_hours,
)
from coursekit.export import export_files
from coursekit.notebook import is_notebook, render_notebook_page
from coursekit.printables import NOTES_PAGE, printable_pages
from coursekit.progress import COURSE_MAP, course_map_js
from coursekit.transform import (
    Context,
    finish_html,
    glossary_links,
    instructor_notes_page,
    swap_late_blocks,
    transform_page,
)

log = logging.getLogger("mkdocs.plugins.course")

# Per-build state. Hook modules outlive a build (mkdocs serve, tests), so on_config resets it.
_state: dict[str, object] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.clear()
    edition = config.extra.get("edition", "learner")
    if problem := edition_error(edition):
        raise PluginError(problem)
    docs_dir = Path(config.docs_dir)
    course = load_course(docs_dir, _display_path(docs_dir, config))
    for found in course.diagnostics:
        level = logging.ERROR if found.severity is Severity.ERROR else logging.WARNING
        log.log(level, found.format())
    if message := refusal(course.diagnostics):
        raise PluginError(message)
    _state["course"] = course
    _state["instructor"] = edition == "instructor"
    _state["sponsor"] = sponsor_pages(course, edition == "instructor")  # credit hours, curriculum map
    if config.nav is not None:  # without a nav MkDocs lists every file, generated ones too
        config.nav = with_credit_hours(config.nav)
    if edition == "instructor":
        _state["generated"] = printable_pages(course)
        authors = list(config.extra.get("author_nav") or [])  # the authoring guide
        config.nav = [*(config.nav or []), {"Instructor edition": [*instructor_nav(course), *authors]}]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    course: Course = _state["course"]  # type: ignore[assignment]
    sponsor: dict[str, str] = _state["sponsor"]  # type: ignore[assignment]
    # The progress script's course map: each module's self-checks in this edition.
    built = {uri for uri in course.pages if _state["instructor"] or not instructor_only(uri)}
    for file in [f for f in files if is_course_asset(f.src_uri)]:
        files.remove(file)
        files.append(File.generated(config, file.src_uri,
                                    content=minify_asset(file.src_uri, file.content_string)))
    files.append(File.generated(config, COURSE_MAP, content=course_map_js(course, built)))
    _merge_stylesheets(files, config)
    if not _state["instructor"]:
        for file in [f for f in files if instructor_only(f.src_uri)]:
            files.remove(file)
        for uri, content in sponsor.items():
            files.append(File.generated(config, uri, content=content))
        return files
    sources = {file.src_uri: page_body(file.content_string)
               for file in files.documentation_pages() if file.src_uri in course.pages}
    files.append(File.generated(config, NOTES_PAGE, content=instructor_notes_page(course, sources)))
    generated: dict[str, str] = _state["generated"]  # type: ignore[assignment]
    for uri, content in {**generated, **sponsor, **export_files(course)}.items():
        files.append(File.generated(config, uri, content=content))
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Material's bundle, by its hashed name, for overrides/main.html to load it deferred.
    env.globals["coursekit_bundle"] = next(
        (f.src_uri for f in files if MATERIAL_BUNDLE.fullmatch(f.src_uri)), None)
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    course: Course = _state["course"]  # type: ignore[assignment]
    record = course.pages.get(page.file.src_uri)
    if record is None:  # a page generated above: already final Markdown
        if page.file.src_uri in _state.get("generated", {}):  # type: ignore[operator]
            page.meta["coursekit_assets"] = ["roleplay"]
        return markdown
    if is_notebook(page.file.src_uri):  # mkdocs-jupyter renders it; on_page_content finishes it
        page.meta["coursekit_assets"] = ["notebook", *(["quiz"] if record.questions else [])]
        return markdown
    rendered = transform_page(
        markdown, record,
        Context(course, bool(_state["instructor"]), config.extra.get("host") or {}),
    )
    page.meta["coursekit_assets"] = rendered.assets
    _state[f"blocks:{page.file.src_uri}"] = rendered.html_blocks
    _state[f"late:{page.file.src_uri}"] = rendered.late_blocks
    return rendered.markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    course: Course = _state["course"]  # type: ignore[assignment]
    if is_notebook(page.file.src_uri) and (record := course.pages.get(page.file.src_uri)):
        return render_notebook_page(html, record, course.bibliography)
    # Every page passes through the sanitiser, with or without questions to swap in.
    blocks = _state.pop(f"blocks:{page.file.src_uri}", None)
    terms = glossary_links(course, page.file.src_uri) if page.file.src_uri in course.pages else None
    return finish_html(html, blocks or {}, terms)  # type: ignore[arg-type]


@event_priority(-100)  # after the search plugin has indexed the page's stand-ins
def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig,
                    nav: Navigation) -> TemplateContext:
    if late := _state.pop(f"late:{page.file.src_uri}", None):
        page.content = swap_late_blocks(page.content or "", late)  # type: ignore[arg-type]
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _link_course_stylesheet(drop_indentation(output))


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return _link_course_stylesheet(drop_indentation(output_content))  # 404.html and sitemap.xml


def _merge_stylesheets(files: Files, config: MkDocsConfig) -> None:
    """Material's palette stylesheet, which blocks every page's first paint, cut to the course's
    own colours and followed by the course's stylesheets, as one file under a name hashed from
    its content (see coursekit.assets); pages link it where Material linked the palette. Material
    links the palette only when the theme sets one; without one, nothing changes."""
    palette = next((f for f in files if PALETTE_FILE.fullmatch(f.src_uri)), None)
    theme_palette = config.theme.get("palette")
    if palette is None or not theme_palette:
        return
    colours = palette_colours(theme_palette)
    parts = [palette_subset(palette.content_string, colours) if colours else palette.content_string]
    # Already minified above; in extra_css order, which is the cascade's. Pages are rendered
    # after this event, so the template no longer links them one by one.
    sheets = {uri: sheet for uri in config.extra_css
              if is_course_asset(uri) and (sheet := files.get_file_from_path(uri)) is not None}
    for sheet in sheets.values():
        parts.append(sheet.content_string.strip())
        files.remove(sheet)
    config.extra_css = [uri for uri in config.extra_css if uri not in sheets]
    content = "\n".join(parts) + "\n"
    uri = hashed_name(COURSE_STYLESHEET, content)
    for file in [palette, files.get_file_from_path(palette.src_uri + ".map")]:
        if file is not None:
            files.remove(file)
    files.append(File.generated(config, uri, content=content))
    _state["stylesheet_link"] = (f"/{Path(palette.src_uri).name}\"", f"/{Path(uri).name}\"")


def _link_course_stylesheet(html: str) -> str:
    """`html` with Material's palette link pointing at the course's one stylesheet."""
    if renamed := _state.get("stylesheet_link"):
        old, new = renamed  # type: ignore[misc]
        return html.replace(old, new)
    return html


def _display_path(docs_dir: Path, config: MkDocsConfig) -> str:
    """docs_dir as the author knows it: relative to the folder of mkdocs.yml."""
    base = Path(config.config_file_path or ".").resolve().parent
    try:
        return os.path.relpath(docs_dir.resolve(), base)
    except ValueError:
        return str(docs_dir)
