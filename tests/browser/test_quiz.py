"""Self-check questions in a real browser: mouse, keyboard, saved answers, no JavaScript."""

from __future__ import annotations

import pytest
from pagetools import MODULE_1, Question, active_element, coursekit_keys
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def open_module(page: Page) -> None:
    page.goto(MODULE_1)
    # quiz.js has run once the button it reveals is visible.
    expect(page.locator("[data-ck-question] .ck-check").first).to_be_visible()


def test_single_answer_by_mouse(page: Page) -> None:
    open_module(page)
    q = Question.find(page, "single")
    assert len(q.correct) == 1, f"{q.qid}: a single-answer question needs exactly one correct option"
    wrong, right = q.wrong[0], q.correct[0]

    status = q.root.locator(".ck-feedback[role='status']")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_be_empty()

    q.option(wrong).click()
    q.button.click()
    expect(status).to_contain_text("Not quite")
    assert q.rationale(wrong) in q.feedback_text()
    assert q.rationale(right) not in q.feedback_text()

    q.option(right).click()
    q.button.click()
    expect(status).to_contain_text("Correct.")
    text = q.feedback_text()
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
        assert q.feedback_text() == first_feedback, "an arrow key alone changed the feedback"
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
    assert single.saved() == f"[{wrong}]"
    assert multiple.saved() == "[" + ",".join(map(str, picks)) + "]"

    page.reload()
    expect(single.button).to_be_visible()
    assert single.checked() == [wrong]
    expect(single.feedback).to_contain_text("Not quite")
    assert single.rationale(wrong) in single.feedback_text()
    assert multiple.checked() == picks
    expect(multiple.feedback).to_contain_text("Not quite")
    for index in picks:
        assert multiple.rationale(index) in multiple.feedback_text()

    page.get_by_role("button", name="Clear my saved answers").click()
    expect(tools.locator(".ck-clear-status")).to_contain_text("cleared")
    assert coursekit_keys(page) == []
    for q in (single, multiple):
        assert q.checked() == []
        expect(q.feedback).to_be_empty()

    page.reload()
    expect(single.button).to_be_visible()
    assert coursekit_keys(page) == []
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
        expect(q.root.locator(".ck-check")).to_be_hidden()
        expect(q.feedback).to_be_empty()
        details = q.root.locator("details.ck-answer")
        summary = details.locator("summary")
        expect(summary).to_have_text("Show answer and rationale")
        assert details.get_attribute("open") is None
        summary.click()
        expect(details).to_have_attribute("open", "")
        for index in range(q.options):
            item = details.locator(f"li[data-ck-option='{index}']")
            verdict = "Correct:" if index in q.correct else "Not correct:"
            expect(item.locator(".ck-verdict")).to_be_visible()
            expect(item.locator(".ck-verdict")).to_contain_text(verdict)
            expect(item.locator(".ck-rationale")).to_be_visible()
            assert q.rationale(index)
