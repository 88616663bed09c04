"""The course's own scripts and stylesheets minified, and every page without its indentation.

The files in docs/assets/coursekit/ stay readable, with their comments; the site gets them without
comments and spaces, which takes about a third off each file after gzip (rjsmin and rcssmin
change no name and keep /*! licence */ comments). Material's own bundles come minified already.
Material's page templates indent every line; the site's pages are written without that
indentation (Module 1: 53 to 45 KB, as an intranet's plain file server sends it).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import rcssmin
import rjsmin

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
