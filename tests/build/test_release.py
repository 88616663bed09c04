"""`make release` writes a release named with the course version, and its SHA-256 sums verify.

It runs the Makefile target as a maintainer would (both editions built once each, the LMS files,
`python -m coursekit.release`) into a temporary folder, then `sha256sum -c SHA256SUMS` there.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sitebuild import ROOT

from coursekit.dist import read_project

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("make") is None or shutil.which("sha256sum") is None:
        pytest.skip("make and sha256sum are needed")
    out = tmp_path_factory.mktemp("release")
    done = subprocess.run(["make", "--no-print-directory", "release", f"RELEASE_DIR={out}"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    project = read_project(ROOT / "pyproject.toml")
    folder = out / f"{project.name}-{project.version}"
    assert done.stdout.strip().splitlines()[-1] == str(folder)
    return folder


def test_the_sums_verify(release: Path) -> None:
    checked = subprocess.run(["sha256sum", "--check", "--strict", "SHA256SUMS"], cwd=release,
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    listed = sorted(line.split("  ", 1)[1] for line in (release / "SHA256SUMS").read_text().splitlines())
    assert listed == sorted(p.name for p in release.iterdir() if p.name != "SHA256SUMS")


def test_every_file_is_named_with_the_version(release: Path) -> None:
    project = read_project(ROOT / "pyproject.toml")
    stem = f"{project.name}-{project.version}"
    names = {p.name for p in release.iterdir()}
    assert {f"{stem}-site.zip", f"{stem}-instructor.zip", f"{stem}-offline.zip",
            f"{stem}-scorm12.zip", f"{stem}-post-test.moodle.xml", f"CHANGELOG-{project.version}.md",
            "SHA256SUMS"} <= names
    assert all(project.version in name for name in names - {"SHA256SUMS"})


def test_the_editions_hold_what_each_should(release: Path) -> None:
    stem = release.name
    with zipfile.ZipFile(release / f"{stem}-site.zip") as site:
        learner = set(site.namelist())
    with zipfile.ZipFile(release / f"{stem}-instructor.zip") as instructor:
        staff = set(instructor.namelist())
    with zipfile.ZipFile(release / f"{stem}-offline.zip") as offline:
        folder = set(offline.namelist())
    assert "index.html" in learner and "index.html" in staff
    assert not any(name.startswith("instructors/") for name in learner)
    assert "instructors/post-test.html" in staff
    # The offline edition is the learner site in one folder, with the search index as a script.
    assert folder == {f"{stem}-offline/{name}" for name in learner}
    assert f"{stem}-offline/search/search_index.js" in folder


# Run in a child process: under `make test` the browser tests' Playwright session is still open
# in this one, and Playwright's sync API refuses to start a second inside its event loop.
_SEARCH_FROM_FOLDER = """
import json, sys
from playwright.sync_api import sync_playwright
chromium, start = sys.argv[1:3]
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
    page = browser.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(start)
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("attachment", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    results = page.locator(".md-search-result__item").count()
    browser.close()
print(json.dumps({"results": results, "requests": requests}))
"""


@pytest.mark.browser
def test_the_offline_edition_searches_from_a_folder(release: Path, tmp_path: Path) -> None:
    """Unzipped anywhere and opened from file://, the offline edition's search finds pages and
    nothing is requested from anywhere but the folder."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip("Chromium is needed")
    with zipfile.ZipFile(release / f"{release.name}-offline.zip") as offline:
        offline.extractall(tmp_path)
    start = tmp_path / f"{release.name}-offline" / "index.html"
    run = subprocess.run([sys.executable, "-c", _SEARCH_FROM_FOLDER, chromium, start.as_uri()],
                         capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-3000:]
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["results"] > 0
    assert [url for url in seen["requests"] if not url.startswith("file://")] == []


def test_the_changelog_names_the_version_and_every_module(release: Path) -> None:
    version = read_project(ROOT / "pyproject.toml").version
    entry = (release / f"CHANGELOG-{version}.md").read_text(encoding="utf-8")
    assert entry.startswith(f"## {version} (")
    assert entry.count("\n- ") >= 6 and "reviewed 20" in entry
