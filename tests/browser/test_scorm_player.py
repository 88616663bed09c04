"""The SCORM 1.2 post-test player against a real SCORM run-time: scorm-again (npm, MIT) as the LMS.

A stand-in LMS page creates scorm-again's `Scorm12API` as `window.API` and opens the packaged
player in an iframe, as an LMS does. Every call the player makes goes through a wrapper that
records it, so the tests check the reporting itself: LMSInitialize, lesson_status incomplete
while working then passed or failed at the pass mark, the score, LMSCommit, LMSFinish, and
suspend data that resumes an interrupted attempt and stays under SCORM 1.2's 4,096 characters.
"""

from __future__ import annotations

import functools
import http.server
import json
import math
import shutil
import threading
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pagetools import axe_violations, describe_violations
from playwright.sync_api import Browser, Frame, Page

from coursekit.course import load_course
from coursekit.export import to_moodle_xml
from coursekit.model import Question
from coursekit.scorm import SUSPEND_DATA_LIMIT, PlayerConfig, worst_suspend_data, write_package
from npmpackages import SCORM_AGAIN, npm_install

ROOT = Path(__file__).resolve().parents[2]

HARNESS_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS stand-in</title>
<script src="scorm12.js"></script><script src="harness.js"></script></head>
<body><iframe id="sco" title="Post-test" src="../{package}/posttest/index.html"
style="width:100%;height:90vh;border:0"></iframe></body></html>
"""

# Records every API call as [name, ...arguments, result]; window.__resume (set by the test
# before the page loads) is what the LMS kept from an earlier session.
HARNESS_JS = """
window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
if (window.__resume) { window.API.loadFromJSON(window.__resume, ""); }
window.__calls = [];
["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit"].forEach(function (name) {
  var real = window.API[name].bind(window.API);
  window.API[name] = function () {
    var args = Array.prototype.slice.call(arguments);
    var result = real.apply(null, args);
    window.__calls.push([name].concat(args, [String(result)]));
    return result;
  };
});
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class Lms:
    """The stand-in LMS: a folder served on 127.0.0.1 with one extracted package per config."""

    root: Path
    origin: str
    questions: list[Question]
    packages: dict[PlayerConfig, str]
    site_dir: Path

    def package(self, config: PlayerConfig) -> str:
        if config not in self.packages:
            name = f"pkg{len(self.packages)}"
            archive = self.root / f"{name}.zip"
            write_package(archive, site_dir=self.site_dir, questions=self.questions,
                          identifier="test-course", version="0.0.0", title="Test course", config=config)
            with zipfile.ZipFile(archive) as package:
                package.extractall(self.root / name)
            (self.root / f"lms-{name}").mkdir()
            shutil.copy(self.root / "lms" / "scorm12.js", self.root / f"lms-{name}" / "scorm12.js")
            (self.root / f"lms-{name}" / "harness.js").write_text(HARNESS_JS, encoding="utf-8")
            (self.root / f"lms-{name}" / "index.html").write_text(HARNESS_HTML.format(package=name),
                                                                   encoding="utf-8")
            self.packages[config] = name
        return f"{self.origin}/lms-{self.packages[config]}/index.html"


@pytest.fixture(scope="session")
def posttest_questions() -> list[Question]:
    course = load_course(ROOT / "docs", "docs")
    pages = [p for p in course.pages.values() if p.kind == "posttest"]
    assert pages, "the course has no post-test page"
    return pages[0].questions


@pytest.fixture(scope="session")
def lms(tmp_path_factory: pytest.TempPathFactory, site_dir: Path,
        posttest_questions: list[Question]) -> Iterator[Lms]:
    scorm_again = npm_install(tmp_path_factory.getbasetemp() / "npm-scorm-again", SCORM_AGAIN)
    root = tmp_path_factory.mktemp("lms")
    (root / "lms").mkdir()
    shutil.copy(scorm_again / "dist" / "scorm12.js", root / "lms" / "scorm12.js")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_Quiet, directory=str(root)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="lms-server", daemon=True)
    thread.start()
    yield Lms(root, f"http://127.0.0.1:{server.server_address[1]}", posttest_questions, {}, site_dir)
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def open_player(browser: Browser, lms: Lms) -> Iterator[Callable[..., tuple[Page, Frame]]]:
    """Open the player inside the stand-in LMS; every request must stay on 127.0.0.1."""
    contexts = []
    requested: list[str] = []

    def open_(config: PlayerConfig | None = None,
              resume: dict[str, Any] | None = None) -> tuple[Page, Frame]:
        context = browser.new_context(viewport={"width": 1100, "height": 900})
        context.set_default_timeout(10_000)
        context.on("request", lambda request: requested.append(request.url))
        contexts.append(context)
        page = context.new_page()
        if resume is not None:
            page.add_init_script(f"window.__resume = {json.dumps(resume)};")
        page.goto(lms.package(config or PlayerConfig()))
        frame = page.frame_locator("#sco")
        frame.locator("#pt").wait_for()
        child = next(f for f in page.frames if f.url.endswith("/posttest/index.html"))
        child.wait_for_function("document.readyState === 'complete'")
        return page, child

    yield open_
    for context in contexts:
        context.close()
    offsite = [url for url in requested if not url.startswith(lms.origin + "/")]
    assert not offsite, f"requests left the machine: {offsite}"


def calls(page: Page) -> list[list[str]]:
    return page.evaluate("window.__calls")


def cmi(page: Page, element: str) -> str:
    """A value as the LMS holds it (read from scorm-again's data model, not through the SCO)."""
    return page.evaluate(f"String(window.API.cmi.{element})")


def set_values(page: Page, element: str) -> list[str]:
    return [c[2] for c in calls(page) if c[0] == "LMSSetValue" and c[1] == element]


def key(question: Question) -> list[int]:
    return [i for i, option in enumerate(question.options) if option.correct]


def wrong(question: Question) -> list[int]:
    return [next(i for i, option in enumerate(question.options) if not option.correct)]


def answer(frame: Frame, question: Question, indices: list[int]) -> None:
    for index in indices:
        frame.check(f"#pt-{question.id}-{index}")


def answer_all(frame: Frame, questions: list[Question], right: int) -> None:
    """Answer every question, the first `right` of them correctly."""
    for n, question in enumerate(questions):
        answer(frame, question, key(question) if n < right else wrong(question))


def submit(frame: Frame) -> None:
    frame.click("#pt-submit")
    frame.locator("#pt-result").wait_for()


def leave(page: Page) -> None:
    """The learner closes the post-test: the LMS removes its frame."""
    page.evaluate("document.getElementById('sco').remove()")


def pass_count(questions: list[Question], pass_mark: int) -> int:
    """The fewest correct answers that reach the pass mark."""
    return next(n for n in range(len(questions) + 1) if n * 100 >= pass_mark * len(questions))


def test_passing_attempt_reports_incomplete_then_passed_with_the_score(
        open_player: Callable[..., tuple[Page, Frame]], posttest_questions: list[Question]) -> None:
    page, frame = open_player()
    assert calls(page)[0][:2] == ["LMSInitialize", ""]
    assert set_values(page, "cmi.core.lesson_status") == ["incomplete"]
    right = pass_count(posttest_questions, 75)
    answer_all(frame, posttest_questions, right)
    assert cmi(page, "core.lesson_status") == "incomplete"
    submit(frame)
    assert cmi(page, "core.lesson_status") == "passed"
    assert cmi(page, "core.score.raw") == str(100 * right // len(posttest_questions))
    assert (cmi(page, "core.score.min"), cmi(page, "core.score.max")) == ("0", "100")
    assert set_values(page, "cmi.core.exit")[-1] == ""  # finished: the LMS need not resume it
    names = [c[0] for c in calls(page)]
    assert names.index("LMSCommit") > names.index("LMSSetValue")
    assert "Your result" in frame.inner_text("#pt-result")
    assert "you passed" in frame.inner_text("#pt-result-text")
    leave(page)
    assert calls(page)[-1][:2] == ["LMSFinish", ""]
    assert calls(page)[-2][:2] == ["LMSSetValue", "cmi.core.session_time"]


def test_failing_attempt_below_the_pass_mark_reports_failed_and_offers_a_retake(
        open_player: Callable[..., tuple[Page, Frame]], posttest_questions: list[Question]) -> None:
    page, frame = open_player()
    right = pass_count(posttest_questions, 75) - 1
    answer_all(frame, posttest_questions, right)
    submit(frame)
    assert cmi(page, "core.lesson_status") == "failed"
    assert cmi(page, "core.score.raw") == str(100 * right // len(posttest_questions))
    assert set_values(page, "cmi.core.exit")[-1] == "suspend"  # attempts remain
    # Feedback "final": no key and no rationale while attempts remain.
    assert frame.locator("#pt-form").is_hidden()
    assert "2 attempts left" in frame.inner_text("#pt-result-text")
    frame.click("#pt-retake")
    assert cmi(page, "core.lesson_status") == "incomplete"
    assert frame.locator(f"#pt-{posttest_questions[0].id}-0").is_checked() is False


def test_last_failed_attempt_ends_the_test_and_shows_the_feedback(
        open_player: Callable[..., tuple[Page, Frame]], posttest_questions: list[Question]) -> None:
    page, frame = open_player(PlayerConfig(attempts=1))
    answer_all(frame, posttest_questions, 0)
    submit(frame)
    assert cmi(page, "core.lesson_status") == "failed"
    assert set_values(page, "cmi.core.exit")[-1] == ""
    assert frame.locator("#pt-retake").is_hidden()
    first = posttest_questions[0]
    assert frame.locator(f"#pt-{first.id} .pt-rationale").first.is_visible()
    assert frame.inner_text(f"#pt-{first.id} .pt-mark") == "Your answer is not correct."


def test_feedback_never_shows_only_the_score(
        open_player: Callable[..., tuple[Page, Frame]], posttest_questions: list[Question]) -> None:
    page, frame = open_player(PlayerConfig(attempts=1, feedback="never"))
    answer_all(frame, posttest_questions, len(posttest_questions))
    submit(frame)
    assert cmi(page, "core.lesson_status") == "passed"
    assert frame.locator("#pt-form").is_hidden()


def moodle_fractions(questions: list[Question]) -> dict[str, list[float]]:
    """Each option's grade fraction (percent, by source index) read back from the Moodle XML
    export, matched to the bank by option text: what Moodle would give for choosing it."""
    quiz = ET.fromstring(to_moodle_xml(questions, "Test course"))
    found = {}
    for item, question in zip(quiz.findall("question")[1:], questions, strict=True):
        assert item.findtext("idnumber") == question.id
        by_text = {" ".join((a.findtext("text") or "").split()): float(a.get("fraction") or "")
                   for a in item.findall("answer")}
        found[question.id] = [by_text[" ".join(o.text.split())] for o in question.options]
    return found


def partial_choice(n: int, question: Question) -> list[int]:
    """A varied attempt: multiple-answer questions get one right answer only, all right answers
    plus a wrong one, only a wrong one, or every right answer, in turn; the rest their key."""
    right = key(question)
    wrong_ones = [i for i, option in enumerate(question.options) if not option.correct]
    if not question.multiple:
        return right
    return [right[:1], right + wrong_ones[:1], wrong_ones[:1], right][n % 4]


def test_multiple_answer_questions_earn_the_moodle_exports_partial_credit(
        open_player: Callable[..., tuple[Page, Frame]], posttest_questions: list[Question]) -> None:
    fractions = moodle_fractions(posttest_questions)
    multiple = [q for q in posttest_questions if q.multiple]
    assert len(multiple) >= 4, "the bank needs multiple-answer questions for this test"
    page, frame = open_player(PlayerConfig(attempts=1, feedback="each"))
    marks = []
    for n, question in enumerate(multiple + [q for q in posttest_questions if not q.multiple]):
        chosen = partial_choice(n, question)
        answer(frame, question, chosen)
        marks.append(min(100.0, max(0.0, sum(fractions[question.id][i] for i in chosen))) / 100)
    submit(frame)
    expected = math.floor(100 * sum(marks) / len(posttest_questions) + 1e-9)
    assert 0 < expected < 100 and any(0 < m < 1 for m in marks)
    assert cmi(page, "core.score.raw") == str(expected)
    assert cmi(page, "core.lesson_status") == ("passed" if expected >= 75 else "failed")
    one_right = multiple[0]  # one of its two or three right answers: part of the mark
    share = round(fractions[one_right.id][key(one_right)[0]])  # percent
    assert frame.inner_text(f"#pt-{one_right.id} .pt-mark") == (
        f"Your answer is partly correct: it earns {share} % of the question's mark.")
    assert frame.inner_text(f"#pt-{multiple[2].id} .pt-mark") == "Your answer is not correct."
    assert frame.inner_text(f"#pt-{multiple[3].id} .pt-mark") == "Your answer is correct."
    assert f"({expected} %)" in frame.inner_text("#pt-result-text")


def test_submit_with_unanswered_questions_names_them_and_reports_nothing(
        open_player: Callable[..., tuple[Page, Frame]], posttest_questions: list[Question]) -> None:
    page, frame = open_player()
    answer_all(frame, posttest_questions[:-1], len(posttest_questions))
    frame.click("#pt-submit")
    assert f"question {len(posttest_questions)}" in frame.inner_text("#pt-unanswered")
    assert cmi(page, "core.lesson_status") == "incomplete"
    assert set_values(page, "cmi.core.score.raw") == []


def shown_order(frame: Frame, question: Question) -> list[int]:
    return [int(i) for i in frame.eval_on_selector_all(
        f"#pt-{question.id} .pt-option", "nodes => nodes.map(n => n.dataset.index)")]


def test_interrupted_attempt_resumes_with_its_answers_and_option_order(
        open_player: Callable[..., tuple[Page, Frame]], posttest_questions: list[Question]) -> None:
    page, frame = open_player()
    half = posttest_questions[:10]
    answer_all(frame, half, len(half))
    orders = {q.id: shown_order(frame, q) for q in posttest_questions}
    kept = {"core": {"lesson_status": cmi(page, "core.lesson_status"), "entry": "resume"},
            "suspend_data": cmi(page, "suspend_data")}
    assert kept["core"]["lesson_status"] == "incomplete"
    page.close()  # interrupted: no LMSFinish, only what was committed survives

    page, frame = open_player(resume=kept)
    assert "your answers so far are restored" in frame.inner_text("#pt-status")
    assert {q.id: shown_order(frame, q) for q in posttest_questions} == orders
    for question in half:
        for index in key(question):
            assert frame.locator(f"#pt-{question.id}-{index}").is_checked()
    answer_all(frame, posttest_questions[10:], len(posttest_questions))
    submit(frame)
    assert cmi(page, "core.lesson_status") == "passed"
    assert cmi(page, "core.score.raw") == "100"


def test_suspend_data_stays_under_the_limit_and_the_build_time_bound(
        open_player: Callable[..., tuple[Page, Frame]], posttest_questions: list[Question]) -> None:
    page, frame = open_player()
    # The longest state: every option of every multiple-answer question chosen.
    for question in posttest_questions:
        answer(frame, question, list(range(len(question.options))) if question.multiple else [0])
    submit(frame)
    written = set_values(page, "cmi.suspend_data")
    assert written, "the player never wrote cmi.suspend_data"
    longest = max(len(value) for value in written)
    bound = worst_suspend_data(posttest_questions, PlayerConfig().attempts)
    print(f"longest suspend data: {longest} characters; build-time bound {bound}; "
          f"limit {SUSPEND_DATA_LIMIT}")
    assert longest <= bound < SUSPEND_DATA_LIMIT


def test_options_are_shuffled_for_each_attempt(
        open_player: Callable[..., tuple[Page, Frame]], posttest_questions: list[Question]) -> None:
    _, first = open_player()
    _, second = open_player()
    one = [shown_order(first, q) for q in posttest_questions]
    two = [shown_order(second, q) for q in posttest_questions]
    # 36 questions of 3-6 options: the chance that two shuffles agree everywhere is negligible.
    assert one != two
    assert all(sorted(order) == list(range(len(q.options))) for order, q in zip(one, posttest_questions,
                                                                               strict=True))


def test_without_an_lms_the_player_says_so_and_shows_no_question(browser: Browser, lms: Lms) -> None:
    lms.package(PlayerConfig())
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{lms.origin}/{lms.packages[PlayerConfig()]}/posttest/index.html")
        assert "no connection to it was found" in page.inner_text("#pt-status")
        assert page.locator("#pt-form").is_hidden()
    finally:
        context.close()


def test_player_has_no_axe_violations_while_working_and_after_feedback(
        browser: Browser, lms: Lms, posttest_questions: list[Question]) -> None:
    """axe checks a top-level page, so here the player is the page and the API is put on its own
    window before its script runs (the SCORM API search looks there first)."""
    config = PlayerConfig(attempts=1, feedback="each")
    lms.package(config)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(path=str(lms.root / "lms" / "scorm12.js"))
        page.add_init_script("window.API = new Scorm12API({ autocommit: false, logLevel: 5 });")
        page.goto(f"{lms.origin}/{lms.packages[config]}/posttest/index.html")
        page.locator("#pt-form").wait_for()
        assert page.evaluate("window.API.cmi.core.lesson_status") == "incomplete"
        for where in ("working", "feedback"):
            if where == "feedback":
                answer_all(page.main_frame, posttest_questions, 3)
                submit(page.main_frame)
                assert page.locator(".pt-rationale").first.is_visible()
            violations = axe_violations(page)
            assert not violations, f"axe violations ({where}):\n{describe_violations(violations)}"
    finally:
        context.close()
