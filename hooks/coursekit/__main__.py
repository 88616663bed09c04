"""Stand-alone checker: `python -m coursekit docs/` reports every problem.

It exits 1 on any error or warning, because the site is built with `mkdocs build --strict`,
which fails on warnings too: the checker and the build give one verdict.
"""

from __future__ import annotations

import sys

from .cli import load_docs_arg
from .diagnostics import Severity


def main(argv: list[str] | None = None) -> int:
    course = load_docs_arg("python -m coursekit", __doc__, argv)
    if course is None:
        return 2
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
