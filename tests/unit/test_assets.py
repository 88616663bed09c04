"""coursekit.assets: the course's scripts and stylesheets reach the site minified, meaning intact."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest

from coursekit.assets import (
    drop_indentation,
    hashed_name,
    is_course_asset,
    minify_asset,
    palette_colours,
    palette_subset,
)

MATERIAL_STYLES = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"


@pytest.mark.parametrize(("src_uri", "minified"), [
    ("assets/coursekit/quiz.js", True),
    ("assets/coursekit/course.css", True),
    ("assets/coursekit/course-map.json", False),
    ("assets/vendor/iframe-worker/shim.js", False),  # vendored, minified by its authors
    ("assets/coursekit/sub/extra.js", False),
    ("modules/quiz.js.md", False),
])
def test_only_the_course_own_scripts_and_stylesheets_are_minified(src_uri: str, minified: bool) -> None:
    assert is_course_asset(src_uri) is minified


def test_script_loses_comments_and_spaces_but_not_its_strings() -> None:
    source = ('/*! licence kept */\n// why this runs\nfunction check( answer ) {\n'
              '  /* a note */\n  return answer === "a  //  b" ;\n}\n')
    assert minify_asset("assets/coursekit/quiz.js", source) == (
        '/*! licence kept */function check(answer){return answer==="a  //  b";}\n')


def test_stylesheet_loses_comments_and_spaces() -> None:
    source = "/* a note */\n.ck-question  legend {\n  font-weight : 700 ;\n}\n"
    assert minify_asset("assets/coursekit/course.css", source) == ".ck-question legend{font-weight:700}\n"


def test_pages_lose_the_indentation_of_their_lines_and_nothing_else() -> None:
    page = ("<nav>\n    <ul>\n\t<li><a href=x>Home</a>\n      </li>\n    </ul>\n</nav>\n"
            "<p>One  line\n   and the next.</p>\n")
    assert drop_indentation(page) == ("<nav>\n<ul>\n<li><a href=x>Home</a>\n</li>\n</ul>\n</nav>\n"
                                      "<p>One  line\nand the next.</p>\n")


@pytest.mark.parametrize("kept", [
    "<pre><code>def f():\n    return 1\n</code></pre>",
    '<PRE class="x">\n  indented\n</PRE >',
    "<textarea>\n  typed\n</textarea>",
    "<code>a\n   b</code>",
    '<script type="application/json">{\n  "a": 1\n}</script>',
    "<style>\n  .a { color: red }\n</style>",
])
def test_white_space_that_is_content_is_kept(kept: str) -> None:
    page = f"<div>\n  {kept}\n  <p>after</p>\n</div>"
    assert drop_indentation(page) == f"<div>\n{kept}\n<p>after</p>\n</div>"


# ---- Material's palette stylesheet, cut to the course's colours ------------------------------

@pytest.mark.parametrize(("palette", "colours"), [
    ({"primary": "deep purple", "accent": "Amber"}, {"deep-purple", "amber"}),
    ([{"scheme": "default", "primary": "indigo"}, {"scheme": "slate", "accent": "pink"}],
     {"indigo", "pink"}),
    ({"scheme": "slate"}, set()),
    (None, set()),
])
def test_palette_colours_are_named_as_material_writes_them(palette: object, colours: set[str]) -> None:
    assert palette_colours(palette) == colours


SAMPLE_PALETTE = (
    "/* Material's header */"
    "[data-md-color-scheme=slate]{--md-hue:232}"
    "[data-md-color-primary=red],[data-md-color-primary=deep-purple]{--md-primary-fg-color:#7e56c2}"
    "[data-md-color-accent=red]{--md-accent-fg-color:red}"
    "@media screen and (max-width:76em){[data-md-color-primary=red] .md-nav{color:red}"
    '[data-md-color-primary=deep-purple] .md-nav:is(.a,.b){color:#fff}}'
    "@media print{[data-md-color-primary=red]{color:red}}"
    "[data-md-color-scheme=slate][data-md-color-primary=deep-purple]{--md-typeset-a-color:#a47bea}"
)


def test_the_palette_keeps_the_schemes_and_the_course_colours_and_drops_the_rest() -> None:
    assert palette_subset(SAMPLE_PALETTE, {"deep-purple"}) == (
        "[data-md-color-scheme=slate]{--md-hue:232}"
        "[data-md-color-primary=deep-purple]{--md-primary-fg-color:#7e56c2}"
        "@media screen and (max-width:76em)"
        "{[data-md-color-primary=deep-purple] .md-nav:is(.a,.b){color:#fff}}"
        "[data-md-color-scheme=slate][data-md-color-primary=deep-purple]{--md-typeset-a-color:#a47bea}"
    )


def test_materials_own_palette_keeps_every_scheme_rule_and_no_other_colour() -> None:
    [path] = MATERIAL_STYLES.glob("palette.*.min.css")
    css = path.read_text(encoding="utf-8")
    subset = palette_subset(css, {"deep-purple"})
    assert len(subset) < len(css) / 3
    assert set(re.findall(r"data-md-color-(?:primary|accent)=([\w-]+)", subset)) == {"deep-purple"}
    # Everything for the dark scheme that names no colour is there, as Material wrote it.
    slate = re.search(r"\[data-md-color-scheme=slate\]\{color-scheme:dark;[^}]*\}", css)
    assert slate and slate.group(0) in subset
    # Material's rule on the attribute it toggles at every page load, which restyles the page
    # each time, is gone (course.css has its own, for a learner's switch).
    assert "[data-md-color-switching]" in css
    assert "data-md-color-switching" not in subset


def test_a_palette_file_name_carries_the_hash_of_its_own_content() -> None:
    digest = hashlib.sha256(b"a{b:c}").hexdigest()[:8]
    assert hashed_name("assets/stylesheets/palette.fb2fffe2.min.css", "a{b:c}") == (
        f"assets/stylesheets/palette.{digest}.min.css")


def test_other_at_rules_of_the_palette_are_kept_whole() -> None:
    # Only @media and @supports hold rules to cut; anything else is passed on unread.
    assert palette_subset("@keyframes md-fade{from{opacity:0}to{opacity:1}}", {"indigo"}) == (
        "@keyframes md-fade{from{opacity:0}to{opacity:1}}")
