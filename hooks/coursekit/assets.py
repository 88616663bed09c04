"""The course's own scripts and stylesheets minified, and every page without its indentation.

The files in docs/assets/coursekit/ stay readable, with their comments; the site gets them without
comments and spaces, which takes about a third off each file after gzip (rjsmin and rcssmin
change no name and keep /*! licence */ comments). Material's own bundles come minified already.
Material's page templates indent every line; the site's pages are written without that
indentation (Module 1: 53 to 45 KB, as an intranet's plain file server sends it). Material's
palette stylesheet, which every page loads before it can paint, holds the rules for all 21 of
its colours; the site gets only the rules for the colours the course uses (12 to under 4 KB),
in one file with the course's own stylesheets (one request before the first paint, not three).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Collection, Iterable
from typing import Any

import rcssmin
import rjsmin
import tinycss2
from tinycss2.ast import AtRule, LiteralToken, Node, QualifiedRule

ASSET_FOLDER = "assets/coursekit/"

_MINIFIERS: dict[str, Callable[[str], str]] = {
    ".js": lambda text: rjsmin.jsmin(text, keep_bang_comments=True),
    ".css": lambda text: rcssmin.cssmin(text, keep_bang_comments=True),
}


def is_course_asset(src_uri: str) -> bool:
    """A script or stylesheet of the course's own (not a vendored or generated file)."""
    return src_uri.startswith(ASSET_FOLDER) and "/" not in src_uri[len(ASSET_FOLDER):] and any(
        src_uri.endswith(suffix) for suffix in _MINIFIERS)


def minify_asset(src_uri: str, text: str) -> str:
    """`text` minified for the site, by the file's kind; a newline ends it, as the source does."""
    minify = next(function for suffix, function in _MINIFIERS.items() if src_uri.endswith(suffix))
    return minify(text).strip() + "\n"


# Where white space is content: preformatted text and code, form text, scripts and styles.
_SPACE_KEPT = re.compile(r"<(pre|textarea|code|script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_INDENTATION = re.compile(r"\n[ \t]+")


def drop_indentation(page_html: str) -> str:
    """The page with the spaces and tabs that start its lines removed, except inside `pre`,
    `textarea`, `code`, `script` and `style`. The line break before them stays, so the text
    reads the same: outside those elements a run of white space shows as one space."""
    out = []
    done = 0
    for kept in _SPACE_KEPT.finditer(page_html):
        out.append(_INDENTATION.sub("\n", page_html[done:kept.start()]))
        out.append(kept.group(0))
        done = kept.end()
    out.append(_INDENTATION.sub("\n", page_html[done:]))
    return "".join(out)


# ---- Material's palette stylesheet -----------------------------------------------------------

MATERIAL_BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js")
PALETTE_FILE = re.compile(r"assets/stylesheets/palette\.([0-9a-f]{8})\.min\.css")
# The one stylesheet a page loads after Material's main one: the palette cut to the course's
# colours, then the course's own stylesheets (extra_css), so a page waits for two stylesheets
# before it paints rather than four. `hashed_name` puts its content's hash in the name.
COURSE_STYLESHEET = "assets/stylesheets/course.00000000.min.css"
_COLOUR_IN_SELECTOR = re.compile(r"data-md-color-(?:primary|accent)=[\"']?([\w-]+)")


def palette_colours(palette: Any) -> set[str]:
    """The primary and accent colours of `theme.palette` (one mapping or a list of them), named
    as Material writes them into the page: "deep purple" is `deep-purple`."""
    entries = palette if isinstance(palette, list) else [palette]
    return {str(entry[key]).lower().replace(" ", "-") for entry in entries if isinstance(entry, dict)
            for key in ("primary", "accent") if entry.get(key)}


def palette_subset(css: str, colours: Collection[str]) -> str:
    """Material's palette stylesheet with only what applies to these colours: of a rule's
    selectors, those that name no other primary or accent colour; rules left without a
    selector, and blocks left without a rule, are dropped. Scheme rules (the dark palette)
    name no colour and all stay. The rule on `data-md-color-switching` goes too (see
    `_SWITCHING`)."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "".join(_kept_rules(rules, colours))


# Material sets and removes this attribute on <body> as every page loads, and its one rule
# (transitions off while the palette changes) makes each change restyle the whole page.
# course.css and course.js do the same only when the learner switches the palette.
_SWITCHING = "data-md-color-switching"


def _kept_rules(rules: Iterable[Node], colours: Collection[str]) -> Iterable[str]:
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            selectors = [part for part in _selectors(rule.prelude)
                         if set(_COLOUR_IN_SELECTOR.findall(part)) <= set(colours)
                         and _SWITCHING not in part]
            if selectors:
                yield f"{','.join(selectors)}{{{tinycss2.serialize(rule.content).strip()}}}"
        elif isinstance(rule, AtRule) and rule.content is not None and rule.lower_at_keyword in (
                "media", "supports"):
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            if kept := "".join(_kept_rules(inner, colours)):
                yield f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude).rstrip()}{{{kept}}}"
        elif isinstance(rule, AtRule):
            yield rule.serialize()


def _selectors(prelude: list[Node]) -> list[str]:
    """The selectors of a rule's prelude, split at its top-level commas (tinycss2 keeps the
    commas inside brackets and functions nested in their own blocks)."""
    parts: list[list[Node]] = [[]]
    for token in prelude:
        if isinstance(token, LiteralToken) and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return [text for part in parts if (text := tinycss2.serialize(part).strip())]


def hashed_name(uri: str, content: str) -> str:
    """`uri` with the 8-digit hash Material puts in its file names replaced by this content's,
    so a server may cache it for good (hosting/: immutable) and a changed palette gets a new
    name."""
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:8]
    return re.sub(r"\.[0-9a-f]{8}\.min\.", f".{digest}.min.", uri)
