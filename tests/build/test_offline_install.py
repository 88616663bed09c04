"""The offline route works: wheels from `make wheelhouse` alone install and build the course.

An intranet machine has no package index. This test makes the wheelhouse (the one step that
needs an index), then sets up a fresh virtual environment through the Makefile with every
index pointed at a closed port, and builds both editions with it.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLOSED_INDEX = "http://127.0.0.1:9/simple"  # nothing listens on port 9: any index use fails


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={**os.environ, **env})


@pytest.mark.build
def test_the_wheelhouse_alone_installs_and_builds_both_editions(tmp_path: Path) -> None:
    wheelhouse, venv = tmp_path / "wheelhouse", tmp_path / "venv"
    made = _run(["make", "wheelhouse", f"WHEELHOUSE={wheelhouse}"])
    assert made.returncode == 0, made.stderr
    assert not list(wheelhouse.glob("nurturing-intimacy-course-*"))

    installed = _run(["make", f"VENV={venv}", f"WHEELHOUSE={wheelhouse}", f"{venv}/bin/.installed"],
                     PIP_INDEX_URL=CLOSED_INDEX, PIP_EXTRA_INDEX_URL="", PIP_RETRIES="0")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert "--no-index --find-links" in installed.stdout  # the Makefile chose the offline route

    for config, site in (("mkdocs.yml", "site"), ("mkdocs.instructor.yml", "site-instructor")):
        built = _run([str(venv / "bin" / "mkdocs"), "build", "--strict", "-f", config,
                      "-d", str(tmp_path / site)], NO_MKDOCS_2_WARNING="1")
        assert built.returncode == 0, built.stderr
        assert (tmp_path / site / "index.html").exists()
