"""What Material did in inline scripts still happens now that boot.js does it from a file.

Material restores the learner's chosen palette, and defines the storage helpers its bundle
uses, in inline scripts that a Content-Security-Policy without 'unsafe-inline' refuses. The
course serves them as docs/assets/coursekit/boot.js instead (overrides/partials/javascripts/).
"""

from __future__ import annotations

from pagetools import HOME, MODULE_1
from playwright.sync_api import Page, Route, expect


def test_a_chosen_palette_is_restored_by_boot_js_before_the_bundle_runs(page: Page) -> None:
    page.goto(HOME)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.locator("label[for='__palette_1']").click()  # "Switch to the dark palette"
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")

    # With Material's bundle refused, only boot.js can put the saved palette on the next page.
    def refuse(route: Route) -> None:
        route.abort()

    page.route("**/assets/javascripts/bundle.*.js", refuse)
    page.goto(MODULE_1)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert page.evaluate("typeof __md_get === 'function' && typeof __md_set === 'function'")
    assert page.evaluate("__md_scope.pathname") == "/"


def test_the_storage_helpers_scope_keys_to_the_site(page: Page) -> None:
    """Material's bundle keeps its state under __md_scope: the site root, from any page."""
    page.goto(MODULE_1)
    page.evaluate("__md_set('__probe', {a: 1})")
    keys = page.evaluate("Object.keys(localStorage)")
    assert "/.__probe" in keys, keys
    assert page.evaluate("__md_get('__probe')") == {"a": 1}
    assert page.evaluate("__md_hash('ab\\u{1F600}')") == page.evaluate(
        "[...'ab\\u{1F600}'].reduce((h, c) => (h << 5) - h + c.charCodeAt(0), 0)")


def test_the_palette_stylesheet_still_colours_both_schemes(page: Page) -> None:
    # The site's palette.css keeps only the course's colours: deep purple, light and dark.
    page.goto(MODULE_1)
    style = "getComputedStyle(document.body).getPropertyValue(%r).trim()"
    assert page.evaluate(style % "--md-primary-fg-color") == "#7e56c2"
    assert page.evaluate(style % "--md-accent-fg-color") == "#7c4dff"
    light = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.locator("label[for='__palette_1']").click()  # "Switch to the dark palette"
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert page.evaluate(style % "color-scheme") == "dark"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != light
    assert page.evaluate(style % "--md-typeset-a-color") == "#a47bea"  # deep purple's dark links


def test_switching_the_palette_fades_no_colour_and_page_loads_restyle_nothing_for_it(page: Page) -> None:
    # Material's rule on data-md-color-switching (set and removed at every page load) is left
    # out of the course's stylesheet; course.js turns transitions off for a learner's switch.
    transitions = "document.getAnimations().filter(a => a instanceof CSSTransition).length"
    page.goto(MODULE_1)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.locator("label[for='__palette_1']").click()  # "Switch to the dark palette"
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert page.evaluate(transitions) == 0
    # Two frames on, the class is gone and transitions work again (a link's hover colour).
    page.wait_for_function("!document.body.classList.contains('ck-palette-switching')")
    assert page.evaluate("""() => [...document.styleSheets].every(sheet =>
        [...sheet.cssRules].every(rule => !rule.cssText.includes('data-md-color-switching')))""")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).transitionDuration") != "0s"
