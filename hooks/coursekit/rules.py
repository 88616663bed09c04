"""The one table of rules: ids, severities and how to fix each.

Checks build messages from this table, and the authoring guide's rule list is generated from
it, so the errors an author sees and the documentation cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import Diagnostic, Severity
from .limits import clip


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
        Rule("glossary-duplicate", E, "Two glossary entries for one term (letter case aside): "
             "the glossary page would show it twice under one anchor.",
             "Merge the two entries into one, or rename one of the terms."),
        Rule("glossary-module", E, "A glossary term whose 'module:' names no module: its "
             "'Taught in' link would silently go.",
             "Set 'module:' to the id of the module that teaches the term (m1, capstone, ...), as "
             "in that module's front matter, or leave the key out."),
        Rule("agenda-fit", E, "A workshop agenda whose blocks do not fit its declared length.",
             "Shorten or remove blocks, or change the agenda's 'minutes'."),
        Rule("agenda-unknown", E, "An agenda block that names an unknown module or role-play.",
             "Use a module id (m1) or role-play id (rp-im-fine) that exists."),
        # Bad input: encodings, limits, citations syntax, block placement, nav and links
        Rule("file-encoding", E, "A page or data file that is not valid UTF-8.",
             "Save the file with the UTF-8 encoding (most editors: Save with Encoding), then "
             "check the characters on that line."),
        Rule("file-too-large", E,
             "A page or data file over 2,000,000 bytes, or a paragraph with more than 300 of "
             "'[', '<', '`' and '*', which would stall the build.",
             "Split the page, or break the paragraph with blank lines."),
        Rule("yaml-limit", E,
             "YAML nested more than 50 deep, expanding past 20,000 values through aliases, or an "
             "alias that contains itself.",
             "Write the value out plainly: course YAML needs only a few levels and no aliases."),
        Rule("citation-syntax", E,
             "A citation that is empty, never closed, or has items without ';' between them or "
             "text after a key that is not a locator.",
             "Write [@key], [@key, p. 12] or [@key1; @key2]."),
        Rule("admonition-spelling", E,
             "An instructor, reflection, vignette or key-points admonition written another way "
             "(capitals, no space, indented 1-3 spaces, ??? or ???+, or inside an HTML block), "
             "which the engine would not treat as one.",
             "Write it as '!!! type \"Title\"' in lower case, such as '!!! instructor \"For "
             "instructors\"', at the start of a line and outside HTML blocks."),
        Rule("admonition-type", E,
             "An admonition whose type is neither one of the course's (instructor, reflection, "
             "vignette, keypoints, objectives) nor one of Material's (note, tip, warning, "
             "danger and the others): it would show as a plain note.",
             "Use a type the course styles (vignette, reflection, keypoints, instructor) or one "
             "of Material's (note, tip, warning, danger, ...); a new type needs its colour and "
             "icon in course.css and its name in coursekit.inputs.KNOWN_TYPES."),
        Rule("block-placement", E,
             "A second roleplay block on a page, or a roleplay block on a module, module-part or "
             "post-test page.",
             "Give each role-play its own page with a title and no module front matter."),
        Rule("block-generated", E,
             "A progress or continue block written twice on a page, or with text inside.",
             "Write it once, as an empty fenced block: the opening fence, then ``` on the next line."),
        Rule("host-field", E,
             "A value under extra.host in mkdocs.yml that is not text, or a key the course does not show.",
             "Write each field as text under one of the names the Course information page lists, "
             "such as 'address: 12 Elm Street, Springfield'."),
        Rule("nav-missing", E,
             "A page that the nav in mkdocs.yml does not list, which MkDocs --strict refuses.",
             "Add the page to 'nav:' in mkdocs.yml, or move it under docs/instructors/."),
        Rule("link-broken", E, "A relative link or image whose target is not in docs/.",
             "Link to an existing file, relative to this page, such as ../glossary.md."),
        Rule("link-anchor", E, "A link to a #anchor that the target page does not have.",
             "Use the heading's anchor as the page shows it (lower case, hyphens), or fix the "
             "heading."),
        Rule("count-typed", E,
             "A count typed in prose (\"36 questions\", \"six modules\") on a course page "
             "(docs/*.md, docs/instructors/*.md) where the engine knows the number.",
             "Write the placeholder instead, such as {{ course.modules }} or "
             "{{ course.roleplays | words }}, so the number follows the course."),
        Rule("module-list", E,
             "A numbered list of modules (items opening with a bold module title) that leaves one "
             "out or changes their order.",
             "List every module in course order, each item opening with its **title**, or use a "
             "generated syllabus block."),
        Rule("placeholder-unknown", E, "A {{ placeholder }} the engine has no value for.",
             "Use one of the placeholders the authoring guide lists, such as "
             "{{ posttest.questions }}."),
        # Author HTML: the allowlist
        Rule("unsafe-html", E,
             "Raw HTML outside the allowlist in any course text or title: a tag such as <script>, "
             "<svg> or <iframe>, an attribute such as onerror= or style=, an attribute list "
             "{: ... } setting more than #id, .class, lang or dir, or such markup spelled with "
             "character references (&lt;...&gt;).",
             "Use Markdown instead, or only the tags and attributes listed under 'What HTML "
             "course text may use' in the authoring guide; show markup as text inside `code`."),
        Rule("unsafe-url", E,
             "A link, image or href/src whose scheme is not http, https or mailto (javascript:, "
             "data:, vbscript: ...), after character references and spaces are removed; or an "
             "image loaded from outside the course.",
             "Link with https://, http:// or mailto:, or a relative path to a page or file of "
             "the course; give an image as a relative path."),
        Rule("bibliography-key", E, "A bibliography key with characters other than lower-case "
             "letters, digits and hyphens (the key becomes an HTML id).",
             "Rename the key, for example 'reis1988' or 'gottman-silver2015', and its citations."),
        # Item writing (Haladyna, Downing & Rodriguez, 2002)
        Rule("item-all-none", E, "An option reading 'all of the above', 'none of the above' or "
             "'A and B'.",
             "Replace it with a distractor that is a mistake a trainee really makes: learners can "
             "rule such an option in or out with partial knowledge."),
        Rule("item-key-longest", W, "A key more than 25 % and at least 15 characters longer than "
             "every distractor (multiple answer: the mean key against the mean distractor).",
             "Shorten the key or give the distractors the same detail, so the options are about "
             "equal in length."),
        Rule("item-stem-clue", W, "Two or more content words of the stem that appear in the key "
             "and in no distractor.",
             "Reword the key, or use those words in a distractor too, so matching words to the "
             "stem does not find the answer."),
        Rule("item-copies-page", W, "An option that repeats a run of 8 or more words from its "
             "page's prose (post-test: from any module page).",
             "Write the option so it applies the idea to a new situation instead of repeating "
             "the page."),
        Rule("item-absolute-distractor", W, "'always', 'never', 'only', 'every' or 'none' in "
             "distractors and in no key.",
             "Drop the absolute word, or give a key one too, so learners cannot rule options out "
             "by their wording."),
        Rule("item-negative-stem", E, "A question asked with NOT, EXCEPT or LEAST that is not "
             "emphasised.",
             "Ask the question positively, or emphasise the word as **not** or NOT."),
        Rule("item-multiple-balance", W, "A multiple-answer question with only one correct option "
             "or fewer than 2 incorrect options.",
             "Give it at least 2 correct and 2 incorrect options, or write it as 'type: single'."),
        Rule("items-key-longest-share", W, "A question set in which more than 40 % of the "
             "single-answer keys are the longest option.",
             "Rewrite the listed questions so a distractor is the longest option in more of them."),
        Rule("items-correct-count-spread", W, "A question set whose multiple-answer questions "
             "(3 or more) all have the same number of correct options.",
             "Vary the number of correct options: some 2, some 3."),
        Rule("items-posttest-overlap", W, "A post-test question whose prompt or key is "
             "near-identical to a self-check question's.",
             "Write the post-test question about a new situation, so it tests the idea and not "
             "memory of the self-check."),
        Rule("items-key-position", W, "A question set in which one display position holds more "
             "than 40 % of the single-answer keys after the build's shuffle.",
             "Change a listed question's id (new questions only) or add questions; the shuffle "
             "follows the id."),
        Rule("objective-skill-observed", E, "A skill objective ('Demonstrate', 'Reframe', "
             "'Structure', 'Evaluate your own' ...) that no role-play observer checklist item "
             "assesses: a home-study question cannot observe a skill.",
             "Tie an observer checklist item of a role-play to it, or reword it with a verb a "
             "question can test (identify, describe, plan)."),
        # Role-plays: cards, live view, observer cues
        # Notebooks
        Rule("notebook-format", E, "A .ipynb file that is not a notebook: invalid JSON or no list of cells.",
             "Save the notebook again from Jupyter, or repair the JSON at the line shown."),
        Rule("notebook-metadata", E,
             "A notebook whose 'coursekit' metadata (module, minutes, reviewed: what makes it part "
             "of a module) is not a mapping or holds a wrong value.",
             'Add to the notebook metadata: "coursekit": {"module": "capstone", "minutes": 25, '
             '"reviewed": "2026-12-01"}.'),
        Rule("roleplay-cue-phase", E, "A cue whose 'phase:' is not the name of a phase in the plan.",
             "Copy the phase name exactly from the plan, or leave 'phase:' out to show the cue in "
             "every phase."),
        # Curriculum map (every build) and the LMS files (`make dist`, `python -m coursekit.dist`)
        Rule("curriculum-posttest", E, "A learning objective that no post-test question assesses, "
             "so the curriculum map shows it as missing (the self-check half is objective-unassessed).",
             "Add a post-test question whose 'objective:' is this objective's id."),
        Rule("dist-docs", E, "A docs folder given to make dist that is not a folder.",
             "Give the course's docs folder, such as 'python -m coursekit.dist docs/ dist/'."),
        Rule("dist-version", E, "No pyproject.toml beside the docs folder, so the files cannot be "
             "named with the course's version.",
             "Run make dist from the checkout, or pass --pyproject with the project's name and version."),
        Rule("dist-posttest", E, "A course with no post-test page, or with more than one (the SCORM "
             "package holds one).",
             "Keep exactly one page with 'posttest: true' in its front matter, under docs/instructors/."),
        Rule("dist-options", E, "A post-test question with more options than the SCORM player keeps "
             "(10).",
             "Give the question at most 10 options (the course's own rule allows 3 to 6)."),
        Rule("dist-suspend-data", E, "A post-test whose saved progress could pass SCORM 1.2's 4,096 "
             "characters of cmi.suspend_data.",
             "Split the bank into two post-tests, or give its questions fewer options."),
        Rule("dist-config", E, "A SCORM player setting out of range (attempts below 0, a pass mark "
             "outside 1 to 100, an unknown feedback mode).",
             "Use make dist SCORM_ATTEMPTS=0 (no limit) or more, SCORM_FEEDBACK=final, each or never, "
             "and a pass_mark from 1 to 100."),
        Rule("dist-site", E, "A site for the SCORM package that is missing or shows a post-test item "
             "(it is not the learner edition).",
             "Build the learner edition with 'mkdocs build --strict -d FOLDER' (mkdocs.yml, not "
             "mkdocs.instructor.yml) and pass that folder with --site."),
        Rule("release-host", E, "In a release (make dist RELEASE=1), an extra.host field of mkdocs.yml "
             "that is not set.",
             "Fill in the field under extra.host in mkdocs.yml; the hosting guide says what each one "
             "holds."),
        Rule("release-placeholder", E, "In a release, placeholder text (TODO, TBD, FIXME, lorem ipsum, "
             "'Not yet set by the hosting program') in a file make dist writes.",
             "Replace the placeholder in the source it comes from (usually extra.host in mkdocs.yml), "
             "then run make dist RELEASE=1 again."),
    ]
}

VAGUE_VERBS = ("understand", "know", "learn", "appreciate", "be aware of")


def diagnostic(rule_id: str, path: str, line: int, detail: str) -> Diagnostic:
    """A diagnostic whose message is the specific detail plus the rule's fix."""
    rule = RULES[rule_id]
    # Author values in a detail are quoted short, so no message can grow with its input.
    return Diagnostic(path, line, rule.id, f"{clip(detail)} {rule.fix}", rule.severity)
