"""The one table of rules: ids, severities and how to fix each.

Checks build messages from this table, and the authoring guide's rule list is generated from
it, so the errors an author sees and the documentation cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import Diagnostic, Severity


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    catches: str
    fix: str


E, W = Severity.ERROR, Severity.WARNING

RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in [
        # Any block or front matter
        Rule("yaml-syntax", E, "YAML that cannot be parsed.",
             "Check the indentation, and quote text that contains ': ' or starts with a quote."),
        Rule("yaml-shape", E, "A block or field that is not the kind of YAML value expected.",
             "Write the block as 'key: value' lines; lists as '- item' lines."),
        Rule("unknown-key", E, "A key the format does not define, usually a typo.",
             "Use one of the keys listed in the authoring guide."),
        Rule("duplicate-key", E, "The same key twice in one mapping; YAML would keep only the last.",
             "Delete or rename one of them."),
        Rule("missing-key", E, "A required key that is absent or empty.",
             "Add the key with a value."),
        Rule("wrong-type", E, "A value of the wrong type, such as text where a number belongs.",
             "Write the value in the form the authoring guide shows."),
        Rule("unclosed-block", E, "A question or role-play fence that is never closed.",
             "Close the block with a line holding only the same fence (```)."),
        Rule("block-indented", E, "A question or role-play block that is indented or nested.",
             "Start the fence at the beginning of a line, outside lists and admonitions."),
        Rule("front-matter", E, "Front matter that is not closed by a '---' line.",
             "End the front matter with a line holding only '---'."),
        Rule("instructor-note-nested", E,
             "An instructor note inside a list or another admonition, which the learner edition "
             "could not strip.",
             "Start '!!! instructor' at the beginning of a line, outside lists and admonitions."),
        Rule("unsafe-html", E,
             "<script>, <iframe>, on...= event attributes or javascript: URLs in course text.",
             "Remove it: course text is shown as text, and scripts are never allowed."),
        # Module pages
        Rule("module-id", E, "A module id that is malformed or used by two pages.",
             "Give each module a unique id such as 'm2' (lower case, digits, hyphens)."),
        Rule("module-minutes", E, "Declared minutes that are missing, not a whole number or not positive.",
             "Write 'minutes: 45'."),
        Rule("module-reviewed", E, "A last-reviewed date that is missing or not a date.",
             "Write 'reviewed: 2026-11-26' (YYYY-MM-DD)."),
        Rule("module-level", E, "A level other than Introductory, Intermediate or Advanced.",
             "Write 'level: Introductory', 'level: Intermediate' or 'level: Advanced'."),
        Rule("module-unknown", E, "A module part page whose 'module:' names no module page.",
             "Use the id from the module's first page, such as 'module: m3'."),
        Rule("objective-id", E, "An objective id that is malformed or declared twice.",
             "Give each objective a unique id that starts with its module id, such as 'm2-o3'."),
        Rule("objective-verb", E,
             "An objective phrased with 'understand', 'know', 'learn', 'appreciate' or 'be aware of'.",
             "Use an observable verb: describe, identify, distinguish, demonstrate, plan."),
        Rule("objective-unassessed", E, "An objective that no self-check question assesses.",
             "Add a question with 'objective:' set to this id."),
        Rule("reading-time", W, "Declared minutes far from the estimate (words, questions, reflections).",
             "Change 'minutes:' to about the estimate, or change the content."),
        # Questions
        Rule("question-id", E, "A question id that is malformed or used twice anywhere in the course.",
             "Give each question a unique id in lower case with hyphens, such as 'm2-split-sides'."),
        Rule("question-outside-module", E, "A question on a page that belongs to no module.",
             "Move the question to a module page, or give the page 'module:' front matter."),
        Rule("question-objective", E, "A question whose objective is not declared by its module.",
             "Set 'objective:' to one of the module's objective ids."),
        Rule("question-type", E, "A question type other than single or multiple.",
             "Write 'type: single' or 'type: multiple'."),
        Rule("question-option-count", E, "Fewer than 3 or more than 6 options.",
             "Give the question between 3 and 6 options."),
        Rule("question-no-correct", E, "A question with no correct option.",
             "Mark the right option with 'correct: true'."),
        Rule("question-several-correct", E, "A single-answer question with more than one correct option.",
             "Leave one option correct, or write 'type: multiple'."),
        Rule("question-duplicate-option", E, "Two options with the same text.",
             "Make every option's text different."),
        Rule("question-missing-rationale", E, "An option without a rationale.",
             "Add 'rationale:' saying why the option is right, or why it is tempting and wrong."),
        # Role-plays
        Rule("roleplay-id", E, "A role-play or role id that is malformed or used twice.",
             "Give each role-play a unique id such as 'rp-repair', and each role a unique id."),
        Rule("roleplay-setting", E, "A setting other than room or video.",
             "Write 'setting: room' or 'setting: video'."),
        Rule("roleplay-objective", E, "A role-play objective that no module declares.",
             "Use objective ids from the modules' front matter, such as 'm1-o2'."),
        Rule("roleplay-minutes", E, "Phase minutes that do not add up to the role-play's total.",
             "Make the 'plan' minutes sum to 'minutes'."),
        Rule("roleplay-roles", E, "A cast without one therapist, at least two partners and an observer.",
             "Declare roles with 'kind: therapist', 'kind: partner' (two) and 'kind: observer'."),
        Rule("roleplay-brief", E, "A role without a brief, or a partner without an 'unspoken' part.",
             "Give every role a 'brief:' and every partner an 'unspoken:'."),
        Rule("roleplay-speaker", E, "An opening line whose speaker is not a declared role.",
             "Set 'speaker:' to one of the role ids."),
        Rule("roleplay-checklist", E,
             "An observer checklist item tied to an objective the role-play does not serve, "
             "or a served objective with no checklist item.",
             "Tie each checklist item to one of the role-play's objectives, and cover them all."),
        # Citations and data files
        Rule("posttest-location", E, "A post-test page outside docs/instructors/, which would "
             "publish its answer key on the learner site.",
             "Move the post-test page into docs/instructors/."),
        Rule("posttest-size", E, "A post-test with fewer than 6 questions per credit hour.",
             "Add questions: about 6 to 8 for each hour of the course's declared time."),
        Rule("posttest-coverage", E, "A module that no post-test question assesses.",
             "Add a post-test question whose 'objective:' belongs to that module."),
        Rule("citation-unknown", E, "A citation key that is not in the bibliography.",
             "Use a key from docs/_data/bibliography.yml, or add the verified source there."),
        Rule("citation-unused", W, "A bibliography entry that no page cites.",
             "Cite it where the course relies on it, or remove it from the bibliography."),
        Rule("bibliography-entry", E, "A bibliography entry without its in-text form, year or reference.",
             "Give the entry 'cite:', 'year:' and 'reference:'."),
        Rule("glossary-entry", E, "A glossary entry without a term or definition, or a form listed twice.",
             "Give each entry 'term:', 'forms:' and 'definition:', each form under one term only."),
        Rule("agenda-fit", E, "A workshop agenda whose blocks do not fit its declared length.",
             "Shorten or remove blocks, or change the agenda's 'minutes'."),
        Rule("agenda-unknown", E, "An agenda block that names an unknown module or role-play.",
             "Use a module id (m1) or role-play id (rp-im-fine) that exists."),
        # Bad input: encodings, limits, citations syntax, block placement, nav and links
        # Author HTML: the allowlist
        # Item writing (Haladyna, Downing & Rodriguez, 2002)
        # Role-plays: cards, live view, observer cues
    ]
}

VAGUE_VERBS = ("understand", "know", "learn", "appreciate", "be aware of")


def diagnostic(rule_id: str, path: str, line: int, detail: str) -> Diagnostic:
    """A diagnostic whose message is the specific detail plus the rule's fix."""
    rule = RULES[rule_id]
    return Diagnostic(path, line, rule.id, f"{detail} {rule.fix}", rule.severity)
