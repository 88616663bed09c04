"""Property: on mutated sites, `python -m coursekit` and `mkdocs build --strict` agree.

The clean fixture course (tests/fixtures/site-ok: a module with questions, a role-play, a
bibliography, a glossary) gets one of its files mutated as in tests/unit/test_fuzz_sources.py
(lines deleted, duplicated, swapped, hostile text inserted, the file cut short); then the checker
runs in this process and the site is built as `mkdocs build --strict` builds it. Both pass or
both fail, and the build never fails with anything but a MkDocs error (a traceback from the
hook is a bug). Builds are slow, so the examples are few (derandomized in CI, more with
HYPOTHESIS_PROFILE=long); see test_checker_agrees.py for the chosen cases.
"""

from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from sitebuild import FIXTURES, ROOT
from test_checker_agrees import verdicts

from unit.test_fuzz_sources import PROFILE, Mutation, mutations

pytestmark = pytest.mark.build

SITE = FIXTURES / "site-ok"
FILES = ["module.md", "roleplay.md", "index.md", "_data/bibliography.yml", "_data/glossary.yml"]
# The fixture's own config, with the fast built-in theme and the hook by absolute path.
CONFIG = (SITE / "mkdocs.yml").read_text(encoding="utf-8").replace(
    "  name: material\n  custom_dir: ../../../overrides\n  font: false\n", "  name: mkdocs\n").replace(
    "../../../hooks/course.py", str(ROOT / "hooks" / "course.py"))


@settings(max_examples=12 if PROFILE == "ci" else 100, deadline=None, derandomize=PROFILE == "ci",
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rel=st.sampled_from(FILES), changes=mutations)
@example(rel="module.md", changes=[])  # unchanged: both pass
@example(rel="module.md", changes=[Mutation("delete", 0.02, 0, "")])  # front matter broken
def test_the_checker_and_the_strict_build_agree_on_a_mutated_site(
        rel: str, changes: list[Mutation], tmp_path_factory: pytest.TempPathFactory,
        capsys: pytest.CaptureFixture[str], mkdocs_log) -> None:
    root = tmp_path_factory.mktemp("fuzz-site")
    shutil.copytree(SITE / "docs", root / "docs")
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    path = root / "docs" / rel
    text = path.read_text(encoding="utf-8")
    for change in changes:
        text = change.apply(text)
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    checked, built = verdicts(root, capsys, mkdocs_log)
    event(f"site {'passes' if checked else 'fails'} the checker")  # --hypothesis-show-statistics
    assert checked == built, (f"checker {'passed' if checked else 'failed'}, build "
                              f"{'passed' if built else 'failed'}, on {rel} after {changes}")


def test_the_config_is_the_fixtures_with_the_built_in_theme() -> None:
    assert "name: mkdocs\n" in CONFIG
    assert "custom_dir" not in CONFIG
    assert f"  - {ROOT / 'hooks' / 'course.py'}\n" in CONFIG
