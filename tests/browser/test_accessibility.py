"""axe-core in both palettes, the skip link, Tab reachability and visible focus."""

from __future__ import annotations

import pytest
from pagetools import (
    HOME,
    MODULE_1,
    ROLEPLAY_1,
    Question,
    active_element,
    axe_violations,
    describe_violations,
)
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}




@pytest.fixture
def palette_page(palette: str, new_context) -> Page:
    """A page whose context asks for the light or the dark colour scheme.

    Reduced motion makes Material's colour transitions instant, so axe measures final colours.
    """
    return new_context(color_scheme=palette, reduced_motion="reduce").new_page()


def open_in_palette(page: Page, path: str, palette: str) -> None:
    page.goto(path)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[palette])


def assert_no_violations(page: Page, where: str) -> None:
    violations = axe_violations(page)
    report = describe_violations(violations)
    if violations:
        print(f"axe violations on {where}:\n{report}")
    assert not violations, f"axe violations on {where}:\n{report}"


@pytest.mark.parametrize(
    ("path", "palette"),
    [
        pytest.param(HOME, "light", id="home-light"),
        pytest.param(HOME, "dark", id="home-dark"),
        pytest.param(MODULE_1, "light", id="module-1-light"),
        pytest.param(MODULE_1, "dark", id="module-1-dark"),
        pytest.param(ROLEPLAY_1, "light", id="roleplay-1-light"),
        pytest.param(ROLEPLAY_1, "dark", id="roleplay-1-dark"),
    ],
)
def test_axe_finds_no_violations(palette_page: Page, path: str, palette: str) -> None:
    page = palette_page
    open_in_palette(page, path, palette)
    assert_no_violations(page, f"{path} ({palette})")


@pytest.mark.parametrize("palette", ["light", pytest.param("dark")])
def test_axe_with_feedback_and_answers_open(palette_page: Page, palette: str) -> None:
    page = palette_page
    open_in_palette(page, MODULE_1, palette)
    single = Question.find(page, "single")
    single.option(single.wrong[0]).click()
    single.button.click()
    expect(single.feedback).to_contain_text("Not quite")
    solved = Question.find(page, "single", nth=1)
    solved.option(solved.correct[0]).click()
    solved.button.click()
    expect(solved.feedback).to_contain_text("Correct.")
    for q in (single, solved):
        q.root.locator("details.ck-answer summary").click()
        expect(q.root.locator("details.ck-answer")).to_have_attribute("open", "")
    assert_no_violations(page, f"{MODULE_1} with feedback and answers open ({palette})")


def test_skip_link_moves_to_the_content(page: Page) -> None:
    page.goto(MODULE_1)
    page.keyboard.press("Tab")
    focused = active_element(page)
    assert "md-skip" in focused["cls"], f"first Tab stop is not the skip link: {focused}"
    skip = page.locator("a.md-skip")
    expect(skip).to_be_visible()
    target = focused["href"]
    assert target.startswith("#") and page.locator(target).count() == 1
    page.keyboard.press("Enter")
    assert page.url.endswith(target)
    page.keyboard.press("Tab")
    inside = page.evaluate("() => !!document.activeElement.closest('.md-content')")
    assert inside, f"Tab after the skip link did not land in the content: {active_element(page)}"


def test_every_question_control_is_reachable_by_tab(page: Page) -> None:
    # From the top of the page, by keyboard alone: quiz.js comes as the focus nears the questions.
    page.goto(MODULE_1)
    page.evaluate(
        """() => {
            window.__ckFocused = new Set();
            document.addEventListener('focusin', event => window.__ckFocused.add(event.target));
        }"""
    )
    reached_end = False
    for _ in range(40):  # batches of 20 Tab presses
        for _ in range(20):
            page.keyboard.press("Tab")
        if page.evaluate("() => window.__ckFocused.has(document.querySelector('.ck-clear'))"):
            reached_end = True
            break
    assert reached_end, "Tab never reached the 'Clear my saved answers' button"
    missing = page.evaluate(
        """() => {
            const seen = window.__ckFocused;
            const missing = [];
            for (const q of document.querySelectorAll('[data-ck-question]')) {
                const id = q.getAttribute('data-ck-question');
                const inputs = [...q.querySelectorAll("input[name^='ck-']")];
                const radios = inputs.filter(i => i.type === 'radio');
                if (radios.length && !radios.some(i => seen.has(i))) missing.push(id + ': radio group');
                for (const box of inputs.filter(i => i.type === 'checkbox')) {
                    if (!seen.has(box)) missing.push(id + ': checkbox ' + box.value);
                }
                if (!seen.has(q.querySelector('.ck-check'))) missing.push(id + ': Check answer');
            }
            return missing;
        }"""
    )
    assert missing == [], f"question controls not reachable by Tab: {missing}"


def test_focus_indicator_is_visible_on_options(page: Page) -> None:
    page.goto(MODULE_1)
    for kind in ("single", "multiple"):
        q = Question.find(page, kind)
        q.root.click(position={"x": 2, "y": 2})
        page.keyboard.press("Tab")
        option = q.option(0)
        expect(option).to_be_focused()
        style = option.evaluate(
            "el => { const s = getComputedStyle(el);"
            " return {style: s.outlineStyle, width: s.outlineWidth, visible: el.matches(':focus-visible')}; }"
        )
        assert style["visible"], f"{q.qid}: keyboard focus is not :focus-visible"
        assert style["style"] != "none" and style["width"] != "0px", f"{q.qid}: no focus outline {style}"
