"""A SCORM 1.2 package: the learner course as an asset and the post-test player as its one SCO.

The package is what a program uploads to its LMS when it wants the LMS to record completion and
a score without importing a question bank. The player (templates/scorm/) is a static page with
one external script and one style sheet: it finds the LMS's SCORM 1.2 `API` object, reports
`cmi.core.lesson_status` (incomplete while the learner works, then passed or failed at the pass
mark), the score as a percentage, and keeps an interrupted attempt in `cmi.suspend_data`.

A SCORM player scores in the browser, so its answer key is inside the package: a program that
needs a key the learner cannot read imports the Moodle XML or QTI bank into a quiz instead.
"""

from __future__ import annotations

import hashlib
import posixpath
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2

# One scoring rule for every export: each option's grade fraction as the Moodle XML writes it.
from .export import _weights as grade_fractions
from .model import Question
from .order import display_order
from .render import author_markdown
from .zips import write_entry, write_file

CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{CP} imscp_rootv1p1p2.xsd {ADLCP} adlcp_rootv1p2.xsd"

SUSPEND_DATA_LIMIT = 4096  # characters: SCORM 1.2 gives cmi.suspend_data no more
FEEDBACK_MODES = ("final", "each", "never")
PLAYER_ASSETS = ("player.js", "player.css")
COURSE_DIR = "course"
POSTTEST_DIR = "posttest"
# The data model caps identifiers and titles (imscp: title 200 characters).
_TITLE_MAX = 200



@dataclass(frozen=True)
class PlayerConfig:
    """How the post-test player runs; documented in docs/hosting-lms.md.

    pass_mark: percent of questions answered correctly that passes (the post-test front matter).
    attempts: submissions allowed within one LMS attempt (0: no limit).
    feedback: when the learner sees which answers were right, with each option's rationale:
      "final" once the test is over (passed, or no attempt left), "each" after every
      submission, "never" (the score and the verdict only).
    """

    pass_mark: int = 75
    attempts: int = 3
    feedback: str = "final"

    def problems(self) -> list[str]:
        found = []
        if not 1 <= self.pass_mark <= 100:
            found.append(f"The pass mark must be a percentage from 1 to 100, not {self.pass_mark}.")
        if self.attempts < 0:
            found.append(f"Attempts must be 0 (no limit) or more, not {self.attempts}.")
        if self.feedback not in FEEDBACK_MODES:
            found.append(f"Feedback must be one of {', '.join(FEEDBACK_MODES)}, not '{self.feedback}'.")
        return found


def bank_fingerprint(questions: list[Question]) -> str:
    """Eight hex digits that change when any question, option or key changes: the player
    discards saved progress made against a different bank instead of misreading it."""
    digest = hashlib.sha256()
    for question in questions:
        digest.update(question.id.encode())
        for option in question.options:
            digest.update(f"\0{option.correct}\0{option.text}".encode())
    return digest.hexdigest()[:8]


def worst_suspend_data(questions: list[Question], attempts: int) -> int:
    """The longest `cmi.suspend_data` the player can write for this bank (see player.js
    `encode`): header fields, then per question its option order and every option chosen."""
    header = len("1;") + 8 + len(";") + len(str(max(attempts, 999))) + len(";d;100;")
    body = sum(2 * len(q.options) + 2 for q in questions)
    return header + body


def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("coursekit", "templates/scorm"),
                              autoescape=True, trim_blocks=True, lstrip_blocks=True)


def render_player(questions: list[Question], title: str, config: PlayerConfig, course_href: str) -> str:
    """The post-test page. Options appear in the course's fixed order; the script reshuffles
    them for each attempt and keeps that order in the suspend data."""
    views = []
    for number, question in enumerate(questions, 1):
        weights = grade_fractions(question)  # the Moodle XML, GIFT and QTI exports' own fractions
        options = [{"index": i, "text": author_markdown(question.options[i].text, inline=True),
                    "rationale": author_markdown(question.options[i].rationale),
                    "correct": question.options[i].correct, "weight": weights[i]}
                   for i in display_order(question.id, len(question.options))]
        views.append({"id": question.id, "number": number, "multiple": question.multiple,
                      "prompt": author_markdown(question.prompt, inline=True), "options": options})
    return _env().get_template("player.html").render(
        title=title, questions=views, config=config, bank=bank_fingerprint(questions),
        course_href=course_href,
    )


def player_asset(name: str) -> bytes:
    return resources.files("coursekit").joinpath("templates", "scorm", name).read_bytes()


def manifest(identifier: str, version: str, title: str, course_files: list[str],
             player_files: list[str], pass_mark: int) -> str:
    """imsmanifest.xml: one organisation with the course (an asset) and the post-test (the SCO,
    with the pass mark as its mastery score, so the LMS and the player agree on passing)."""
    # Namespaces are written as plain attributes: ElementTree would otherwise invent prefixes,
    # and a default namespace with unprefixed attributes is what LMS parsers expect.
    root = ET.Element("manifest", {"identifier": identifier, "version": version, "xmlns": CP,
                                   "xmlns:adlcp": ADLCP, "xmlns:xsi": XSI,
                                   "xsi:schemaLocation": SCHEMA_LOCATION})
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "ADL SCORM"
    ET.SubElement(metadata, "schemaversion").text = "1.2"
    organizations = ET.SubElement(root, "organizations", default="org-course")
    organization = ET.SubElement(organizations, "organization", identifier="org-course")
    ET.SubElement(organization, "title").text = title[:_TITLE_MAX]
    course_item = ET.SubElement(organization, "item", identifier="item-course",
                                identifierref="res-course")
    ET.SubElement(course_item, "title").text = "Course"
    test_item = ET.SubElement(organization, "item", identifier="item-posttest",
                              identifierref="res-posttest")
    ET.SubElement(test_item, "title").text = "Post-test"
    ET.SubElement(test_item, "adlcp:masteryscore").text = str(pass_mark)
    resources_el = ET.SubElement(root, "resources")
    for ident, kind, folder, files in (("res-course", "asset", COURSE_DIR, course_files),
                                       ("res-posttest", "sco", POSTTEST_DIR, player_files)):
        resource = ET.SubElement(resources_el, "resource", {
            "identifier": ident, "type": "webcontent", "adlcp:scormtype": kind,
            "href": f"{folder}/index.html"})
        for name in files:
            ET.SubElement(resource, "file", href=f"{folder}/{name}")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def site_files(site_dir: Path) -> list[str]:
    """Every file of the built learner site, as sorted forward-slash paths."""
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())


def leaked_items(site_dir: Path, questions: list[Question]) -> list[tuple[str, str]]:
    """(path, question id) for each post-test question id found in the site: a site that shows
    any of them is not the learner edition and must not go into the package."""
    ids = [q.id for q in questions]
    found = []
    for rel in site_files(site_dir):
        if not rel.endswith((".html", ".json", ".js", ".txt", ".xml")):
            continue
        text = (site_dir / rel).read_text(encoding="utf-8", errors="replace")
        found += [(rel, qid) for qid in ids if qid in text]
    return found


def write_package(out: Path, *, site_dir: Path, questions: list[Question], identifier: str,
                  version: str, title: str, config: PlayerConfig) -> None:
    """Write the SCORM 1.2 zip: imsmanifest.xml at its root, course/ and posttest/ beside it."""
    course = site_files(site_dir)
    player = ["index.html", *PLAYER_ASSETS]
    course_href = posixpath.relpath(f"{COURSE_DIR}/index.html", POSTTEST_DIR)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as package:
        # Fixed entry times and modes (coursekit.zips): the same course gives the same bytes.
        write_entry(package, "imsmanifest.xml", manifest(identifier, version, title, course, player,
                                                         config.pass_mark))
        for rel in course:
            write_file(package, site_dir / rel, f"{COURSE_DIR}/{rel}")
        write_entry(package, f"{POSTTEST_DIR}/index.html",
                    render_player(questions, title, config, course_href))
        for name in PLAYER_ASSETS:
            write_entry(package, f"{POSTTEST_DIR}/{name}", player_asset(name))
