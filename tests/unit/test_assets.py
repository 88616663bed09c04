"""coursekit.assets: the course's scripts and stylesheets reach the site minified, meaning intact."""

from __future__ import annotations

import pytest

from coursekit.assets import drop_indentation, is_course_asset, minify_asset


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
