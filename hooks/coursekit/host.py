"""The hosting program's own fields (`extra.host` in mkdocs.yml): which ones the course shows,
with their labels, and where each is written in a config's text."""

from __future__ import annotations

import re

# (key under extra.host, the label Course information shows it under)
HOST_FIELDS = (
    ("sponsor", "Sponsoring program"),
    ("credit", "Continuing-education credit"),
    ("authors", "Authors and credentials"),
    ("conflicts", "Conflict-of-interest statement"),
    ("contact", "Course contact"),
    ("accommodation", "Accessibility and accommodation contact"),
    ("grievance", "Complaint and grievance policy"),
    ("address", "Provider address"),  # on the certificate too
    ("approval", "Approval statement"),  # on the certificate too
)


def host_key_lines(text: str) -> dict[str, int]:
    """The line of each key under `host:` in a config's text (the key's own line, 1-based)."""
    found: dict[str, int] = {}
    indent = None
    for number, line in enumerate(text.splitlines(), 1):
        if indent is None:
            if re.match(r"\s+host:\s*$", line):
                indent = len(line) - len(line.lstrip())
            continue
        stripped = line.lstrip()
        if stripped and not stripped.startswith("#"):
            if len(line) - len(stripped) <= indent:
                break
            if match := re.match(r"([A-Za-z_][\w-]*):", stripped):
                found.setdefault(match.group(1), number)
    return found
