"""Fixtures for the build tests, and a watch on the `mkdocs` logger.

Every test here runs under `mkdocs_log`, which records each WARNING or ERROR logged under
`mkdocs.` while the test runs and fails the test if any is left over: a test that expects one
must take it with `mkdocs_log.take(...)`. Builds of the real course are slow enough to be made
once per session; their records are kept on the `Built` result instead.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sitebuild import FIXTURES, ROOT, Built, LogWatch, build_site


@pytest.fixture(autouse=True)
def mkdocs_log() -> Iterator[LogWatch]:
    watch = LogWatch()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(watch.recorder)
    try:
        yield watch
    finally:
        logger.removeHandler(watch.recorder)
    left = [f"{r.levelname} {r.name}: {r.getMessage()}" for r in watch.recorder.records]
    if left:
        pytest.fail("unexpected MkDocs warnings or errors:\n" + "\n".join(left), pytrace=False)


def _session_build(factory: pytest.TempPathFactory, config: Path, name: str) -> Built:
    if not config.exists():
        pytest.skip(f"{config.name} does not exist yet")
    return build_site(config, factory.mktemp(name) / "site")


@pytest.fixture(scope="session")
def learner_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The real course, learner edition, built once."""
    return _session_build(tmp_path_factory, ROOT / "mkdocs.yml", "learner")


@pytest.fixture(scope="session")
def instructor_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The real course, instructor edition, built once."""
    return _session_build(tmp_path_factory, ROOT / "mkdocs.instructor.yml", "instructor")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _session_build(tmp_path_factory, FIXTURES / "site-ok" / "mkdocs.yml", "fixture-learner")


@pytest.fixture(scope="session")
def fixture_instructor_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _session_build(tmp_path_factory, FIXTURES / "site-ok" / "mkdocs.instructor.yml",
                          "fixture-instructor")
