"""One golden case per rule in coursekit.rules.RULES: source in, exact diagnostics out.

Each case names the rule it exercises, gives a tiny source (a page, a whole docs folder, or a
data file) and lists every diagnostic it must produce as (path, line, rule, severity), plus the
exact text an author sees for the case's own rule. Lines are the source file's, front matter
counted. A rule added to the table without a case here fails `test_every_rule_has_a_case`.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from coursetext import (
    AGENDA,
    MODULE_HEAD,
    PROSE,
    QUESTION_PAGE,
    ROLEPLAY_PAGE,
    Row,
    module,
    question_block,
    rows,
    vary,
    write_docs,
)

from coursekit.course import Estimate, load_course
from coursekit.data import parse_bibliography, parse_glossary
from coursekit.diagnostics import Diagnostic, Severity, sort_diagnostics
from coursekit.dist import plan
from coursekit.items import check_items
from coursekit.parse import parse_page
from coursekit.rules import RULES
from coursekit.yamlsrc import load_yaml

E, W = "error", "warning"
PAGE = "docs/page.md"


@dataclass(frozen=True)
class Case:
    """`files` maps docs-relative paths to text. Scope "page" parses page.md alone with
    parse_page; "course" loads the folder with load_course; "bibliography" and "glossary"
    parse that one data file; "dist" writes the files relative to a project folder (docs/...,
    site/..., mkdocs.yml, pyproject.toml) and runs `python -m coursekit.dist`'s checks there."""

    id: str
    rule: str
    scope: str
    files: dict[str, str]
    expected: list[Row]
    message: str  # the exact `path:line: [rule] message` for the case's own rule
    args: tuple[str, ...] = ()  # scope "dist": options after `docs dist --site site`

POSTTEST = "---\ntitle: Post-test\nposttest: true\n---\n\n# Post-test\n\n"
# A post-test item of its own: one identical to a self-check would also be items-posttest-overlap.
POSTTEST_ITEM = vary(vary(question_block("pt-1", "m1-o1"),
                          "prompt: Which response is attuned?",
                          "prompt: Dev sighs at dinner; what do you say?"),
                     "- text: Name the cue.", "- text: Ask about it.")


def page(id: str, rule: str, source: str, expected: list[Row], message: str) -> Case:
    return Case(id, rule, "page", {"page.md": source}, expected, message)


def course(id: str, rule: str, files: dict[str, str], expected: list[Row], message: str) -> Case:
    return Case(id, rule, "course", files, expected, message)


# ---- any block or front matter ------------------------------------------------------------

SYNTAX_CASES = [
    page("yaml-syntax", "yaml-syntax",
         vary(QUESTION_PAGE, "prompt: Which response is attuned?", "prompt: Note: which response?"),
         [(PAGE, 11, "yaml-syntax", E)],
         "docs/page.md:11: [yaml-syntax] Malformed YAML in the question block: mapping values are "
         "not allowed here. Check the indentation, and quote text that contains ': ' or starts "
         "with a quote."),
    page("yaml-syntax-front-matter", "yaml-syntax",
         "---\ntitle: Questions\n  bad: indent\n---\n\n# Questions\n",
         [(PAGE, 3, "yaml-syntax", E)],
         "docs/page.md:3: [yaml-syntax] Malformed YAML in front matter: mapping values are not "
         "allowed here. Check the indentation, and quote text that contains ': ' or starts with "
         "a quote."),
    page("yaml-shape", "yaml-shape",
         "# Questions\n\n```question\n- id: m1-q\n- objective: m1-o1\n```\n",
         [(PAGE, 4, "yaml-shape", E)],
         "docs/page.md:4: [yaml-shape] the question block must be a mapping of 'key: value' lines. "
         "Write the block as 'key: value' lines; lists as '- item' lines."),
    page("unknown-key", "unknown-key",
         vary(QUESTION_PAGE, "type: single", "typ: single"),
         [(PAGE, 10, "unknown-key", E)],
         "docs/page.md:10: [unknown-key] Unknown key 'typ' in question 'm1-q'. Did you mean "
         "'type'? Use one of the keys listed in the authoring guide."),
    page("duplicate-key", "duplicate-key",
         vary(QUESTION_PAGE, "    rationale: It misses the cue.",
              "    rationale: It misses the cue.\n    rationale: It looks past her."),
         [(PAGE, 18, "duplicate-key", E)],
         "docs/page.md:18: [duplicate-key] Key 'rationale' appears twice in an option of question "
         "'m1-q'. Delete or rename one of them."),
    page("missing-key", "missing-key",
         vary(QUESTION_PAGE, "prompt: Which response is attuned?", "prompt: ''"),
         [(PAGE, 8, "missing-key", E)],
         "docs/page.md:8: [missing-key] question 'm1-q' has no 'prompt'. Add the key with a value."),
    page("wrong-type", "wrong-type",
         vary(QUESTION_PAGE, "    correct: true", "    correct: 'yes'"),
         [(PAGE, 12, "question-no-correct", E), (PAGE, 14, "wrong-type", E)],
         "docs/page.md:14: [wrong-type] 'correct' in question 'm1-q' must be true or false, not "
         "'yes'. Write the value in the form the authoring guide shows."),
    page("unclosed-block", "unclosed-block",
         QUESTION_PAGE.removesuffix("```\n"),
         [(PAGE, 7, "unclosed-block", E)],
         "docs/page.md:7: [unclosed-block] The ```question block is never closed. Close the block "
         "with a line holding only the same fence (```)."),
    page("block-indented", "block-indented",
         "# Questions\n\n!!! note\n    ```question\n    id: m1-q\n    ```\n",
         [(PAGE, 4, "block-indented", E)],
         "docs/page.md:4: [block-indented] The ```question block is indented. Start the fence at "
         "the beginning of a line, outside lists and admonitions."),
    page("front-matter", "front-matter",
         "---\ntitle: Questions\n\n# Questions\n",
         [(PAGE, 1, "front-matter", E)],
         "docs/page.md:1: [front-matter] Front matter opened on line 1 is never closed. End the "
         "front matter with a line holding only '---'."),
    page("instructor-note-nested", "instructor-note-nested",
         "---\ntitle: T\n---\n\n# T\n\n- A list item\n\n    !!! instructor\n        Secret.\n",
         [(PAGE, 9, "instructor-note-nested", E)],
         "docs/page.md:9: [instructor-note-nested] An instructor note is nested inside a list or "
         "another block. Start '!!! instructor' at the beginning of a line, outside lists and "
         "admonitions."),
]

# ---- module pages -------------------------------------------------------------------------

MODULE_CASES = [
    page("module-id-malformed", "module-id",
         vary(MODULE_HEAD, "id: m1\n", "id: M_1\n"),
         [(PAGE, 2, "module-id", E), (PAGE, 8, "objective-id", E)],
         "docs/page.md:2: [module-id] Module id 'M_1' is malformed. Give each module a unique id "
         "such as 'm2' (lower case, digits, hyphens)."),
    course("module-id-twice", "module-id",
           {"a.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
            "b.md": module("m1", ("m1-o1",), (("m1-q2", "m1-o1"),))},
           [("docs/b.md", 2, "module-id", E)],
           "docs/b.md:2: [module-id] Module id 'm1' is also used by docs/a.md. Give each module a "
           "unique id such as 'm2' (lower case, digits, hyphens)."),
    page("module-minutes", "module-minutes",
         vary(MODULE_HEAD, "minutes: 5", "minutes: five"),
         [(PAGE, 4, "module-minutes", E)],
         "docs/page.md:4: [module-minutes] 'minutes' in module front matter must be a positive "
         "whole number, not 'five'. Write 'minutes: 45'."),
    page("module-minutes-missing", "module-minutes",
         vary(MODULE_HEAD, "minutes: 5\n", "\n"),
         [(PAGE, 2, "module-minutes", E)],
         "docs/page.md:2: [module-minutes] The module front matter declares no 'minutes'. Write "
         "'minutes: 45'."),
    page("module-reviewed", "module-reviewed",
         vary(MODULE_HEAD, "reviewed: 2026-01-15", "reviewed: last spring"),
         [(PAGE, 6, "module-reviewed", E)],
         "docs/page.md:6: [module-reviewed] 'reviewed' in module front matter is 'last spring', "
         "not a date. Write 'reviewed: 2026-11-26' (YYYY-MM-DD)."),
    page("module-level", "module-level",
         vary(MODULE_HEAD, "level: Introductory", "level: Expert"),
         [(PAGE, 5, "module-level", E)],
         "docs/page.md:5: [module-level] Level 'Expert' is not allowed. Write 'level: "
         "Introductory', 'level: Intermediate' or 'level: Advanced'."),
    course("module-unknown", "module-unknown",
           {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
            "part.md": "---\nmodule: m9\ntitle: A part\nminutes: 2\nreviewed: 2026-01-15\n---\n\n"
                       "# A part\n\n" + PROSE + "\n" + question_block("m9-q1", "m9-o1")},
           [("docs/part.md", 2, "module-unknown", E)],
           "docs/part.md:2: [module-unknown] No module page has id 'm9'. Use the id from the "
           "module's first page, such as 'module: m3'."),
    page("objective-id", "objective-id",
         vary(MODULE_HEAD, "  - id: m1-o1", "  - id: m2-o1"),
         [(PAGE, 8, "objective-id", E)],
         "docs/page.md:8: [objective-id] Objective id 'm2-o1' must start with 'm1-'. Give each "
         "objective a unique id that starts with its module id, such as 'm2-o3'."),
    course("objective-id-twice", "objective-id",
           {"m1.md": module("m1", ("m1-o1", "m1-o1"), (("m1-q1", "m1-o1"),))},
           [("docs/m1.md", 10, "objective-id", E)],
           "docs/m1.md:10: [objective-id] Objective id 'm1-o1' is declared twice. Give each "
           "objective a unique id that starts with its module id, such as 'm2-o3'."),
    page("objective-verb", "objective-verb",
         vary(MODULE_HEAD, "text: Describe the quiet cue.", "text: Be aware of the quiet cue."),
         [(PAGE, 8, "objective-verb", E)],
         "docs/page.md:8: [objective-verb] Objective 'm1-o1' uses 'Be aware of', which cannot be "
         "observed. Use an observable verb: describe, identify, distinguish, demonstrate, plan."),
    course("objective-unassessed", "objective-unassessed",
           {"m1.md": module("m1", ("m1-o1", "m1-o2"), (("m1-q1", "m1-o1"),))},
           [("docs/m1.md", 10, "objective-unassessed", E)],
           "docs/m1.md:10: [objective-unassessed] No question assesses objective 'm1-o2'. Add a "
           "question with 'objective:' set to this id."),
    course("posttest-location", "posttest-location",
           {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
            "post.md": POSTTEST + POSTTEST_ITEM},
           [("docs/post.md", 1, "posttest-location", E)],
           "docs/post.md:1: [posttest-location] Post-test page 'post.md' is outside instructors/. "
           "Move the post-test page into docs/instructors/."),
    course("posttest-size", "posttest-size",
           {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
            "instructors/post.md": POSTTEST},
           [("docs/instructors/post.md", 1, "posttest-coverage", E),
            ("docs/instructors/post.md", 1, "posttest-size", E),
            ("docs/m1.md", 8, "curriculum-posttest", E)],
           "docs/instructors/post.md:1: [posttest-size] The post-test has 0 questions; 0.0 credit "
           "hours need at least 1. Add questions: about 6 to 8 for each hour of the course's "
           "declared time."),
    course("posttest-coverage", "posttest-coverage",
           {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
            "m2.md": module("m2", ("m2-o1",), (("m2-q1", "m2-o1"),)),
            "instructors/post.md": POSTTEST + POSTTEST_ITEM},
           [("docs/instructors/post.md", 1, "posttest-coverage", E),
            ("docs/m2.md", 8, "curriculum-posttest", E)],
           "docs/instructors/post.md:1: [posttest-coverage] No post-test question assesses module "
           "'m2'. Add a post-test question whose 'objective:' belongs to that module."),
    course("reading-time", "reading-time",
           {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),), minutes=60)},
           [("docs/m1.md", 4, "reading-time", W)],
           "docs/m1.md:4: [reading-time] Declared 60 minutes, but the estimate is 2 (47 words at "
           "130 per minute, 1 question, 0 reflections); 1 to 2 would be accepted. Change "
           "'minutes:' to about the estimate, or change the content."),
]

# ---- questions ----------------------------------------------------------------------------

QUESTION_CASES = [
    page("question-id-malformed", "question-id",
         vary(QUESTION_PAGE, "id: m1-q", "id: M1 Q"),
         [(PAGE, 8, "question-id", E)],
         "docs/page.md:8: [question-id] Question id 'M1 Q' is malformed. Give each question a "
         "unique id in lower case with hyphens, such as 'm2-split-sides'."),
    course("question-id-twice", "question-id",
           {"m1.md": module("m1", ("m1-o1",), (("same-q", "m1-o1"),)),
            "m2.md": module("m2", ("m2-o1",), (("same-q", "m2-o1"),))},
           [("docs/m2.md", 18, "question-id", E)],
           "docs/m2.md:18: [question-id] Question id 'same-q' is also used in docs/m1.md. Give each "
           "question a unique id in lower case with hyphens, such as 'm2-split-sides'."),
    course("question-outside-module", "question-outside-module",
           {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
            "page.md": QUESTION_PAGE},
           [(PAGE, 7, "question-outside-module", E)],
           "docs/page.md:7: [question-outside-module] Question 'm1-q' is on a page with no module. "
           "Move the question to a module page, or give the page 'module:' front matter."),
    course("question-objective", "question-objective",
           {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"), ("m1-q2", "m1-o9")), minutes=4)},
           [("docs/m1.md", 32, "question-objective", E)],
           "docs/m1.md:32: [question-objective] Question 'm1-q2' assesses 'm1-o9', which module "
           "'m1' does not declare. Set 'objective:' to one of the module's objective ids."),
    page("question-type", "question-type",
         vary(QUESTION_PAGE, "type: single", "type: truefalse"),
         [(PAGE, 10, "question-type", E)],
         "docs/page.md:10: [question-type] Type 'truefalse' of question 'm1-q' is not allowed. "
         "Write 'type: single' or 'type: multiple'."),
    page("question-option-count", "question-option-count",
         vary(QUESTION_PAGE, "  - text: Accuse.\n    rationale: It invites defence.\n", ""),
         [(PAGE, 12, "question-option-count", E)],
         "docs/page.md:12: [question-option-count] Question 'm1-q' has 2 options. Give the "
         "question between 3 and 6 options."),
    page("question-no-correct", "question-no-correct",
         vary(QUESTION_PAGE, "    correct: true\n", ""),
         [(PAGE, 12, "question-no-correct", E)],
         "docs/page.md:12: [question-no-correct] Question 'm1-q' has no correct option. Mark the "
         "right option with 'correct: true'."),
    page("question-several-correct", "question-several-correct",
         vary(QUESTION_PAGE, "    rationale: It misses the cue.",
              "    rationale: It misses the cue.\n    correct: true"),
         [(PAGE, 16, "question-several-correct", E)],
         "docs/page.md:16: [question-several-correct] Question 'm1-q' is single-answer but has 2 "
         "correct options. Leave one option correct, or write 'type: multiple'."),
    page("question-duplicate-option", "question-duplicate-option",
         vary(QUESTION_PAGE, "  - text: Accuse.", "  - text: move  ON."),
         [(PAGE, 18, "question-duplicate-option", E)],
         "docs/page.md:18: [question-duplicate-option] Option 'move  ON.' appears twice in "
         "question 'm1-q'. Make every option's text different."),
    page("question-missing-rationale", "question-missing-rationale",
         vary(QUESTION_PAGE, "    rationale: It invites defence.", ""),
         [(PAGE, 18, "question-missing-rationale", E)],
         "docs/page.md:18: [question-missing-rationale] Option 'Accuse.' of question 'm1-q' has no "
         "rationale. Add 'rationale:' saying why the option is right, or why it is tempting and "
         "wrong."),
]

# ---- role-plays ---------------------------------------------------------------------------

ROLEPLAY_CASES = [
    page("roleplay-id", "roleplay-id",
         vary(ROLEPLAY_PAGE, "id: rp-quiet", "id: RP Quiet"),
         [(PAGE, 8, "roleplay-id", E)],
         "docs/page.md:8: [roleplay-id] Role-play id 'RP Quiet' is malformed. Give each role-play "
         "a unique id such as 'rp-repair', and each role a unique id."),
    page("roleplay-id-role-twice", "roleplay-id",
         vary(ROLEPLAY_PAGE, "  - id: dev", "  - id: amara"),
         [(PAGE, 32, "roleplay-id", E)],
         "docs/page.md:32: [roleplay-id] Role id 'amara' is malformed or used twice. Give each "
         "role-play a unique id such as 'rp-repair', and each role a unique id."),
    course("roleplay-id-twice", "roleplay-id",
           {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
            "rp1.md": ROLEPLAY_PAGE, "rp2.md": ROLEPLAY_PAGE},
           [("docs/rp2.md", 7, "roleplay-id", E)],
           "docs/rp2.md:7: [roleplay-id] Role-play id 'rp-quiet' is also used in docs/rp1.md. Give "
           "each role-play a unique id such as 'rp-repair', and each role a unique id."),
    page("roleplay-setting", "roleplay-setting",
         vary(ROLEPLAY_PAGE, "setting: room", "setting: garden"),
         [(PAGE, 11, "roleplay-setting", E)],
         "docs/page.md:11: [roleplay-setting] Setting 'garden' is not allowed. Write 'setting: "
         "room' or 'setting: video'."),
    course("roleplay-objective", "roleplay-objective",
           {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
            "rp.md": vary(vary(ROLEPLAY_PAGE, "objectives: [m1-o1]", "objectives: [m1-o1, m9-o1]"),
                          "    item: The therapist named a cue.",
                          "    item: The therapist named a cue.\n  - objective: m9-o1\n"
                          "    item: Dev turned toward Amara.")},
           [("docs/rp.md", 10, "roleplay-objective", E)],
           "docs/rp.md:10: [roleplay-objective] Objective 'm9-o1' is not declared by any module. "
           "Use objective ids from the modules' front matter, such as 'm1-o2'."),
    page("roleplay-minutes", "roleplay-minutes",
         vary(ROLEPLAY_PAGE, "minutes: 30", "minutes: 40"),
         [(PAGE, 15, "roleplay-minutes", E)],
         "docs/page.md:15: [roleplay-minutes] The plan's phases add up to 5 + 10 + 15 = 30, not the "
         "declared 40 minutes. Make the 'plan' minutes sum to 'minutes'."),
    page("roleplay-roles", "roleplay-roles",
         vary(ROLEPLAY_PAGE, "    kind: observer", "    kind: therapist"),
         [(PAGE, 22, "roleplay-roles", E)],
         "docs/page.md:22: [roleplay-roles] Role-play 'rp-quiet' has 2 therapist(s), 2 partner(s) "
         "and 0 observer(s). Declare roles with 'kind: therapist', 'kind: partner' (two) and "
         "'kind: observer'."),
    page("roleplay-roles-kind", "roleplay-roles",
         vary(ROLEPLAY_PAGE, "    kind: observer", "    kind: narrator"),
         [(PAGE, 22, "roleplay-roles", E), (PAGE, 37, "roleplay-roles", E)],
         "docs/page.md:37: [roleplay-roles] Role kind 'narrator' is not allowed. Declare roles with "
         "'kind: therapist', 'kind: partner' (two) and 'kind: observer'."),
    page("roleplay-brief", "roleplay-brief",
         vary(ROLEPLAY_PAGE, "    unspoken: You feel shut out.", "    unspoken: ''"),
         [(PAGE, 32, "roleplay-brief", E)],
         "docs/page.md:32: [roleplay-brief] Partner 'dev' has no 'unspoken' part. Give every role a "
         "'brief:' and every partner an 'unspoken:'."),
    page("roleplay-speaker", "roleplay-speaker",
         vary(ROLEPLAY_PAGE, "speaker: amara", "speaker: amira"),
         [(PAGE, 42, "roleplay-speaker", E)],
         "docs/page.md:42: [roleplay-speaker] Speaker 'amira' is not a role of role-play "
         "'rp-quiet'. Set 'speaker:' to one of the role ids."),
    page("roleplay-checklist", "roleplay-checklist",
         vary(ROLEPLAY_PAGE, "  - objective: m1-o1", "  - objective: m1-o2"),
         [(PAGE, 10, "roleplay-checklist", E), (PAGE, 52, "roleplay-checklist", E)],
         "docs/page.md:52: [roleplay-checklist] Checklist item is tied to 'm1-o2', which role-play "
         "'rp-quiet' does not list. Tie each checklist item to one of the role-play's objectives, "
         "and cover them all."),
]

# ---- citations, data files and agendas ----------------------------------------------------

BIBLIOGRAPHY = """\
reis1988:
  cite: "Reis & Shaver"
  year: "1988"
  reference: Reis, H. T., & Shaver, P. (1988). Intimacy as an interpersonal process.
"""
CITING_MODULE = module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),),
                       prose="Intimacy grows from disclosure met by a caring response [@reis1988].\n"
                             "Partners rarely announce what they need. More often one of them "
                             "makes a small bid\nfor connection, a sigh or a glance, and waits to "
                             "see whether the other turns toward it.\n")
AGENDA_PAGE = vary(AGENDA, "    minutes: 10\n",
                   "    minutes: 40\n  - module: m9\n  - roleplay: rp-none\n    minutes: 5\n")

DATA_CASES = [
    course("citation-unknown", "citation-unknown",
           {"m1.md": vary(CITING_MODULE, "[@reis1988]", "[@reis1989, p. 3]"),
            "_data/bibliography.yml": BIBLIOGRAPHY},
           [("docs/_data/bibliography.yml", 1, "citation-unused", W),
            ("docs/m1.md", 14, "citation-unknown", E)],
           "docs/m1.md:14: [citation-unknown] Citation key 'reis1989' is not in the bibliography. "
           "Use a key from docs/_data/bibliography.yml, or add the verified source there."),
    course("citation-unused", "citation-unused",
           {"m1.md": CITING_MODULE,
            "_data/bibliography.yml": BIBLIOGRAPHY + 'gottman1999:\n  cite: Gottman\n  year: "1999"\n'
                                      "  reference: Gottman, J. M. (1999). *The marriage clinic*.\n"},
           [("docs/_data/bibliography.yml", 5, "citation-unused", W)],
           "docs/_data/bibliography.yml:5: [citation-unused] Entry 'gottman1999' is never cited. "
           "Cite it where the course relies on it, or remove it from the bibliography."),
    Case("bibliography-entry", "bibliography-entry", "bibliography",
         {"_data/bibliography.yml": vary(BIBLIOGRAPHY, '  year: "1988"\n', "")},
         [("docs/_data/bibliography.yml", 1, "bibliography-entry", E)],
         "docs/_data/bibliography.yml:1: [bibliography-entry] Entry 'reis1988' has no year. Give "
         "the entry 'cite:', 'year:' and 'reference:'."),
    Case("glossary-entry", "glossary-entry", "glossary",
         {"_data/glossary.yml": "- term: Attunement\n  forms: [attunement]\n  definition: Noticing.\n"
                                "- term: Attuning\n  forms: [attunement]\n  definition: Also.\n"
                                "- term: Empty\n  forms: [empty]\n"},
         [("docs/_data/glossary.yml", 4, "glossary-entry", E),
          ("docs/_data/glossary.yml", 7, "glossary-entry", E)],
         "docs/_data/glossary.yml:4: [glossary-entry] Form 'attunement' is listed under both "
         "'Attunement' and 'Attuning'. Give each entry 'term:', 'forms:' and 'definition:', each "
         "form under one term only."),
    Case("glossary-duplicate", "glossary-duplicate", "glossary",
         {"_data/glossary.yml": "- term: Attunement\n  forms: [attunement]\n  definition: Noticing.\n"
                                "- term: attunement\n  forms: [attuned]\n  definition: Again.\n"},
         [("docs/_data/glossary.yml", 4, "glossary-duplicate", E)],
         "docs/_data/glossary.yml:4: [glossary-duplicate] Term 'attunement' already has an entry at "
         "line 1. Merge the two entries into one, or rename one of the terms."),
    course("glossary-module", "glossary-module",
           {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
            "_data/glossary.yml": "- term: Attunement\n  forms: [attunement]\n  definition: Noticing.\n"
                                  "  module: m1\n- term: Bid\n  forms: [bid]\n  definition: A reach.\n"
                                  "  module: m9\n"},
           [("docs/_data/glossary.yml", 5, "glossary-module", E)],
           "docs/_data/glossary.yml:5: [glossary-module] Glossary term 'Bid' names module 'm9', which "
           "no module page declares. Set 'module:' to the id of the module that teaches the term (m1, "
           "capstone, ...), as in that module's front matter, or leave the key out."),
    course("agenda-fit", "agenda-fit",
           {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
            "agenda.md": vary(vary(AGENDA_PAGE, "  - module: m9\n", ""), "  - roleplay: rp-none\n"
                              "    minutes: 5\n", "")},
           [("docs/agenda.md", 7, "agenda-fit", E)],
           "docs/agenda.md:7: [agenda-fit] Agenda 'short' has 42 minutes of blocks in 30 minutes. "
           "Shorten or remove blocks, or change the agenda's 'minutes'."),
    course("agenda-unknown", "agenda-unknown",
           {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
            "agenda.md": vary(AGENDA_PAGE, "    minutes: 40", "    minutes: 10")},
           [("docs/agenda.md", 15, "agenda-unknown", E), ("docs/agenda.md", 16, "agenda-unknown", E)],
           "docs/agenda.md:16: [agenda-unknown] Agenda 'short' names unknown roleplay 'rp-none'. Use "
           "a module id (m1) or role-play id (rp-im-fine) that exists."),
]

# Each later group of rules keeps its golden cases in its own list.
# bad input: encodings, limits, citation syntax, placement, links (scope "latin-1": the files
# are written as Latin-1 bytes, which are not UTF-8)
SITE_CONFIG = ("site_name: T\nnav:\n  - index.md\n  - other.md\n"
               "validation:\n  omitted_files: warn\n  anchors: warn\n")
INPUT_CASES: list[Case] = [
    Case("file-encoding", "file-encoding", "latin-1", {"index.md": "# Home\n\nCaf\u00e9 au lait.\n"},
         [("docs/index.md", 3, "file-encoding", E)],
         "docs/index.md:3: [file-encoding] Byte 0xe9 in column 4 is not UTF-8. Save the file with "
         "the UTF-8 encoding (most editors: Save with Encoding), then check the characters on "
         "that line."),
    page("file-too-large", "file-too-large", "# T\n\n" + "[" * 301 + "\n",
         [(PAGE, 3, "file-too-large", E)],
         "docs/page.md:3: [file-too-large] The paragraph starting here holds 301 of '[', '<', '`' "
         "and '*'; the limit is 300 per paragraph, because Markdown slows down quadratically over "
         "them. Split the page, or break the paragraph with blank lines."),
    page("yaml-limit", "yaml-limit",
         vary(QUESTION_PAGE, "prompt: Which response is attuned?", "prompt: " + "[" * 51 + "]" * 51),
         [(PAGE, 11, "yaml-limit", E)],
         "docs/page.md:11: [yaml-limit] The YAML in the question block nests lists and mappings 52 "
         "deep; the limit is 50. Write the value out plainly: course YAML needs only a few levels "
         "and no aliases."),
    page("citation-syntax", "citation-syntax", "# T\n\nAs shown [@reis1988 p. 3].\n",
         [(PAGE, 3, "citation-syntax", E)],
         "docs/page.md:3: [citation-syntax] The citation '[@reis1988 p. 3]' has 'p. 3' after "
         "'@reis1988'; a locator follows a comma. Write [@key], [@key, p. 12] or [@key1; @key2]."),
    page("admonition-spelling", "admonition-spelling",
         '# T\n\n!!! Instructor "For instructors"\n    A tip.\n',
         [(PAGE, 3, "admonition-spelling", E)],
         "docs/page.md:3: [admonition-spelling] '!!! Instructor' is not written '!!! instructor': "
         "the type must be the single lower-case word 'instructor'; a note written this way could "
         "reach the learner edition. Write it as '!!! type \"Title\"' in lower case, such as "
         "'!!! instructor \"For instructors\"', at the start of a line and outside HTML blocks."),
    page("admonition-type", "admonition-type",
         '# T\n\n!!! vignete "Amara and Dev"\n    A story.\n\n!!! note inline end\n    Fine.\n',
         [(PAGE, 3, "admonition-type", E)],
         "docs/page.md:3: [admonition-type] 'vignete' is not an admonition type; did you mean "
         "'vignette'? Use a type the course styles (vignette, reflection, keypoints, instructor) "
         "or one of Material's (note, tip, warning, danger, ...); a new type needs its colour and "
         "icon in course.css and its name in coursekit.inputs.KNOWN_TYPES."),
    page("block-placement", "block-placement", ROLEPLAY_PAGE + "\n" + ROLEPLAY_PAGE.split("\n", 6)[6],
         [(PAGE, 56, "block-placement", E)],
         "docs/page.md:56: [block-placement] A second roleplay block on this page (the first is on "
         "line 7); a page holds one role-play. Give each role-play its own page with a title and "
         "no module front matter."),
    page("block-generated", "block-generated",
         "# My progress\n\n```progress\n```\n\n```progress\nrows\n```\n",
         [(PAGE, 6, "block-generated", E)],
         "docs/page.md:6: [block-generated] A second progress block on this page (the first is on "
         "line 3). Write it once, as an empty fenced block: the opening fence, then ``` on the "
         "next line."),
    course("nav-missing", "nav-missing",
           {"../mkdocs.yml": SITE_CONFIG, "index.md": "# Home\n", "other.md": "# Other\n",
            "extra.md": "# Extra\n"},
           [("docs/extra.md", 1, "nav-missing", E)],
           "docs/extra.md:1: [nav-missing] Page 'extra.md' is not listed in the nav of mkdocs.yml. "
           "Add the page to 'nav:' in mkdocs.yml, or move it under docs/instructors/."),
    course("host-field", "host-field",
           {"../mkdocs.yml": SITE_CONFIG + "extra:\n  host:\n    sponsor: A clinic\n    adress: 1 Elm St\n",
            "index.md": "# Home\n", "other.md": "# Other\n"},
           [("mkdocs.yml", 11, "host-field", E)],
           "mkdocs.yml:11: [host-field] extra.host.adress is not a field the course shows; the fields are "
           "sponsor, credit, authors, conflicts, contact, accommodation, grievance, address, approval. "
           "Write each field as text under one of the names the Course information page lists, such "
           "as 'address: 12 Elm Street, Springfield'."),
    course("link-broken", "link-broken", {"index.md": "# Home\n\nSee [the glossary](glossary.md).\n"},
           [("docs/index.md", 3, "link-broken", E)],
           "docs/index.md:3: [link-broken] The link 'glossary.md' points to 'glossary.md', which is "
           "not in the docs folder. Link to an existing file, relative to this page, such as "
           "../glossary.md."),
    course("link-anchor", "link-anchor",
           {"../mkdocs.yml": SITE_CONFIG, "index.md": "# Home\n\nSee [this part](other.md#the-part).\n",
            "other.md": "# Other\n\n## A part\n"},
           [("docs/index.md", 3, "link-anchor", E)],
           "docs/index.md:3: [link-anchor] The link 'other.md#the-part': 'other.md' has no anchor "
           "'#the-part'. Use the heading's anchor as the page shows it (lower case, hyphens), or "
           "fix the heading."),
    course("count-typed", "count-typed", {"index.md": "# Home\n\nThe course has 3 modules.\n"},
           [("docs/index.md", 3, "count-typed", E)],
           "docs/index.md:3: [count-typed] '3 modules' is typed by hand, but the engine knows this "
           "number (course.modules). Write the placeholder instead, such as {{ course.modules }} or "
           "{{ course.roleplays | words }}, so the number follows the course."),
    course("module-list", "module-list",
           {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
            "m2.md": module("m2", ("m2-o1",), (("m2-q1", "m2-o1"),)),
            "index.md": "# Home\n\n1. **Module m2** comes first.\n2. **Module m1** then.\n"},
           [("docs/index.md", 3, "module-list", E)],
           "docs/index.md:3: [module-list] This list of modules names 2 of the course's 2, out of "
           "course order. List every module in course order, each item opening with its **title**, "
           "or use a generated syllabus block."),
    course("placeholder-unknown", "placeholder-unknown",
           {"index.md": "# Home\n\nThe course has {{ course.chapters }} chapters.\n"},
           [("docs/index.md", 3, "placeholder-unknown", E)],
           "docs/index.md:3: [placeholder-unknown] The placeholder '{{ course.chapters }}' names no "
           "value the engine knows. Use one of the placeholders the authoring guide lists, such as "
           "{{ posttest.questions }}."),
]
# Author HTML through the allowlist (more payloads, field by field: test_safety_payloads.py).
HTML_FIX = ("Use Markdown instead, or only the tags and attributes listed under 'What HTML course "
            "text may use' in the authoring guide; show markup as text inside `code`.")
URL_FIX = ("Link with https://, http:// or mailto:, or a relative path to a page or file of the "
           "course; give an image as a relative path.")
HTML_CASES: list[Case] = [
    page("unsafe-html", "unsafe-html",
         vary(QUESTION_PAGE, "prompt: Which response is attuned?",
              "prompt: Which <script>alert(1)</script> is attuned?"),
         [(PAGE, 11, "unsafe-html", E)],
         f"docs/page.md:11: [unsafe-html] Tag <script> is not allowed. {HTML_FIX}"),
    page("unsafe-html-prose", "unsafe-html",
         "---\ntitle: T\n---\n\n# T\n\nSee <img src=x onerror=alert(1)> and `<script>` in code.\n",
         [(PAGE, 7, "unsafe-html", E)],
         f"docs/page.md:7: [unsafe-html] Attribute 'onerror' is not allowed on <img>. {HTML_FIX}"),
    page("unsafe-html-title", "unsafe-html",
         vary(QUESTION_PAGE, "title: Questions", "title: <svg/onload=alert(1)>"),
         [(PAGE, 2, "unsafe-html", E)],
         f"docs/page.md:2: [unsafe-html] Tag <svg> is not allowed. {HTML_FIX}"),
    page("unsafe-html-attr-list", "unsafe-html",
         "---\ntitle: T\n---\n\n# T {: onclick=\"alert(1)\" }\n\nText.\n",
         [(PAGE, 5, "unsafe-html", E)],
         "docs/page.md:5: [unsafe-html] Attribute list sets 'onclick=...'; only #id, .class, lang "
         f"and dir are allowed. {HTML_FIX}"),
    page("unsafe-html-description", "unsafe-html",
         "---\ntitle: T\ndescription: 'A\" http-equiv=\"refresh'\n---\n\n# T\n",
         [(PAGE, 3, "unsafe-html", E)],
         "docs/page.md:3: [unsafe-html] The front matter 'description' holds '\"', '<' or '>', "
         f"which the theme writes unescaped into the page's <meta> attribute. {HTML_FIX}"),
    Case("unsafe-html-encoded", "unsafe-html", "glossary",
         {"_data/glossary.yml": "- term: Attunement\n  forms: [attunement]\n  definition: Noticing "
                                "&lt;img src=x onerror=alert(1)&gt; the cue.\n"},
         [("docs/_data/glossary.yml", 3, "unsafe-html", E)],
         "docs/_data/glossary.yml:3: [unsafe-html] Attribute 'onerror' is not allowed on <img> "
         "(spelled with character references, which Material's tooltips turn back into markup). "
         + HTML_FIX),
    page("unsafe-url", "unsafe-url",
         vary(MODULE_HEAD, "text: Describe the quiet cue.",
              "text: Describe [the cue](jav&#x61;script:alert(1))."),
         [(PAGE, 9, "unsafe-url", E)],
         f"docs/page.md:9: [unsafe-url] A Markdown link has a 'javascript:' URL. {URL_FIX}"),
    page("unsafe-url-image", "unsafe-url",
         "---\ntitle: T\n---\n\n# T\n\n![A couple](https://example.org/couple.png)\n",
         [(PAGE, 7, "unsafe-url", E)],
         f"docs/page.md:7: [unsafe-url] A Markdown image loads a 'https:' URL, from outside the "
         f"course. {URL_FIX}"),
    Case("bibliography-key", "bibliography-key", "bibliography",
         {"_data/bibliography.yml": vary(BIBLIOGRAPHY, "reis1988:", "Reis_1988:")},
         [("docs/_data/bibliography.yml", 1, "bibliography-key", E)],
         "docs/_data/bibliography.yml:1: [bibliography-key] Key 'Reis_1988' is not lower-case "
         "letters, digits and hyphens. Rename the key, for example 'reis1988' or "
         "'gottman-silver2015', and its citations."),
]

# Item-writing checks. Scope "items" loads the folder and adds coursekit.items.check_items,
# which joins check_course at integration. The base module's question fence is line 18: the
# prompt is line 21, the key line 23, the distractors lines 26 and 28.
ITEM_MODULE = module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),))
EQUAL_KEY = ("- text: Name the cue.", "- text: Name it.")  # as long as 'Move on.'
# Ten questions whose keys land in display positions 2,1,1,3,3,2,2,2,3,1 (no position over
# 40 %), and ten whose keys land 2,1,1,1,3,3,2,2,1,1 (position 1 holds half).
BALANCED_IDS = tuple((f"m1-q{n}", "m1-o1") for n in (0, 1, 2, 4, 5, 6, 7, 10, 11, 12))
SKEWED_IDS = tuple((f"m1-q{n}", "m1-o1") for n in range(10))
MULTIPLE = ("prompt: Which response is attuned?",
            "type: multiple\nprompt: Which responses are attuned?")
TWO_OF_FOUR = ("  - text: Move on.\n    rationale: It misses the cue.\n  - text: Accuse.\n",
               "  - text: Move on.\n    correct: true\n    rationale: It misses the cue.\n"
               "  - text: Lecture.\n    rationale: It talks over her.\n  - text: Accuse.\n")


def items(id: str, rule: str, files: dict[str, str], expected: list[Row], message: str) -> Case:
    return Case(id, rule, "items", files, expected, message)


ITEM_CASES: list[Case] = [
    items("item-all-none", "item-all-none",
          {"m1.md": vary(ITEM_MODULE, "- text: Accuse.", "- text: All of the above.")},
          [("docs/m1.md", 28, "item-all-none", E)],
          "docs/m1.md:28: [item-all-none] Option 'All of the above.' of question 'm1-q1' reads as"
          " 'all of the above'. Replace it with a distractor that is a mistake a trainee really "
          "makes: learners can rule such an option in or out with partial knowledge."),
    items("item-all-none-letters", "item-all-none",
          {"m1.md": vary(ITEM_MODULE, "- text: Accuse.", "- text: Both A and B.")},
          [("docs/m1.md", 28, "item-all-none", E)],
          "docs/m1.md:28: [item-all-none] Option 'Both A and B.' of question 'm1-q1' reads as 'a "
          "and b'. Replace it with a distractor that is a mistake a trainee really makes: "
          "learners can rule such an option in or out with partial knowledge."),
    items("item-key-longest", "item-key-longest",
          {"m1.md": vary(ITEM_MODULE, "- text: Name the cue.",
                         "- text: Name the quiet cue and ask about it.")},
          [("docs/m1.md", 23, "item-key-longest", W)],
          "docs/m1.md:23: [item-key-longest] The key of question 'm1-q1' has 36 characters and "
          "the longest distractor 8. Shorten the key or give the distractors the same detail, so "
          "the options are about equal in length."),
    items("item-stem-clue", "item-stem-clue",
          {"m1.md": vary(vary(ITEM_MODULE, "prompt: Which response is attuned?",
                              "prompt: Amara goes quiet. Which response is attuned?"),
                         "- text: Name the cue.", "- text: Name Amara's quiet.")},
          [("docs/m1.md", 18, "item-stem-clue", W)],
          "docs/m1.md:18: [item-stem-clue] The stem of question 'm1-q1' shares 'amara', 'quiet' "
          "with the key and with no distractor. Reword the key, or use those words in a "
          "distractor too, so matching words to the stem does not find the answer."),
    items("item-copies-page", "item-copies-page",
          {"m1.md": vary(ITEM_MODULE, "- text: Accuse.",
                         "- text: Wait until one of them makes a small bid for connection.")},
          [("docs/m1.md", 28, "item-copies-page", W)],
          "docs/m1.md:28: [item-copies-page] The distractor 'Wait until one of them makes a small"
          " bid for connection.' of question 'm1-q1' repeats 'one of them makes a small bid for "
          "connection' from the page's prose. Write the option so it applies the idea to a new "
          "situation instead of repeating the page."),
    items("item-absolute-distractor", "item-absolute-distractor",
          {"m1.md": vary(ITEM_MODULE, "- text: Move on.", "- text: Always move on.")},
          [("docs/m1.md", 26, "item-absolute-distractor", W)],
          "docs/m1.md:26: [item-absolute-distractor] Distractors of question 'm1-q1' say 'always'"
          " and no key does. Drop the absolute word, or give a key one too, so learners cannot "
          "rule options out by their wording."),
    items("item-negative-stem", "item-negative-stem",
          {"m1.md": vary(ITEM_MODULE, "prompt: Which response is attuned?",
                         "prompt: Which response is not attuned?")},
          [("docs/m1.md", 18, "item-negative-stem", E)],
          "docs/m1.md:18: [item-negative-stem] Question 'm1-q1' asks 'Which response is not "
          "attuned?' with 'not' unemphasised. Ask the question positively, or emphasise the word "
          "as **not** or NOT."),
    items("item-multiple-balance", "item-multiple-balance",
          {"m1.md": vary(ITEM_MODULE, *MULTIPLE)},
          [("docs/m1.md", 18, "item-multiple-balance", W)],
          "docs/m1.md:18: [item-multiple-balance] Multiple-answer question 'm1-q1' has 1 correct "
          "and 2 incorrect options. Give it at least 2 correct and 2 incorrect options, or write "
          "it as 'type: single'."),
    items("items-key-longest-share", "items-key-longest-share",
          {"m1.md": module("m1", ("m1-o1",), BALANCED_IDS, minutes=15)},
          [("docs/m1.md", 18, "items-key-longest-share", W)],
          "docs/m1.md:18: [items-key-longest-share] In the self-check questions, 10 of 10 "
          "single-answer keys (100 %) are the longest option, more than 40 %: m1-q0, m1-q1, "
          "m1-q2, m1-q4, m1-q5, m1-q6, m1-q7, m1-q10, m1-q11, m1-q12. Rewrite the listed "
          "questions so a distractor is the longest option in more of them."),
    items("items-correct-count-spread", "items-correct-count-spread",
          {"m1.md": module("m1", ("m1-o1",), tuple((f"m1-q{n}", "m1-o1") for n in range(3)),
                           minutes=5).replace(*MULTIPLE).replace(*TWO_OF_FOUR)},
          [("docs/m1.md", 18, "items-correct-count-spread", W)],
          "docs/m1.md:18: [items-correct-count-spread] All 3 multiple-answer questions in the "
          "self-check questions have 2 correct options. Vary the number of correct options: some "
          "2, some 3."),
    items("items-posttest-overlap", "items-posttest-overlap",
          {"m1.md": ITEM_MODULE, "instructors/post.md": POSTTEST + question_block("pt-1", "m1-o1")},
          [("docs/instructors/post.md", 8, "items-posttest-overlap", W)],
          "docs/instructors/post.md:8: [items-posttest-overlap] The prompt of post-test question "
          "'pt-1' is near-identical to self-check question 'm1-q1'. Write the post-test question "
          "about a new situation, so it tests the idea and not memory of the self-check."),
    items("items-posttest-overlap-key", "items-posttest-overlap",
          {"m1.md": ITEM_MODULE,
           "instructors/post.md": POSTTEST + vary(question_block("pt-1", "m1-o1"),
                                                  "prompt: Which response is attuned?",
                                                  "prompt: Dev sighs at dinner; what do you say?")},
          [("docs/instructors/post.md", 8, "items-posttest-overlap", W)],
          "docs/instructors/post.md:8: [items-posttest-overlap] The key of post-test question "
          "'pt-1' is near-identical to self-check question 'm1-q1'. Write the post-test question "
          "about a new situation, so it tests the idea and not memory of the self-check."),
    items("objective-skill-observed", "objective-skill-observed",
          {"m1.md": vary(ITEM_MODULE, "text: Describe the quiet cue.",
                         "text: Demonstrate naming the quiet cue.")},
          [("docs/m1.md", 8, "objective-skill-observed", E)],
          "docs/m1.md:8: [objective-skill-observed] Objective 'm1-o1' asks learners to "
          "'Demonstrate', and no role-play checklist item observes it. Tie an observer checklist "
          "item of a role-play to it, or reword it with a verb a question can test (identify, "
          "describe, plan)."),
    items("items-key-position", "items-key-position",
          {"m1.md": module("m1", ("m1-o1",), SKEWED_IDS, minutes=15).replace(*EQUAL_KEY)},
          [("docs/m1.md", 18, "items-key-position", W)],
          "docs/m1.md:18: [items-key-position] In the self-check questions, 5 of 10 single-answer"
          " keys (50 %) are shown in position 1 (1: 5, 2: 3, 3: 2): m1-q1, m1-q2, m1-q3, m1-q8, "
          "m1-q9. Change a listed question's id (new questions only) or add questions; the "
          "shuffle follows the id."),
]


ROLEPLAY_EXTRA_CASES: list[Case] = [  # role-play cards, live view, observer cues
    page("roleplay-cue-phase", "roleplay-cue-phase",
         vary(ROLEPLAY_PAGE, "  - when: If the therapist moves on\n",
              "  - when: If the therapist moves on\n    phase: Role play\n"),
         [(PAGE, 45, "roleplay-cue-phase", E)],
         "docs/page.md:45: [roleplay-cue-phase] Cue names phase 'Role play', which is not in the "
         "plan of role-play 'rp-quiet'. Copy the phase name exactly from the plan, or leave "
         "'phase:' out to show the cue in every phase."),
]

# ---- notebooks ------------------------------------------------------------------------------

NOTEBOOK_CASES = [
    course("notebook-format", "notebook-format",
           {"nb.ipynb": '{\n "cells": [\n  {"cell_type": "markdown",}\n ]\n}\n'},
           [("docs/nb.ipynb", 3, "notebook-format", E)],
           "docs/nb.ipynb:3: [notebook-format] The notebook is not valid JSON: Expecting property name "
           "enclosed in double quotes. Save the notebook again from Jupyter, or repair the JSON at the "
           "line shown."),
    course("notebook-metadata", "notebook-metadata",
           {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
            "nb.ipynb": '{\n "cells": [],\n "metadata": {\n  "coursekit": {"module": "m1", "minutes": '
                        '"ten", "reviewed": "2026-12-01"}\n },\n "nbformat": 4,\n "nbformat_minor": 5\n}\n'},
           [("docs/nb.ipynb", 4, "notebook-metadata", E)],
           "docs/nb.ipynb:4: [notebook-metadata] 'minutes' in the notebook's metadata must be a positive "
           "whole number, not 'ten'. Add to the notebook metadata: \"coursekit\": {\"module\": "
           "\"capstone\", \"minutes\": 25, \"reviewed\": \"2026-12-01\"}."),
]

# ---- the curriculum map and the LMS files (make dist) --------------------------------------

# A project make dist accepts: one module, a post-test, a built site, name and version.
DIST_PROJECT = {
    "docs/m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
    "docs/instructors/post.md": POSTTEST + POSTTEST_ITEM,
    "site/index.html": "<h1>Course</h1>",
    "pyproject.toml": '[project]\nname = "mini"\nversion = "1.0.0"\n',
}
HOST_SET = {"sponsor": "Riverside Couples Institute", "credit": "One hour.", "authors": "A. Author",
            "conflicts": "None.", "contact": "ce@example.org", "accommodation": "access@example.org",
            "grievance": "Write to the director.", "address": "12 River Road",
            "approval": "Approved by the board."}


def dist_project(drop: tuple[str, ...] = (), host: dict[str, str] | None = None,
                 **files: str) -> dict[str, str]:
    chosen = {k: v for k, v in DIST_PROJECT.items() if k not in drop}
    if host is not None:
        chosen["mkdocs.yml"] = "site_name: Mini\nextra:\n  host:\n" + "".join(
            f"    {key}: '{value}'\n" for key, value in host.items())
    return {**chosen, **{k.replace("__", "/").replace("_", "."): v for k, v in files.items()}}


def dist(id: str, rule: str, files: dict[str, str], expected: list[Row], message: str,
         *args: str) -> Case:
    return Case(id, rule, "dist", files, expected, message, args)


TOO_MANY = POSTTEST + vary(vary(POSTTEST_ITEM, "id: pt-1", "id: pt-many"), "options:\n",
                           "options:\n" + "".join(f"  - text: Option {n}.\n    rationale: Why {n}.\n"
                                                  for n in range(8)))  # 8 more: 11 in all
DIST_CASES = [
    course("curriculum-posttest", "curriculum-posttest",
           {"m1.md": module("m1", ("m1-o1", "m1-o2"), (("m1-q1", "m1-o1"), ("m1-q2", "m1-o2")), minutes=4),
            "instructors/post.md": POSTTEST + POSTTEST_ITEM},
           [("docs/m1.md", 10, "curriculum-posttest", E)],
           "docs/m1.md:10: [curriculum-posttest] No post-test question assesses objective 'm1-o2'. "
           "Add a post-test question whose 'objective:' is this objective's id."),
    dist("dist-docs", "dist-docs", dist_project(drop=("docs/m1.md", "docs/instructors/post.md")),
         [("docs", 1, "dist-docs", E)],
         "docs:1: [dist-docs] Not a folder. Give the course's docs folder, such as "
         "'python -m coursekit.dist docs/ dist/'."),
    dist("dist-version", "dist-version", dist_project(drop=("pyproject.toml",)),
         [("pyproject.toml", 1, "dist-version", E)],
         "pyproject.toml:1: [dist-version] No pyproject.toml here. Run make dist from the checkout, "
         "or pass --pyproject with the project's name and version."),
    dist("dist-posttest", "dist-posttest", dist_project(drop=("docs/instructors/post.md",)),
         [("docs", 1, "dist-posttest", E)],
         "docs:1: [dist-posttest] The course has no post-test page, so there is nothing to export. "
         "Keep exactly one page with 'posttest: true' in its front matter, under docs/instructors/."),
    dist("dist-options", "dist-options", dist_project(docs__instructors__post_md=TOO_MANY),
         [("docs/instructors/post.md", 8, "dist-options", E),
          ("docs/instructors/post.md", 12, "question-option-count", E)],
         "docs/instructors/post.md:8: [dist-options] Question 'pt-many' has 11 options; the SCORM "
         "player takes at most 10. Give the question at most 10 options (the course's own rule "
         "allows 3 to 6)."),
    dist("dist-suspend-data", "dist-suspend-data", dist_project(),
         [("docs/instructors/post.md", 1, "dist-suspend-data", E)],
         "docs/instructors/post.md:1: [dist-suspend-data] Saved progress for this post-test could "
         "take 4,097 characters; SCORM 1.2 keeps 4,096. Split the bank into two post-tests, or give "
         "its questions fewer options.", "--attempts", "1" + "0" * 4070),  # a 4,071-digit count
    dist("dist-config", "dist-config", dist_project(), [("--attempts", 1, "dist-config", E)],
         "--attempts:1: [dist-config] Attempts must be 0 (no limit) or more, not -2. Use make dist "
         "SCORM_ATTEMPTS=0 (no limit) or more, SCORM_FEEDBACK=final, each or never, and a pass_mark "
         "from 1 to 100.", "--attempts", "-2"),
    dist("dist-site", "dist-site", dist_project(site__instructors__post_html='<p id="pt-1"></p>'),
         [("site/instructors/post.html", 1, "dist-site", E)],
         "site/instructors/post.html:1: [dist-site] This file shows post-test item 'pt-1': only the "
         "learner edition may go into the SCORM package. Build the learner edition with 'mkdocs "
         "build --strict -d FOLDER' (mkdocs.yml, not mkdocs.instructor.yml) and pass that folder "
         "with --site."),
    dist("release-host", "release-host", dist_project(host={**HOST_SET, "approval": ""}),
         # The certificate shows the field as unset: that is not reported again as placeholder text.
         [("mkdocs.yml", 12, "release-host", E)],
         "mkdocs.yml:12: [release-host] extra.host.approval (Approval statement) is not set; a "
         "released course shows every program field. Fill in the field under extra.host in "
         "mkdocs.yml; the hosting guide says what each one holds.", "--release"),
    dist("release-placeholder", "release-placeholder",
         dist_project(host={**HOST_SET, "address": "TBD"}),
         [("mini-1.0.0-certificate.html", 26, "release-placeholder", E)],
         "mini-1.0.0-certificate.html:26: [release-placeholder] 'TBD' is placeholder text. Replace "
         "the placeholder in the source it comes from (usually extra.host in mkdocs.yml), then run "
         "make dist RELEASE=1 again.", "--release"),
]

CASES = (SYNTAX_CASES + MODULE_CASES + QUESTION_CASES + ROLEPLAY_CASES + DATA_CASES
         + INPUT_CASES + HTML_CASES + ITEM_CASES + ROLEPLAY_EXTRA_CASES + NOTEBOOK_CASES + DIST_CASES)


def run(case: Case, tmp_path: Path) -> list[Diagnostic]:
    if case.scope == "dist":
        write_docs(tmp_path, case.files)
        with contextlib.chdir(tmp_path):
            return sort_diagnostics(plan(["docs", "dist", "--site", "site", *case.args]).found)
    if case.scope == "page":
        _, found = parse_page(PAGE, "page.md", case.files["page.md"])
        return sort_diagnostics(found)
    if case.scope == "bibliography":
        _, found = parse_bibliography("docs/_data/bibliography.yml",
                                      case.files["_data/bibliography.yml"])
        return sort_diagnostics(found)
    if case.scope == "items":
        loaded = load_course(write_docs(tmp_path / "docs", case.files), "docs")
        return sort_diagnostics(loaded.diagnostics + check_items(loaded))
    if case.scope == "glossary":
        _, found = parse_glossary("docs/_data/glossary.yml", case.files["_data/glossary.yml"])
        return sort_diagnostics(found)
    if case.scope == "latin-1":
        for rel, text in case.files.items():
            (tmp_path / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / "docs" / rel).write_bytes(text.encode("latin-1"))
        return load_course(tmp_path / "docs", "docs").diagnostics
    return load_course(write_docs(tmp_path / "docs", case.files), "docs").diagnostics


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule(case: Case, tmp_path: Path) -> None:
    found = run(case, tmp_path)
    assert rows(found) == case.expected
    assert case.message in [d.format() for d in found]


def test_every_rule_has_a_case() -> None:
    assert {case.rule for case in CASES} == set(RULES)


def test_every_case_exercises_its_own_rule() -> None:
    for case in CASES:
        assert case.rule in {row[2] for row in case.expected}, case.id
        assert f"[{case.rule}]" in case.message, case.id


def test_case_ids_are_unique() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("rule", sorted(RULES))
def test_rule_table_entry_is_complete(rule: str) -> None:
    import re

    from coursekit import rules as table

    entry = RULES[rule]
    # The id is what authors search for in the guide: lowercase words joined by hyphens.
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", entry.id), entry.id
    assert entry.severity in (Severity.ERROR, Severity.WARNING)
    for sentence in (entry.catches, entry.fix):  # both are printed as sentences in the guide
        assert not sentence[0].islower() and sentence.endswith(".") and len(sentence.split()) >= 3, sentence
    assert entry.fix != entry.catches
    # A diagnostic of this rule carries its id and severity and ends with its fix.
    found = table.diagnostic(rule, "docs/page.md", 3, "Detail.")
    assert (found.rule, found.severity, found.line) == (rule, entry.severity, 3)
    assert found.message == f"Detail. {entry.fix}"


def test_no_rule_id_is_declared_twice() -> None:
    """RULES is built by a comprehension, which would silently keep only the last of two ids."""
    import ast
    import inspect

    from coursekit import rules as table

    declared = [node.args[0].value for node in ast.walk(ast.parse(inspect.getsource(table)))
                if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Rule"
                and node.args and isinstance(node.args[0], ast.Constant)]
    assert len(declared) == len(RULES)
    assert sorted(declared) == sorted(RULES)


# ---- the fixtures the cases vary are themselves clean -------------------------------------


def test_bases_are_clean() -> None:
    for source in (QUESTION_PAGE, ROLEPLAY_PAGE, MODULE_HEAD):
        _, found = parse_page(PAGE, "page.md", source)
        assert found == []


def test_clean_course_has_no_diagnostics(tmp_path: Path) -> None:
    files = {
        "m1.md": CITING_MODULE,
        "m2.md": module("m2", ("m2-o1", "m2-o2"), (("m2-q1", "m2-o1"), ("m2-q2", "m2-o2")), minutes=4),
        "rp.md": ROLEPLAY_PAGE,
        "agenda.md": vary(vary(vary(AGENDA_PAGE, "minutes: 30", "minutes: 90"), "  - module: m9\n", ""),
                          "roleplay: rp-none", "roleplay: rp-quiet"),
        "_data/bibliography.yml": BIBLIOGRAPHY,
        "_data/glossary.yml": "- term: Attunement\n  forms: [attunement]\n  definition: Noticing.\n",
    }
    loaded = load_course(write_docs(tmp_path / "docs", files), "docs")
    assert loaded.diagnostics == []
    assert [m.id for m in loaded.modules] == ["m1", "m2"]
    assert loaded.total_minutes == 6


def test_the_yaml_of_each_base_is_a_mapping() -> None:
    body = QUESTION_PAGE.split("```question\n")[1].split("```")[0]
    assert sorted(load_yaml(body)) == ["id", "objective", "options", "prompt", "type"]


def test_unknown_question_source_is_reported_on_its_own_line(tmp_path: Path) -> None:
    files = {"m1.md": vary(CITING_MODULE, "    rationale: It invites defence.",
                           "    rationale: It invites defence.\nsource: nobody2020"),
             "_data/bibliography.yml": BIBLIOGRAPHY}
    found = load_course(write_docs(tmp_path / "docs", files), "docs").diagnostics
    # The question's fence is line 18; `source: nobody2020` is line 30.
    assert rows(found) == [("docs/m1.md", 30, "citation-unknown", E)]


# ---- reading-time arithmetic ------------------------------------------------------------------


@pytest.mark.parametrize(("estimate", "declared", "accepted"), [
    (Estimate(words=1300, questions=0, reflections=0), 10, True),   # exactly the estimate
    (Estimate(words=1300, questions=0, reflections=0), 12, True),   # +20%: the edge is allowed
    (Estimate(words=1300, questions=0, reflections=0), 8, True),    # -20%
    (Estimate(words=1300, questions=0, reflections=0), 13, False),  # +30%
    (Estimate(words=1300, questions=0, reflections=0), 7, False),   # -30%
    (Estimate(words=650, questions=2, reflections=1), 11, True),    # 5 + 3 + 3
], ids=["equal", "plus-20", "minus-20", "plus-30", "minus-30", "questions-and-reflections"])
def test_reading_time_tolerance(estimate: Estimate, declared: int, accepted: bool) -> None:
    assert estimate.allows(declared) is accepted


def test_some_whole_number_of_minutes_is_always_accepted() -> None:
    impossible = [
        (words, questions)
        for words in range(0, 400, 5) for questions in range(4)
        if (words or questions)
        and not any(Estimate(words, questions, 0).allows(m) for m in range(1, 100))
    ]
    assert impossible == []
