"""One golden case per rule in coursekit.rules.RULES: source in, exact diagnostics out.

Each case names the rule it exercises, gives a tiny source (a page, a whole docs folder, or a
data file) and lists every diagnostic it must produce as (path, line, rule, severity), plus the
exact text an author sees for the case's own rule. Lines are the source file's, front matter
counted. A rule added to the table without a case here fails `test_every_rule_has_a_case`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from coursetext import (
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
from coursekit.parse import parse_page
from coursekit.rules import RULES
from coursekit.yamlsrc import load_yaml

E, W = "error", "warning"
PAGE = "docs/page.md"


@dataclass(frozen=True)
class Case:
    """`files` maps docs-relative paths to text. Scope "page" parses page.md alone with
    parse_page; "course" loads the folder with load_course; "bibliography" and "glossary"
    parse that one data file."""

    id: str
    rule: str
    scope: str
    files: dict[str, str]
    expected: list[Row]
    message: str  # the exact `path:line: [rule] message` for the case's own rule

POSTTEST = "---\ntitle: Post-test\nposttest: true\n---\n\n# Post-test\n\n"


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
    page("unsafe-html", "unsafe-html",
         vary(QUESTION_PAGE, "prompt: Which response is attuned?",
              "prompt: Which <script>alert(1)</script> is attuned?"),
         [(PAGE, 11, "unsafe-html", E)],
         "docs/page.md:11: [unsafe-html] Found a <script> tag. Remove it: course text is shown as "
         "text, and scripts are never allowed."),
    page("instructor-note-nested", "instructor-note-nested",
         "---\ntitle: T\n---\n\n# T\n\n- A list item\n\n    !!! instructor\n        Secret.\n",
         [(PAGE, 9, "instructor-note-nested", E)],
         "docs/page.md:9: [instructor-note-nested] An instructor note is nested inside a list or "
         "another block. Start '!!! instructor' at the beginning of a line, outside lists and "
         "admonitions."),
    page("unsafe-html-prose", "unsafe-html",
         "---\ntitle: T\n---\n\n# T\n\nSee <img src=x onerror=alert(1)> and `<script>` in code.\n",
         [(PAGE, 7, "unsafe-html", E)],
         "docs/page.md:7: [unsafe-html] Found an on...= event attribute. Remove it: course text is "
         "shown as text, and scripts are never allowed."),
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
            "post.md": POSTTEST + question_block("pt-1", "m1-o1")},
           [("docs/post.md", 1, "posttest-location", E)],
           "docs/post.md:1: [posttest-location] Post-test page 'post.md' is outside instructors/. "
           "Move the post-test page into docs/instructors/."),
    course("posttest-size", "posttest-size",
           {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
            "instructors/post.md": POSTTEST},
           [("docs/instructors/post.md", 1, "posttest-coverage", E),
            ("docs/instructors/post.md", 1, "posttest-size", E)],
           "docs/instructors/post.md:1: [posttest-size] The post-test has 0 questions; 0.0 credit "
           "hours need at least 1. Add questions: about 6 to 8 for each hour of the course's "
           "declared time."),
    course("posttest-coverage", "posttest-coverage",
           {"m1.md": module("m1", ("m1-o1",), (("m1-q1", "m1-o1"),)),
            "m2.md": module("m2", ("m2-o1",), (("m2-q1", "m2-o1"),)),
            "instructors/post.md": POSTTEST + question_block("pt-1", "m1-o1")},
           [("docs/instructors/post.md", 1, "posttest-coverage", E)],
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
AGENDA_PAGE = """\
---
title: Agendas
---

# Agendas

```agenda
id: short
title: Short workshop
minutes: 30
blocks:
  - module: m1
  - activity: Welcome
    minutes: 40
  - module: m9
  - roleplay: rp-none
    minutes: 5
```
"""

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
INPUT_CASES: list[Case] = []  # bad input: encodings, limits, citation syntax, placement, links
HTML_CASES: list[Case] = []  # author HTML through the allowlist
ITEM_CASES: list[Case] = []  # item-writing checks
ROLEPLAY_EXTRA_CASES: list[Case] = []  # role-play cards, live view, observer cues

CASES = (SYNTAX_CASES + MODULE_CASES + QUESTION_CASES + ROLEPLAY_CASES + DATA_CASES
         + INPUT_CASES + HTML_CASES + ITEM_CASES + ROLEPLAY_EXTRA_CASES)


def run(case: Case, tmp_path: Path) -> list[Diagnostic]:
    if case.scope == "page":
        _, found = parse_page(PAGE, "page.md", case.files["page.md"])
        return sort_diagnostics(found)
    if case.scope == "bibliography":
        _, found = parse_bibliography("docs/_data/bibliography.yml",
                                      case.files["_data/bibliography.yml"])
        return sort_diagnostics(found)
    if case.scope == "glossary":
        _, found = parse_glossary("docs/_data/glossary.yml", case.files["_data/glossary.yml"])
        return sort_diagnostics(found)
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
    entry = RULES[rule]
    assert entry.id == rule
    assert entry.severity in (Severity.ERROR, Severity.WARNING)
    assert entry.catches.endswith(".") and entry.fix.endswith(".")


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
