"""Stand-alone checker: `python -m coursekit docs/` reports every problem.

It exits 1 on any error or warning, because the site is built with `mkdocs build --strict`,
which fails on warnings too: the checker and the build give one verdict.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .course import load_course
from .diagnostics import Severity


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit", description=__doc__)
    parser.add_argument("docs_dir", nargs="?", default="docs", help="the course's docs folder")
    args = parser.parse_args(argv)
    docs = Path(args.docs_dir)
    if not docs.is_dir():
        print(f"{args.docs_dir}: not a folder", file=sys.stderr)
        return 2
    course = load_course(docs, args.docs_dir.rstrip("/") or ".")
    for found in course.diagnostics:
        print(found.format())
    errors = sum(d.severity is Severity.ERROR for d in course.diagnostics)
    warnings = len(course.diagnostics) - errors
    pages = len(course.pages)
    questions = sum(len(p.questions) for p in course.pages.values())
    print(f"{pages} pages, {len(course.modules)} modules, {questions} questions, "
          f"{len(course.roleplays)} role-plays: {errors} errors, {warnings} warnings",
          file=sys.stderr)
    return 1 if course.diagnostics else 0


if __name__ == "__main__":
    sys.exit(main())
