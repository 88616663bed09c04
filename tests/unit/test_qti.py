"""QTI 1.2 for Canvas and Blackboard: valid against IMS's schema, and every item carries its prompt,
its options, its key and each option's rationale, read back from the XML and compared with the bank."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from coursekit.course import load_course
from coursekit.model import Question
from coursekit.order import display_order
from coursekit.qti import option_ident, qti_package, to_qti
from coursekit.render import author_markdown
from lmsbank import MULTIPLE, single
from lmsschemas import errors, qti_schema

ROOT = Path(__file__).resolve().parents[2]
NS = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"

SINGLE = single(("Accuse & blame.", False, "It invites <defence>."))


@pytest.fixture(scope="module")
def bank() -> list[Question]:
    course = load_course(ROOT / "docs", "docs")
    pages = [p for p in course.pages.values() if p.kind == "posttest"]
    assert len(pages) == 1 and pages[0].questions
    return pages[0].questions


def read_items(xml: str) -> dict[str, dict[str, object]]:
    """What an importer reads from each item, by item ident."""
    root = ET.fromstring(xml.encode())
    items = {}
    for item in root.iterfind(".//q:item", NS):
        meta = {f.findtext("q:fieldlabel", namespaces=NS): f.findtext("q:fieldentry", namespaces=NS)
                for f in item.iterfind("q:itemmetadata/q:qtimetadata/q:qtimetadatafield", NS)}
        lid = item.find("q:presentation/q:response_lid", NS)
        labels = [(label.get("ident"), label.findtext("q:material/q:mattext", namespaces=NS))
                  for label in lid.iterfind("q:render_choice/q:response_label", NS)]
        conditions = item.findall("q:resprocessing/q:respcondition", NS)
        decvar = item.find("q:resprocessing/q:outcomes/q:decvar", NS)
        # What choosing each option does to SCORE: ("Set", "100") or ("Add", its grade fraction).
        scoring = {c.findtext("q:conditionvar/q:varequal", namespaces=NS):
                   (c.find("q:setvar", NS).get("action"), c.findtext("q:setvar", namespaces=NS))
                   for c in conditions if c.find("q:setvar", NS) is not None}
        shown_for = {c.findtext("q:conditionvar/q:varequal", namespaces=NS):
                     c.find("q:displayfeedback", NS).get("linkrefid")
                     for c in conditions if c.find("q:displayfeedback", NS) is not None}
        feedback = {f.get("ident"): f.findtext("q:flow_mat/q:material/q:mattext", namespaces=NS)
                    for f in item.iterfind("q:itemfeedback", NS)}
        items[item.get("ident")] = {
            "type": meta["question_type"], "points": meta["points_possible"],
            "prompt": item.findtext("q:presentation/q:material/q:mattext", namespaces=NS),
            "cardinality": lid.get("rcardinality"),
            "shuffle": lid.find("q:render_choice", NS).get("shuffle"),
            "labels": labels, "scoring": scoring,
            "range": (decvar.get("minvalue"), decvar.get("maxvalue")),
            "rationales": {ident: feedback[shown_for[ident]] for ident, _ in labels},
        }
    return items


def expected(question: Question) -> dict[str, object]:
    order = display_order(question.id, len(question.options))
    right = [i for i in order if question.options[i].correct]
    if question.multiple:  # partial credit, as Moodle: right options share +100, wrong ones -100
        wrong = len(question.options) - len(right)
        scoring = {option_ident(question, i): ("Add", moodle_fraction(
            100 / len(right) if question.options[i].correct else -100 / wrong)) for i in order}
    else:
        scoring = {option_ident(question, right[0]): ("Set", "100")}
    return {
        "type": "multiple_answers_question" if question.multiple else "multiple_choice_question",
        "points": "1.0", "prompt": str(author_markdown(question.prompt)),
        "cardinality": "Multiple" if question.multiple else "Single", "shuffle": "Yes",
        "labels": [(option_ident(question, i), str(author_markdown(question.options[i].text, inline=True)))
                   for i in order],
        "scoring": scoring, "range": ("0", "100"),
        "rationales": {option_ident(question, i): str(author_markdown(question.options[i].rationale))
                       for i in order},
    }


def moodle_fraction(percent: float) -> str:
    """A grade fraction as Moodle's import spells it: up to five decimals, no trailing zeros."""
    return f"{percent:.5f}".rstrip("0").rstrip(".")


def qti_score(item: dict[str, object], chosen: list[str]) -> float:
    """SCORE after a learner chooses `chosen`, as a QTI 1.2 processor computes it: each
    continuing condition that matches applies its setvar, then decvar's bounds hold."""
    score = 0.0
    for ident in chosen:
        action, value = item["scoring"].get(ident, ("Add", "0"))  # type: ignore[union-attr]
        score = float(value) if action == "Set" else score + float(value)
    return min(100.0, max(0.0, score))


def test_multiple_answer_items_earn_partial_credit_as_moodle_grades_them() -> None:
    item = read_items(to_qti([MULTIPLE], "Course", "c"))["pt-2"]
    right = [option_ident(MULTIPLE, i) for i, o in enumerate(MULTIPLE.options) if o.correct]
    wrong = [option_ident(MULTIPLE, i) for i, o in enumerate(MULTIPLE.options) if not o.correct]
    assert len(right) >= 2 and wrong
    assert qti_score(item, right) == pytest.approx(100, abs=1e-3)
    assert qti_score(item, right[:1]) == pytest.approx(100 / len(right), abs=1e-3)
    assert qti_score(item, right + wrong[:1]) == pytest.approx(100 - 100 / len(wrong), abs=1e-3)
    assert qti_score(item, wrong) == 0  # floored at 0, never negative


def test_small_bank_is_valid_and_reads_back_exactly() -> None:
    xml = to_qti([SINGLE, MULTIPLE], "Course: Post-test", "course-1-posttest")
    assert errors(qti_schema(), xml) == []
    assert read_items(xml) == {"pt-1": expected(SINGLE), "pt-2": expected(MULTIPLE)}
    assert "It invites &lt;defence&gt;." in read_items(xml)["pt-1"]["rationales"]["pt-1-o2"]


def test_every_item_of_the_course_bank_is_valid_and_matches_the_bank(bank: list[Question]) -> None:
    xml = to_qti(bank, "Course: Post-test", "course-1-posttest")
    assert errors(qti_schema(), xml) == []
    items = read_items(xml)
    assert list(items) == [q.id for q in bank]
    for question in bank:
        assert items[question.id] == expected(question), question.id


@pytest.mark.parametrize(("old", "new"), [
    ('rcardinality="Single"', 'rcardinality="One"'),
    ("<resprocessing>", "<resprocessing><bogus/>"),
    ('<render_choice shuffle="Yes">', '<render_choice shuffle="yes">'),
])
def test_the_schema_check_rejects_broken_qti(old: str, new: str) -> None:
    xml = to_qti([SINGLE], "Course", "c")
    assert old in xml
    assert errors(qti_schema(), xml.replace(old, new, 1)) != []


def test_package_names_the_assessment_in_its_manifest() -> None:
    with zipfile.ZipFile(BytesIO(qti_package([SINGLE, MULTIPLE], "Course", "course-1-posttest"))) as zipped:
        names = zipped.namelist()
        manifest = ET.fromstring(zipped.read("imsmanifest.xml"))
        resource = manifest.find(f"{CP}resources/{CP}resource")
        assert resource is not None and resource.get("type") == "imsqti_xmlv1p2"
        href = resource.get("href")
        assert names == ["imsmanifest.xml", href]
        assert resource.find(f"{CP}file").get("href") == href
        assert errors(qti_schema(), zipped.read(href)) == []
