"""Small post-test questions that the LMS export tests (QTI, SCORM) hand to the exporters.

Built the way the parser builds them, so each suite states only the wording it tests: the QTI
suite words pt-1's third option with markup characters to check escaping, the SCORM suite plainly.
"""

from __future__ import annotations

from coursekit.model import Option, Question

# (text, correct, rationale) of one option, numbered from 1 in the order given.
OptionRow = tuple[str, bool, str]


def make_question(id: str, objective: str, type: str, prompt: str, *options: OptionRow) -> Question:
    return Question(
        id=id, objective=objective, type=type, prompt=prompt,
        options=tuple(Option(text, correct, why, n) for n, (text, correct, why) in enumerate(options, 1)),
        source=None, line=1,
    )


def single(third: OptionRow) -> Question:
    """pt-1, one right answer; `third` is the wrong option each suite words for what it checks."""
    return make_question("pt-1", "m1-o1", "single", "Which reply *attunes* to the cue?",
                         ("Name the cue.", True, "It opens a door."),
                         ("Move on.", False, "It misses the cue."),
                         third)


MULTIPLE = make_question(
    "pt-2", "m2-o4", "multiple", "Which belong in screening?",
    ("Individual time with each partner.", True, "Safety to speak."),
    ("A joint confrontation.", False, "Could raise the risk."),
    ("Questions about fear at home.", True, "Names the risk."),
    ("A shared homework sheet.", False, "Both partners read it."),
)
