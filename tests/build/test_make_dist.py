"""`make dist` on the real course, and each file it writes checked by something other than its writer:
the SCORM manifest and the QTI bank against the official schemas (lxml), the GIFT file by an
independent parser (gift-pegjs, from npm), the Moodle XML against every field Moodle reads, the
evaluation form against the course's objectives. (The printed certificate and form are checked
for page count in tests/browser/test_dist_print.py.)"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from sitebuild import Built

from coursekit.course import load_course
from coursekit.dist import read_project
from coursekit.model import Question
from lmsschemas import errors, qti_schema, scorm_manifest_schema
from npmpackages import GIFT_PEGJS, npm_install

ROOT = Path(__file__).resolve().parents[2]
CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
# The grade fractions Moodle's question import accepts (question/format.php, a fixed list).
MOODLE_FRACTIONS = {100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20,
                    16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0}

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """`make dist` into a temporary folder, with this interpreter's environment (never rebuilt)."""
    out = tmp_path_factory.mktemp("dist")
    venv = Path(sys.prefix)
    if shutil.which("make") is None:
        pytest.fail("make is not installed; `make dist` is how programs build the LMS files.",
                    pytrace=False)
    result = subprocess.run(
        ["make", f"VENV={venv}", "-o", f"{venv}/bin/.installed", "dist", f"DIST={out}"],
        cwd=ROOT, capture_output=True, text=True, timeout=900, check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"make dist failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}",
                    pytrace=False)
    return {path.name: path for path in out.iterdir()}


@pytest.fixture(scope="module")
def bank() -> list[Question]:
    pages = [p for p in load_course(ROOT / "docs", "docs").pages.values() if p.kind == "posttest"]
    assert len(pages) == 1
    return pages[0].questions


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_make_dist_writes_each_file_named_with_the_version(dist: dict[str, Path]) -> None:
    project = read_project(ROOT / "pyproject.toml")
    stem = f"{project.name}-{project.version}"
    assert sorted(dist) == sorted([f"{stem}-post-test.moodle.xml", f"{stem}-post-test.gift.txt",
                                   f"{stem}-post-test.qti12.zip", f"{stem}-scorm12.zip",
                                   f"{stem}-evaluation.html", f"{stem}-evaluation.csv",
                                   f"{stem}-certificate.html", f"{stem}-curriculum-map.html",
                                   f"{stem}-credit-hours.html"])
    for name, path in sorted(dist.items()):
        print(f"{name}: {path.stat().st_size:,} bytes")


def test_scorm_package_is_valid_and_holds_the_learner_edition_only(
        dist: dict[str, Path], bank: list[Question]) -> None:
    package = next(p for n, p in dist.items() if n.endswith("-scorm12.zip"))
    with zipfile.ZipFile(package) as zipped:
        names = zipped.namelist()
        manifest = zipped.read("imsmanifest.xml")
        course = {n: zipped.read(n) for n in names if n.startswith("course/")}
        player = zipped.read("posttest/index.html").decode()
    assert names[0] == "imsmanifest.xml"
    assert errors(scorm_manifest_schema(), manifest) == []
    root = ET.fromstring(manifest)
    kinds = {r.get("identifier"): r.get(f"{ADLCP}scormtype") for r in root.iter(f"{CP}resource")}
    assert kinds == {"res-course": "asset", "res-posttest": "sco"}
    assert "course/index.html" in course
    assert not [n for n in course if n.startswith("course/instructors/")]
    leaks = [(n, q.id) for n, data in course.items() for q in bank if q.id.encode() in data]
    assert leaks == [], "the course in the SCORM package shows post-test items"
    assert all(f'id="pt-{q.id}"' in player for q in bank)


def test_qti_bank_is_valid_and_holds_every_item(dist: dict[str, Path], bank: list[Question]) -> None:
    package = next(p for n, p in dist.items() if n.endswith(".qti12.zip"))
    with zipfile.ZipFile(package) as zipped:
        href = ET.fromstring(zipped.read("imsmanifest.xml")).find(
            "{http://www.imsglobal.org/xsd/imscp_v1p1}resources/{http://www.imsglobal.org/xsd/imscp_v1p1}resource"
        ).get("href")
        xml = zipped.read(href)
    assert errors(qti_schema(), xml) == []
    items = ET.fromstring(xml).iter("{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}item")
    assert [item.get("ident") for item in items] == [q.id for q in bank]


def test_gift_parses_back_with_gift_pegjs_to_the_bank(
        dist: dict[str, Path], bank: list[Question], tmp_path_factory: pytest.TempPathFactory) -> None:
    parser = npm_install(tmp_path_factory.getbasetemp() / "npm-gift-pegjs", GIFT_PEGJS)
    gift = next(p for n, p in dist.items() if n.endswith(".gift.txt"))
    script = ("const {parse} = require(process.argv[1]);"
              "const fs = require('fs');"
              "process.stdout.write(JSON.stringify(parse(fs.readFileSync(process.argv[2], 'utf8'))));")
    result = subprocess.run(["node", "-e", script, str(parser), str(gift)], capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0, f"gift-pegjs could not parse {gift.name}:\n{result.stderr}"
    parsed = json.loads(result.stdout)
    assert [q["type"] for q in parsed] == ["Category"] + ["MC"] * len(bank)
    by_id = {q["title"]: q for q in parsed if q["type"] == "MC"}
    assert list(by_id) == [q.id for q in bank]
    for question in bank:
        item = by_id[question.id]
        assert item["stem"] == {"format": "markdown", "text": one_line(question.prompt)}, question.id
        choices = {c["text"]["text"]: c for c in item["choices"]}
        assert sorted(choices) == sorted(one_line(o.text) for o in question.options), question.id
        right = sum(o.correct for o in question.options)
        for option in question.options:
            choice = choices[one_line(option.text)]
            assert choice["feedback"]["text"] == one_line(option.rationale), question.id
            if question.multiple:  # weights in percent: right ones share +100, wrong ones -100
                assert math.isclose(choice["weight"], 100 / right if option.correct else
                                    -100 / (len(question.options) - right), abs_tol=1e-4), question.id
            else:
                assert (choice["isCorrect"], choice["weight"]) == (option.correct, None), question.id


def test_moodle_xml_has_every_field_moodle_reads(dist: dict[str, Path], bank: list[Question]) -> None:
    quiz = ET.fromstring(next(p for n, p in dist.items() if n.endswith(".moodle.xml")).read_bytes())
    category, *questions = quiz.findall("question")
    assert category.get("type") == "category"
    assert re.fullmatch(r"\$course\$/.+", category.findtext("category/text") or "")
    assert [q.findtext("idnumber") for q in questions] == [q.id for q in bank]
    for source, item in zip(bank, questions, strict=True):
        where = source.id
        assert item.get("type") == "multichoice", where
        assert item.findtext("name/text") == source.id, where
        assert item.find("questiontext").get("format") == "markdown", where
        assert one_line(item.findtext("questiontext/text") or "") == one_line(source.prompt), where
        assert item.findtext("single") == ("false" if source.multiple else "true"), where
        assert item.findtext("shuffleanswers") in ("true", "1"), where
        assert item.findtext("defaultgrade") == "1", where
        answers = item.findall("answer")
        assert len(answers) == len(source.options), where
        by_text = {one_line(a.findtext("text") or ""): a for a in answers}
        fractions = []
        for option in source.options:
            answer = by_text[one_line(option.text)]
            fraction = float(answer.get("fraction"))
            assert abs(fraction) in MOODLE_FRACTIONS, f"{where}: {fraction} is not a Moodle grade"
            assert (fraction > 0) == option.correct, where
            assert one_line(answer.findtext("feedback/text") or "") == one_line(option.rationale), where
            fractions.append(fraction)
        positive = sum(f for f in fractions if f > 0)
        if source.multiple:  # Moodle: the right answers' fractions must reach 100 %
            assert math.isclose(positive, 100, abs_tol=0.01), where
            wrong = [f for f in fractions if f <= 0]
            assert not wrong or math.isclose(sum(wrong), -100, abs_tol=0.01), where
        else:  # Moodle: one answer must be worth 100 %
            assert sorted(fractions) == [0.0] * (len(fractions) - 1) + [100.0], where


def test_evaluation_form_rates_every_objective_of_the_course(dist: dict[str, Path]) -> None:
    course = load_course(ROOT / "docs", "docs")
    objectives = [o.id for m in course.modules for o in m.objectives]
    text = next(p for n, p in dist.items() if n.endswith("-evaluation.csv")).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["id"] for r in rows if r["section"] == "Objectives"] == objectives


def test_credit_hours_page_states_the_course_total(dist: dict[str, Path]) -> None:
    course = load_course(ROOT / "docs", "docs")
    page = next(p for n, p in dist.items() if n.endswith("-credit-hours.html")).read_text(encoding="utf-8")
    hours = round(course.total_minutes / 60, 1)
    assert f"{course.total_minutes} minutes, or <strong>{hours:g} credit hours</strong>" in page


# ---- the same curriculum map and credit hours as site pages ---------------------------------


def _article_text(html: str) -> str:
    """The page's article as plain text, whitespace normalised."""
    start = html.index("<article")
    body = re.sub(r"<[^>]+>", " ", html[start:html.index("</article>", start)])
    return one_line(body.replace("&amp;", "&"))


def test_credit_hours_page_is_in_both_editions_and_matches_the_dist_file(
        learner_site: Built, instructor_site: Built, dist: dict[str, Path]) -> None:
    course = load_course(ROOT / "docs", "docs")
    printed = _article_text(next(p for n, p in dist.items() if n.endswith("-credit-hours.html"))
                            .read_text(encoding="utf-8").replace("<body>", "<article>")
                            .replace("</body>", "</article>"))
    for built in (learner_site, instructor_site):
        page = built.read("credit-hours.html")
        text = _article_text(page).replace("¶", " ")
        assert one_line(text) == one_line(printed.replace("¶", " ")), "site page and dist file differ"
        hours = round(course.total_minutes / 60, 1)
        assert f"{course.total_minutes} minutes, or {hours:g} credit hours" in text
        # In the nav, straight after Course information (linked from every page, this one too).
        index = built.read("index.html")
        assert 0 < index.index('href="course-info.html"') < index.index('href="credit-hours.html"')
    # The learner edition names no post-test item on it, and has no curriculum map.
    learner_page = learner_site.read("credit-hours.html")
    for question in load_posttest(course):
        assert question.id not in learner_page, question.id
    assert not (learner_site.site / "instructors").exists()


def test_curriculum_map_page_is_in_the_instructor_edition_with_every_item(
        instructor_site: Built, dist: dict[str, Path]) -> None:
    course = load_course(ROOT / "docs", "docs")
    page = instructor_site.read("instructors/curriculum-map.html")
    rows = [row for body in re.findall(r"<tbody>(.*?)</tbody>", page, re.DOTALL)
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.DOTALL)]
    objectives = [o for m in course.modules for o in m.objectives]
    assert len(rows) == len(objectives)
    for objective, row in zip(objectives, rows, strict=True):
        assert f"<code>{objective.id}</code>" in row
        assert "missing" not in row
    for question in load_posttest(course):
        assert f"<code>{question.id}</code>" in page, question.id
    printed = next(p for n, p in dist.items()
                   if n.endswith("-curriculum-map.html")).read_text(encoding="utf-8")
    assert re.findall(r"<code>([^<]+)</code>", printed) == re.findall(
        r"<code>([^<]+)</code>", page[page.index("<article"):page.index("</article>")])
    assert 'href="curriculum-map.html"' in instructor_site.read("instructors/hosting-lms.html")


def load_posttest(course: object) -> list[Question]:
    pages = [p for p in course.pages.values() if p.kind == "posttest"]  # type: ignore[attr-defined]
    return pages[0].questions
