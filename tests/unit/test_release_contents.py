"""`python -m coursekit.release`: the changelog entry from the version and the modules' review
dates, the release folder (three zips, the LMS files, SHA256SUMS), and zips that are the same
bytes for the same files whenever they are written (coursekit.zips)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import zipfile
from pathlib import Path

import pytest
from coursetext import PROSE, module, question_block, write_docs

from coursekit.course import load_course
from coursekit.dist import Project
from coursekit.release import changelog_entry, main, module_reviews, release_date
from coursekit.zips import ZIP_EPOCH, entry_time, zip_folder

EPOCH = 1796131774  # 2026-12-01 13:29:34 UTC (zip times have two-second steps)
PART = f"""\
---
title: Part two
module: m1
minutes: 2
reviewed: 2026-03-02
---

# Part two

{PROSE}
{question_block("m1-q2", "m1-o1")}"""


def course_root(tmp_path: Path) -> Path:
    """Two modules reviewed on different days, the first with a part reviewed later still."""
    second = module("m2", ("m2-o1",), (("m2-q", "m2-o1"),)).replace("2026-01-15", "2026-02-20")
    write_docs(tmp_path / "docs", {
        "modules/one.md": module("m1", ("m1-o1",), (("m1-q", "m1-o1"),)),
        "modules/one/two.md": PART,
        "modules/two.md": second,
    })
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "mini"\nversion = "2.1.0"\n',
                                             encoding="utf-8")
    write_docs(tmp_path / "learner", {"index.html": "<h1>Course</h1>", "modules/one.html": "One",
                                      "search/search_index.js": "var index = {}"})
    write_docs(tmp_path / "instructor", {"index.html": "<h1>Instructor</h1>"})
    write_docs(tmp_path / "dist", {"mini-2.1.0-post-test.gift.txt": "::q:: x {=a ~b}"})
    return tmp_path


def release(root: Path, out: str = "out") -> int:
    return main([str(root / "docs"), str(root / out), "--learner", str(root / "learner"),
                 "--instructor", str(root / "instructor"), "--dist", str(root / "dist"),
                 "--pyproject", str(root / "pyproject.toml")])


def test_a_module_is_as_recent_as_its_latest_reviewed_page(tmp_path: Path) -> None:
    course = load_course(course_root(tmp_path) / "docs", "docs")
    assert course.diagnostics == []
    assert [(r.id, r.reviewed, r.pages) for r in module_reviews(course)] == [
        ("m1", dt.date(2026, 3, 2), 2), ("m2", dt.date(2026, 2, 20), 1)]


def test_the_changelog_entry_names_the_version_date_and_each_module(tmp_path: Path) -> None:
    course = load_course(course_root(tmp_path) / "docs", "docs")
    entry = changelog_entry(course, Project("mini", "2.1.0"), dt.date(2026, 4, 1))
    assert entry == (
        "## 2.1.0 (2026-04-01)\n\n"
        "Release 2.1.0 of mini: 2 modules, 6 minutes of study, 3 self-check questions, "
        "0 role-plays.\n\n"
        "Modules, latest clinical review first:\n\n"
        "- Module m1 (`m1`, 2 pages): reviewed 2026-03-02\n"
        "- Module m2 (`m2`): reviewed 2026-02-20\n")


def test_the_release_date_is_source_date_epoch_or_the_latest_review(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    course = load_course(course_root(tmp_path) / "docs", "docs")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    assert release_date(course) == dt.date(2026, 12, 1)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert release_date(course) == dt.date(2026, 3, 2)


def test_the_release_holds_three_zips_the_lms_files_a_changelog_and_sums(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    root = course_root(tmp_path)
    assert release(root) == 0
    folder = root / "out" / "mini-2.1.0"
    assert capsys.readouterr().out == f"{folder}\n"
    names = ["CHANGELOG-2.1.0.md", "mini-2.1.0-instructor.zip", "mini-2.1.0-offline.zip",
             "mini-2.1.0-post-test.gift.txt", "mini-2.1.0-site.zip"]
    assert sorted(p.name for p in folder.iterdir()) == sorted([*names, "SHA256SUMS"])
    sums = [line.split("  ") for line in (folder / "SHA256SUMS").read_text().splitlines()]
    assert [name for _, name in sums] == names
    for digest, name in sums:
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    with zipfile.ZipFile(folder / "mini-2.1.0-offline.zip") as offline:
        assert offline.namelist() == ["mini-2.1.0-offline/index.html",
                                      "mini-2.1.0-offline/modules/one.html",
                                      "mini-2.1.0-offline/search/search_index.js"]
    with zipfile.ZipFile(folder / "mini-2.1.0-site.zip") as site:
        assert site.namelist() == ["index.html", "modules/one.html", "search/search_index.js"]
        assert {info.date_time for info in site.infolist()} == {(2026, 12, 1, 13, 29, 34)}
        assert site.read("modules/one.html") == b"One"
    assert (folder / "CHANGELOG-2.1.0.md").read_text().startswith("## 2.1.0 (2026-12-01)\n")


def test_a_second_release_of_the_same_files_is_the_same_bytes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    root = course_root(tmp_path)
    assert release(root, "first") == 0
    for path in (root / "learner").rglob("*"):  # a rebuild: same bytes, new modification times
        os.utime(path, (EPOCH + 999, EPOCH + 999))
    assert release(root, "second") == 0
    capsys.readouterr()
    first, second = root / "first" / "mini-2.1.0", root / "second" / "mini-2.1.0"
    for path in sorted(first.iterdir()):
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name


def test_no_release_without_the_offline_search_index(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = course_root(tmp_path)
    (root / "learner" / "search" / "search_index.js").unlink()
    assert release(root) == 1
    assert "search/search_index.js is missing, so search would not work from a folder" in (
        capsys.readouterr().err)
    assert not (root / "out").exists()


def test_no_release_of_a_course_with_a_problem(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    root = course_root(tmp_path)
    page = root / "docs" / "modules" / "two.md"
    page.write_text(page.read_text().replace("minutes: 2", "minutes: 60"), encoding="utf-8")
    assert release(root) == 1
    out = capsys.readouterr()
    assert "[reading-time]" in out.out
    assert "no release written" in out.err
    assert not (root / "out").exists()


def test_the_changelog_alone_is_printed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = course_root(tmp_path)
    assert main([str(root / "docs"), "--changelog", "--pyproject", str(root / "pyproject.toml")]) == 0
    assert capsys.readouterr().out.startswith("## 2.1.0 (2026-03-02)\n\nRelease 2.1.0 of mini")


@pytest.mark.parametrize(("epoch", "expected"), [
    (None, ZIP_EPOCH), ("", ZIP_EPOCH), ("soon", ZIP_EPOCH), ("0", ZIP_EPOCH),
    (str(EPOCH), (2026, 12, 1, 13, 29, 34)),
])
def test_zip_entries_take_source_date_epoch_never_before_1980(
        epoch: str | None, expected: tuple[int, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    if epoch is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert entry_time() == expected


def test_a_zipped_folder_is_sorted_with_fixed_modes(tmp_path: Path) -> None:
    write_docs(tmp_path / "site", {"b.html": "b", "a/z.js": "z", "a.css": "a"})
    (tmp_path / "site" / "b.html").chmod(0o600)
    assert zip_folder(tmp_path / "site", tmp_path / "out.zip", "p/") == ["p/a.css", "p/a/z.js",
                                                                        "p/b.html"]
    with zipfile.ZipFile(tmp_path / "out.zip") as package:
        assert {info.external_attr >> 16 for info in package.infolist()} == {0o100644}
        assert {info.compress_type for info in package.infolist()} == {zipfile.ZIP_DEFLATED}
