"""What the command lines `python -m coursekit` and `python -m coursekit.items` share: one optional
docs folder argument, loaded as a course, or a one-line message and exit status 2 when it is not a
folder (a missing folder is a usage mistake, not a course with errors)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .course import Course


def load_docs_arg(prog: str, description: str | None, argv: list[str] | None) -> Course | None:
    """The course in the folder named on the command line (default docs), or None once the
    message saying it is not a folder has been printed."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("docs_dir", nargs="?", default="docs", help="the course's docs folder")
    args = parser.parse_args(argv)
    docs = Path(args.docs_dir)
    if not docs.is_dir():
        print(f"{args.docs_dir}: not a folder", file=sys.stderr)
        return None
    # Imported here: coursekit.course imports coursekit.items, whose main() uses this helper.
    from .course import load_course

    return load_course(docs, args.docs_dir.rstrip("/") or ".")
