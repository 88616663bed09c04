"""Item-writing checks: questions a test-wise learner could answer without the content.

The rules follow Haladyna, Downing and Rodriguez's (2002) review of multiple-choice
item-writing guidelines; docs/authoring.md explains each threshold. Per-question rules look at
one question (and, for copied text, its page's prose); per-set rules look at a whole set: all
self-check questions together, and each post-test page on its own.

`python -m coursekit.items docs/` prints the item diagnostics and the statistics of each set.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .cli import load_docs_arg
from .diagnostics import Diagnostic, sort_diagnostics
from .model import Option, Page, Question
from .order import key_positions
from .rules import diagnostic

if TYPE_CHECKING:  # course.py calls check_items, so this module must not import it at load
    from .course import Course

LONGER_BY = 0.25  # a key a quarter longer than every distractor is visible at a glance
LONGER_MIN_CHARS = 15  # ... and keeps very short options from tripping the rule
STEM_CLUE_WORDS = 2
STEM_WORD_LETTERS = 5
STEM_PREFIX = 6  # "reflect", "reflects", "reflecting" compare as one word
COPIED_RUN = 8
NEGATIVE_WORDS = ("not", "except", "least")
ABSOLUTE_WORDS = ("always", "never", "only", "every", "none")
LONGEST_SHARE = 0.40  # chance with four options is 25 %
# Below this many single-answer questions one question moves a share by more than 10 points,
# so the share rules stay silent (a three-question fixture is not a skewed test).
SHARE_MIN_QUESTIONS = 10
POSITION_SHARE = 0.40
SPREAD_MIN_QUESTIONS = 3
PROMPT_OVERLAP = 0.7
KEY_OVERLAP = 0.8

ALL_NONE = ("all of the above", "none of the above", "all of these", "none of these",
            "both of the above", "all the above", "none of them", "all of them")
_ALL_NONE_TAIL = ("", "options", "answers", "responses", "are correct", "is correct")
_LETTER_PREFIX = ("both", "only", "options", "option", "answers", "answer")
# Each catch-all phrase with each tail, as `words` leaves it, to the phrase it reads as.
_ALL_NONE_SAID = {f"{phrase} {tail}".strip(): phrase for phrase in reversed(ALL_NONE)
                  for tail in _ALL_NONE_TAIL}

_STOP_TEXT = """
    about above after again against along among another around because before behind being
    below beside besides between beyond could doing during either enough every everyone
    everything first further having hence however indeed instead itself might myself neither
    never other others otherwise ought perhaps quite rather really shall should since still
    their theirs them themselves there therefore these thing things those though through
    throughout together toward towards under unless until upon usually where whereas wherever
    whether which while whose without within would yourself yourselves
    therapist therapists therapy therapies partner partners couple couples session sessions
    client clients what response responses option options answer answers most best
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())

_PUNCTUATION = re.compile(r"[^\w\s]|_")
# A sentence ends at . ? or ! plus any closing quote or bracket, then a space.
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+|(?<=[.?!][\"'\u201d\u2019)\]])\s+")
_POSSESSIVE = re.compile(r"['\u2019]s\b", re.IGNORECASE)  # "Amara's" is Amara, for stem clues
_NEGATIVE = re.compile(r"\b(" + "|".join(NEGATIVE_WORDS) + r")\b", re.IGNORECASE)
_EMPHASIS = ("**", "__", "*", "_")


def words(text: str) -> list[str]:
    """Words as the rules count them: lower case, punctuation removed."""
    return _PUNCTUATION.sub("", text.lower()).split()


def length(text: str) -> int:
    return len(" ".join(text.split()))


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _keys(question: Question) -> list[Option]:
    return [o for o in question.options if o.correct]


def _distractors(question: Question) -> list[Option]:
    return [o for o in question.options if not o.correct]


# ---- per question ---------------------------------------------------------------------------

def all_none_phrase(text: str) -> str | None:
    """The catch-all phrase an option reads as, or None."""
    said = " ".join(words(text))
    for phrase in ALL_NONE:
        if phrase.endswith("above") and said.startswith(phrase):
            return phrase
    if phrase := _ALL_NONE_SAID.get(said):
        return phrase
    parts = said.split()
    while parts and parts[0] in _LETTER_PREFIX:
        parts = parts[1:]
    letters = [p for p in parts if p != "and"]
    if ("and" in parts and len(letters) >= 2 and parts[-1] != "and"
            and all(len(p) == 1 and p in "abcdef" for p in letters)):
        return " ".join(parts)
    return None


def check_all_none(path: str, question: Question) -> list[Diagnostic]:
    found = []
    for option in question.options:
        if phrase := all_none_phrase(option.text):
            found.append(diagnostic("item-all-none", path, option.line,
                                    f"Option '{_short(option.text)}' of question '{question.id}' "
                                    f"reads as '{phrase}'."))
    return found


def check_key_longest(path: str, question: Question) -> list[Diagnostic]:
    keys, distractors = _keys(question), _distractors(question)
    if not keys or not distractors:
        return []
    if not question.multiple:
        key = length(keys[0].text)
        longest = max(length(o.text) for o in distractors)
        if key - longest > LONGER_BY * longest and key - longest >= LONGER_MIN_CHARS:
            return [diagnostic("item-key-longest", path, keys[0].line,
                               f"The key of question '{question.id}' has {key} characters and "
                               f"the longest distractor {longest}.")]
        return []
    key_mean = sum(length(o.text) for o in keys) / len(keys)
    other_mean = sum(length(o.text) for o in distractors) / len(distractors)
    if key_mean > (1 + LONGER_BY) * other_mean and key_mean - other_mean >= LONGER_MIN_CHARS:
        return [diagnostic("item-key-longest", path, question.line,
                           f"The keys of question '{question.id}' average {key_mean:.0f} "
                           f"characters and its distractors {other_mean:.0f}.")]
    return []


def _stems(text: str) -> dict[str, str]:
    """Content words of `text` by their first letters, each with its first spelling."""
    found: dict[str, str] = {}
    for word in words(_POSSESSIVE.sub("", text)):
        if len(word) >= STEM_WORD_LETTERS and word.isalpha() and word not in STOP_WORDS:
            found.setdefault(word[:STEM_PREFIX], word)
    return found


def stem_clues(question: Question) -> list[str]:
    """Words of the stem that recur in the key(s) and in no distractor."""
    stem = _stems(question.prompt)
    in_keys = {s for o in _keys(question) for s in _stems(o.text)}
    in_distractors = {s for o in _distractors(question) for s in _stems(o.text)}
    return sorted(stem[s] for s in stem if s in in_keys and s not in in_distractors)


def check_stem_clue(path: str, question: Question) -> list[Diagnostic]:
    clues = stem_clues(question)
    if len(clues) < STEM_CLUE_WORDS:
        return []
    listed = ", ".join(f"'{w}'" for w in clues)
    return [diagnostic("item-stem-clue", path, question.line,
                       f"The stem of question '{question.id}' shares {listed} with the key and "
                       "with no distractor.")]


def word_runs(text: str, size: int = COPIED_RUN) -> set[tuple[str, ...]]:
    said = words(text)
    # Every run of `size` consecutive words: zip of the list and its shifted copies, which
    # builds the tuples in C (twice as fast as slicing once per position, for every page).
    return set(zip(*(said[shift:] for shift in range(size)), strict=False))  # shorter copies end it


def copied_run(option_text: str, runs: set[tuple[str, ...]]) -> str | None:
    """The longest run of COPIED_RUN or more words the option shares with the prose."""
    said = words(option_text)
    best: tuple[int, int] | None = None
    i = 0
    while i + COPIED_RUN <= len(said):
        if tuple(said[i : i + COPIED_RUN]) not in runs:
            i += 1
            continue
        end = i + COPIED_RUN
        while end < len(said) and tuple(said[end - COPIED_RUN + 1 : end + 1]) in runs:
            end += 1
        if best is None or end - i > best[1] - best[0]:
            best = (i, end)
        i = end
    return " ".join(said[best[0] : best[1]]) if best else None


def check_copies_page(path: str, question: Question, runs: set[tuple[str, ...]],
                      where: str) -> list[Diagnostic]:
    found = []
    for option in question.options:
        if run := copied_run(option.text, runs):
            role = "key" if option.correct else "distractor"
            found.append(diagnostic("item-copies-page", path, option.line,
                                    f"The {role} '{_short(option.text)}' of question "
                                    f"'{question.id}' repeats '{run}' from {where}."))
    return found


def check_absolute(path: str, question: Question) -> list[Diagnostic]:
    def absolutes(option: Option) -> list[str]:
        said = set(words(option.text))
        return [w for w in ABSOLUTE_WORDS if w in said]

    if any(absolutes(o) for o in _keys(question)):
        return []
    flagged = [(o, absolutes(o)) for o in _distractors(question) if absolutes(o)]
    if not flagged:
        return []
    used = sorted({w for _, found in flagged for w in found})
    listed = ", ".join(f"'{w}'" for w in used)
    return [diagnostic("item-absolute-distractor", path, flagged[0][0].line,
                       f"Distractors of question '{question.id}' say {listed} and no key does.")]


def final_sentence(prompt: str) -> str:
    sentences = [s for s in _SENTENCE_END.split(" ".join(prompt.split())) if s]
    return sentences[-1] if sentences else ""


def unemphasised_negative(prompt: str) -> str | None:
    """The first NOT, EXCEPT or LEAST in the question's final sentence that lacks emphasis."""
    sentence = final_sentence(prompt)
    for match in _NEGATIVE.finditer(sentence):
        word = match.group(1)
        if word.isupper():
            continue
        before, after = sentence[: match.start()], sentence[match.end():]
        if any(before.endswith(mark) and after.startswith(mark) for mark in _EMPHASIS):
            continue
        return word
    return None


def check_negative_stem(path: str, question: Question) -> list[Diagnostic]:
    if word := unemphasised_negative(question.prompt):
        return [diagnostic("item-negative-stem", path, question.line,
                           f"Question '{question.id}' asks '{_short(final_sentence(question.prompt), 80)}' "
                           f"with '{word}' unemphasised.")]
    return []


def check_multiple_balance(path: str, question: Question) -> list[Diagnostic]:
    if not question.multiple or not question.options:
        return []
    right, wrong = len(_keys(question)), len(_distractors(question))
    if right == 1 or wrong < 2:
        return [diagnostic("item-multiple-balance", path, question.line,
                           f"Multiple-answer question '{question.id}' has {right} correct and "
                           f"{wrong} incorrect options.")]
    return []


# ---- per set ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ItemSet:
    name: str  # "self-check questions" or "the post-test <path>"
    items: tuple[tuple[Page, Question], ...]

    @property
    def single(self) -> list[tuple[Page, Question]]:
        return [(p, q) for p, q in self.items if not q.multiple and _keys(q)]

    @property
    def multiple(self) -> list[tuple[Page, Question]]:
        return [(p, q) for p, q in self.items if q.multiple]


def item_sets(course: Course) -> list[ItemSet]:
    """All self-check questions as one set, then each post-test page as its own."""
    pages = sorted(course.pages.values(), key=lambda p: p.path)
    sets = [ItemSet("the self-check questions",
                    tuple((p, q) for p in pages if p.kind in ("module", "part") for q in p.questions))]
    sets += [ItemSet(f"the post-test {p.path}", tuple((p, q) for q in p.questions))
             for p in pages if p.kind == "posttest"]
    return [s for s in sets if s.items]


def key_is_longest(question: Question) -> bool:
    """A single-answer key strictly longer than every distractor."""
    keys = _keys(question)
    return (len(keys) == 1 and bool(_distractors(question))
            and all(length(keys[0].text) > length(o.text) for o in _distractors(question)))


def _at(item_set: ItemSet) -> tuple[str, int]:
    page, question = item_set.items[0]
    return page.path, question.line


def check_longest_share(item_set: ItemSet) -> list[Diagnostic]:
    single = item_set.single
    longest = [q.id for _, q in single if key_is_longest(q)]
    if len(single) < SHARE_MIN_QUESTIONS or len(longest) / len(single) <= LONGEST_SHARE:
        return []
    return [diagnostic("items-key-longest-share", *_at(item_set),
                       f"In {item_set.name}, {len(longest)} of {len(single)} single-answer keys "
                       f"({_percent(len(longest), len(single))}) are the longest option, more "
                       f"than {LONGEST_SHARE * 100:.0f} %: {', '.join(longest)}.")]


def check_correct_spread(item_set: ItemSet) -> list[Diagnostic]:
    counts = Counter(len(_keys(q)) for _, q in item_set.multiple)
    total = sum(counts.values())
    if total < SPREAD_MIN_QUESTIONS or len(counts) != 1:
        return []
    (right, _), = counts.items()
    return [diagnostic("items-correct-count-spread", *_at(item_set),
                       f"All {total} multiple-answer questions in {item_set.name} have {right} "
                       "correct options.")]


def check_key_position(item_set: ItemSet) -> list[Diagnostic]:
    single = item_set.single
    places = Counter(key_positions(q)[0] for _, q in single)
    if len(single) < SHARE_MIN_QUESTIONS:
        return []
    place, most = max(sorted(places.items()), key=lambda kv: kv[1])
    if most / len(single) <= POSITION_SHARE:
        return []
    ids = [q.id for _, q in single if key_positions(q)[0] == place]
    return [diagnostic("items-key-position", *_at(item_set),
                       f"In {item_set.name}, {most} of {len(single)} single-answer keys "
                       f"({_percent(most, len(single))}) are shown in position {place} "
                       f"({position_summary(places)}): {', '.join(ids)}.")]


# difflib compares the word sequences, not the characters: on scenario prompts of several
# hundred characters a character match is quadratic and took seconds for the course, while the
# words give the same verdicts. The cap keeps a hostile, huge prompt from stalling the check.
OVERLAP_MAX_WORDS = 400


def normalised(text: str) -> tuple[str, ...]:
    return tuple(words(text)[:OVERLAP_MAX_WORDS])


def _similar(a: tuple[str, ...], b: tuple[str, ...], threshold: float) -> bool:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold \
        and matcher.ratio() >= threshold


def check_posttest_overlap(course: Course) -> list[Diagnostic]:
    sets = item_sets(course)
    selfcheck = [q for s in sets if s.name == "the self-check questions" for _, q in s.items]
    prompts = [(q, normalised(q.prompt)) for q in selfcheck]
    keys = [(q, normalised(o.text)) for q in selfcheck for o in _keys(q)]
    found = []
    for page in sorted(course.pages.values(), key=lambda p: p.path):
        if page.kind != "posttest":
            continue
        for question in page.questions:
            prompt = normalised(question.prompt)
            twin = next((q for q, text in prompts if _similar(prompt, text, PROMPT_OVERLAP)), None)
            what = "prompt"
            if twin is None:
                what = "key"
                twin = next((q for o in _keys(question) for q, text in keys
                             if _similar(normalised(o.text), text, KEY_OVERLAP)), None)
            if twin is not None:
                found.append(diagnostic("items-posttest-overlap", page.path, question.line,
                                        f"The {what} of post-test question '{question.id}' is "
                                        f"near-identical to self-check question '{twin.id}'."))
    return found


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %"


def position_summary(places: Counter[int]) -> str:
    return ", ".join(f"{place}: {places[place]}" for place in sorted(places))


# ---- the whole course -----------------------------------------------------------------------

def _checked(course: Course) -> Iterator[tuple[Page, Question, set[tuple[str, ...]], str]]:
    """Each question with the prose runs its key must not copy: its own page's, or for the
    post-test every module page's (built only when there is a post-test question)."""
    module_runs: set[tuple[str, ...]] | None = None
    for _, page in sorted(course.pages.items()):
        if not page.questions:
            continue
        if page.kind != "posttest":
            runs = word_runs(page.prose)
            for question in page.questions:
                yield page, question, runs, "the page's prose"
            continue
        if module_runs is None:
            module_runs = set().union(*(word_runs(p.prose) for p in course.pages.values()
                                        if p.kind in ("module", "part")))
        for question in page.questions:
            yield page, question, module_runs, "a module page"


# ---- objectives a question cannot observe ---------------------------------------------------

# Verbs naming something done in the room: only an observer can see it, so a role-play
# checklist item is their assessment. Every other objective needs a self-check question
# (objective-unassessed in course.py).
SKILL_VERBS = ("demonstrate", "reframe", "structure", "evaluate your own", "conduct", "practise",
               "practice", "role-play", "model")
_SKILL = re.compile(r"^\s*(" + "|".join(re.escape(v) for v in SKILL_VERBS) + r")\b", re.IGNORECASE)


def skill_verb(objective_text: str) -> str | None:
    """The skill verb an objective starts with, or None for a knowledge objective."""
    match = _SKILL.match(objective_text)
    return match.group(1) if match else None


def roleplay_assessed(course: Course) -> set[str]:
    """Objective ids that some role-play's observer checklist assesses."""
    return {item.objective for _, roleplay in course.roleplays for item in roleplay.observer_checklist}


def check_skill_objectives(course: Course) -> list[Diagnostic]:
    observed = roleplay_assessed(course)
    found = []
    for module in course.modules:
        for objective in module.objectives:
            verb = skill_verb(objective.text)
            if verb and objective.id not in observed:
                found.append(diagnostic("objective-skill-observed", module.page.path, objective.line,
                                        f"Objective '{objective.id}' asks learners to '{verb}', "
                                        "and no role-play checklist item observes it."))
    return found


def check_items(course: Course) -> list[Diagnostic]:
    """Every item-writing diagnostic of the course, sorted."""
    found: list[Diagnostic] = []
    for page, question, runs, where in _checked(course):
        found += check_all_none(page.path, question)
        found += check_key_longest(page.path, question)
        found += check_stem_clue(page.path, question)
        found += check_copies_page(page.path, question, runs, where)
        found += check_absolute(page.path, question)
        found += check_negative_stem(page.path, question)
        found += check_multiple_balance(page.path, question)
    for item_set in item_sets(course):
        found += check_longest_share(item_set)
        found += check_correct_spread(item_set)
        found += check_key_position(item_set)
    found += check_posttest_overlap(course)
    found += check_skill_objectives(course)
    return sort_diagnostics(found)


def statistics(course: Course) -> list[str]:
    """Lines describing each question set: what the per-set rules measure."""
    lines = []
    for item_set in item_sets(course):
        single, multiple = item_set.single, item_set.multiple
        longest = sum(key_is_longest(q) for _, q in single)
        shown = Counter(key_positions(q)[0] for _, q in single)
        source = Counter(next(i for i, o in enumerate(q.options, 1) if o.correct) for _, q in single)
        counts = Counter(len(_keys(q)) for _, q in multiple)
        lines += [
            f"{item_set.name}: {len(item_set.items)} questions, {len(single)} single-answer, "
            f"{len(multiple)} multiple-answer",
            f"  single-answer keys that are the longest option: {longest} of {len(single)}"
            + (f" ({_percent(longest, len(single))}; limit {LONGEST_SHARE * 100:.0f} %)" if single else ""),
            f"  key position as shown (after the shuffle): {position_summary(shown) or 'none'}",
            f"  key position in the source: {position_summary(source) or 'none'}",
            "  correct options per multiple-answer question: "
            + (", ".join(f"{k} correct: {counts[k]}" for k in sorted(counts)) or "none"),
        ]
    return lines


def main(argv: list[str] | None = None) -> int:
    course = load_docs_arg("python -m coursekit.items", __doc__, argv)
    if course is None:
        return 2
    found = check_items(course)
    for item in found:
        print(item.format())
    print("\n".join(statistics(course)))
    rules = Counter(d.rule for d in found)
    print(f"{len(found)} item diagnostics" + (f" ({', '.join(f'{r}: {n}' for r, n in sorted(rules.items()))})"
                                              if rules else ""))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
