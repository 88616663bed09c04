#!/usr/bin/env python3
"""Fill in a hosting template: every @NAME@ becomes the value given as NAME=value.

    python3 hosting/render.py hosting/nginx/course-learner.conf \
        LISTEN=80 SERVER_NAME=course.intranet LEARNER_ROOT=/srv/course/site > course.conf

Refuses (exit 2, nothing written) a template name left without a value, a value the template
does not use (a typing slip), and a value with spaces, quotes, semicolons or braces, which
would change the configuration's meaning rather than fill a blank in it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

TOKEN = re.compile(r"@([A-Z][A-Z0-9_]*)@")
SAFE_VALUE = re.compile(r"[A-Za-z0-9_./:*\[\]-]+")


class RenderError(Exception):
    pass


def render(text: str, values: dict[str, str], source: str = "<template>") -> str:
    for name, value in values.items():
        if not SAFE_VALUE.fullmatch(value):
            raise RenderError(f"{name}={value!r}: use letters, digits and . / : _ - only "
                              "(no spaces, quotes, semicolons or braces)")
    used = set()
    missing = []
    for number, line in enumerate(text.splitlines(), start=1):
        for name in TOKEN.findall(line):
            used.add(name)
            if name not in values:
                missing.append(f"{source}:{number}: @{name}@ has no value; pass {name}=...")
    unused = sorted(set(values) - used)
    if unused:
        missing.append(f"{source}: does not use {', '.join(unused)} (a typing slip?)")
    if missing:
        raise RenderError("\n".join(missing))
    return TOKEN.sub(lambda match: values[match.group(1)], text)


def main(argv: list[str]) -> int:
    if len(argv) < 1 or argv[0] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    template, *pairs = argv
    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            print(f"render.py: {pair!r} is not NAME=value", file=sys.stderr)
            return 2
        values[name] = value
    try:
        text = Path(template).read_text(encoding="utf-8")
        sys.stdout.write(render(text, values, template))
    except (OSError, RenderError) as error:
        print(f"render.py: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
