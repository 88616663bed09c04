"""`make build` and `make build-instructor` replace the site folder only when the build succeeds.

MkDocs empties its site folder first, so a build that crashes afterwards used to leave an empty
site/. These tests run the real Makefile recipes in a scratch copy of the project with a stand-in
`mkdocs` that writes part of a site and then fails, or succeeds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from sitebuild import ROOT

pytestmark = pytest.mark.build

# Like MkDocs: empties its site folder (-d, else the config's), writes a page, then exits with
# $FAKE_MKDOCS_EXIT, as a build that crashes after "Cleaning site directory" would.
FAKE_MKDOCS = """#!/bin/sh
set -e
printf '%s\\n' "$*" >> "$(dirname "$0")/calls"
out=site
while [ "$#" -gt 0 ]; do
  case "$1" in
    -d) out="$2"; shift ;;
    -f) out=site-instructor; shift ;;
  esac
  shift
done
mkdir -p "$out"
rm -rf "$out"/*
echo "new build" > "$out/index.html"
exit "${FAKE_MKDOCS_EXIT:-0}"
"""
TARGETS = [("build", "site", "build --strict -d"),
           ("build-instructor", "site-instructor", "build --strict -f mkdocs.instructor.yml -d")]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    (tmp_path / "Makefile").write_text(makefile, encoding="utf-8")
    # Whatever the install step depends on exists and is older than .installed.
    installed = next(line for line in makefile.splitlines() if line.startswith("$(BIN)/.installed:"))
    for name in installed.split(":", 1)[1].split():
        (tmp_path / name).write_text("", encoding="utf-8")
        os.utime(tmp_path / name, (1, 1))  # older than .installed: no install is attempted
    fake = tmp_path / "fakebin"
    fake.mkdir()
    (fake / ".installed").touch()
    (fake / "mkdocs").write_text(FAKE_MKDOCS, encoding="utf-8")
    (fake / "mkdocs").chmod(0o755)
    return tmp_path


def make(project: Path, target: str, exit_code: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", "--no-print-directory", target, "BIN=fakebin"], cwd=project,
                          env={**os.environ, "FAKE_MKDOCS_EXIT": str(exit_code)},
                          capture_output=True, text=True, timeout=60, check=False)


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if ".building." in p.name)


@pytest.mark.parametrize(("target", "folder", "call"), TARGETS, ids=[t for t, _, _ in TARGETS])
def test_a_failed_build_leaves_the_last_site_in_place(project: Path, target: str, folder: str,
                                                      call: str) -> None:
    (project / folder).mkdir()
    (project / folder / "index.html").write_text("last good build\n", encoding="utf-8")
    result = make(project, target, exit_code=1)
    assert result.returncode != 0
    assert (project / folder / "index.html").read_text(encoding="utf-8") == "last good build\n"
    assert leftovers(project) == []
    # the build ran strictly (never with -q, which hides warnings), into a scratch folder
    (line,) = (project / "fakebin" / "calls").read_text(encoding="utf-8").splitlines()
    assert line.startswith(call) and f".{folder}.building." in line and "-q" not in line.split()


@pytest.mark.parametrize(("target", "folder", "call"), TARGETS, ids=[t for t, _, _ in TARGETS])
def test_a_successful_build_replaces_the_site(project: Path, target: str, folder: str, call: str) -> None:
    (project / folder).mkdir()
    (project / folder / "stale.html").write_text("removed page\n", encoding="utf-8")
    result = make(project, target, exit_code=0)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (project / folder).iterdir()) == ["index.html"]
    assert (project / folder / "index.html").read_text(encoding="utf-8") == "new build\n"
    assert leftovers(project) == []


def test_a_first_build_creates_the_site(project: Path) -> None:
    assert make(project, "build", exit_code=0).returncode == 0
    assert (project / "site" / "index.html").exists()
