"""Two builds of one commit are byte-identical, for both editions and for the LMS files.

With SOURCE_DATE_EPOCH set (the Makefile sets it from the last commit), every date a build
writes (the sitemap's, the gzip header's, each zip entry's) is that one, and nothing else in
a build depends on the clock, the machine or the order files happen to be listed. Each test
builds twice into temporary folders and compares every file; on a failure it lists the files
that differ. Under `make test` (which exports SOURCE_DATE_EPOCH) the session's own build of
each edition is reused as the first build, so each edition costs one extra build.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sitebuild import ROOT, Built, build_site

from coursekit.dist import main as dist

pytestmark = pytest.mark.build

EPOCH = os.environ.get("SOURCE_DATE_EPOCH", "1796131774")  # the session's, when make set it
REUSE = "SOURCE_DATE_EPOCH" in os.environ  # the session builds ran with the same epoch


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def differences(first: Path, second: Path) -> list[str]:
    """Each file that is only in one folder or differs between them, with a short reason."""
    a, b = files_of(first), files_of(second)
    found = [f"{name}: only in the {'first' if name in a else 'second'} build"
             for name in sorted(a.keys() ^ b.keys())]
    for name in sorted(a.keys() & b.keys()):
        if a[name] != b[name]:
            at = next((i for i, (x, y) in enumerate(zip(a[name], b[name], strict=False)) if x != y),
                      min(len(a[name]), len(b[name])))
            found.append(f"{name}: differs from byte {at} ({len(a[name]):,} vs {len(b[name]):,} "
                         f"bytes): {a[name][at:at + 40]!r} vs {b[name][at:at + 40]!r}")
    return found


def assert_same(first: Path, second: Path) -> None:
    found = differences(first, second)
    if found:
        print("\n".join(["Files that differ between the two builds:", *found]))
    assert not found, f"{len(found)} files differ between two builds: " + "; ".join(found[:10])


def build(config: str, site: Path, monkeypatch: pytest.MonkeyPatch) -> Built:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    built = build_site(ROOT / config, site)
    assert built.error is None, built.problems()
    return built


@pytest.fixture
def learner_pair(request: pytest.FixtureRequest, tmp_path: Path,
                 monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    first = (request.getfixturevalue("learner_site").site if REUSE
             else build("mkdocs.yml", tmp_path / "first", monkeypatch).site)
    return first, build("mkdocs.yml", tmp_path / "second", monkeypatch).site


def test_two_learner_builds_are_byte_identical(learner_pair: tuple[Path, Path]) -> None:
    assert_same(*learner_pair)


def test_two_instructor_builds_are_byte_identical(request: pytest.FixtureRequest, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    first = (request.getfixturevalue("instructor_site").site if REUSE
             else build("mkdocs.instructor.yml", tmp_path / "first", monkeypatch).site)
    assert_same(first, build("mkdocs.instructor.yml", tmp_path / "second", monkeypatch).site)


def test_the_lms_files_of_two_builds_are_byte_identical(
        learner_pair: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """`make dist` from each of two builds: the SCORM package holds the site, whose files have
    new modification times in every build; every zip entry's date and the order are fixed."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    for site, out in zip(learner_pair, ("dist-1", "dist-2"), strict=True):
        assert dist([str(ROOT / "docs"), str(tmp_path / out), "--site", str(site)]) == 0
    capsys.readouterr()
    assert len(files_of(tmp_path / "dist-1")) >= 5
    assert_same(tmp_path / "dist-1", tmp_path / "dist-2")


def test_a_difference_is_listed_by_file(tmp_path: Path) -> None:
    for name, text in (("one", "same"), ("two", "not the same")):
        (tmp_path / name / "sub").mkdir(parents=True)
        (tmp_path / name / "sub" / "page.html").write_text(text, encoding="utf-8")
        (tmp_path / name / "same.txt").write_text("x", encoding="utf-8")
    (tmp_path / "two" / "extra.js").write_text("", encoding="utf-8")
    assert differences(tmp_path / "one", tmp_path / "two") == [
        "extra.js: only in the second build",
        "sub/page.html: differs from byte 0 (4 vs 12 bytes): b'same' vs b'not the same'",
    ]
