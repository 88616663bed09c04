"""`python -m coursekit.dist`: every LMS file named with the version, written from one parsed course,
and nothing written (with `path:line: [rule] message`) when the course or the site is not fit."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest
from coursetext import module, write_docs

from coursekit.dist import main, read_project

POSTTEST = """\
---
title: Final check
posttest: true
pass_mark: 80
---

# Final check

```question
id: pt-final
objective: m1-o1
prompt: Ana goes quiet when Luis mentions his sister. What do you do first?
options:
  - text: Wonder aloud, gently, about the silence.
    correct: true
    rationale: A tentative reflection invites her in.
  - text: Carry on with the agenda you set.
    rationale: It leaves the moment unmet.
  - text: Ask Luis to explain what Ana feels.
    rationale: It speaks for her.
```
"""


def project(tmp_path: Path, version: str = "2.0.1") -> Path:
    """A small course that passes every check, its pyproject.toml and a built site."""
    write_docs(tmp_path / "docs", {"modules/one.md": module("m1", ("m1-o1",), (("m1-q", "m1-o1"),)),
                                   "instructors/post-test.md": POSTTEST})
    (tmp_path / "pyproject.toml").write_text(
        f'[project]\nname = "mini-course"\nversion = "{version}"\n', encoding="utf-8")
    write_docs(tmp_path / "site", {"index.html": "<h1>Course</h1>", "modules/one.html": "<p>One</p>"})
    return tmp_path


def run(root: Path, *extra: str) -> int:
    return main([str(root / "docs"), str(root / "dist"), "--site", str(root / "site"), *extra])


def test_writes_every_file_named_with_the_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    assert run(root) == 0
    names = sorted(p.name for p in (root / "dist").iterdir())
    assert names == ["mini-course-2.0.1-certificate.html", "mini-course-2.0.1-credit-hours.html",
                     "mini-course-2.0.1-curriculum-map.html", "mini-course-2.0.1-evaluation.csv",
                     "mini-course-2.0.1-evaluation.html", "mini-course-2.0.1-post-test.gift.txt",
                     "mini-course-2.0.1-post-test.moodle.xml", "mini-course-2.0.1-post-test.qti12.zip",
                     "mini-course-2.0.1-scorm12.zip"]
    printed = capsys.readouterr().out
    for name in names:
        size = (root / "dist" / name).stat().st_size
        assert f"{name}  {size:,} bytes" in printed
    gift = (root / "dist" / "mini-course-2.0.1-post-test.gift.txt").read_text(encoding="utf-8")
    assert "::pt-final::" in gift
    with zipfile.ZipFile(root / "dist" / "mini-course-2.0.1-scorm12.zip") as package:
        assert "course/modules/one.html" in package.namelist()
        assert 'data-pass-mark="80"' in package.read("posttest/index.html").decode()
        assert "<adlcp:masteryscore>80</adlcp:masteryscore>" in package.read("imsmanifest.xml").decode()


def test_a_new_version_replaces_the_old_files(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert run(root) == 0
    (root / "dist" / "notes.txt").write_text("a program's own file", encoding="utf-8")
    project(tmp_path, version="2.1.0")
    assert run(root) == 0
    names = sorted(p.name for p in (root / "dist").iterdir())
    assert [n for n in names if "2.0.1" in n] == []
    assert len([n for n in names if "2.1.0" in n]) == 9
    assert "notes.txt" in names  # only this project's own files are replaced


def test_player_settings_reach_the_package(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert run(root, "--attempts", "1", "--feedback", "never") == 0
    with zipfile.ZipFile(root / "dist" / "mini-course-2.0.1-scorm12.zip") as package:
        page = package.read("posttest/index.html").decode()
    assert 'data-attempts="1" data-feedback="never"' in page


def test_course_problems_stop_it_before_anything_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    text = (root / "docs/instructors/post-test.md").read_text(encoding="utf-8")
    (root / "docs/instructors/post-test.md").write_text(text.replace("objective: m1-o1", "objective: m9-o9"),
                                                         encoding="utf-8")
    assert run(root) == 1
    err = capsys.readouterr().err
    assert f"{root}/docs/instructors/post-test.md:9: [question-objective]" in err
    assert "nothing was written" in err
    assert not (root / "dist").exists()


def test_a_site_showing_a_post_test_item_is_refused(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    write_docs(root / "site", {"instructors/post-test.html": '<div id="q-pt-final"></div>'})
    assert run(root) == 1
    assert (f"{root}/site/instructors/post-test.html:1: [dist-site] This file shows post-test item "
            "'pt-final'") in capsys.readouterr().err
    assert not (root / "dist").exists()


def test_no_built_site_and_bad_settings_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    (root / "site" / "index.html").unlink()
    assert run(root, "--attempts", "-2") == 1
    err = capsys.readouterr().err
    assert "index.html:1: [dist-site] No built site here" in err
    assert "--attempts:1: [dist-config] Attempts must be 0 (no limit) or more, not -2." in err


def test_a_course_without_a_post_test_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    (root / "docs/instructors/post-test.md").unlink()
    assert run(root) == 1
    assert "[dist-posttest] The course has no post-test page" in capsys.readouterr().err


def test_version_comes_from_pyproject(tmp_path: Path) -> None:
    root = project(tmp_path, version="3.4.5")
    assert read_project(root / "pyproject.toml").version == "3.4.5"
    repo = read_project(Path(__file__).resolve().parents[2] / "pyproject.toml")
    assert repo.name == "nurturing-intimacy-course" and repo.version


HOST = """\
site_name: Mini
extra:
  host:
    sponsor: Riverside Couples Institute
    credit: Approved for 1 hour of home-study credit.
    authors: A. Author, PhD
    conflicts: None.
    contact: ce@example.org
    accommodation: access@example.org
    grievance: Write to the director.
    address: 12 River Road, Springfield
    approval: Riverside Couples Institute is approved to sponsor continuing education.
"""


def test_release_refuses_each_unset_host_field_by_its_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    (root / "mkdocs.yml").write_text(HOST.replace("    conflicts: None.\n", "    conflicts: ''\n"),
                                     encoding="utf-8")
    assert run(root) == 0  # without --release an unset field is shown as unset, not refused
    capsys.readouterr()
    assert run(root, "--release") == 1
    err = capsys.readouterr().err
    assert (f"{root / 'mkdocs.yml'}:7: [release-host] extra.host.conflicts "
            "(Conflict-of-interest statement) is not set") in err
    assert "certificate.html" not in err  # conflicts is not on the certificate


def test_release_passes_a_complete_course_and_fills_the_certificate(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "mkdocs.yml").write_text(HOST, encoding="utf-8")
    assert run(root, "--release") == 0
    certificate = (root / "dist" / "mini-course-2.0.1-certificate.html").read_text(encoding="utf-8")
    for value in ("Riverside Couples Institute", "12 River Road, Springfield",
                  "is approved to sponsor continuing education", "Home study"):
        assert value in certificate
    assert "Not yet set" not in certificate


def test_a_post_test_too_small_for_the_hours_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    (root / "mkdocs.yml").write_text(HOST, encoding="utf-8")
    # About twenty minutes of prose: 0.3 credit hours need two post-test questions, not one.
    prose = " ".join(["Partners turn toward each other in small moments."] * 250)
    write_docs(root / "docs", {"modules/one.md": module("m1", ("m1-o1",), (("m1-q", "m1-o1"),),
                                                        minutes=21, prose=prose)})
    assert run(root) == 1  # the course check refuses it in every build, release or not
    assert "post-test.md:1: [posttest-size]" in capsys.readouterr().err


def test_release_refuses_placeholder_text_in_what_it_writes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    (root / "mkdocs.yml").write_text(HOST.replace("12 River Road, Springfield", "TBD"), encoding="utf-8")
    assert run(root, "--release") == 1
    err = capsys.readouterr().err
    assert re.search(r"^mini-course-2\.0\.1-certificate\.html:\d+: \[release-placeholder\] 'TBD' is "
                     "placeholder text", err, re.MULTILINE), err


# A second post-test item, for objective m1-o2 (every objective needs one: curriculum-posttest).
SECOND_ITEM = """
```question
id: pt-second
objective: m1-o2
prompt: Ravi says he is fine, jaw tight. Which response stays with him?
options:
  - text: Notice the tight jaw aloud and wait.
    correct: true
    rationale: It names the cue without pressing.
  - text: Move to his partner's view.
    rationale: It leaves Ravi's cue unmet.
  - text: Tell him he does not seem fine.
    rationale: It argues with him.
```
"""


def two_objectives(root: Path) -> None:
    write_docs(root / "docs", {"modules/one.md": module("m1", ("m1-o1", "m1-o2"),
                                                        (("m1-q", "m1-o1"), ("m1-r", "m1-o2")),
                                                        minutes=4),
                               "instructors/post-test.md": POSTTEST + SECOND_ITEM})


def test_evaluation_asks_about_every_objective_and_the_open_questions(tmp_path: Path) -> None:
    root = project(tmp_path)
    two_objectives(root)
    assert run(root) == 0
    rows = list(csv.DictReader(io.StringIO(
        (root / "dist" / "mini-course-2.0.1-evaluation.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows if r["section"] == "Objectives"] == ["m1-o1", "m1-o2"]
    assert {r["section"] for r in rows} == {"Objectives", "Content", "Open questions", "Accommodation"}
    assert all(r["scale"].startswith("1 Not at all") for r in rows if r["response"] == "scale 1-5")
    printed = (root / "dist" / "mini-course-2.0.1-evaluation.html").read_text(encoding="utf-8")
    assert printed.count("Describe the quiet cue.") == 2 and "accommodation" in printed


def test_an_objective_without_a_post_test_item_is_refused_at_the_objective(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    two_objectives(root)
    assert run(root) == 0
    page = (root / "dist" / "mini-course-2.0.1-curriculum-map.html").read_text(encoding="utf-8")
    assert "<code>pt-final</code>" in page and "<code>pt-second</code>" in page
    assert "<td><strong>missing</strong></td>" not in page
    (root / "docs/instructors/post-test.md").write_text(POSTTEST, encoding="utf-8")
    capsys.readouterr()
    assert run(root) == 1  # in every run, not only a release: the course check refuses it
    err = capsys.readouterr().err
    assert (f"{root}/docs/modules/one.md:10: [curriculum-posttest] No post-test question assesses "
            "objective 'm1-o2'. Add a post-test question whose 'objective:' is this objective's "
            "id.") in err
    assert "nothing was written" in err


def test_an_objective_without_a_self_check_is_refused_at_the_objective(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    two_objectives(root)
    write_docs(root / "docs", {"modules/one.md": module("m1", ("m1-o1", "m1-o2"), (("m1-q", "m1-o1"),),
                                                        minutes=3)})
    assert run(root) == 1
    assert (f"{root}/docs/modules/one.md:10: [objective-unassessed] No question assesses objective "
            "'m1-o2'.") in capsys.readouterr().err


def test_credit_hours_page_adds_up_to_the_declared_total(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert run(root) == 0
    page = (root / "dist" / "mini-course-2.0.1-credit-hours.html").read_text(encoding="utf-8")
    assert "130 words per minute" in page and "10.1016/j.jml.2019.104047" in page
    assert "<strong>2</strong></td>" in page  # the declared minutes of the one module page
    assert "2 minutes, or <strong>0 credit hours</strong>" in page


def test_site_pages_come_from_the_same_functions_as_the_dist_files(tmp_path: Path) -> None:
    from coursekit.course import load_course
    from coursekit.edition import CREDIT_HOURS_PAGE, CURRICULUM_MAP_PAGE, sponsor_pages
    from coursekit.sponsor import credit_hours_markdown, curriculum_map_markdown, markdown_page

    root = project(tmp_path)
    assert run(root) == 0
    course = load_course(root / "docs", "docs")
    learner, instructor = sponsor_pages(course, False), sponsor_pages(course, True)
    assert learner == {CREDIT_HOURS_PAGE: credit_hours_markdown(course)}  # no post-test item ids
    assert "pt-final" not in learner[CREDIT_HOURS_PAGE]
    assert instructor == {**learner, CURRICULUM_MAP_PAGE: curriculum_map_markdown(course)}
    assert "`pt-final`" in instructor[CURRICULUM_MAP_PAGE]
    for uri, name in ((CREDIT_HOURS_PAGE, "credit-hours"), (CURRICULUM_MAP_PAGE, "curriculum-map")):
        written = (root / "dist" / f"mini-course-2.0.1-{name}.html").read_text(encoding="utf-8")
        assert markdown_page("", instructor[uri]).split("<body>")[1] == written.split("<body>")[1]


@pytest.mark.parametrize(("nav", "expected"), [
    (["index.md", {"Course information": "course-info.md"}, "glossary.md"],
     ["index.md", {"Course information": "course-info.md"},
      {"How credit hours were calculated": "credit-hours.md"}, "glossary.md"]),
    (["index.md"], ["index.md", {"How credit hours were calculated": "credit-hours.md"}]),
    (["course-info.md", {"Hours": "credit-hours.md"}], ["course-info.md", {"Hours": "credit-hours.md"}]),
])
def test_credit_hours_page_joins_the_nav_after_course_information(nav: list[object],
                                                                   expected: list[object]) -> None:
    from coursekit.edition import with_credit_hours

    assert with_credit_hours(nav) == expected


def test_certificate_marks_an_unset_address_and_approval_as_unset(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "mkdocs.yml").write_text(HOST.replace("    address: 12 River Road, Springfield\n", "")
                                     .replace("    approval: Riverside Couples Institute is approved to "
                                              "sponsor continuing education.\n", "    approval: ''\n"),
                                     encoding="utf-8")
    assert run(root) == 0
    certificate = (root / "dist" / "mini-course-2.0.1-certificate.html").read_text(encoding="utf-8")
    for key, label in (("address", "Provider address"), ("approval", "Approval statement")):
        row = re.search(rf"<th scope=\"row\">{label}</th><td>(.*?)</td>", certificate)
        assert row is not None, label
        assert row.group(1) == (f'<span class="unset">Not yet set by the hosting program '
                                f"(extra.host.{key} in mkdocs.yml)</span>"), label
    assert "Approved for 1 hour" not in certificate  # the credit field is not the approval statement
