"""The course's data files: the bibliography and the glossary."""

from __future__ import annotations

import re

from .diagnostics import Diagnostic
from .fields import FieldReader
from .model import BibEntry, GlossaryTerm
from .yamlsrc import LineList, LineMap, YamlError, load_yaml

BIB_KEYS = ("cite", "year", "reference", "doi", "status", "unconfirmed")
BIB_KEY = re.compile(r"[a-z0-9][a-z0-9-]*")
GLOSSARY_KEYS = ("term", "forms", "definition", "module")


def _load(reader: FieldReader, text: str, what: str) -> object:
    try:
        return load_yaml(text)
    except YamlError as error:
        reader.report(error.rule, error.line, error.describe(f"the {what}"))
        return None


def parse_bibliography(path: str, text: str) -> tuple[dict[str, BibEntry], list[Diagnostic]]:
    reader = FieldReader(path)
    data = _load(reader, text, "bibliography")
    entries: dict[str, BibEntry] = {}
    if data is None or reader.mapping(data, 1, "the bibliography") is None:
        return entries, reader.diagnostics
    assert isinstance(data, LineMap)
    for key, value in data.items():
        line = data.line_of(key)
        if not BIB_KEY.fullmatch(str(key)):  # the key becomes the HTML id "ref-KEY"
            reader.report("bibliography-key", line, f"Key '{key}' is not lower-case letters, "
                          "digits and hyphens.")
        entry = reader.mapping(value, line, f"entry '{key}'")
        if entry is None:
            continue
        reader.keys(entry, f"entry '{key}'", BIB_KEYS)
        reader.check_safe(entry, line)
        fields = {name: reader.text(entry, name, f"entry '{key}'") for name in ("cite", "year", "reference")}
        missing = [name for name, value in fields.items() if not value]
        if missing:
            reader.report("bibliography-entry", line, f"Entry '{key}' has no {', '.join(missing)}.")
            continue
        entries[str(key)] = BibEntry(str(key), fields["cite"], fields["year"], fields["reference"],
                                     reader.text(entry, "doi", f"entry '{key}'"), line)
    return entries, reader.diagnostics


def parse_glossary(path: str, text: str) -> tuple[list[GlossaryTerm], list[Diagnostic]]:
    reader = FieldReader(path)
    data = _load(reader, text, "glossary")
    terms: list[GlossaryTerm] = []
    if data is None:
        return terms, reader.diagnostics
    if not isinstance(data, LineList):
        reader.report("yaml-shape", 1, "The glossary must be a list of '- term: ...' entries.")
        return terms, reader.diagnostics
    owner: dict[str, str] = {}
    first_line: dict[str, int] = {}  # by term, case-folded: two entries would share one anchor
    for index, item in enumerate(data):
        line = data.line_of(index)
        entry = reader.mapping(item, line, "a glossary entry")
        if entry is None:
            continue
        reader.keys(entry, "a glossary entry", GLOSSARY_KEYS)
        term = reader.text(entry, "term", "a glossary entry")
        definition = reader.text(entry, "definition", "a glossary entry")
        if not term or not definition:
            reader.report("glossary-entry", line, f"Glossary entry '{term}' needs a term and a definition.")
            continue
        if term.casefold() in first_line:
            reader.report("glossary-duplicate", line,
                          f"Term '{term}' already has an entry at line {first_line[term.casefold()]}.")
        first_line.setdefault(term.casefold(), line)
        forms = tuple(str(form) for form, _ in reader.items(entry, "forms", f"glossary entry '{term}'"))
        for form in forms:
            if form in owner:
                reader.report("glossary-entry", line,
                              f"Form '{form}' is listed under both '{owner[form]}' and '{term}'.")
            owner.setdefault(form, term)
        reader.check_safe(entry, line)
        terms.append(GlossaryTerm(term, forms, definition, reader.text(entry, "module", term), line))
    return terms, reader.diagnostics
