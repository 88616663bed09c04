"""The live facilitator view, driven with Playwright's clock: start, cross a phase boundary,
check the phase, the announcement and the remaining time; pause, reload, resume."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from roleplaysite import ROLEPLAYS, instructor_site, live_path

pytestmark = pytest.mark.browser

RECORD, ROLEPLAY = ROLEPLAYS[0]
PLAN = ROLEPLAY.plan
START = 1_800_000_000_000  # a fixed epoch time in ms, so runs are repeatable


@pytest.fixture(scope="module")
def site(work_dir: Path) -> Path:
    return instructor_site(work_dir)


@pytest.fixture
def live(browser: Browser, site: Path) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.clock.install(time=START)
    page.clock.pause_at(START + 1_000)  # time moves only when the test runs it
    page.goto((site / live_path(RECORD)).as_uri())
    yield page
    context.close()


def times(page: Page) -> dict[str, str]:
    return {name: page.locator(f"[data-ck-time='{name}']").inner_text()
            for name in ("phaseElapsed", "phaseRemaining", "totalElapsed", "totalRemaining")}


def clock(minutes: int, seconds: int = 0) -> str:
    return f"{minutes}:{seconds:02d}"


def run_for(page: Page, minutes: float) -> None:
    """Run the page's timers for `minutes` (the paused clock moves only here, so the view's
    250 ms tick lands exactly on whole seconds)."""
    page.clock.run_for(round(minutes * 60_000))


def test_the_clock_crosses_a_phase_end_and_announces_it(live: Page) -> None:
    first, second = PLAN[0], PLAN[1]
    assert live.locator(".ck-live-current").inner_text() == first.name
    assert times(live)["totalRemaining"] == clock(ROLEPLAY.minutes)
    live.keyboard.press("p")  # the documented shortcut starts the clock
    run_for(live, first.minutes + 0.5)  # 30 seconds into the second phase
    assert live.locator(".ck-live-current").inner_text() == second.name
    assert live.locator(".ck-live-phase--current h2").inner_text().startswith(second.name)
    status = live.get_by_role("status")
    assert first.name in status.inner_text() and "has ended" in status.inner_text()
    assert times(live) == {
        "phaseElapsed": clock(0, 30), "phaseRemaining": clock(second.minutes - 1, 30),
        "totalElapsed": clock(first.minutes, 30),
        "totalRemaining": clock(ROLEPLAY.minutes - first.minutes - 1, 30),
    }


def test_pause_survives_a_reload_and_resumes_where_it_stopped(live: Page) -> None:
    live.get_by_role("button", name="Start", exact=True).click()
    run_for(live, 2)
    live.get_by_role("button", name="Pause", exact=True).click()
    paused = times(live)
    assert paused["totalElapsed"] == clock(2)
    live.clock.fast_forward("10:00")  # time passes while paused, and the page is reloaded
    live.reload()
    assert times(live) == paused
    assert live.get_by_role("button", name="Resume", exact=True).is_visible()
    live.keyboard.press("p")
    run_for(live, 1)
    assert times(live)["totalElapsed"] == clock(3)
    assert times(live)["phaseRemaining"] == clock(PLAN[0].minutes - 3)


def test_a_running_clock_keeps_time_across_a_reload(live: Page) -> None:
    live.keyboard.press("p")
    run_for(live, 1)
    live.reload()
    run_for(live, 1)
    assert times(live)["totalElapsed"] == clock(2)


def test_next_previous_and_the_stop_procedure_are_one_key_away(live: Page) -> None:
    live.keyboard.press("n")
    assert live.locator(".ck-live-current").inner_text() == PLAN[1].name
    live.keyboard.press("b")
    assert live.locator(".ck-live-current").inner_text() == PLAN[0].name
    stop = live.locator(".ck-live-stop")
    assert stop.is_hidden()
    live.keyboard.press("p")
    run_for(live, 0.5)
    live.keyboard.press("s")
    assert stop.is_visible()
    assert live.evaluate("() => document.activeElement.classList.contains('ck-live-stop')")
    assert live.get_by_role("button", name="Resume", exact=True).is_visible(), "S also pauses the clock"
    live.keyboard.press("Escape")
    assert stop.is_hidden()


def test_the_debrief_questions_come_when_the_plan_ends(live: Page) -> None:
    debrief = live.locator(".ck-live-debrief")
    assert debrief.is_hidden()
    live.keyboard.press("p")
    run_for(live, ROLEPLAY.minutes + 1)
    assert debrief.is_visible()
    assert " ".join(ROLEPLAY.debrief[0].split())[:50] in " ".join(debrief.inner_text().split())
    assert "plan" in live.get_by_role("status").inner_text()
    assert times(live)["totalRemaining"] == clock(0)


def test_cue_points_sit_in_their_phase(live: Page) -> None:
    for index, phase in enumerate(PLAN):
        section = live.locator(".ck-live-phase").nth(index)
        text = " ".join(section.inner_text().split())
        for cue in ROLEPLAY.cues:
            shown = " ".join(cue.when.split())[:50] in text
            assert shown == (cue.phase in ("", phase.name)), (phase.name, cue.when[:40])


def test_the_view_adds_no_inline_script(site: Path) -> None:
    """Material's own template has small inline scripts; the course's view adds none."""
    html = (site / live_path(RECORD)).read_text(encoding="utf-8")
    article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    assert "<script" not in article
    assert '<script defer src="../../assets/coursekit/live.js"></script>' in html
    assert not re.search(r"\son[a-z]+=", article)
    others = (site / "instructors" / "index.html").read_text(encoding="utf-8")
    assert "live.js" not in others, "live.js loads only on the live views"
