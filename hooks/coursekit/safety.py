"""Build-time rejection of markup that must never reach a learner's browser."""

from __future__ import annotations

import re

_UNSAFE = (
    (re.compile(r"<\s*script\b", re.IGNORECASE), "a <script> tag"),
    (re.compile(r"<\s*iframe\b", re.IGNORECASE), "an <iframe> tag"),
    (re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE), "an on...= event attribute"),
    # Markdown's attr_list turns `{: onclick="..." }` into an attribute, so reject it there too.
    (re.compile(r"\{[^}\n]*\bon[a-z]+\s*=", re.IGNORECASE), "an on...= attribute in an attribute list"),
    (re.compile(r"javascript\s*:", re.IGNORECASE), "a javascript: URL"),
)


def find_unsafe(text: str) -> list[tuple[int, str]]:
    """(0-based line within text, what was found) for each unsafe construct."""
    found = []
    for pattern, what in _UNSAFE:
        for match in pattern.finditer(text):
            found.append((text.count("\n", 0, match.start()), what))
    return sorted(found)
