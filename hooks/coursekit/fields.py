"""Reading typed fields out of line-aware YAML, reporting every problem as a diagnostic."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Iterator
from typing import Any

from .diagnostics import Diagnostic
from .limits import quote
from .rules import diagnostic
from .safety import check_markup
from .yamlsrc import ImpossibleDate, LineList, LineMap


class FieldReader:
    """Collects diagnostics for one file while fields are read."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []

    def report(self, rule_id: str, line: int, detail: str) -> None:
        self.diagnostics.append(diagnostic(rule_id, self.path, line, detail))

    def mapping(self, value: Any, line: int, where: str) -> LineMap | None:
        if isinstance(value, LineMap):
            for key, key_line in value.duplicates:
                self.report("duplicate-key", key_line, f"Key '{key}' appears twice in {where}.")
            return value
        self.report("yaml-shape", line, f"{where} must be a mapping of 'key: value' lines.")
        return None

    def keys(
        self, data: LineMap, where: str, allowed: Iterable[str], required: Iterable[str] = ()
    ) -> None:
        allowed = set(allowed)
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
                hint = f" Did you mean '{close[0]}'?" if close else ""
                self.report("unknown-key", data.line_of(key), f"Unknown key '{key}' in {where}.{hint}")
        for key in required:
            if _is_empty(data.get(key)):
                self.report("missing-key", data.line, f"{where} has no '{key}'.")

    def text(self, data: LineMap, key: str, where: str) -> str:
        value = data.get(key)
        if value is None:
            return ""
        if isinstance(value, (LineMap, LineList, bool)):
            self.report("wrong-type", data.line_of(key), f"'{key}' in {where} must be text.")
            return ""
        return str(value).strip()

    def integer(self, data: LineMap, key: str, where: str, rule_id: str = "wrong-type") -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            self.report(rule_id, data.line_of(key),
                        f"'{key}' in {where} must be a positive whole number, not {quote(value)}.")
            return None
        return value

    def boolean(self, data: LineMap, key: str, where: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.report("wrong-type", data.line_of(key),
                        f"'{key}' in {where} must be true or false, not {quote(value)}.")
            return False
        return value

    def date(self, data: LineMap, key: str, where: str, rule_id: str) -> dt.date | None:
        value = data.get(key)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, ImpossibleDate):
            detail = f"is {quote(str(value))}, which is not a real date ({value.reason})"
        else:
            detail = "is missing" if value is None else f"is {quote(value)}, not a date"
        self.report(rule_id, data.line_of(key), f"'{key}' in {where} {detail}.")
        return None

    def items(self, data: LineMap, key: str, where: str) -> list[tuple[Any, int]]:
        """(item, line) for a list field; reports a non-list value."""
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, LineList):
            self.report("wrong-type", data.line_of(key), f"'{key}' in {where} must be a list.")
            return []
        return [(item, value.line_of(index)) for index, item in enumerate(value)]

    def check_safe(self, value: Any, line: int) -> None:
        """Refuse HTML, attribute lists and URLs outside the allowlist anywhere in a YAML value
        (reported at the line of the value's key or item)."""
        for text, text_line in strings(value, line):
            for found in check_markup(text):
                self.report(found.rule, text_line, found.detail)


def strings(value: Any, line: int, _seen: set[int] | None = None) -> Iterator[tuple[str, int]]:
    """Every string inside a YAML value with the line of its key or item (aliases may cycle)."""
    seen = set() if _seen is None else _seen
    if isinstance(value, (LineMap, LineList)):
        if id(value) in seen:
            return
        seen.add(id(value))
    if isinstance(value, LineMap):
        for key, item in value.items():
            yield from strings(item, value.line_of(key), seen)
    elif isinstance(value, LineList):
        for index, item in enumerate(value):
            yield from strings(item, value.line_of(index), seen)
    elif isinstance(value, str):
        yield value, line


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, (str, list, dict)) and not value)
