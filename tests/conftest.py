"""Suite-wide guards: every folder of tests is collected, and the run reports each level's count.

pytest skips folders named `build`, `dist`, `venv` and others unless told otherwise; a folder
whose tests are silently skipped is a check that cannot fail. So a collection that leaves any
folder of `test_*.py` files without a collected test fails the run, and the summary prints how
many tests each level (unit, build, browser) ran.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
IGNORED = {"fixtures", "__pycache__"}


def test_folders() -> set[str]:
    """Every folder below tests/ that holds a test file, as a path relative to tests/."""
    return {
        path.parent.relative_to(TESTS).as_posix()
        for path in TESTS.rglob("test_*.py")
        if not IGNORED & set(path.relative_to(TESTS).parts)
    }


def _folder(item: pytest.Item) -> str:
    return Path(str(item.path)).parent.relative_to(TESTS).as_posix()


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config,
                                  items: list[pytest.Item]) -> None:
    # Only a whole-suite run can judge coverage of folders; `pytest tests/unit` is fine.
    if [Path(a).resolve() for a in config.args] not in ([TESTS], [TESTS.parent]) and config.args:
        return
    if config.getoption("-m") or config.getoption("-k"):
        return
    collected = {_folder(item) for item in items if TESTS in Path(str(item.path)).parents}
    missing = sorted(test_folders() - collected)
    if missing:
        raise pytest.UsageError(
            "These test folders hold test files but no test was collected from them "
            f"(check norecursedirs and testpaths in pyproject.toml): {', '.join(missing)}"
        )


_outcomes: Counter[tuple[str, str]] = Counter()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        parts = report.nodeid.split("::")[0].split("/")
        level = parts[1] if len(parts) > 2 and parts[0] == "tests" else parts[0]
        _outcomes[(level, report.outcome)] += 1


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    levels = sorted({level for level, _ in _outcomes})
    if not levels:
        return
    terminalreporter.section("tests per level")
    for level in levels:
        counts = ", ".join(f"{_outcomes[(level, outcome)]} {outcome}"
                           for outcome in ("passed", "failed", "skipped")
                           if _outcomes[(level, outcome)])
        terminalreporter.write_line(f"{level}: {counts}")
