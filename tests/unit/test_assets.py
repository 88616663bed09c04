"""coursekit.assets: the course's scripts and stylesheets reach the site minified, meaning intact."""

from __future__ import annotations

import pytest

from coursekit.assets import is_course_asset, minify_asset


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
    assert minify_asset("assets/coursekit/quiz.css", source) == ".ck-question legend{font-weight:700}\n"
