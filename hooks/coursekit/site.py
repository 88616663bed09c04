"""What MkDocs itself would refuse under --strict, found with a source line: pages missing from
the nav, relative links to files that do not exist, and links to #anchors a page lacks.

The checker reads `mkdocs.yml` beside the docs folder (with any file it INHERITs) and follows
its `validation:` settings, so it refuses exactly what a strict build of that config refuses.
Without a `mkdocs.yml` there it checks links with MkDocs' defaults (a missing target is a
warning, a missing anchor is not checked).
"""

from __future__ import annotations

import contextlib
import html
import posixpath
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

import pathspec
import yaml
from markdown.extensions.toc import slugify

from .diagnostics import Diagnostic
from .host import HOST_FIELDS, host_key_lines
from .limits import read_source
from .rules import diagnostic
from .source import heading_text, prose_lines, split_front_matter

if TYPE_CHECKING:
    from .course import Course

CONFIG = "mkdocs.yml"
INSTRUCTOR_FOLDER = "instructors/"  # the adapter adds these to the nav, or leaves them out
DEFAULT_EXCLUDES = (".*", "/templates/")  # MkDocs' own exclude_docs defaults


class _ConfigLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Reads mkdocs.yml without running anything: !ENV, !relative and python tags become None."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass
class SiteConfig:
    path: str  # as shown in diagnostics
    text: str
    nav: list[str] | None  # docs paths listed in the nav; None: MkDocs builds the nav itself
    excluded: pathspec.PathSpec
    not_in_nav: pathspec.PathSpec
    levels: dict[str, str] = field(default_factory=dict)  # validation name -> "warn" / "info"
    host: Any = None  # extra.host as written

    def warns(self, name: str) -> bool:
        return self.levels.get(name) in ("warn", "warning", "error")


def check_site(course: Course, docs_dir: Path, display_dir: str) -> list[Diagnostic]:
    config = load_site_config(docs_dir, display_dir)
    if config is None:
        config = SiteConfig("", "", None, _spec(DEFAULT_EXCLUDES), _spec(()),
                            {"not_found": "warn"})
    found: list[Diagnostic] = []
    published = {uri for uri in course.pages if not config.excluded.match_file(uri)}
    if config.nav is not None and config.warns("omitted_files"):
        listed = set(config.nav)
        for uri in sorted(published):
            if (uri not in listed and not uri.startswith(INSTRUCTOR_FOLDER)
                    and not config.not_in_nav.match_file(uri)):
                found.append(diagnostic("nav-missing", course.pages[uri].path, 1,
                                        f"Page '{uri}' is not listed in the nav of {config.path}."))
    if config.nav is not None and config.warns("nav_not_found"):
        for entry in config.nav:
            if entry not in published and not (docs_dir / entry).is_file():
                line = _line_of(config.text, entry)
                found.append(diagnostic("nav-missing", config.path, line,
                                        f"The nav lists '{entry}', which is not in the docs folder."))
    found += _check_links(course, docs_dir, config, published)
    found += _check_host(config)
    return found


def _check_host(config: SiteConfig) -> list[Diagnostic]:
    """extra.host: every value text (or a number), every key one the course shows.

    A misspelt key would leave the real field unset and a list would be printed as "[1, 2]".
    """
    if not isinstance(config.host, dict):
        return []
    known = [key for key, _ in HOST_FIELDS]
    lines = host_key_lines(config.text)
    found = []
    for key, value in config.host.items():
        line = lines.get(str(key), 1)
        if str(key) not in known:
            found.append(diagnostic("host-field", config.path, line,
                                    f"extra.host.{key} is not a field the course shows; the fields "
                                    f"are {', '.join(known)}."))
        elif isinstance(value, (dict, list, bool)):
            found.append(diagnostic("host-field", config.path, line,
                                    f"extra.host.{key} must be text."))
    return found


def load_site_config(docs_dir: Path, display_dir: str) -> SiteConfig | None:
    """The config beside `docs_dir` when its docs_dir is that folder, else None."""
    path = docs_dir.parent / CONFIG
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
        data = _load_config(path, text, 0)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return None  # MkDocs reports a broken config itself, before any hook runs
    if not isinstance(data, dict):
        return None
    if (path.parent / str(data.get("docs_dir") or "docs")).resolve() != docs_dir.resolve():
        return None
    nav = data.get("nav")
    levels = _levels(data.get("validation"))
    shown = posixpath.join(posixpath.dirname(display_dir.rstrip("/")), CONFIG)
    return SiteConfig(
        shown, text, None if nav is None else list(_nav_paths(nav)),
        _spec((*DEFAULT_EXCLUDES, *str(data.get("exclude_docs") or "").splitlines())),
        _spec(str(data.get("not_in_nav") or "").splitlines()), levels,
        (data.get("extra") or {}).get("host") if isinstance(data.get("extra"), dict) else None,
    )


def _load_config(path: Path, text: str, depth: int) -> Any:
    data = yaml.load(text, Loader=_ConfigLoader)  # a SafeLoader subclass
    parent = data.get("INHERIT") if isinstance(data, dict) else None
    if isinstance(parent, str) and depth < 5:
        parent_path = path.parent / parent
        base = _load_config(parent_path, parent_path.read_text(encoding="utf-8-sig"), depth + 1)
        if isinstance(base, dict):
            data = _merge(base, data)
    return data


def _merge(base: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """MkDocs' INHERIT: mappings merge recursively, everything else is replaced."""
    merged = dict(base)
    for key, value in child.items():
        old = merged.get(key)
        merged[key] = _merge(old, value) if isinstance(old, dict) and isinstance(value, dict) else value
    return merged


def _levels(validation: Any) -> dict[str, str]:
    """MkDocs 1.6 validation levels; top-level shorthand keys apply to both nav and links."""
    levels = {"omitted_files": "info", "nav_not_found": "warn", "not_found": "warn",
              "anchors": "info"}
    if not isinstance(validation, dict):
        return levels
    for key in ("omitted_files", "not_found", "anchors"):
        if isinstance(validation.get(key), str):
            levels[key] = validation[key]
    if isinstance(validation.get("not_found"), str):
        levels["nav_not_found"] = validation["not_found"]
    nav, links = validation.get("nav"), validation.get("links")
    if isinstance(nav, dict):
        for key in ("omitted_files", "not_found"):
            if isinstance(nav.get(key), str):
                levels["nav_not_found" if key == "not_found" else key] = nav[key]
    if isinstance(links, dict):
        for key in ("not_found", "anchors"):
            if isinstance(links.get(key), str):
                levels[key] = links[key]
    return levels


def _nav_paths(nav: Any) -> list[str]:
    found: list[str] = []
    stack = [nav]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if not urlsplit(item).scheme and not item.startswith("/"):
                found.append(posixpath.normpath(item))
        elif isinstance(item, dict):
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return found


def _spec(lines: Any) -> pathspec.PathSpec:
    return pathspec.GitIgnoreSpec.from_lines([line for line in lines if line.strip()])


def _line_of(text: str, entry: str) -> int:
    at = text.find(entry)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


# ---- links -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    target: str
    line: int  # file line


def links_in(source: str) -> list[Link]:
    """Inline links, images and link definitions in prose (not code), with their file lines.

    One left-to-right scan: each "](" is followed to the next ")" on its line.
    """
    _, used = split_front_matter(source)
    body = "\n".join(source.split("\n")[used:]) if used else source
    found = []
    for index, line in prose_lines(body):
        if "](" not in line and "]:" not in line:
            continue
        stripped = line.lstrip(" ")
        if stripped.startswith("[") and "]:" in stripped and len(line) - len(stripped) < 4:
            target = stripped[stripped.index("]:") + 2 :].strip().split(" ")[0]
            if target:
                found.append(Link(target.strip("<>"), index + used + 1))
        start = line.find("](")
        while start >= 0:
            end = line.find(")", start + 2)
            if end < 0:
                break
            target = line[start + 2 : end].strip().split(" ")[0].strip("<>")
            if target:
                found.append(Link(target, index + used + 1))
            start = line.find("](", end)
    return found


def _check_links(course: Course, docs_dir: Path, config: SiteConfig,
                 published: set[str]) -> list[Diagnostic]:
    checks_anchors = config.warns("anchors")
    if not config.warns("not_found") and not checks_anchors:
        return []
    anchors: dict[str, set[str]] = {}
    generated = instructor_pages(course)
    found = []
    for uri in sorted(published):
        page = course.pages[uri]
        if not uri.endswith(".md"):
            continue
        source = read_source(docs_dir / uri)
        if source is None:
            continue
        for link in links_in(source):
            parts = urlsplit(link.target)
            if parts.scheme or parts.netloc or link.target.startswith(("/", "\\")):
                continue
            path = unquote(parts.path)
            target = posixpath.normpath(posixpath.join(posixpath.dirname(uri), path)) if path else uri
            if path and not posixpath.splitext(path)[1]:
                continue  # a folder-style link: MkDocs' unrecognized_links, not checked here
            learner_only_gap = (target.startswith(INSTRUCTOR_FOLDER)
                                and not uri.startswith(INSTRUCTOR_FOLDER))
            exists = target in published or target in generated or (
                target not in course.pages and (docs_dir / target).is_file()
                and not config.excluded.match_file(target))
            if config.warns("not_found") and (not exists or learner_only_gap):
                why = ("exists only in the instructor edition" if exists
                       else "is not in the docs folder")
                found.append(diagnostic("link-broken", page.path, link.line,
                                        f"The link '{link.target}' points to '{target}', which {why}."))
                continue
            if checks_anchors and parts.fragment and target in course.pages and exists:
                if target not in anchors:
                    anchors[target] = page_anchors(course, target, docs_dir)
                if parts.fragment not in anchors[target]:
                    found.append(diagnostic("link-anchor", page.path, link.line,
                                            f"The link '{link.target}': '{target}' has no anchor "
                                            f"'#{parts.fragment}'."))
    return found


def instructor_pages(course: Course) -> set[str]:
    """Pages and files the instructor edition generates: the notes page, printables, exports
    (their paths only: nothing is rendered here)."""
    # These import course, which imports this module. The edition's pages: credit hours in both
    # editions, the curriculum map in the instructor's.
    from .edition import CREDIT_HOURS_PAGE, CURRICULUM_MAP_PAGE
    from .printables import NOTES_PAGE, PRINTABLE_KINDS, card_uri, printable_uri

    uris = {NOTES_PAGE, CREDIT_HOURS_PAGE, CURRICULUM_MAP_PAGE}
    for page, roleplay in course.roleplays:
        uris.update(printable_uri(kind, page) for kind in PRINTABLE_KINDS)
        uris.update(card_uri(page, role) for role in roleplay.roles)
    for page in course.pages.values():
        if page.kind == "posttest":
            stem = posixpath.splitext(page.src_uri)[0]
            uris.update((f"{stem}.gift.txt", f"{stem}.moodle.xml"))
    return uris


def page_anchors(course: Course, uri: str, docs_dir: Path) -> set[str]:
    """The ids the learner edition of a page will hold: headings as toc slugs them, attribute
    lists, raw HTML ids, and what the engine generates (module header, reference list)."""
    from .transform import Context, transform_page  # transform imports course, which imports us

    source = read_source(docs_dir / uri) or ""
    _, used = split_front_matter(source)
    markdown = "\n".join(source.split("\n")[used:])
    with contextlib.suppress(Exception):  # a page with errors (reported already): its source
        markdown = transform_page(markdown, course.pages[uri], Context(course, False, {})).markdown
    return anchors_in(markdown)


def anchors_in(markdown: str) -> set[str]:
    ids: set[str] = set()
    for _, line in prose_lines(markdown):
        text = heading_text(line)
        explicit = _attr_ids(line)
        if text is not None:
            if text.endswith("}") and "{" in text:
                text = text[: text.rfind("{")].rstrip()
            if not explicit:
                ids.add(_unique(slugify(_plain(text), "-"), ids))
        ids.update(explicit)
        ids.update(_html_ids(line))
    return ids


def _unique(slug: str, ids: set[str]) -> str:
    """Python-Markdown's toc: a repeated slug gets _1, _2, ..."""
    if slug not in ids:
        return slug
    number = 1
    while f"{slug}_{number}" in ids:
        number += 1
    return f"{slug}_{number}"


def _plain(text: str) -> str:
    """A heading's text as toc sees it after inline Markdown: links, emphasis and code markup
    removed, entities decoded."""
    text = _strip_link_targets(text)
    for mark in ("**", "__", "*", "`"):
        text = text.replace(mark, "")
    text = text.replace("[", "").replace("]", "")
    out, inside = [], False
    for char in text:  # drop inline HTML tags
        if char == "<":
            inside = True
        elif char == ">" and inside:
            inside = False
        elif not inside:
            out.append(char)
    return unicodedata.normalize("NFC", html.unescape("".join(out)))


def _strip_link_targets(text: str) -> str:
    pieces, last = [], 0
    start = text.find("](")
    while start >= 0:
        end = text.find(")", start)
        if end < 0:
            break
        pieces.append(text[last : start + 1])
        last = end + 1
        start = text.find("](", last)
    return "".join(pieces) + text[last:]


def _attr_ids(line: str) -> set[str]:
    """Ids from attribute lists: `{ #ref-key .ck-ref }`, `{#id}`."""
    ids = set()
    start = line.find("{")
    while start >= 0:
        end = line.find("}", start)
        if end < 0:
            break
        for token in line[start + 1 : end].split():
            if token.startswith("#") and len(token) > 1:
                ids.add(token[1:])
        start = line.find("{", end)
    return ids


def _html_ids(line: str) -> set[str]:
    ids = set()
    for marker in (' id="', ' name="'):
        start = line.find(marker)
        while start >= 0:
            end = line.find('"', start + len(marker))
            if end < 0:
                break
            ids.add(line[start + len(marker) : end])
            start = line.find(marker, end)
    return ids
