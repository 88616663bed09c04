"""The course's own scripts and stylesheets, minified for the built site.

The files in docs/assets/coursekit/ stay readable, with their comments; the site gets them without
comments and spaces, which takes about a third off each file after gzip (rjsmin and rcssmin
change no name and keep /*! licence */ comments). Material's own bundles come minified already.
"""

from __future__ import annotations

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
