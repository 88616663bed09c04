"""The learner's progress, kept in the browser: module lines, navigation marks, My progress,
continue where you left off, export / clear everything / import, blocked storage, file://."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pagetools import HOME, MODULE_1, Question, axe_violations, describe_violations, reach_questions
from playwright.sync_api import Browser, BrowserContext, Page, expect

pytestmark = pytest.mark.browser

PROGRESS = "/progress.html"
MODULE_2 = "/modules/02-barriers.html"
MODULE_2_PART = "/modules/02-barriers/02-risk-confidentiality-and-duties.html"
SIZES = {"phone": {"width": 375, "height": 812}, "laptop": {"width": 1366, "height": 768}}
SCHEMES = {"light": "default", "dark": "slate"}
# localStorage that refuses, as in some private windows and locked-down intranet browsers.
BLOCK_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});
"""


@pytest.fixture(params=sorted(SIZES))
def sized_page(request: pytest.FixtureRequest, new_context) -> Page:
    return new_context(viewport=SIZES[request.param], reduced_motion="reduce").new_page()


def course_map(page: Page) -> dict:
    """The course map as progress-marks.js reads it (loaded as course.js would, if need be)."""
    return page.evaluate("() => new Promise(done => coursekit.withMarks(() => done(coursekit.course)))")


def loaded(requests: list[str], name: str) -> bool:
    return any(url.split("?")[0].endswith("/assets/coursekit/" + name) for url in requests)


def module_row(page: Page, module_id: str):
    return page.locator(f"tr[data-ck-module='{module_id}']")


def answer(page: Page, path: str, picks: list[tuple[int, bool]]) -> list[Question]:
    """On `path`, answer question n right (True) or wrong (False) for each (n, right)."""
    page.goto(path)
    reach_questions(page)
    answered = []
    for nth, right in picks:
        q = Question.find(page, nth=nth)
        for index in (q.correct if right else q.wrong[:1]):
            q.option(index).check()
        q.button.click()
        expect(q.feedback).to_contain_text("Correct." if right else "Not quite")
        answered.append(q)
    return answered


def open_progress(page: Page) -> None:
    page.goto(PROGRESS)
    expect(page.locator("[data-ck-summary]")).to_contain_text("In the whole course")


def test_progress_counts_after_answering_in_two_modules(sized_page: Page) -> None:
    page = sized_page
    answer(page, MODULE_1, [(0, True), (1, False)])
    # The module's own line, on its page, counts the whole module.
    m1 = next(m for m in course_map(page)["modules"] if m["id"] == "m1")
    total = len(m1["questions"])
    expect(page.locator(".ck-module-progress")).to_have_text(
        f"Your progress in this module: 2 of {total} questions answered, 1 correct. My progress")
    answer(page, MODULE_2, [(0, True)])
    open_progress(page)
    row = module_row(page, "m1")
    expect(row.locator("[data-ck-cell='answered']")).to_have_text(f"2 of {total} ({total - 2} left)")
    expect(row.locator("[data-ck-cell='correct']")).to_have_text("1")
    expect(row.locator("[data-ck-cell='last']")).not_to_have_text("Not started")
    expect(module_row(page, "m2").locator("[data-ck-cell='correct']")).to_have_text("1")
    expect(module_row(page, "m3").locator("[data-ck-cell='last']")).to_have_text("Not started")
    # The next unanswered question of Module 1 is its third; the link lands on it.
    link = row.locator("[data-ck-cell='next'] a")
    expect(link).to_have_text("Question 3")
    third = m1["questions"][2]
    assert (link.get_attribute("href") or "").endswith(f"{third['url']}#q-{third['id']}")
    link.click()
    expect(page.locator(f"#q-{third['id']}")).to_be_in_viewport()


def test_the_navigation_marks_a_module_whose_questions_are_all_answered(sized_page: Page) -> None:
    page = sized_page
    open_progress(page)
    title = (module_row(page, "m1").locator("th").text_content() or "").strip()
    m1 = next(m for m in course_map(page)["modules"] if m["id"] == "m1")
    # Every question but the last answered: no mark yet.
    page.evaluate("""qs => qs.forEach(q => localStorage.setItem('coursekit:v2:answer:' + q.id,
                                                                 JSON.stringify(q.correct)))""",
                  m1["questions"][:-1])
    page.goto(MODULE_1)
    marked = page.locator(".md-nav--primary .md-nav__link:has(.ck-nav-done)")
    expect(marked).to_have_count(0)
    # The last one answered on its own page: the mark appears without a reload, on the
    # module's link and on its section's heading, and nowhere else.
    last = m1["questions"][-1]
    page.goto("/" + last["url"])
    q = Question(page, page.locator(f"[data-ck-question='{last['id']}']"), last["id"], "", 0, [])
    page.locator(f"#ck-{last['id']}-0").check()
    q.button.click()
    link = page.locator(".md-nav--primary a.md-nav__link[href$='01-understanding-emotional-intimacy.html']")
    expect(link.locator(".ck-nav-done")).to_have_text("(all questions answered)")
    heading = page.locator(".md-nav--primary label.md-nav__link:has(.ck-nav-done)")
    expect(heading).to_have_count(1)
    expect(heading).to_contain_text(title)
    expect(marked).to_have_count(2)
    # On the module's own page its table-of-contents entries are not marked as modules.
    page.goto(MODULE_1)
    expect(link.locator(".ck-nav-done")).to_have_count(1)
    assert page.locator(".md-nav--secondary .ck-nav-done").count() == 0


def test_a_first_visit_downloads_no_course_map_until_an_answer_needs_it(page: Page) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(MODULE_1)
    page.wait_for_load_state("networkidle")
    assert loaded(requests, "course.js")
    assert not loaded(requests, "course-map.js") and not loaded(requests, "progress-marks.js")
    # The module's line is there all the same, counted from the page's own question list.
    line = page.locator(".ck-module-progress")
    count = len((page.locator("[data-ck-tools]").get_attribute("data-ck-questions") or "").split())
    assert count > 1
    expect(line).to_have_text(
        f"Your progress in this module: 0 of {count} questions answered, 0 correct. My progress")
    # The first answer brings the map, and the line counts it without a reload.
    q = Question.find(page, "single")
    q.option(q.correct[0]).check()
    q.button.click()
    expect(line).to_have_text(
        f"Your progress in this module: 1 of {count} questions answered, 1 correct. My progress")
    assert loaded(requests, "course-map.js") and loaded(requests, "progress-marks.js")
    m1 = next(m for m in course_map(page)["modules"] if m["id"] == "m1")
    assert len(m1["questions"]) == count
    # With an answer saved, any later page loads them itself (for the navigation marks).
    requests.clear()
    page.goto(HOME)
    page.wait_for_load_state("networkidle")
    assert loaded(requests, "course-map.js") and loaded(requests, "progress-marks.js")


def test_continue_where_you_left_off(sized_page: Page) -> None:
    page = sized_page
    page.goto(HOME)
    expect(page.locator("[data-ck-continue]")).to_be_hidden()  # nothing read yet
    page.goto(MODULE_2_PART)
    title = (page.locator(".md-content h1").text_content() or "").replace("¶", "").strip()
    page.goto(HOME)
    box = page.locator("[data-ck-continue]")
    expect(box).to_be_visible()
    expect(box).to_contain_text(title)
    box.get_by_role("link", name="Continue where you left off").click()
    page.wait_for_url("**" + MODULE_2_PART)
    open_progress(page)
    expect(page.locator("[data-ck-continue]")).to_contain_text(title)


def test_export_clear_everything_import(sized_page: Page, tmp_path: Path) -> None:
    page = sized_page
    answered = answer(page, MODULE_1, [(0, True), (1, False), (2, True)])
    open_progress(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Save my progress to a file").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "coursekit-progress" and data["version"] == 1
    assert set(data["answers"]) == {q.qid for q in answered}
    assert set(data["activity"]) == set(data["answers"])
    expect(page.locator("[data-ck-status]")).to_contain_text("3 questions")

    # Clear everything asks first; saying no keeps everything.
    page.get_by_role("button", name="Clear everything").click()
    page.get_by_role("button", name="Keep everything").click()
    expect(page.locator("[data-ck-status]")).to_have_text("Nothing was cleared.")
    expect(module_row(page, "m1").locator("[data-ck-cell='correct']")).to_have_text("2")
    page.get_by_role("button", name="Clear everything").click()
    page.get_by_role("button", name="Yes, clear everything").click()
    expect(page.locator("[data-ck-status]")).to_contain_text("Everything was cleared")
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('coursekit:'))") == []
    expect(module_row(page, "m1").locator("[data-ck-cell='correct']")).to_have_text("0")
    expect(page.locator("[data-ck-continue]")).to_be_hidden()

    page.locator("#ck-import-file").set_input_files(str(saved))
    expect(page.locator("[data-ck-status]")).to_have_text("Loaded your answers to 3 questions from the file.")
    expect(module_row(page, "m1").locator("[data-ck-cell='correct']")).to_have_text("2")
    page.goto(MODULE_1)
    for q in answered:
        expect(q.feedback).not_to_be_empty()  # restored on the module page too


DAMAGED = [
    pytest.param(b'{"format": "coursekit-progress", "version": 1, "answers": {"m1', "not valid JSON",
                 id="cut-short"),
    pytest.param(b'{"version": 1, "answers": {}}', "not a progress file from this course", id="no-format"),
    pytest.param(b'{"format": "coursekit-progress", "version": 7, "answers": {}}', "newer version",
                 id="newer"),
    pytest.param(b'{"format": "coursekit-progress", "answers": {}}', "no version number", id="no-version"),
    pytest.param(b'{"format": "coursekit-progress", "version": 1, "answers": []}', "no list of answers",
                 id="answers-not-a-map"),
]


@pytest.mark.parametrize(("content", "message"), DAMAGED)
def test_a_damaged_file_is_refused_with_its_message(page: Page, content: bytes, message: str) -> None:
    answer(page, MODULE_1, [(0, True)])
    open_progress(page)
    before = page.evaluate("() => JSON.stringify(localStorage)")
    page.locator("#ck-import-file").set_input_files(
        files=[{"name": "progress.json", "mimeType": "application/json", "buffer": content}])
    status = page.locator("[data-ck-status]")
    expect(status).to_contain_text(message)
    expect(status).to_contain_text("Nothing was loaded.")
    assert page.evaluate("() => JSON.stringify(localStorage)") == before


def test_an_import_leaves_out_questions_the_course_does_not_have(page: Page) -> None:
    open_progress(page)
    m1 = next(m for m in course_map(page)["modules"] if m["id"] == "m1")
    first = m1["questions"][0]
    content = json.dumps({"format": "coursekit-progress", "version": 1, "answers": {
        first["id"]: first["correct"], "no-such-question": ["abc"], "m1-x": "not a list"}}).encode()
    page.locator("#ck-import-file").set_input_files(
        files=[{"name": "p.json", "mimeType": "application/json", "buffer": content}])
    expect(page.locator("[data-ck-status]")).to_have_text(
        "Loaded your answers to 1 question from the file. 2 entries did not match a question in "
        "this course and were left out.")
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.includes(':answer:'))") == [
        f"coursekit:v2:answer:{first['id']}"]


# localStorage that is there but refuses every write (a zero quota, as older private windows had):
# only a real write, boot.js's one storage check for every course script, finds that out.
REFUSE_WRITES = """
Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};
"""


@pytest.mark.parametrize("blocked", [BLOCK_STORAGE, REFUSE_WRITES], ids=["no-storage", "no-writes"])
def test_with_storage_blocked_the_pages_say_so(new_context, blocked: str) -> None:
    context: BrowserContext = new_context()
    context.add_init_script(blocked)
    page = context.new_page()
    page.goto(PROGRESS)
    expect(page.locator("[data-ck-nostore]")).to_be_visible()
    expect(page.locator("[data-ck-nostore]")).to_contain_text("not letting the course save anything")
    expect(page.get_by_role("button", name="Clear everything")).to_be_hidden()
    page.goto(MODULE_1)
    reach_questions(page)
    expect(page.locator(".ck-nostore")).to_be_visible()
    expect(page.locator(".ck-privacy")).to_be_hidden()  # it would say answers are saved
    expect(page.get_by_role("button", name="Clear this module’s answers")).to_be_hidden()
    q = Question.find(page, "single")  # the questions still work
    q.option(q.correct[0]).check()
    q.button.click()
    expect(q.feedback).to_contain_text("Correct.")


@pytest.fixture
def file_context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    yield context
    context.close()


def test_progress_from_a_folder(file_context: BrowserContext, site_dir: Path) -> None:
    page = file_context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((site_dir / MODULE_1.lstrip("/")).as_uri())
    reach_questions(page)
    q = Question.find(page, "single")
    expect(q.button).to_be_visible()
    q.option(q.correct[0]).check()
    q.button.click()
    page.goto((site_dir / "index.html").as_uri())
    box = page.locator("[data-ck-continue]")
    expect(box).to_be_visible()
    assert (box.locator("a").get_attribute("href") or "").startswith("file://")
    page.goto((site_dir / "progress.html").as_uri())
    expect(module_row(page, "m1").locator("[data-ck-cell='correct']")).to_have_text("1")
    assert all(url.startswith(("file://", "data:", "blob:")) for url in requests), requests


def ax_roles(page: Page) -> dict[str, int]:
    """How many nodes of each role Chromium's own accessibility tree has (what a screen reader
    gets; CSS display can change it, which Playwright's role queries do not see)."""
    counts: dict[str, int] = {}
    for node in page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]:
        role = node.get("role", {}).get("value", "")
        counts[role] = counts.get(role, 0) + 1
    return counts


def test_on_a_phone_the_progress_table_fits_and_stays_a_table(new_context) -> None:
    page = new_context(viewport=SIZES["phone"]).new_page()
    answer(page, MODULE_1, [(0, True)])
    open_progress(page)
    table = page.locator("[data-ck-table]")
    expect(table).to_be_visible()
    # Nothing is wider than the screen (so nothing scrolls sideways or is cut off): not Material's
    # table wrapper, not the table, not a cell; and none of them scrolls inside.
    widths = page.evaluate("""() => {
      const table = document.querySelector('[data-ck-table]');
      const boxes = [table.closest('.md-typeset__scrollwrap'), table,
                     ...table.querySelectorAll('tbody th, tbody td')];
      return [document.documentElement.clientWidth,
              Math.max(...boxes.map(box => box.getBoundingClientRect().right)),
              Math.max(...boxes.map(box => box.scrollWidth - box.clientWidth))];
    }""")
    assert widths[1] <= widths[0] and widths[2] <= 0, widths
    # Stacked: a module's cells sit one under another, each shown with its column's name.
    row = module_row(page, "m1")
    answered, correct = row.locator("[data-ck-cell='answered']"), row.locator("[data-ck-cell='correct']")
    assert answered.bounding_box()["y"] < correct.bounding_box()["y"]  # type: ignore[index]
    before = answered.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert "Answered" in before, before
    # Still a table for a screen reader, with its header cells, in Chromium's own tree.
    modules = module_row(page, "m1").locator("xpath=..").locator("tr").count()
    roles = ax_roles(page)
    assert roles.get("table") == 1
    assert roles.get("columnheader") == 5 and roles.get("rowheader") == modules
    assert roles.get("cell") == 4 * modules
    assert roles.get("row") == modules + 1
    # Chromium keeps a display: block table's semantics; WebKit drops them unless the parts
    # carry their roles, so the roles themselves are checked too.
    assert page.evaluate("""() => [...document.querySelectorAll('[data-ck-table] tr > *')].every(
      cell => cell.getAttribute('role') ===
        (cell.tagName === 'TD' ? 'cell' : cell.scope === 'row' ? 'rowheader' : 'columnheader'))""")


@pytest.mark.parametrize("size", sorted(SIZES))  # a phone: the table's stacked rows
@pytest.mark.parametrize("palette", sorted(SCHEMES))
def test_axe_on_the_progress_page(new_context, palette: str, size: str) -> None:
    page = new_context(color_scheme=palette, reduced_motion="reduce", viewport=SIZES[size]).new_page()
    answer(page, MODULE_1, [(0, True), (1, False)])
    open_progress(page)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[palette])
    page.get_by_role("button", name="Clear everything").click()  # the confirmation open too
    expect(page.get_by_role("button", name="Yes, clear everything")).to_be_visible()
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def test_the_printed_summary_shows_the_table_without_the_controls(page: Page) -> None:
    answer(page, MODULE_1, [(0, True)])
    open_progress(page)
    page.emulate_media(media="print")
    expect(page.locator("[data-ck-table]")).to_be_visible()
    expect(page.get_by_role("button", name="Save my progress to a file")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()


def test_the_module_line_takes_its_place_before_any_script_so_nothing_moves(new_context) -> None:
    # The build writes the first visit's line, held back but laid out; course.js only shows it.
    where = ("(() => { const box = document.querySelector('.admonition.objectives');"
             " const line = box.querySelector('.ck-module-progress');"
             " return [box.querySelector('ol').getBoundingClientRect().top,"
             " getComputedStyle(line).visibility, line.getBoundingClientRect().height]; })()")
    still = new_context(java_script_enabled=False).new_page()
    still.goto(MODULE_1)
    top_without, shown_without, height = still.evaluate(where)
    assert shown_without == "hidden" and height > 0
    live = new_context().new_page()
    live.goto(MODULE_1)
    expect(live.locator(".ck-module-progress")).to_be_visible()
    top_with, shown_with, _ = live.evaluate(where)
    assert shown_with == "visible"
    assert top_with == top_without
