"""coursekit.fields: each typed read of a YAML field, with the exact diagnostic (rule, line,
message) for every wrong value, and the value itself for every right one.
"""

from __future__ import annotations

import datetime as dt

import pytest

from coursekit.fields import FieldReader, strings
from coursekit.yamlsrc import load_yaml

PATH = "docs/page.md"

# Lines:          1            2              3         4            5             6
YAML = "title: '  Spaced  '\nminutes: 12\nflag: true\nwhen: 2026-01-15\nstamp: 2026-01-15 10:30:00\n" \
       "items: [a, b]\nnested:\n  inner: x\nnumber_text: '12'\nzero: 0\nnegative: -3\nfraction: 1.5\n"
#               7          8           9                 10        11             12


def read(text: str = YAML) -> tuple[FieldReader, object]:
    return FieldReader(PATH), load_yaml(text)


def found(reader: FieldReader) -> list[tuple[int, str, str]]:
    return [(d.line, d.rule, d.message.split(". ")[0] + ".") for d in reader.diagnostics]


def test_text_is_stripped_and_absent_text_is_empty() -> None:
    reader, data = read()
    assert reader.text(data, "title", "w") == "Spaced"
    assert reader.text(data, "missing", "w") == ""
    assert reader.text(data, "minutes", "w") == "12"  # a number where text belongs reads as text
    assert reader.diagnostics == []


@pytest.mark.parametrize(("key", "line"), [("flag", 3), ("items", 6), ("nested", 7)])
def test_text_refuses_a_boolean_a_list_or_a_mapping(key: str, line: int) -> None:
    reader, data = read()
    assert reader.text(data, key, "the block") == ""
    assert found(reader) == [(line, "wrong-type", f"'{key}' in the block must be text.")]


def test_integer_reads_a_positive_whole_number() -> None:
    reader, data = read()
    assert reader.integer(data, "minutes", "w") == 12
    assert reader.integer(data, "missing", "w") is None
    assert reader.diagnostics == []


@pytest.mark.parametrize(("key", "line", "shown"), [
    ("zero", 10, "0"), ("negative", 11, "-3"), ("fraction", 12, "1.5"), ("flag", 3, "True"),
    ("number_text", 9, "'12'"),
])
def test_integer_refuses_anything_but_a_positive_whole_number(key: str, line: int, shown: str) -> None:
    reader, data = read()
    assert reader.integer(data, key, "the page", "module-minutes") is None
    assert [(d.line, d.rule) for d in reader.diagnostics] == [(line, "module-minutes")]
    assert reader.diagnostics[0].message.startswith(
        f"'{key}' in the page must be a positive whole number, not {shown}.")


def test_integer_reports_under_wrong_type_by_default() -> None:
    reader, data = read()
    reader.integer(data, "zero", "w")
    assert [d.rule for d in reader.diagnostics] == ["wrong-type"]


def test_boolean_reads_true_false_and_absent_as_false() -> None:
    reader, data = read()
    assert reader.boolean(data, "flag", "w") is True
    assert reader.boolean(data, "missing", "w") is False
    assert reader.boolean(load_yaml("flag: false\n"), "flag", "w") is False
    assert reader.diagnostics == []


def test_boolean_refuses_text_that_looks_like_one() -> None:
    reader, data = read("flag: 'yes'\n")
    assert reader.boolean(data, "flag", "an option") is False
    assert found(reader) == [(1, "wrong-type", "'flag' in an option must be true or false, not 'yes'.")]


def test_date_reads_a_date_or_the_day_of_a_timestamp() -> None:
    reader, data = read()
    assert reader.date(data, "when", "w", "module-reviewed") == dt.date(2026, 1, 15)
    assert reader.date(data, "stamp", "w", "module-reviewed") == dt.date(2026, 1, 15)
    assert type(reader.date(data, "stamp", "w", "module-reviewed")) is dt.date
    assert reader.diagnostics == []


def test_date_reports_a_missing_or_wrong_value_under_its_rule() -> None:
    reader, data = read()
    assert reader.date(data, "missing", "the page", "module-reviewed") is None
    assert reader.date(data, "title", "the page", "module-reviewed") is None
    assert found(reader) == [
        (1, "module-reviewed", "'missing' in the page is missing."),
        (1, "module-reviewed", "'title' in the page is '  Spaced  ', not a date."),
    ]


def test_items_gives_each_item_with_its_line() -> None:
    reader, data = read("list:\n  - a\n  - b\n\n  - c\n")
    assert reader.items(data, "list", "w") == [("a", 2), ("b", 3), ("c", 5)]
    assert reader.items(data, "missing", "w") == []
    assert reader.diagnostics == []


def test_items_refuses_a_value_that_is_not_a_list() -> None:
    reader, data = read()
    assert reader.items(data, "title", "the block") == []
    assert found(reader) == [(1, "wrong-type", "'title' in the block must be a list.")]


def test_mapping_reports_each_duplicate_key_at_its_line() -> None:
    reader, data = read("a: 1\nb: 2\na: 3\n")
    assert reader.mapping(data, 1, "the block") is data
    assert found(reader) == [(3, "duplicate-key", "Key 'a' appears twice in the block.")]


@pytest.mark.parametrize("value", [["a"], "text", 3, None])
def test_mapping_refuses_anything_else_at_the_given_line(value: object) -> None:
    reader = FieldReader(PATH)
    assert reader.mapping(value, 7, "An option") is None
    assert found(reader) == [(7, "yaml-shape", "An option must be a mapping of 'key: value' lines.")]


def test_keys_reports_unknown_keys_with_a_close_match_and_missing_ones() -> None:
    reader, data = read("id: q1\nprompt: ''\nopions: []\nzzz: 1\n")
    reader.keys(data, "question 'q1'", ("id", "prompt", "options"), ("id", "prompt", "options"))
    assert [(d.line, d.rule) for d in reader.diagnostics] == [
        (3, "unknown-key"), (4, "unknown-key"), (1, "missing-key"), (1, "missing-key")]
    typo, unknown, prompt, options = (d.message for d in reader.diagnostics)
    assert typo.startswith("Unknown key 'opions' in question 'q1'. Did you mean 'options'? ")
    assert unknown.startswith("Unknown key 'zzz' in question 'q1'. ") and "Did you mean" not in unknown
    assert prompt.startswith("question 'q1' has no 'prompt'. ")
    assert options.startswith("question 'q1' has no 'options'. ")


def test_keys_accepts_present_required_keys_and_a_false_or_zero_value() -> None:
    reader, data = read("id: q1\ncorrect: false\ncount: 0\n")
    reader.keys(data, "w", ("id", "correct", "count"), ("id", "correct", "count"))
    assert reader.diagnostics == []


def test_strings_finds_every_string_with_the_line_of_its_key_or_item() -> None:
    data = load_yaml("a: one\nb:\n  - two\n  - c: three\n    d: 4\ne: true\n")
    assert list(strings(data, 1)) == [("one", 1), ("two", 3), ("three", 4)]


def test_strings_survives_an_alias_used_twice_and_reports_it_once() -> None:
    data = load_yaml("a: &x\n  - shared\nb: *x\n")
    assert list(strings(data, 1)) == [("shared", 2)]


def test_check_safe_reports_markup_at_the_line_of_its_item() -> None:
    reader, data = read("a: fine\nb:\n  - <script>alert(1)</script>\n")
    reader.check_safe(data, 1)
    assert [d.line for d in reader.diagnostics] == [3]
    assert reader.diagnostics[0].rule.startswith("unsafe")


def test_every_diagnostic_names_the_reader_path() -> None:
    reader, data = read()
    reader.text(data, "flag", "w")
    assert [d.path for d in reader.diagnostics] == [PATH]


def test_strings_reports_a_list_shared_inside_a_list_once() -> None:
    data = load_yaml("a: &x\n  - shared\nb:\n  - *x\n  - *x\n")
    assert list(strings(data, 1)) == [("shared", 2)]


def test_check_safe_reports_a_bare_string_at_the_line_it_is_given() -> None:
    reader = FieldReader(PATH)
    reader.check_safe("<script>alert(1)</script>", 5)
    assert [d.line for d in reader.diagnostics] == [5]
