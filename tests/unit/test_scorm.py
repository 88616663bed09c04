"""The SCORM 1.2 package: a manifest valid against ADL's schemas, the right files in the zip, a
player page that carries every question safely, and the limits the player relies on."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from coursekit.export import _weights as grade_fractions
from coursekit.model import Option, Question
from coursekit.scorm import (
    SUSPEND_DATA_LIMIT,
    PlayerConfig,
    bank_fingerprint,
    leaked_items,
    manifest,
    render_player,
    worst_suspend_data,
    write_package,
)
from lmsbank import MULTIPLE, make_question, single
from lmsschemas import errors, scorm_manifest_schema

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"

SINGLE = single(("Accuse.", False, "It invites defence."))
HOSTILE = make_question(
    "pt-3", "m1-o1", "single", '<script>alert("x")</script> & "quotes"',
    ('<img src=x onerror="alert(1)">', True, "<b>bold</b> & more"),
    ("Plain.", False, "Plain."),
)


def site(root: Path) -> Path:
    for rel, text in {"index.html": "<h1>Course</h1>", "modules/one.html": "<p>One</p>",
                      "assets/course.css": "body{}"}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def package(tmp_path: Path, config: PlayerConfig | None = None) -> zipfile.ZipFile:
    config = config or PlayerConfig()
    out = tmp_path / "course-scorm12.zip"
    write_package(out, site_dir=site(tmp_path / "site"), questions=[SINGLE, MULTIPLE],
                  identifier="course-1.2.3", version="1.2.3", title="A course & more", config=config)
    return zipfile.ZipFile(out)


def test_manifest_is_valid_against_the_scorm_1_2_schemas(tmp_path: Path) -> None:
    with package(tmp_path) as zipped:
        assert errors(scorm_manifest_schema(), zipped.read("imsmanifest.xml")) == []


@pytest.mark.parametrize(("old", "new"), [
    ('adlcp:scormtype="sco"', 'adlcp:scormtype="scorm"'),  # not in ADL's enumeration
    ("<schemaversion>1.2</schemaversion>", "<schemaversion>1.2</schemaversion><schemaversion/>"),
    ('identifierref="res-posttest"', 'identifierref="res-posttest" launch="x"'),  # no such attribute
])
def test_the_schema_check_rejects_a_broken_manifest(old: str, new: str) -> None:
    text = manifest("course-1", "1", "Course", ["index.html"], ["index.html"], 75)
    assert text.count(old) == 1
    assert errors(scorm_manifest_schema(), text.replace(old, new)) != []


def test_manifest_names_the_post_test_as_the_sco_with_the_pass_mark(tmp_path: Path) -> None:
    with package(tmp_path, PlayerConfig(pass_mark=80)) as zipped:
        root = ET.fromstring(zipped.read("imsmanifest.xml"))
        names = zipped.namelist()
    assert names[0] == "imsmanifest.xml"  # at the root of the zip, where an LMS looks
    assert root.get("identifier") == "course-1.2.3" and root.get("version") == "1.2.3"
    assert root.findtext(f"{CP}metadata/{CP}schema") == "ADL SCORM"
    assert root.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"
    resources = {r.get("identifier"): r for r in root.iter(f"{CP}resource")}
    assert {k: (r.get(f"{ADLCP}scormtype"), r.get("href")) for k, r in resources.items()} == {
        "res-course": ("asset", "course/index.html"), "res-posttest": ("sco", "posttest/index.html")}
    test_item = next(i for i in root.iter(f"{CP}item") if i.get("identifierref") == "res-posttest")
    assert test_item.findtext(f"{ADLCP}masteryscore") == "80"
    assert root.findtext(f"{CP}organizations/{CP}organization/{CP}title") == "A course & more"
    listed = sorted(f.get("href") for r in resources.values() for f in r.iter(f"{CP}file"))
    assert listed == sorted(n for n in names if n != "imsmanifest.xml")
    assert "course/modules/one.html" in listed
    assert {"posttest/index.html", "posttest/player.js", "posttest/player.css"} <= set(listed)


def attributes(page: str) -> list[str]:
    """Every attribute name of every element of the page, as a browser's parser sees them."""
    names: list[str] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            names.extend(name for name, _ in attrs)

    Collect().feed(page)
    return names


def test_player_page_holds_every_question_escaped_with_no_inline_script(tmp_path: Path) -> None:
    page = render_player([SINGLE, MULTIPLE, HOSTILE], "Course <b>&</b>", PlayerConfig(),
                         "../course/index.html")
    assert "<title>Post-test: Course &lt;b&gt;&amp;&lt;/b&gt;</title>" in page
    assert re.findall(r"<script[^>]*>", page) == ['<script src="player.js" defer>']
    assert [a for a in attributes(page) if a.startswith("on")] == []  # no event handlers
    assert "&lt;script&gt;" in page and "&lt;img src=x" in page
    assert 'data-pass-mark="75" data-attempts="3" data-feedback="final"' in page
    assert f'data-bank="{bank_fingerprint([SINGLE, MULTIPLE, HOSTILE])}"' in page
    for question in (SINGLE, MULTIPLE, HOSTILE):
        weights = grade_fractions(question)  # the Moodle export's fractions score the player too
        for index, option in enumerate(question.options):
            marker = (f'<div class="pt-option" data-index="{index}" '
                      f'data-correct="{"true" if option.correct else "false"}" '
                      f'data-weight="{weights[index]}">')
            assert marker in page
        kind = "checkbox" if question.multiple else "radio"
        assert page.count(f'type="{kind}" name="pt-{question.id}"') == len(question.options)
    assert "<em>attunes</em>" in page  # author Markdown, rendered


def test_fingerprint_follows_the_key_and_the_text() -> None:
    base = bank_fingerprint([SINGLE])
    flipped = Question(**{**SINGLE.__dict__, "options": (
        Option("Name the cue.", False, "It opens a door.", 1), Option("Move on.", True, "x", 2),
        SINGLE.options[2])})
    reworded = Question(**{**SINGLE.__dict__, "options": (
        Option("Name the cue now.", True, "It opens a door.", 1), *SINGLE.options[1:])})
    assert len({base, bank_fingerprint([flipped]), bank_fingerprint([reworded])}) == 3
    assert bank_fingerprint([SINGLE]) == base


def test_worst_suspend_data_counts_every_option_twice_and_the_header() -> None:
    # 3 + 4 options: orders and answers take one digit per option plus a separator each.
    assert worst_suspend_data([SINGLE, MULTIPLE], attempts=3) == (2 + 8 + 1 + 3 + 7) + (8 + 10)
    big = [Question(**{**MULTIPLE.__dict__, "id": f"pt-{n}"}) for n in range(500)]
    assert worst_suspend_data(big, attempts=3) > SUSPEND_DATA_LIMIT


@pytest.mark.parametrize(("config", "message"), [
    (PlayerConfig(pass_mark=0), "The pass mark must be a percentage from 1 to 100, not 0."),
    (PlayerConfig(attempts=-1), "Attempts must be 0 (no limit) or more, not -1."),
    (PlayerConfig(feedback="later"), "Feedback must be one of final, each, never, not 'later'."),
])
def test_config_problems_are_named(config: PlayerConfig, message: str) -> None:
    assert config.problems() == [message]


def test_a_site_that_shows_a_post_test_item_is_caught(tmp_path: Path) -> None:
    root = site(tmp_path / "site")
    assert leaked_items(root, [SINGLE, MULTIPLE]) == []
    (root / "instructors").mkdir()
    (root / "instructors" / "post-test.html").write_text('<div id="q-pt-2">', encoding="utf-8")
    assert leaked_items(root, [SINGLE, MULTIPLE]) == [("instructors/post-test.html", "pt-2")]
