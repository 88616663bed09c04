"""The sidebar with a long navigation: nothing slides under a sticky title, every link is a
big enough target (axe: target-size), tested with 12 role-plays in the nav at both sizes."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from pagetools import ROLEPLAY_1, describe_violations
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

_AXE = Axe()
TARGET_SIZE = {"runOnly": {"type": "rule", "values": ["target-size"]}, "resultTypes": ["violations"]}
SIZES = {"phone": {"width": 375, "height": 812}, "laptop": {"width": 1366, "height": 768}}

# The course has 8 role-plays; copy the last nav entries until the list has 12, as a course
# with more role-plays would render it, then make the last one the active page's entry.
TWELVE_ROLEPLAYS = """() => {
  const active = document.querySelector('.md-sidebar--primary .md-nav__link--active');
  const list = active.closest('ul');
  const items = Array.from(list.children);
  for (let n = items.length; n < 12; n += 1) {
    const copy = items[n % items.length].cloneNode(true);
    copy.querySelectorAll('.md-nav__link--active').forEach(a => a.classList.remove('md-nav__link--active'));
    copy.querySelectorAll('[id]').forEach(el => el.removeAttribute('id'));
    copy.querySelector('a').textContent = 'An added role-play with a long title, number ' + (n + 1);
    list.appendChild(copy);
  }
  return list.querySelectorAll(':scope > li').length;
}"""


@pytest.mark.parametrize("size", sorted(SIZES))
def test_a_long_nav_keeps_its_links_clear_and_big_enough(new_context, size: str) -> None:
    page: Page = new_context(viewport=SIZES[size], reduced_motion="reduce").new_page()
    page.goto(ROLEPLAY_1)
    if size == "phone":
        page.locator("label.md-header__button[for='__drawer']").click()  # open the navigation drawer
        expect(page.locator(".md-sidebar--primary")).to_be_visible()
    assert page.evaluate(TWELVE_ROLEPLAYS) >= 12
    scroller = page.locator(".md-sidebar--primary .md-sidebar__scrollwrap")
    # Scroll the list so links sit where a sticky title would be (Material scrolls the active
    # entry up on long lists); whatever is at a link's centre must be that link.
    for top in (0, 120, 400, 10_000):
        scroller.evaluate("(el, top) => { el.scrollTop = top; }", top)
        covered = page.evaluate("""() => {
          const out = [];
          const wrap = document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap');
          const box = wrap.getBoundingClientRect();
          for (const a of document.querySelectorAll('.md-sidebar--primary .md-nav__link')) {
            const r = a.getBoundingClientRect();
            const x = r.left + Math.min(r.width / 2, 20), y = r.top + r.height / 2;
            if (!a.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;  // folded
            if (!r.height || y < box.top + 2 || y > box.bottom - 2) continue;  // scrolled out of view
            const hit = document.elementFromPoint(x, y);
            // On a phone the active section's panel lies over the top level: a link under
            // another link is a folded-away panel; a link under anything else is covered.
            const clear = !hit || hit.contains(a) || hit.closest('.md-nav__link');
            if (!clear) out.push(`${a.textContent.trim()}: ${hit.className}`);
          }
          return out;
        }""")
        assert not covered, f"scrolled to {top}: {covered}"
        # axe's target-size rule (WCAG 2.5.8) on the sidebar at this scroll position.
        found = _AXE.run(page, context=".md-sidebar--primary", options=TARGET_SIZE).response["violations"]
        assert not found, f"scrolled to {top}:\n{describe_violations(found)}"
