"""Both notebooks are executed by the build and published as course pages in their edition."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from sitebuild import Built

LEARNER = "notebooks/tracking-change.html"
INSTRUCTOR = "instructors/curriculum-analytics.html"
STOCK_ALT = "No description has been provided for this image"


def _figures(html: str) -> list[str]:
    """The alt text of every plot (an image embedded in the page)."""
    soup = BeautifulSoup(html, "html.parser")
    images = soup.find_all("img")
    return [img.get("alt", "") for img in images if img.get("src", "").startswith("data:image/")]


def test_the_learner_notebook_is_executed_and_published(learner_site: Built) -> None:
    html = learner_site.read(LEARNER)
    assert "Nadia: RC = 3.29, reliable improvement" in html  # an output: the cells ran
    assert "Cut-off: 38.3" in html


def test_every_notebook_plot_has_alt_text_written_for_it(learner_site: Built, instructor_site: Built) -> None:
    for html in (learner_site.read(LEARNER), instructor_site.read(INSTRUCTOR)):
        alts = _figures(html)
        assert alts, "no plot found"
        assert STOCK_ALT not in html
        for alt in alts:
            assert len(alt) > 80 and re.search(r"\d", alt), alt  # describes this plot's numbers


def test_notebook_pages_carry_no_jupyterlab_css_or_notebook_scripts(learner_site: Built,
                                                                    instructor_site: Built) -> None:
    for html in (learner_site.read(LEARNER), instructor_site.read(INSTRUCTOR)):
        assert "<style" not in html
        assert "clipboard-copy" not in html and "mathjax" not in html.lower()
        assert "--jp-" not in html  # JupyterLab's CSS variables
        assert "assets/coursekit/notebook.css" in html


def test_notebook_questions_are_course_self_checks(learner_site: Built) -> None:
    html = learner_site.read(LEARNER)
    for qid in ("rc-divergent-partners", "rc-what-reliable-means"):
        assert f'data-ck-question="{qid}"' in html
    assert "id: rc-divergent-partners" not in html  # the YAML source is not shown
    assert 'data-quiz="../assets/coursekit/quiz.js"' in html
    assert 'href="#ref-jacobson1991"' in html and 'id="ref-jacobson1991"' in html


def test_notebook_links_lead_to_built_pages(learner_site: Built) -> None:
    html = learner_site.read(LEARNER)
    assert 'href="../modules/06-capstone.html"' in html
    assert not re.search(r'href="[^"#:]+\.md["#]', html)


def test_the_instructor_notebook_stays_out_of_the_learner_edition(learner_site: Built,
                                                                  instructor_site: Built) -> None:
    assert not (learner_site.site / INSTRUCTOR).exists()
    assert not list(learner_site.site.rglob("curriculum-analytics*"))
    assert "curriculum-analytics" not in learner_site.read("search/search_index.json")
    html = instructor_site.read(INSTRUCTOR)
    assert "Objective coverage" in html and "Key positions as shown" in html
