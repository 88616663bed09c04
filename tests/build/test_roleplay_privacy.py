"""The learner edition publishes only the public frame of each role-play.

Every sentence of every role's brief and unspoken part, the scripted opening, the cue points,
the observer cues and the facilitator notes is taken from the parsed course (coursekit, not a
regex over the Markdown) and looked for in every file of the built learner site: the HTML as
text and as markup, the search index, the sitemap and anything else written there.
"""

from __future__ import annotations

import contextlib
import html
import json
import re
from pathlib import Path

import pytest
from sitebuild import ROOT, Built

from coursekit.course import load_course
from coursekit.model import RolePlay

pytestmark = pytest.mark.build

MIN_WORDS = 4  # shorter fragments ("I'm fine.") also occur in ordinary prose
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+")
_TAGS = re.compile(r"<[^>]+>")


def _norm(text: str) -> str:
    text = html.unescape(_TAGS.sub(" ", text))
    text = re.sub(r"[*_`]", "", text)  # Markdown emphasis does not survive rendering as such
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split()).casefold()


def private_texts(roleplay: RolePlay) -> list[tuple[str, str]]:
    """(where, text) for everything only the players or the facilitator may read."""
    found = []
    for role in roleplay.roles:
        found += [(f"{role.id} brief", role.brief), (f"{role.id} unspoken", role.unspoken)]
    for number, line in enumerate(roleplay.opening, 1):
        found += [(f"opening line {number}", line.text), (f"opening direction {number}", line.direction)]
    for number, cue in enumerate(roleplay.cues, 1):
        found += [(f"cue {number} when", cue.when), (f"cue {number} raise", cue.raise_),
                  (f"cue {number} lower", cue.lower)]
    for number, cue in enumerate(roleplay.observer_cues, 1):
        found += [(f"observer cue {number} watch", cue.watch),
                  (f"observer cue {number} prompt", cue.prompt)]
    found.append(("facilitator notes", roleplay.facilitator_notes))
    return [(where, text) for where, text in found if text]


def private_sentences() -> list[tuple[str, str]]:
    """(role-play id and field, sentence) for every private sentence of MIN_WORDS or more."""
    course = load_course(ROOT / "docs", "docs")
    sentences = []
    for _, roleplay in sorted(course.roleplays, key=lambda pair: pair[0].src_uri):
        for where, text in private_texts(roleplay):
            for sentence in _SENTENCE_END.split(_norm(text)):
                if len(sentence.split()) >= MIN_WORDS:
                    sentences.append((f"{roleplay.id} {where}", sentence))
    return sentences


def _json_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _json_strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _json_strings(item)]
    return []


def site_texts(site: Path) -> dict[str, str]:
    """Every file of a built site as normalised text, by path (JSON: its strings, as text)."""
    texts = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        raw = path.read_bytes().decode("utf-8", errors="ignore")
        if path.suffix == ".json":
            with contextlib.suppress(ValueError):  # not JSON after all: search it as text
                raw = "\n".join(_json_strings(json.loads(raw)))
        texts[path.relative_to(site).as_posix()] = _norm(raw)
    return texts


def leaks(site: Path) -> list[tuple[str, str, str]]:
    """(file, role-play field, sentence) for each private sentence found in the site."""
    texts = site_texts(site)
    return [(name, where, sentence) for where, sentence in private_sentences()
            for name, text in texts.items() if sentence in text]


def test_the_course_has_private_sentences_to_look_for() -> None:
    """The check has something to find: every role-play, and every kind of private field."""
    sentences = private_sentences()
    kinds = {where.split(" ", 1)[1].split(" ")[-1] for where, _ in sentences}
    assert {"brief", "unspoken", "when", "raise", "lower", "watch", "prompt", "notes"} <= kinds, kinds
    course = load_course(ROOT / "docs", "docs")
    assert {where.split(" ")[0] for where, _ in sentences} == {rp.id for _, rp in course.roleplays}


def test_learner_site_holds_no_private_roleplay_sentence(learner_site: Built) -> None:
    assert learner_site.error is None, learner_site.problems()
    found = leaks(learner_site.site)
    shown = "\n".join(f"{name}: [{where}] {sentence[:80]}" for name, where, sentence in found[:20])
    assert found == [], f"{len(found)} private sentence(s) in the learner site:\n{shown}"


def test_the_leak_check_sees_the_instructor_site(instructor_site: Built) -> None:
    """The same check finds every role-play's private text where it belongs."""
    texts = site_texts(instructor_site.site)
    found = {where.split(" ")[0] for where, sentence in private_sentences()
             if any(sentence in text for text in texts.values())}
    course = load_course(ROOT / "docs", "docs")
    assert found == {roleplay.id for _, roleplay in course.roleplays}


def test_instructor_home_page_leads_into_the_instructor_material(
    learner_site: Built, instructor_site: Built
) -> None:
    home = instructor_site.read("index.html")
    for target in ("instructors/index.html", "instructors/facilitator-guide.html",
                   "instructors/agendas.html", "instructors/post-test.html"):
        assert f'href="{target}' in home, target
    assert "instructors/" not in learner_site.read("index.html")


if __name__ == "__main__":  # a measurement: python tests/build/test_roleplay_privacy.py SITE
    import sys

    found = leaks(Path(sys.argv[1]))
    print(f"{len(private_sentences())} private sentences; "
          f"{len({s for _, _, s in found})} found in {sys.argv[1]} ({len(found)} file hits)")
