"""Export the post-test bank as IMS QTI 1.2 for Canvas and Blackboard.

QTI 1.2 (`ims_qtiasiv1p2`) is what Canvas exports and imports for its classic quizzes and what
most other LMSs read, so it reaches the most systems. Each question becomes one `item`: the prompt,
its options in the course's fixed order (`render_choice shuffle="Yes"` lets the LMS shuffle them),
the key in `resprocessing` and each option's rationale as its `itemfeedback`. A single-answer
item sets SCORE to 100 for its key; a multiple-answer item adds each chosen option's grade
fraction, the one the Moodle XML export writes (right options share +100, wrong ones -100), with
SCORE declared from 0 to 100, so it earns partial credit as in Moodle and the SCORM player.
Canvas also reads the `question_type` and `points_possible` metadata fields; Canvas and
Blackboard may apply their own multiple-answer grading settings (docs/instructors/hosting-lms.md).

The package is the zip Canvas's "QTI .zip file" import takes: `imsmanifest.xml` naming one
`imsqti_xmlv1p2` resource, and the assessment file in a folder of its own.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile

from .export import _weights as grade_fractions  # one scoring rule for every export
from .model import Question
from .order import display_order
from .render import author_markdown
from .zips import write_entry

QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
IMSCP = "http://www.imsglobal.org/xsd/imscp_v1p1"
QTI_SCHEMA_LOCATION = f"{QTI} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
RESPONSE = "response1"
_NOT_IDENT = re.compile(r"[^A-Za-z0-9_.-]")


def ident(text: str) -> str:
    """An XML identifier (NCName-like) made from a course id."""
    cleaned = _NOT_IDENT.sub("_", text)
    return cleaned if cleaned[:1].isalpha() or cleaned[:1] == "_" else f"i_{cleaned}"


def option_ident(question: Question, index: int) -> str:
    """The response label of one option, named by its source position (stable across builds)."""
    return ident(f"{question.id}-o{index}")


def _q(tag: str) -> str:
    # Namespaces are declared as plain attributes on the root (see to_qti): unprefixed tags.
    return tag


def _field(parent: ET.Element, label: str, entry: str) -> None:
    field = ET.SubElement(parent, _q("qtimetadatafield"))
    ET.SubElement(field, _q("fieldlabel")).text = label
    ET.SubElement(field, _q("fieldentry")).text = entry


def _material(parent: ET.Element, html: str) -> None:
    material = ET.SubElement(parent, _q("material"))
    ET.SubElement(material, _q("mattext"), texttype="text/html").text = html


def _item(section: ET.Element, question: Question) -> None:
    item = ET.SubElement(section, _q("item"), ident=ident(question.id), title=question.id)
    order = display_order(question.id, len(question.options))
    meta = ET.SubElement(ET.SubElement(item, _q("itemmetadata")), _q("qtimetadata"))
    _field(meta, "question_type",
           "multiple_answers_question" if question.multiple else "multiple_choice_question")
    _field(meta, "points_possible", "1.0")
    _field(meta, "original_answer_ids", ",".join(option_ident(question, i) for i in order))
    _field(meta, "assessment_question_identifierref", ident(f"{question.id}-bank"))
    presentation = ET.SubElement(item, _q("presentation"))
    _material(presentation, str(author_markdown(question.prompt)))
    response = ET.SubElement(presentation, _q("response_lid"), ident=RESPONSE,
                             rcardinality="Multiple" if question.multiple else "Single")
    choice = ET.SubElement(response, _q("render_choice"), shuffle="Yes")
    for i in order:
        label = ET.SubElement(choice, _q("response_label"), ident=option_ident(question, i))
        _material(label, str(author_markdown(question.options[i].text, inline=True)))
    processing = ET.SubElement(item, _q("resprocessing"))
    outcomes = ET.SubElement(processing, _q("outcomes"))
    ET.SubElement(outcomes, _q("decvar"), maxvalue="100", minvalue="0", varname="SCORE",
                  vartype="Decimal")
    # One condition per option, each continuing, so every chosen option shows its rationale; in
    # a multiple-answer question each also adds the option's grade fraction (the Moodle export's:
    # right ones share +100, wrong ones -100), and decvar keeps SCORE within 0 to 100.
    weights = grade_fractions(question)
    for i in order:
        condition = ET.SubElement(processing, _q("respcondition"), {"continue": "Yes"})
        ET.SubElement(ET.SubElement(condition, _q("conditionvar")), _q("varequal"),
                      respident=RESPONSE).text = option_ident(question, i)
        if question.multiple:
            ET.SubElement(condition, _q("setvar"), action="Add", varname="SCORE").text = weights[i]
        ET.SubElement(condition, _q("displayfeedback"), feedbacktype="Response",
                      linkrefid=f"{option_ident(question, i)}_fb")
    if not question.multiple:
        right = next(i for i in order if question.options[i].correct)
        scoring = ET.SubElement(processing, _q("respcondition"), {"continue": "No"})
        ET.SubElement(ET.SubElement(scoring, _q("conditionvar")), _q("varequal"),
                      respident=RESPONSE).text = option_ident(question, right)
        ET.SubElement(scoring, _q("setvar"), action="Set", varname="SCORE").text = "100"
    for i in order:
        feedback = ET.SubElement(item, _q("itemfeedback"), ident=f"{option_ident(question, i)}_fb")
        flow = ET.SubElement(feedback, _q("flow_mat"))
        _material(flow, str(author_markdown(question.options[i].rationale)))


def to_qti(questions: list[Question], title: str, assessment_id: str) -> str:
    """The questions as one QTI 1.2 assessment with one section."""
    # ElementTree would invent prefixes for namespaced tags; LMS importers expect the default
    # namespace, so it is declared as a plain attribute and the tags stay unprefixed.
    root = ET.Element("questestinterop", {"xmlns": QTI, "xmlns:xsi": XSI,
                                          "xsi:schemaLocation": QTI_SCHEMA_LOCATION})
    assessment = ET.SubElement(root, _q("assessment"), ident=ident(assessment_id), title=title)
    meta = ET.SubElement(assessment, _q("qtimetadata"))
    _field(meta, "cc_maxattempts", "1")
    section = ET.SubElement(assessment, _q("section"), ident="root_section")
    for question in questions:
        _item(section, question)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def qti_manifest(assessment_id: str, href: str) -> str:
    """The package manifest Canvas reads: one resource of type imsqti_xmlv1p2."""
    root = ET.Element("manifest", {"identifier": ident(f"{assessment_id}-manifest"), "xmlns": IMSCP})
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(root, "organizations")
    resources = ET.SubElement(root, "resources")
    resource = ET.SubElement(resources, "resource", identifier=ident(assessment_id),
                             type="imsqti_xmlv1p2", href=href)
    ET.SubElement(resource, "file", href=href)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def qti_package(questions: list[Question], title: str, assessment_id: str) -> bytes:
    """The QTI 1.2 zip: imsmanifest.xml and <id>/<id>.xml."""
    name = ident(assessment_id)
    href = f"{name}/{name}.xml"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as package:
        write_entry(package, "imsmanifest.xml", qti_manifest(assessment_id, href))  # fixed time
        write_entry(package, href, to_qti(questions, title, assessment_id))
    return buffer.getvalue()
