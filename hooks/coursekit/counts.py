"""Counts in prose come from the parsed course, never from the author's keyboard.

A page writes `{{ course.modules }}` (or `{{ course.roleplays | words }}` for "eight") and the
transform fills in the number; inside `code` a placeholder stays as written, which is how the
authoring guide shows one. The `count-typed` rule finds a number typed next to "questions",
"modules", "role-plays", "items", "objectives", "minutes" or "hours" on the course's own
pages (docs/*.md and docs/instructors/*.md) when it is a number the engine knows, and
`placeholder-unknown` refuses a placeholder it cannot fill. A hand-written numbered list of
modules (the home page's learning path) must name every module in course order (`module-list`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic
from .limits import read_source
from .rules import diagnostic
from .source import prose_lines, split_front_matter

if TYPE_CHECKING:
    from .course import Course

WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
         "nineteen", "twenty"]
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
NOUNS = {"question": "questions", "questions": "questions", "module": "modules",
         "modules": "modules", "role-play": "roleplays", "role-plays": "roleplays",
         "roleplay": "roleplays", "roleplays": "roleplays", "item": "items", "items": "items",
         "objective": "objectives", "objectives": "objectives", "minute": "minutes",
         "minutes": "minutes", "hour": "hours", "hours": "hours"}
# A number, up to two words between it and the noun ("36 scored questions", "six workshop
# role-plays"), then the noun. Words are runs of one character class: linear.
_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?|[A-Za-z]+(?:-[A-Za-z]+)*")
# Which placeholder to write instead, per noun, for the message.
_SUGGEST = {"questions": "course.questions, posttest.questions or rules.questions_per_hour",
            "modules": "course.modules", "roleplays": "course.roleplays",
            "items": "roleplays.checklist_min or roleplays.checklist_max",
            "objectives": "course.objectives",
            "minutes": "course.minutes, rules.minutes_per_question or rules.minutes_per_reflection",
            "hours": "course.hours"}


Value = float | tuple[float, float]  # a number, or a range shown as "5 to 9"


def course_values(course: Course) -> dict[str, Value]:
    """Every number a placeholder can name."""
    from .course import (  # course imports this module's checks
        MINUTES_PER_QUESTION,
        MINUTES_PER_REFLECTION,
        QUESTIONS_PER_CREDIT_HOUR,
        TIME_TOLERANCE,
        WORDS_PER_MINUTE,
    )

    modules = course.modules
    self_checks = sum(len(p.questions) for p in course.pages.values() if p.kind in ("module", "part"))
    values: dict[str, Value] = {
        "course.modules": len(modules),
        "course.questions": self_checks,
        "course.roleplays": len(course.roleplays),
        "course.objectives": sum(len(m.objectives) for m in modules),
        "course.minutes": course.total_minutes,
        "course.hours": round(course.total_minutes / 60, 1),
        "rules.questions_per_hour": QUESTIONS_PER_CREDIT_HOUR,
        "rules.minutes_per_question": MINUTES_PER_QUESTION,
        "rules.minutes_per_reflection": MINUTES_PER_REFLECTION,
        "rules.words_per_minute": WORDS_PER_MINUTE,
        "rules.time_tolerance_percent": round(TIME_TOLERANCE * 100),
    }
    checklists = [len(rp.observer_checklist) for _, rp in course.roleplays]
    if checklists:
        values["roleplays.checklist_min"] = min(checklists)
        values["roleplays.checklist_max"] = max(checklists)
    posttests = [p for p in course.pages.values() if p.kind == "posttest"]
    if posttests:
        page = posttests[0]
        values["posttest.questions"] = len(page.questions)
        values["posttest.pass_mark"] = page.pass_mark
        owner = {o.id: m.id for m in modules for o in m.objectives}
        per_module = [sum(owner.get(q.objective) == m.id for q in page.questions) for m in modules]
        if per_module:  # "6", or "5 to 9" when modules differ
            values["posttest.per_module"] = (min(per_module), max(per_module))
    return values


def _shown(value: Value, words: bool) -> str:
    if isinstance(value, tuple):
        low, high = (_shown(end, words) for end in value)
        return low if low == high else f"{low} to {high}"
    if float(value).is_integer():
        number = int(value)
        return WORDS[number] if words and 0 <= number < len(WORDS) else str(number)
    return f"{value:g}"


def _placeholders(line: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, name, words?) of every {{ name }} or {{ name | words }} on a line."""
    found = []
    start = line.find("{{")
    while start >= 0:
        end = line.find("}}", start + 2)
        if end < 0:
            break
        inner = line[start + 2 : end].strip()
        name, _, filtered = (part.strip() for part in inner.partition("|"))
        found.append((start, end + 2, name if filtered in ("", "words") else inner, filtered == "words"))
        start = line.find("{{", end + 2)
    return found


def fill_placeholders(markdown: str, values: dict[str, Value]) -> str:
    """Each placeholder outside code replaced by its value; unknown ones are left as written
    (check_counts reports them, so such a page never builds)."""
    if "{{" not in markdown:
        return markdown
    lines = markdown.split("\n")
    for index, prose in prose_lines(markdown):
        if "{{" not in prose:
            continue
        pieces, last, original = [], 0, lines[index]
        for start, end, name, words in _placeholders(prose):
            if name in values:
                pieces += [original[last:start], _shown(values[name], words)]
                last = end
        if pieces:
            lines[index] = "".join(pieces) + original[last:]
    return "\n".join(lines)


def _number(token: str) -> float | None:
    lowered = token.lower()
    if lowered[:1].isdigit():
        return float(lowered)
    if lowered in WORDS:
        return float(WORDS.index(lowered))
    if lowered in _TENS:
        return float(_TENS[lowered])
    head, _, tail = lowered.partition("-")
    if head in _TENS and tail in WORDS[1:10]:
        return float(_TENS[head] + WORDS.index(tail))
    return None


def known_numbers(values: dict[str, Value]) -> dict[str, set[float]]:
    """For each noun, the numbers the engine knows for it."""
    pick = {
        "questions": ("course.questions", "posttest.questions", "posttest.per_module",
                      "rules.questions_per_hour"),
        "modules": ("course.modules",), "roleplays": ("course.roleplays",),
        "items": ("roleplays.checklist_min", "roleplays.checklist_max"),
        "objectives": ("course.objectives",),
        "minutes": ("course.minutes", "rules.minutes_per_question", "rules.minutes_per_reflection"),
        "hours": ("course.hours",),
    }
    known: dict[str, set[float]] = {}
    for noun, names in pick.items():
        known[noun] = set()
        for name in names:
            value = values.get(name)
            known[noun].update(value if isinstance(value, tuple) else () if value is None else (value,))
    return known


def typed_counts(line: str, known: dict[str, set[float]]) -> list[tuple[str, str]]:
    """(phrase, noun) for each number typed before a counted noun on one line that is either a
    number the engine knows or, for questions, modules, role-plays, items and objectives, any
    count of two or more that is not a rate ("six to eight questions for each credit")."""
    line = _without_link_targets(line)
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(line)]
    found = []
    for index, (token, _, _) in enumerate(tokens):
        noun = NOUNS.get(token.lower())
        if noun is None:
            continue
        for back in (1, 2, 3):  # the number, then up to two words before the noun
            if index - back < 0:
                break
            word, word_start, word_end = tokens[index - back]
            value = _number(word)
            if value is not None and not line[:word_start].strip() and line[word_end:word_end + 1] in ".)":
                break  # a list marker ("2. **Module two**"), not a count
            if value is not None:
                rate = " ".join(t.lower() for t, _, _ in tokens[index + 1 : index + 3])
                bound = " ".join(t.lower() for t, _, _ in tokens[max(index - back - 2, 0) : index - back])
                stale = (noun in _COUNTED and value >= 2
                         and not rate.startswith(("per ", "for each", "for every", "each"))
                         and not bound.endswith(_THRESHOLDS))
                if value in known[noun] or stale:
                    found.append((line[word_start : tokens[index][2]], noun))
                break
            if word.lower() in NOUNS or word.lower() in _RATE:
                break  # "six per module" is a rate, not a count of modules
    return found


_RATE = {"per", "each", "every", "a", "an", "of"}
# Nouns whose every typed count (two or more, not a rate) is a number the course has: a stale
# "36 questions" is caught even after the bank has grown.
_COUNTED = {"questions", "modules", "roleplays", "items", "objectives"}
# "at least ten questions" states a rule's threshold, not a count of the course.
_THRESHOLDS = ("at least", "at most", "fewer than", "more than", "less than", "up to", "than")


def _without_link_targets(line: str) -> str:
    """The line with each "](target)" blanked, so paths such as ../roleplays/ are not words."""
    pieces, last = [], 0
    start = line.find("](")
    while start >= 0:
        end = line.find(")", start)
        if end < 0:
            break
        pieces += [line[last : start + 1], " " * (end - start)]
        last = end + 1
        start = line.find("](", last)
    return "".join(pieces) + line[last:]


def is_course_page(uri: str) -> bool:
    """docs/*.md and docs/instructors/*.md: the course's own pages, not module content."""
    return "/" not in uri or (uri.startswith("instructors/") and uri.count("/") == 1)


def check_counts(course: Course, docs_dir: Path) -> list[Diagnostic]:
    values = course_values(course)
    known = known_numbers(values)
    found = []
    for uri, page in sorted(course.pages.items()):
        if not uri.endswith(".md"):
            continue
        source = read_source(docs_dir / uri)
        if source is None or ("{{" not in source and not is_course_page(uri)):
            continue
        _, used = split_front_matter(source)
        body = "\n".join(source.split("\n")[used:])
        for index, line in prose_lines(body):
            number = index + used + 1
            for _, _, name, _ in _placeholders(line) if "{{" in line else ():
                if name not in values:
                    found.append(diagnostic("placeholder-unknown", page.path, number,
                                            f"The placeholder '{{{{ {name} }}}}' names no value "
                                            "the engine knows."))
            if is_course_page(uri):
                for phrase, noun in typed_counts(line, known):
                    found.append(diagnostic("count-typed", page.path, number,
                                            f"'{phrase}' is typed by hand, but the engine knows "
                                            f"this number ({_SUGGEST[noun]})."))
    for uri, page in sorted(course.pages.items()):
        if uri.endswith(".md") and is_course_page(uri) and (source := read_source(docs_dir / uri)):
            found += _check_module_lists(course, page.path, source)
    return found


# A numbered item that opens with a bold title: "1. **Understanding emotional intimacy** sets
# out ...". One negated class between literal delimiters: linear.
_BOLD_ITEM = re.compile(r"^ {0,3}\d{1,3}[.)][ \t]+\*\*(?P<title>[^*]+)\*\*")


def _check_module_lists(course: Course, path: str, source: str) -> list[Diagnostic]:
    """A hand-written list of the modules (the learning path) must name every module, in course
    order: each bold title is the start of a module's title."""
    modules = course.modules
    titles = [m.title.casefold() for m in modules]
    _, used = split_front_matter(source)
    body = "\n".join(source.split("\n")[used:])
    found = []
    lists: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for index, line in prose_lines(body):
        item = _BOLD_ITEM.match(line)
        if item:
            current.append((index + used + 1, item.group("title").strip()))
        elif line.strip() and not line.startswith((" ", "\t")):
            if current:
                lists.append(current)
            current = []
    if current:
        lists.append(current)
    for items in lists:
        named = [next((n for n, title in enumerate(titles) if title.startswith(text.casefold())),
                      None) for _, text in items]
        if len(items) < 2 or None in named:
            continue  # not a list of modules
        if named != list(range(len(modules))):
            missing = [modules[n].title for n in range(len(modules)) if n not in named]
            detail = f"This list of modules names {len(items)} of the course's {len(modules)}"
            detail += f" and leaves out '{missing[0]}'." if missing else ", out of course order."
            found.append(diagnostic("module-list", path, items[0][0], detail))
    return found
