"""Hostile page shapes: text built to make a backtracking regular expression or a quadratic
scan stall. The benchmark times the checker on each, and a test feeds each to the checker
under a generous time limit, so that a return of super-linear scanning fails CI.

Each shape takes a size in bytes and returns a whole page of about that size.
"""

from __future__ import annotations

from collections.abc import Callable


def _repeat(unit: str, size: int) -> str:
    return unit * max(size // len(unit), 1)


def _page(body: str) -> str:
    return f"---\ntitle: Hostile\n---\n\n# Hostile\n\n{body}\n"


def _question(value: str) -> str:
    return _page(f"```question\nid: m1-q\nobjective: m1-o1\nprompt: {value}\n```")


SHAPES: dict[str, Callable[[int], str]] = {
    "run of <": lambda n: _page(_repeat("<", n)),
    "run of <a": lambda n: _page(_repeat("<a ", n)),
    "run of [@": lambda n: _page(_repeat("[@", n)),
    "run of [@a": lambda n: _page(_repeat("[@a ", n)),
    "run of backticks": lambda n: _page(_repeat("`", n)),
    "run of ``a`": lambda n: _page(_repeat("``a`", n)),
    "run of {:": lambda n: _page(_repeat("{:", n)),
    "run of {: on": lambda n: _page(_repeat("{: on", n)),
    "run of <!--": lambda n: _page(_repeat("<!--", n)),
    "run of ](": lambda n: _page(_repeat("](", n)),
    "run of *[": lambda n: _page(_repeat("*[", n)),
    "lines of !!!": lambda n: _page(_repeat("!!! instructor\n", n)),
    "lines of ??? Instructor": lambda n: _page(_repeat("??? Instructor x\n", n)),
    "heading of spaces": lambda n: _page("# " + " " * n + "x"),
    "lines of *[x": lambda n: _page(_repeat("*[x\n", n)),
    "deep flow brackets": lambda n: _question("[" * (n // 2) + "]" * (n // 2)),
    "unclosed flow brackets": lambda n: _question("[" * n),
    "deep block list": lambda n: _question("\n" + "".join(
        " " * (2 * i) + "- x\n" for i in range(min(int((n / 2) ** 0.5), 5000)))),
    "javascript: runs": lambda n: _page(_repeat("javascript ", n)),
    "front matter of dashes": lambda n: "---\n" + _repeat("--- x\n", n),
}
