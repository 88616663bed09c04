"""coursekit.yamlsrc: YAML that remembers the file line of every key and list item."""

from __future__ import annotations

import datetime as dt

import pytest

from coursekit.yamlsrc import ImpossibleDate, LineList, LineMap, YamlError, load_yaml, nesting_depth

QUESTION = """\
id: m1-q
prompt: >-
  A folded
  prompt.
options:
  - text: A
    correct: true

  - text: B
  - C
"""


def test_lines_of_keys_and_items_from_line_one() -> None:
    data = load_yaml(QUESTION)
    assert isinstance(data, LineMap)
    assert data.line == 1
    assert {key: data.line_of(key) for key in data} == {"id": 1, "prompt": 2, "options": 5}
    options = data["options"]
    assert isinstance(options, LineList)
    assert options.line == 6
    assert [options.line_of(i) for i in range(3)] == [6, 9, 10]
    assert options[0].line == 6
    assert options[0].line_of("correct") == 7
    assert data["prompt"] == "A folded prompt."


def test_lines_are_file_lines_when_the_yaml_starts_later() -> None:
    data = load_yaml(QUESTION, first_line=14)
    assert data.line == 14
    assert data.line_of("options") == 18
    assert data["options"].line_of(1) == 22
    assert data["options"][1].line_of("text") == 22


def test_line_of_falls_back_to_the_container() -> None:
    data = load_yaml("a:\n  - x\n", first_line=3)
    assert data.line_of("missing") == 3
    assert data["a"].line_of(5) == 4


def test_duplicates_are_recorded_and_the_last_value_wins() -> None:
    data = load_yaml("title: One\nid: m1\ntitle: Two\ntitle: Three\n", first_line=2)
    assert data["title"] == "Three"
    assert data.duplicates == [("title", 4), ("title", 5)]
    assert data.line_of("title") == 5


def test_flow_collections_and_scalars_keep_their_types() -> None:
    data = load_yaml("objectives: [m1-o1, m1-o2]\nminutes: 45\nreviewed: 2026-11-26\nok: true\n")
    assert data == {"objectives": ["m1-o1", "m1-o2"], "minutes": 45,
                    "reviewed": dt.date(2026, 11, 26), "ok": True}
    assert data["objectives"].item_lines == [1, 1]


@pytest.mark.parametrize(("text", "expected"), [
    ("", None),
    ("just text", "just text"),
    ("- a\n- b\n", ["a", "b"]),
])
def test_other_top_level_values(text: str, expected: object) -> None:
    assert load_yaml(text) == expected


def test_an_unhashable_key_does_not_raise() -> None:
    data = load_yaml("? [a, b]\n: 1\n")
    assert isinstance(data, LineMap)
    assert len(data) == 1


@pytest.mark.parametrize(("text", "first_line", "line", "problem"), [
    ("a: b: c\n", 3, 3, "mapping values are not allowed here"),
    ("id: x\nprompt: Note: this\n", 8, 9, "mapping values are not allowed here"),
    ("x:\n\t- 1\n", 1, 2,
     "while scanning for the next token found character '\\t' that cannot start any token"),
    ("- a\n-b: c\n  d\n", 1, 2, "while parsing a block collection expected <block end>, but found '?'"),
    # At the stream's end: the text's last line, not the line after it (which may not exist).
    ("a: 1\nb: [\n", 5, 6, "while parsing a flow node expected the node content, but found "
                           "'<stream end>'"),
    ("a: 1\n---\nb: 2\n", 1, 2, "expected a single document in the stream but found another document"),
    ("a: *nowhere\n", 4, 4, "found undefined alias 'nowhere'"),
    ("run: !!python/object/apply:os.system [ls]\n", 1, 1,
     "could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
], ids=["mapping-in-value", "offset", "tab", "block-collection", "stream-end", "two-documents",
        "undefined-alias", "python-tag"])
def test_yaml_errors_carry_the_file_line(text: str, first_line: int, line: int, problem: str) -> None:
    with pytest.raises(YamlError) as raised:
        load_yaml(text, first_line)
    assert (raised.value.line, raised.value.problem) == (line, problem)
    assert str(raised.value) == problem


# ---- hostile YAML: refused before it can crash or expand -------------------------------------


@pytest.mark.parametrize(("text", "line", "problem"), [
    ("prompt: " + "[" * 100_000 + "]" * 100_000 + "\n", 3,
     "nests lists and mappings 100,001 deep; the limit is 50"),
    ("prompt: " + "{a: " * 5000 + "\n", 3, "nests lists and mappings 5,001 deep; the limit is 50"),
    ("x:\n" + "".join("  " * i + "- y\n" for i in range(1, 60)), 62,
     "nests lists and mappings 61 deep; the limit is 50"),
    ("a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
     "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n", 7,
     "holds more than 20,000 values (an alias counts each time it is used); the limit keeps the "
     "checker fast"),
    ("options: &o\n  - a\n  - *o\n", 3,
     "holds an alias that refers to a value containing it, which never ends"),
], ids=["deep-flow", "deep-unclosed-mapping", "deep-block", "alias-bomb", "self-alias"])
def test_hostile_yaml_is_a_limit_error(text: str, line: int, problem: str) -> None:
    with pytest.raises(YamlError) as raised:
        load_yaml(text, first_line=3)
    assert (raised.value.rule, raised.value.line, raised.value.problem) == ("yaml-limit", line, problem)
    assert raised.value.describe("the question block") == f"The YAML in the question block {problem}."


# Just past the limit, in each way YAML opens a level: the cheap bound that lets a short block
# skip the exact scan must never let one of these through.
@pytest.mark.parametrize("text", [
    "- " * 51 + "x\n",
    "? " * 51 + "x\n",
    "[" * 51 + "]" * 51 + "\n",
    "{a: " * 51 + "}" * 51 + "\n",
    "".join("  " * i + f"k{i}:\n" for i in range(51)) + "  " * 51 + "v\n",
    "".join("  " * i + "- - x:\n" for i in range(0, 52, 2)),
], ids=["compact-items", "complex-keys", "flow-lists", "flow-maps", "block-maps", "mixed"])
def test_yaml_just_past_the_depth_limit_is_refused(text: str) -> None:
    with pytest.raises(YamlError) as raised:
        load_yaml(text)
    assert raised.value.rule == "yaml-limit"


def test_the_depth_guard_leaves_brackets_in_text_alone() -> None:
    text = ("a: 'quoted [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ text'\n"
            "b: plain [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ text\n"
            "c: |\n  [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n"
            "d: x  # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n")
    assert nesting_depth(text)[0] <= 2
    assert load_yaml(text)["c"].startswith("[[[")


def test_depth_of_ordinary_yaml_is_counted_exactly_enough() -> None:
    assert nesting_depth("a: 1\n")[0] == 1
    # An item's "- " counts one level for what it holds: at most one too many, never too few.
    assert nesting_depth("a:\n  b:\n    - [x, {y: z}]\n")[0] in (5, 6)
    assert nesting_depth("- - - x\n")[0] <= 4


def test_a_shared_alias_under_the_limit_is_built_once() -> None:
    data = load_yaml("a: &a [x, y]\nb: [*a, *a, *a]\n")
    assert data["b"][0] is data["b"][1] is data["a"]


@pytest.mark.parametrize(("text", "reason"), [
    ("reviewed: 2026-13-01\n", "month must be in 1..12"),
    ("reviewed: 2026-02-30\n", "day is out of range for month"),
    ("reviewed: 2026-01-15 25:00:00\n", "hour must be in 0..23"),
], ids=["month-13", "february-30", "hour-25"])
def test_an_impossible_date_stays_text_with_its_reason(text: str, reason: str) -> None:
    value = load_yaml(text)["reviewed"]
    assert isinstance(value, ImpossibleDate)
    assert (str(value), value.reason) == (text.split(": ", 1)[1].strip(), reason)
