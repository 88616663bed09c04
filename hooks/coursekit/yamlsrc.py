"""YAML loading that remembers where every key and list item came from.

Hostile YAML is refused before it can hurt: nesting deeper than MAX_DEPTH is found by a linear
scan of the text *before* any parser sees it (libyaml overflows the C stack on a deep flow,
the pure-Python parser recurses), and the node graph is measured *before* it is constructed, so
an alias bomb is refused while it is still a small graph, never expanded.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import yaml

MAX_DEPTH = 50  # lists and mappings inside each other; the course's deepest block uses 4
MAX_VALUES = 20_000  # values in one block or data file, aliases expanded; the bibliography has ~700


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


# YAML also breaks lines at a lone \r, NEL, LINE and PARAGRAPH SEPARATOR; the course's files
# (as MkDocs and every message count them) break only at \n.
_YAML_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


def _newlines(text: str) -> list[int] | None:
    """Offsets of each \n, when YAML would count lines differently; else None (its marks do)."""
    if not any(brk in text for brk in _YAML_BREAKS):
        return None
    return [found.start() for found in re.finditer("\n", text)]


def _mark_line(mark: Any, newlines: list[int] | None) -> int:
    """The 0-based line of a YAML mark, counted as the file counts lines."""
    return mark.line if newlines is None else bisect.bisect_left(newlines, mark.index)


class _LineLoader(yaml.SafeLoader):
    line_offset = 0
    newlines: list[int] | None = None

    def _line(self, node: yaml.Node) -> int:
        return _mark_line(node.start_mark, self.newlines) + 1 + self.line_offset


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


class ImpossibleDate(str):
    """A date-shaped scalar that names no real day (2026-02-30, 2026-13-01): kept as text."""

    reason: str = ""


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError) as error:  # month 13, 30 February, hour 25
        value = ImpossibleDate(loader.construct_scalar(node))
        value.reason = str(error)
        return value


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)

# libyaml builds the same nodes and marks several times faster, but its error messages and some
# error lines differ; so it parses first, and the pure-Python loader re-parses only what fails.
_FastLoader: type | None = None
if hasattr(yaml, "CSafeLoader"):

    class _CLineLoader(yaml.CSafeLoader):  # type: ignore[misc, name-defined]
        line_offset = 0
        newlines: list[int] | None = None
        _line = _LineLoader._line

    _CLineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
    _CLineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
    _CLineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
    _FastLoader = _CLineLoader


class YamlError(Exception):
    """Raised by load_yaml only; callers turn it into a diagnostic.

    `rule` is "yaml-syntax" for YAML that cannot be parsed and "yaml-limit" for YAML refused
    because of its depth or size.
    """

    def __init__(self, line: int, problem: str, rule: str = "yaml-syntax") -> None:
        super().__init__(problem)
        self.line = line
        self.problem = problem
        self.rule = rule

    def describe(self, where: str) -> str:
        """The diagnostic detail for YAML found in `where` ("front matter", "the glossary")."""
        if self.rule == "yaml-limit":
            return f"The YAML in {where} {self.problem}."
        return f"Malformed YAML in {where}: {self.problem}."


_NESTING_MARKS = re.compile(r"""[\[\]{}|>'"#]""")  # what the character walk of nesting_depth acts on


def nesting_depth(text: str) -> tuple[int, int]:
    """(deepest nesting of lists and mappings, 0-based line where it is reached), in one pass.

    An over-estimate is fine (the limit is generous); an under-estimate is not, so every block
    indentation level, every compact "- - " item and every open flow bracket counts one.
    """
    deepest, deepest_line = 0, 0
    # Block levels open above this line: (indentation, opened by a "- " item). A sequence may sit
    # at its parent key's own indentation ("a:" then "- b"), so an item line closes an equal
    # level only when that level is an item too.
    indents: list[tuple[int, bool]] = []
    flow = 0  # open [ and { of a flow collection, which may span lines
    scalar_indent = -1  # inside a | or > block scalar: lines indented more than this are text
    for number, line in enumerate(text.split("\n")):
        body = line.lstrip(" ")
        indent = len(line) - len(body)
        if not body or body.startswith("#"):
            continue
        if scalar_indent >= 0:
            if indent > scalar_indent:
                continue
            scalar_indent = -1
        start = 0
        if flow == 0:
            item = body.startswith(("- ", "? ")) or body in ("-", "?")
            while indents and (indents[-1][0] > indent
                               or (indents[-1][0] == indent and (indents[-1][1] or not item))):
                indents.pop()
            indents.append((indent, item))
            while body.startswith(("- ", "? "), start) or body[start:] in ("-", "?"):
                start += 2  # each compact "- - x" item opens one more level
                indents.append((indent + start, False))
            rest = body[start:].split(" #")[0].rstrip()
            if start and not (rest.endswith(":") or ": " in rest):
                # "- y": a scalar item, so an item line at its content's indentation is a sibling
                # level, not a sequence nested in a mapping as after "- a:".
                indents[-1] = (indents[-1][0], True)
        level = len(indents)
        if flow == 0 and _NESTING_MARKS.search(body, start) is None:
            # Most lines: no bracket, quote, block scalar or comment to walk character by character.
            if level > deepest:
                deepest, deepest_line = level, number
            continue
        quote = ""
        value_start = True  # a flow collection can start only where a value starts
        index = start
        while index < len(body):
            char = body[index]
            if quote:
                if char == quote:
                    quote = ""
            elif flow:
                if char in "[{":
                    flow += 1
                elif char in "]}":
                    flow -= 1
                elif char in "'\"":
                    quote = char
                elif char == "#" and body[index - 1] in " \t":
                    break
            elif value_start and char in "[{":
                flow = 1
            elif value_start and char in "|>":
                scalar_indent = indent
                break
            elif char == "#" and (index == 0 or body[index - 1] in " \t"):
                break
            elif char == ":" and body[index + 1 : index + 2] in (" ", ""):
                value_start = True  # the value belongs to the mapping this line already counts
                index += 1
                continue
            if char not in " \t":
                value_start = False
            if level + flow > deepest:
                deepest, deepest_line = level + flow, number
            index += 1
        if level > deepest:
            deepest, deepest_line = level, number
        if quote == "'" or quote == '"':
            quote = ""  # a quoted scalar may continue on the next line; never let it hide brackets
    return deepest, deepest_line


def _measure(root: yaml.Node, first_line: int, newlines: list[int] | None = None) -> None:
    """Refuse a node graph that refers to itself, or would expand past MAX_VALUES or MAX_DEPTH.

    Aliases make the graph a DAG whose expansion can be exponential in its size, so sizes are
    memoised per node: the work is linear in the number of distinct nodes.
    """
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    active: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            active.discard(key)
            size[key] = 1 + sum(size[id(child)] for child in children)
            depth[key] = 1 + max((depth[id(child)] for child in children), default=0)
            if size[key] > MAX_VALUES:
                raise YamlError(first_line + _mark_line(node.start_mark, newlines),
                                f"holds more than {MAX_VALUES:,} values (an alias counts each "
                                "time it is used); the limit keeps the checker fast",
                                "yaml-limit")
            if depth[key] > MAX_DEPTH:
                raise YamlError(first_line + _mark_line(node.start_mark, newlines),
                                f"nests lists and mappings more than {MAX_DEPTH} deep once its "
                                "aliases are expanded", "yaml-limit")
            continue
        if key in size:
            continue
        if key in active:
            raise YamlError(first_line + _mark_line(node.start_mark, newlines),
                            "holds an alias that refers to a value containing it, which never "
                            "ends", "yaml-limit")
        active.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in size)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _may_nest_deeply(text: str) -> bool:
    """False when `text` has too few places to open a level to pass MAX_DEPTH: each level needs
    a line of its own, a "- " or "? " item, or a flow bracket (the cheap bound for a question's
    dozen lines, so the exact scan runs only on text that might need it)."""
    places = (text.count("\n") + 1 + text.count("- ") + text.count("? ") + text.count("[")
              + text.count("{"))
    return places > MAX_DEPTH


def load_yaml(text: str, first_line: int = 1) -> Any:
    """Parse YAML whose first line is line `first_line` of its file.

    Raises YamlError with the file line of the problem.
    """
    deepest, at = nesting_depth(text) if _may_nest_deeply(text) else (0, 0)
    if deepest > MAX_DEPTH:
        raise YamlError(first_line + at, f"nests lists and mappings {deepest:,} deep; the limit is "
                        f"{MAX_DEPTH}", "yaml-limit")
    # Only aliases (which need an &anchor) can make a short text expand or refer to itself, and
    # without them its depth is what nesting_depth counted and it holds at most two values per
    # character (a key and its empty value): then the node walk can be skipped.
    measure = "&" in text or 2 * len(text) >= MAX_VALUES
    if _FastLoader is not None:
        fast = _FastLoader(text)
        fast.line_offset = first_line - 1
        fast.newlines = _newlines(text)
        try:
            return _construct(fast, first_line, measure)
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
    loader.newlines = _newlines(text)
    try:
        return _construct(loader, first_line, measure)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        # A mark at the end of the stream sits on the line after a final newline, which is
        # not in the file: report the text's last line instead.
        last = max(text.count("\n") - text.endswith("\n"), 0)
        line = first_line + min(_mark_line(mark, loader.newlines) if mark else 0, last)
        problem = " ".join(part for part in (error.context, error.problem) if part)
        raise YamlError(line, problem or "invalid YAML") from None
    except yaml.YAMLError as error:
        raise YamlError(first_line, str(error)) from None
    finally:
        loader.dispose()


def _construct(loader: Any, first_line: int, measure: bool = True) -> Any:
    node = loader.get_single_node()
    if node is None:
        return None
    if measure:
        _measure(node, first_line, loader.newlines)
    return loader.construct_document(node)
