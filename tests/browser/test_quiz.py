"""Self-check questions in a real browser: mouse, keyboard, saved answers, no JavaScript."""

from __future__ import annotations

import json
import re

import pytest
from pagetools import (
    HOME,
    MODULE_1,
    STORAGE_PREFIX,
    Question,
    active_element,
    coursekit_keys,
    norm,
    reach_questions,
)
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def open_module(page: Page) -> None:
    page.goto(MODULE_1)
    reach_questions(page)


def answer_keys(page: Page) -> list[str]:
    return [key for key in coursekit_keys(page) if ":answer:" in key]


def clear_module(page: Page) -> None:
    """The module page's clear control, confirmed."""
    page.get_by_role("button", name="Clear this module’s answers").click()
    page.get_by_role("button", name="Yes, clear this module").click()


def test_single_answer_by_mouse(page: Page) -> None:
    open_module(page)
    q = Question.find(page, "single")
    assert len(q.correct) == 1, f"{q.qid}: a single-answer question needs exactly one correct option"
    wrong, right = q.wrong[0], q.correct[0]

    # The live region holds the verdict only, so a screen reader hears it once per check.
    status = q.root.locator(".ck-announce[role='status']")
    expect(status).to_be_empty()

    q.option(wrong).click()
    q.button.click()
    expect(status).to_have_text("Not quite.")
    assert q.rationale(wrong) in q.feedback_text()
    assert q.rationale(right) not in q.feedback_text()

    q.option(right).click()
    q.button.click()
    expect(status).to_have_text("Correct.")
    text = q.feedback_text()
    assert text.count("Correct.") == 1, text
    assert "Not quite" not in text
    assert q.rationale(right) in text
    assert q.rationale(wrong) not in text


def test_multiple_answer_by_mouse(page: Page) -> None:
    open_module(page)
    q = Question.find(page, "multiple")
    assert q.root.locator("input[type='checkbox']").count() == q.options

    q.option(q.correct[0]).click()
    q.button.click()
    expected = "Partly right" if len(q.correct) > 1 else "Correct."
    expect(q.feedback).to_contain_text(expected)

    for index in q.correct[1:]:
        q.option(index).click()
    q.option(q.wrong[0]).click()
    q.button.click()
    expect(q.feedback).to_contain_text("Not quite")
    assert q.rationale(q.wrong[0]) in q.feedback_text()

    q.option(q.wrong[0]).click()  # untick the wrong one
    q.button.click()
    expect(q.feedback).to_contain_text("Correct.")
    text = q.feedback_text()
    for index in q.correct:
        assert q.rationale(index) in text


def tab_into(page: Page, q: Question) -> None:
    """Start from the question's own box (outside the form) and Tab into its first control."""
    q.root.click(position={"x": 2, "y": 2})
    page.keyboard.press("Tab")
    focused = active_element(page)
    assert focused.get("id") == f"ck-{q.qid}-0", f"Tab did not reach the first option: {focused}"


def assert_focus_in_question(page: Page, q: Question) -> None:
    focused = active_element(page)
    assert focused.get("question") == q.qid, f"focus left the question after checking: {focused}"


def test_single_answer_by_keyboard_alone(page: Page) -> None:
    open_module(page)
    q = Question.find(page, "single")
    right = q.correct[0]
    wrong = next(i for i in q.wrong if i > 0)  # reached with at least one arrow key

    tab_into(page, q)
    assert q.checked() == []
    for step in range(1, wrong + 1):
        page.keyboard.press("ArrowDown")
        assert active_element(page)["id"] == f"ck-{q.qid}-{step}"
        assert q.feedback_text() == "", "an arrow key alone produced feedback"
        assert q.saved() is None, "an arrow key alone saved an answer"
    page.keyboard.press("Space")
    assert q.checked() == [wrong]
    assert q.feedback_text() == ""

    page.keyboard.press("Tab")
    assert active_element(page)["cls"].find("ck-check") >= 0, active_element(page)
    page.keyboard.press("Enter")
    expect(q.feedback).to_contain_text("Not quite")
    assert q.rationale(wrong) in q.feedback_text()
    assert_focus_in_question(page, q)
    first_feedback = q.feedback_text()

    # Back into the group (lands on the checked radio), arrow to the right answer.
    page.keyboard.press("Shift+Tab")
    assert active_element(page)["id"] == f"ck-{q.qid}-{wrong}"
    key = "ArrowDown" if right > wrong else "ArrowUp"
    for _ in range(abs(right - wrong)):
        page.keyboard.press(key)
        # The arrow moved the selection: the old feedback stays, marked as for the earlier
        # choice; nothing is checked or saved until the learner asks.
        expect(q.feedback.locator(".ck-stale-note")).to_have_count(1)
        assert first_feedback in q.feedback_text(), "an arrow key alone re-checked the answer"
        assert json.loads(q.saved() or "null") == [q.key(wrong)], "an arrow key alone saved"
    assert active_element(page)["id"] == f"ck-{q.qid}-{right}"
    page.keyboard.press("Space")
    assert q.checked() == [right]
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(q.feedback).to_contain_text("Correct.")
    assert q.rationale(right) in q.feedback_text()
    assert_focus_in_question(page, q)


def test_multiple_answer_by_keyboard_alone(page: Page) -> None:
    open_module(page)
    q = Question.find(page, "multiple")

    tab_into(page, q)
    for index in range(q.options):
        assert active_element(page)["id"] == f"ck-{q.qid}-{index}"
        if index in q.correct:
            page.keyboard.press("Space")
        page.keyboard.press("Tab")
    assert q.checked() == q.correct
    assert q.feedback_text() == ""
    assert "ck-check" in active_element(page)["cls"], active_element(page)
    page.keyboard.press("Enter")
    expect(q.feedback).to_contain_text("Correct.")
    for index in q.correct:
        assert q.rationale(index) in q.feedback_text()
    assert_focus_in_question(page, q)


def test_saved_answers_survive_reload_and_can_be_cleared(page: Page) -> None:
    open_module(page)
    single = Question.find(page, "single")
    multiple = Question.find(page, "multiple")
    tools = page.locator("[data-ck-tools]")
    expect(tools).to_be_visible()
    expect(tools.locator(".ck-privacy")).to_be_visible()
    expect(tools.locator(".ck-privacy")).to_contain_text("Nothing is sent anywhere")

    wrong = single.wrong[0]
    single.option(wrong).click()
    single.button.click()
    picks = sorted([multiple.correct[0], multiple.wrong[0]])
    for index in picks:
        multiple.option(index).click()
    multiple.button.click()
    expect(multiple.feedback).not_to_be_empty()
    # Saved by option key, not by position.
    assert json.loads(single.saved() or "null") == [single.key(wrong)]
    assert json.loads(multiple.saved() or "null") == [multiple.key(i) for i in picks]

    page.reload()
    expect(single.button).to_be_visible()
    assert single.checked() == [wrong]
    expect(single.feedback).to_contain_text("Not quite")
    assert single.rationale(wrong) in single.feedback_text()
    assert multiple.checked() == picks
    expect(multiple.feedback).to_contain_text("Not quite")
    for index in picks:
        assert multiple.rationale(index) in multiple.feedback_text()

    clear_module(page)
    expect(tools.locator(".ck-clear-status")).to_contain_text("cleared")
    assert answer_keys(page) == []
    for q in (single, multiple):
        assert q.checked() == []
        expect(q.feedback).to_be_empty()

    page.reload()
    expect(single.button).to_be_visible()
    assert answer_keys(page) == []
    assert page.locator("[data-ck-question] input:checked").count() == 0
    assert page.locator("[data-ck-question] .ck-feedback:not(:empty)").count() == 0


def test_without_javascript_the_answer_details_still_work(new_context) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(MODULE_1)
    questions = page.locator("[data-ck-question]")
    assert questions.count() > 0
    expect(page.locator("[data-ck-tools]")).to_be_hidden()

    for n in range(questions.count()):
        q = Question.find(page, nth=n)
        assert q.correct, f"{q.qid}: no option is marked correct"
        # quiz.js draws the Check button and feedback: without it there are none, not hidden ones.
        expect(q.root.locator(".ck-check, .ck-feedback, .ck-announce")).to_have_count(0)
        details = q.root.locator("details.ck-answer")
        summary = details.locator("summary")
        expect(summary).to_have_text("Show answer and rationale")
        assert details.get_attribute("open") is None
        summary.click()
        expect(details).to_have_attribute("open", "")
        for index in range(q.options):
            item = details.locator(f"li[data-ck-option='{index}']")
            verdict = " is correct." if index in q.correct else " is not correct."
            expect(item.locator(".ck-verdict")).to_be_visible()
            expect(item.locator(".ck-verdict")).to_contain_text(verdict)
            expect(item.locator(".ck-rationale")).to_be_visible()
            assert q.rationale(index)


# ---- behaviours that hand-made mutations of quiz.js once survived ----------------------------

# Counts, from before quiz.js runs, every localStorage write and every verdict line it renders.
COUNTERS = """
window.__ck = {writes: [], verdicts: 0, statuses: 0};
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (String(key).startsWith("coursekit:") && !String(key).endsWith("probe")) {
    window.__ck.writes.push(key);
  }
  return setItem.call(this, key, value);
};
new MutationObserver(records => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node.classList && node.classList.contains("ck-verdict-line")) window.__ck.verdicts += 1;
    }
    if (record.target.classList && record.target.classList.contains("ck-clear-status")) {
      window.__ck.statuses += 1;
    }
  }
}).observe(document, {childList: true, subtree: true});
"""


def counters(page: Page) -> dict:
    return page.evaluate("() => window.__ck")


def test_checking_with_nothing_chosen_asks_for_an_answer(page: Page) -> None:
    open_module(page)
    q = Question.find(page, "single")
    q.button.click()
    expect(q.feedback).to_have_text("Choose an answer first.")
    assert q.saved() is None, "an empty answer was saved"
    expect(q.root.locator("details.ck-answer")).to_be_hidden()


def test_each_chosen_option_is_labelled_right_or_not_right(page: Page) -> None:
    open_module(page)
    q = Question.find(page, "multiple")
    right, wrong = q.correct[0], q.wrong[0]
    q.option(right).click()
    q.option(wrong).click()
    q.button.click()
    explained = q.feedback.locator(".ck-explained")
    expect(explained).to_have_count(2)
    labels = {norm(explained.nth(n).locator("strong").text_content()) for n in range(2)}
    assert labels == {"Right:", "Not right:"}
    right_box = q.feedback.locator(".ck-explained.ck-right")
    expect(right_box.locator("strong")).to_have_text("Right:")
    assert q.rationale(right) in norm(right_box.text_content())
    wrong_box = q.feedback.locator(".ck-explained.ck-wrong")
    expect(wrong_box.locator("strong")).to_have_text("Not right:")
    assert q.rationale(wrong) in norm(wrong_box.text_content())


def test_answers_stay_hidden_until_the_learner_tries(page: Page) -> None:
    open_module(page)
    details = page.locator("[data-ck-question] details.ck-answer")
    assert details.count() > 0
    for n in range(details.count()):
        expect(details.nth(n)).to_be_hidden()
    q = Question.find(page, "single")
    q.option(q.wrong[0]).click()
    q.button.click()
    expect(q.root.locator("details.ck-answer")).to_be_visible()
    expect(details.nth(1)).to_be_hidden()  # only the question tried


def test_clearing_a_module_removes_its_answers_and_only_those(page: Page) -> None:
    open_module(page)
    questions = [Question.find(page, nth=n) for n in range(3)]
    for q in questions:
        q.option(q.wrong[0]).click()
        q.button.click()
    # Module 1's part 2 has questions of its own, saved on its page; another module's answer.
    page.evaluate("""() => {
        localStorage.setItem("coursekit:v2:answer:m1-part-two-unseen", "[1]");
        localStorage.setItem("coursekit:v2:answer:m2-someone-elses", '["abc"]');
        localStorage.setItem("unrelated-site-setting", "keep");
    }""")
    module_ids = page.locator("[data-ck-tools]").get_attribute("data-ck-questions").split()
    assert {q.qid for q in questions} < set(module_ids), "the clear control misses this page"
    assert all(i.startswith("m1-") for i in module_ids)
    page.evaluate("ids => localStorage.setItem('coursekit:v2:answer:' + ids[ids.length - 1], '[\"x\"]')",
                  module_ids)
    tools = page.locator("[data-ck-tools]")
    expect(tools.locator(".ck-privacy")).to_have_text(
        "Your answers are saved only in this browser on this device, so they are here when you "
        "come back. Nothing is sent anywhere. My progress shows every module and can save your "
        "progress to a file.")
    expect(tools.get_by_role("link", name="My progress")).to_have_attribute("href", "../progress.html")
    page.get_by_role("button", name="Clear this module’s answers").click()
    # It asks first, naming how many answers of which module, and saying no keeps everything.
    title = (page.locator(".md-content h1").text_content() or "").replace("¶", "").strip()
    expect(tools.locator(".ck-confirm p")).to_have_text(
        f"Clear your saved answers to the {len(module_ids)} questions in {title}? Other modules keep theirs.")
    page.get_by_role("button", name="Keep my answers").click()
    expect(page.locator(".ck-clear-status")).to_have_text("Nothing was cleared.")
    assert len(answer_keys(page)) == 6
    page.get_by_role("button", name="Clear this module’s answers").click()
    expect(page.get_by_role("button", name="Yes, clear this module")).to_be_focused()
    page.get_by_role("button", name="Yes, clear this module").click()
    expect(page.locator(".ck-clear-status")).to_contain_text("Other modules keep theirs")
    assert sorted(answer_keys(page)) == ["coursekit:v2:answer:m1-part-two-unseen",
                                         "coursekit:v2:answer:m2-someone-elses"]
    assert page.evaluate("() => localStorage.getItem('unrelated-site-setting')") == "keep"
    for q in questions:
        assert q.checked() == []
        expect(q.feedback).to_be_empty()


def test_clearing_closes_and_hides_opened_answers(page: Page) -> None:
    open_module(page)
    q = Question.find(page, "single")
    q.option(q.wrong[0]).click()
    q.button.click()
    details = q.root.locator("details.ck-answer")
    details.locator("summary").click()
    expect(details).to_have_attribute("open", "")
    clear_module(page)
    assert details.get_attribute("open") is None
    expect(details).to_be_hidden()


def test_each_handler_is_bound_once(page: Page) -> None:
    page.add_init_script(COUNTERS)
    open_module(page)
    q = Question.find(page, "single")
    q.option(q.wrong[0]).click()
    before = counters(page)
    q.button.click()
    expect(q.feedback).to_contain_text("Not quite")
    after = counters(page)
    assert after["writes"][len(before["writes"]):] == [STORAGE_PREFIX + q.qid, "coursekit:v2:activity"], \
        "one click, one answer and its time written"
    assert after["verdicts"] - before["verdicts"] == 1, "one click, one feedback render"
    clear_module(page)
    expect(page.locator(".ck-clear-status")).to_contain_text("cleared")
    assert counters(page)["statuses"] == 1, "the clear handler ran more than once"


def test_answers_saved_by_position_before_the_shuffle_are_dropped(page: Page) -> None:
    open_module(page)
    q = Question.find(page, "single")
    page.evaluate("id => localStorage.setItem('coursekit:v1:answer:' + id, '[0]')", q.qid)
    page.reload()
    expect(q.button).to_be_visible()
    assert q.checked() == []
    expect(q.feedback).to_be_empty()
    assert page.evaluate("id => localStorage.getItem('coursekit:v1:answer:' + id)", q.qid) is None


def test_an_answer_whose_option_was_reworded_is_dropped(page: Page) -> None:
    open_module(page)
    q = Question.find(page, "multiple")
    stale = json.dumps([q.key(q.correct[0]), "0000000000"])
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORAGE_PREFIX + q.qid, stale])
    page.reload()
    expect(q.button).to_be_visible()
    assert q.checked() == []
    expect(q.feedback).to_be_empty()
    assert q.saved() is None


def test_a_saved_answer_follows_its_option_not_its_place(page: Page) -> None:
    open_module(page)
    q = Question.find(page, "single")
    # Saved under the key of the option shown last: restored there, whatever its position.
    last = q.options - 1
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [STORAGE_PREFIX + q.qid, json.dumps([q.key(last)])])
    page.reload()
    expect(q.button).to_be_visible()
    assert q.checked() == [last]
    expect(q.feedback).not_to_be_empty()


# ---- questions that behave well (issue 10, section 2), at a phone's and a laptop's size ------

SIZES = {"phone": {"width": 375, "height": 812}, "laptop": {"width": 1366, "height": 768}}


@pytest.fixture(params=sorted(SIZES))
def sized_page(request: pytest.FixtureRequest, new_context) -> Page:
    return new_context(viewport=SIZES[request.param], reduced_motion="reduce").new_page()


def in_view(page: Page, selector_or_locator) -> bool:
    box = selector_or_locator.bounding_box()
    view = page.viewport_size
    header = page.locator(".md-header").bounding_box()
    top = header["y"] + header["height"] if header else 0
    return bool(box and view and box["y"] >= top - 1 and box["y"] + box["height"] <= view["height"] + 1)


def test_feedback_is_brought_into_view_after_checking_at_the_bottom_of_the_screen(sized_page: Page) -> None:
    page = sized_page
    open_module(page)
    q = Question.find(page, "multiple")
    for index in q.correct[:1] + q.wrong[:1]:
        q.option(index).check()
    # The Check button on the screen's last line: the feedback would open below the fold.
    q.button.evaluate("b => window.scrollBy(0, b.getBoundingClientRect().bottom - window.innerHeight + 2)")
    assert not in_view(page, q.root.locator(".ck-explained").first) if q.feedback_text() else True
    q.button.click()
    expect(q.feedback).to_contain_text("Not quite")
    page.wait_for_function("""el => { const r = el.getBoundingClientRect();
                                        return r.bottom <= window.innerHeight + 1; }""",
                           arg=q.feedback.element_handle(), timeout=3000)
    assert in_view(page, q.feedback), q.feedback.bounding_box()
    assert_focus_in_question(page, q)


def test_feedback_already_in_view_does_not_move_the_page(page: Page) -> None:
    open_module(page)
    q = Question.find(page, "single")
    q.root.scroll_into_view_if_needed()
    q.root.evaluate("el => window.scrollBy(0, el.getBoundingClientRect().top - 120)")
    q.option(q.wrong[0]).check()
    before = page.evaluate("() => window.scrollY")
    q.button.click()
    expect(q.feedback).to_contain_text("Not quite")
    assert page.evaluate("() => window.scrollY") == before


def test_changing_the_answer_marks_the_old_verdict_as_stale(sized_page: Page) -> None:
    page = sized_page
    open_module(page)
    q = Question.find(page, "single")
    q.option(q.wrong[0]).check()
    q.button.click()
    expect(q.feedback).to_contain_text("Not quite")
    expect(q.feedback).not_to_have_class("ck-feedback ck-unsolved ck-stale")
    q.option(q.correct[0]).check()
    expect(q.feedback).to_have_class("ck-feedback ck-unsolved ck-stale")
    expect(q.feedback.locator(".ck-stale-note")).to_contain_text("earlier choice")
    q.button.click()
    expect(q.feedback).to_have_class("ck-feedback ck-solved")
    expect(q.feedback.locator(".ck-stale-note")).to_have_count(0)


def test_partly_right_is_not_coloured_as_wrong_and_the_hint_is_said_once(page: Page) -> None:
    open_module(page)
    q = Question.find(page, "multiple")
    assert len(q.correct) > 1
    q.option(q.correct[0]).check()
    q.button.click()
    expect(q.feedback).to_contain_text("Partly right")
    expect(q.feedback).to_have_class("ck-feedback ck-partial")
    partial = q.feedback.evaluate("el => getComputedStyle(el).borderLeftColor")
    q.option(q.wrong[0]).check()
    q.button.click()
    expect(q.feedback).to_have_class("ck-feedback ck-unsolved")
    assert q.feedback.evaluate("el => getComputedStyle(el).borderLeftColor") != partial
    legend = norm(q.root.locator("legend").text_content())
    assert norm(q.root.text_content()).count("Select all that apply") == 1, legend
    assert q.root.locator("[aria-describedby]").count() == 0


def test_the_answer_list_names_options_by_letter_without_repeating_them(page: Page) -> None:
    open_module(page)
    q = Question.find(page, "single")
    # The letters are drawn by CSS (a counter per question), so they cost no elements.
    drawn = q.root.locator(".ck-option label").evaluate_all(
        "labels => labels.map(l => getComputedStyle(l, '::before').content)")
    assert drawn == ['counter(ck-option, upper-alpha) ". "'] * q.options, drawn
    assert q.root.locator("fieldset").evaluate("f => getComputedStyle(f).counterReset") == "ck-option 0"
    answers = q.root.locator("details.ck-answer")
    for index in range(q.options):
        option_text = norm(q.root.locator(f"label[for='ck-{q.qid}-{index}']").text_content())
        assert option_text not in norm(answers.text_content()), "the answer list repeats an option"
    first = answers.locator("li").first.locator(".ck-verdict")
    expect(first).to_have_text(re.compile(r"^A is (not )?correct\.$"))


@pytest.mark.parametrize("size", sorted(SIZES))
def test_back_to_top_never_covers_question_text_or_options(new_context, size: str) -> None:
    page = new_context(viewport=SIZES[size], reduced_motion="reduce").new_page()
    open_module(page)
    q = Question.find(page, "multiple")
    # Scroll past the question, then back up so that it sits just under the header: Material
    # shows "back to top" on the way up. Whatever it covers must not be part of a question.
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    q.root.evaluate("el => window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top + 150)")
    page.wait_for_timeout(100)
    page.mouse.move(SIZES[size]["width"] / 2, 400)
    page.mouse.wheel(0, -200)
    page.wait_for_timeout(400)
    button = page.locator(".md-top")
    if size == "phone":  # no corner of a phone's screen is free of text: not shown there
        expect(button).to_be_hidden()
        return
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box
    hits = page.evaluate("""b => {
        const out = [];
        for (const [x, y] of [[b.x + 2, b.y + 2], [b.x + b.width / 2, b.y + b.height / 2],
                              [b.x + b.width - 2, b.y + b.height - 2]]) {
          for (const el of document.elementsFromPoint(x, y)) {
            if (el.closest('.md-top')) continue;
            if (el.closest('[data-ck-question]')) out.push(el.tagName + '.' + el.className);
          }
        }
        return out;
    }""", box)
    assert not hits, f"back to top covers {hits}"


# ---- quiz.js costs nothing until a question is near (issue 13) -------------------------------

def quiz_requests(requests: list[str]) -> int:
    return sum(url.split("?")[0].endswith("/assets/coursekit/quiz.js") for url in requests)


def test_quiz_js_comes_only_when_a_question_is_near(sized_page: Page) -> None:
    page = sized_page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(MODULE_1, wait_until="load")
    page.wait_for_timeout(500)  # a frame or two for an observer that should not fire
    assert quiz_requests(requests) == 0, "quiz.js was fetched with no question near"
    first = Question.find(page)
    expect(first.button).to_be_hidden()  # each question is its no-JavaScript self until then
    expect(first.root.locator("details.ck-answer summary")).to_be_visible()
    first.root.scroll_into_view_if_needed()
    expect(first.button).to_be_visible()
    expect(first.root.locator("details.ck-answer")).to_be_hidden()
    assert quiz_requests(requests) == 1


def test_a_saved_answer_brings_quiz_js_at_once(page: Page) -> None:
    open_module(page)
    q = Question.find(page, "single")
    q.option(q.correct[0]).check()
    q.button.click()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(HOME)
    page.goto(MODULE_1)  # at the top of the page, no question near
    expect(q.button).to_be_visible()
    assert q.checked() == [q.correct[0]]
    expect(q.feedback).to_contain_text("Correct.")
    assert quiz_requests(requests) == 1


def test_the_first_tab_press_brings_quiz_js(page: Page) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(MODULE_1, wait_until="load")
    page.wait_for_timeout(300)
    assert quiz_requests(requests) == 0
    page.keyboard.press("Tab")
    expect(Question.find(page).button).to_be_attached()
    page.wait_for_function("document.querySelector('[data-ck-question][data-ck-ready]') !== null")
    assert quiz_requests(requests) == 1
