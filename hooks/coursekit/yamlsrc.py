"""YAML loading that remembers where every key and list item came from."""

from __future__ import annotations

from typing import Any

import yaml


class LineMap(dict):
    """A mapping that knows its own line and the line of each key (1-based, in the source file)."""

    line: int = 0
    key_lines: dict[Any, int]
    duplicates: list[tuple[Any, int]]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A list that knows its own line and the line of each item."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _LineLoader(yaml.SafeLoader):
    line_offset = 0

    def _line(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1 + self.line_offset


def _construct_map(loader: _LineLoader, node: yaml.MappingNode):
    data = LineMap()
    data.line = loader._line(node)
    data.key_lines = {}
    data.duplicates = []
    yield data
    # Keys merged in with `<<: *anchor` may be overridden; only explicit repeats are duplicates.
    explicit = {id(k) for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge"}
    explicit_keys: set[Any] = set()
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node)
        try:
            hash(key)
        except TypeError:
            key = str(key)
        if id(key_node) in explicit:
            if key in explicit_keys:
                data.duplicates.append((key, loader._line(key_node)))
            explicit_keys.add(key)
        data[key] = loader.construct_object(value_node)
        data.key_lines[key] = loader._line(key_node)


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode):
    data = LineList()
    data.line = loader._line(node)
    data.item_lines = [loader._line(item) for item in node.value]
    yield data
    data.extend(loader.construct_object(item) for item in node.value)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)

# libyaml builds the same nodes and marks several times faster, but its error messages and some
# error lines differ; so it parses first, and the pure-Python loader re-parses only what fails.
_FastLoader: type | None = None
if hasattr(yaml, "CSafeLoader"):

    class _CLineLoader(yaml.CSafeLoader):  # type: ignore[misc, name-defined]
        line_offset = 0
        _line = _LineLoader._line

    _CLineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
    _CLineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
    _FastLoader = _CLineLoader


class YamlError(Exception):
    """Raised by load_yaml only; callers turn it into a diagnostic."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line = line
        self.problem = problem


def load_yaml(text: str, first_line: int = 1) -> Any:
    """Parse YAML whose first line is line `first_line` of its file.

    Raises YamlError with the file line of the problem.
    """
    if _FastLoader is not None:
        fast = _FastLoader(text)
        fast.line_offset = first_line - 1
        try:
            return fast.get_single_data()
        except yaml.YAMLError:
            pass  # re-parse below for the pure loader's precise message and line
        finally:
            fast.dispose()
    try:
        loader = _LineLoader(text)
    except yaml.reader.ReaderError as error:  # a control character the YAML reader refuses
        line = first_line + text.count("\n", 0, max(error.position, 0))
        raise YamlError(line, f"character {error.character!r} is not allowed") from None
    loader.line_offset = first_line - 1
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        problem = " ".join(part for part in (error.context, error.problem) if part)
        raise YamlError(line, problem or "invalid YAML") from None
    except yaml.YAMLError as error:
        raise YamlError(first_line, str(error)) from None
    finally:
        loader.dispose()
