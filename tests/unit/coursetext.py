"""Small, valid course sources that the unit tests vary one line at a time.

Each source is written out in full, with its line numbers, so an expected diagnostic's line can
be checked by eye. `vary(base, old, new)` swaps exactly one occurrence of `old`, failing loudly
when `old` is missing or ambiguous, so a case cannot silently test the unchanged base.
"""

from __future__ import annotations

from pathlib import Path

from coursekit.diagnostics import Diagnostic

# (path, line, rule, severity) in the order the engine sorts them.
Row = tuple[str, int, str, str]


def vary(base: str, old: str, new: str) -> str:
    count = base.count(old)
    assert count == 1, f"{old!r} occurs {count} times in the base source"
    return base.replace(old, new)


def rows(diagnostics: list[Diagnostic]) -> list[Row]:
    return [(d.path, d.line, d.rule, str(d.severity)) for d in diagnostics]


def write_docs(root: Path, files: dict[str, str]) -> Path:
    """Write `files` (docs-relative path -> text) under `root` and return `root`."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


# A page with one valid question. Lines:
#  1 ---                        8 id: m1-q              14     correct: true
#  2 title: Questions           9 objective: m1-o1      15     rationale: It opens a door.
#  3 ---                       10 type: single          16   - text: Move on.
#  4                           11 prompt: Which ...     17     rationale: It misses the cue.
#  5 # Questions               12 options:              18   - text: Accuse.
#  6                           13   - text: Name ...    19     rationale: It invites defence.
#  7 ```question                                        20 ```
QUESTION_PAGE = """\
---
title: Questions
---

# Questions

```question
id: m1-q
objective: m1-o1
type: single
prompt: Which response is attuned?
options:
  - text: Name the cue.
    correct: true
    rationale: It opens a door.
  - text: Move on.
    rationale: It misses the cue.
  - text: Accuse.
    rationale: It invites defence.
```
"""

# The front matter of a module page. Lines:
#  1 ---            5 level: Introductory     9     text: Describe the quiet cue.
#  2 id: m1         6 reviewed: 2026-01-15   10 ---
#  3 title: ...     7 objectives:            11
#  4 minutes: 5     8   - id: m1-o1          12 # Module one
MODULE_HEAD = """\
---
id: m1
title: Module one
minutes: 5
level: Introductory
reviewed: 2026-01-15
objectives:
  - id: m1-o1
    text: Describe the quiet cue.
---

# Module one
"""

# A page with one valid role-play. Lines:
#  1 ---                     19     minutes: 10                37   - id: observer
#  2 title: The quiet cue    20   - phase: Debrief             38     kind: observer
#  3 ---                     21     minutes: 15                39     name: Observer
#  4                         22 roles:                         40     brief: Note each cue.
#  5 # The quiet cue         23   - id: therapist              41 opening:
#  6                         24     kind: therapist            42   - speaker: amara
#  7 ```roleplay             25     name: Therapist            43     line: I'm fine.
#  8 id: rp-quiet            26     brief: Name the cue ...    44 cues:
#  9 technique: Attunement   27   - id: amara                  45   - when: If the therapist...
# 10 objectives: [m1-o1]     28     kind: partner              46     raise: Amara shrugs.
# 11 setting: room           29     name: Amara                47 facilitator_notes: ...
# 12 minutes: 30             30     brief: Say you are fine.   48 pause_and_stop: ...
# 13 couple: ...             31     unspoken: You are ...      49 debrief:
# 14 content_notes: ...      32   - id: dev                    50   - What did the therapist...
# 15 plan:                   33     kind: partner              51 observer_checklist:
# 16   - phase: Set up       34     name: Dev                  52   - objective: m1-o1
# 17     minutes: 5          35     brief: Steer toward ...    53     item: The therapist ...
# 18   - phase: Role-play    36     unspoken: You feel ...     54 ```
ROLEPLAY_PAGE = """\
---
title: The quiet cue
---

# The quiet cue

```roleplay
id: rp-quiet
technique: Attunement
objectives: [m1-o1]
setting: room
minutes: 30
couple: Amara and Dev, married for twelve years.
content_notes: A parent's illness. No violence.
plan:
  - phase: Set up
    minutes: 5
  - phase: Role-play
    minutes: 10
  - phase: Debrief
    minutes: 15
roles:
  - id: therapist
    kind: therapist
    name: Therapist
    brief: Name the cue you notice.
  - id: amara
    kind: partner
    name: Amara
    brief: Say you are fine.
    unspoken: You are frightened for your mother.
  - id: dev
    kind: partner
    name: Dev
    brief: Steer toward the weekend.
    unspoken: You feel shut out.
  - id: observer
    kind: observer
    name: Observer
    brief: Note each cue.
opening:
  - speaker: amara
    line: I'm fine.
cues:
  - when: If the therapist moves on
    raise: Amara shrugs.
facilitator_notes: Watch the pace.
pause_and_stop: Anyone may say the pause word.
debrief:
  - What did the therapist notice first?
observer_checklist:
  - objective: m1-o1
    item: The therapist named a cue.
```
"""

# A workshop agenda page. Lines: 7 ```agenda, 8 id, 9 title, 10 minutes, 11 blocks:,
# 12 module, 13 activity, 14 minutes.
AGENDA = """\
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
    minutes: 10
```
"""
# Forty-odd words of prose: with one question (1.5 minutes) a page estimates at about
# 1.8 minutes, so `minutes: 2` is honest.
PROSE = """\
Partners rarely announce what they need. More often one of them makes a small bid for
connection, a sigh or a glance, and waits to see whether the other turns toward it. This page
practices noticing the cue beneath the words and answering it gently.
"""


def question_block(qid: str, objective: str) -> str:
    return f"""\
```question
id: {qid}
objective: {objective}
prompt: Which response is attuned?
options:
  - text: Name the cue.
    correct: true
    rationale: It opens a door.
  - text: Move on.
    rationale: It misses the cue.
  - text: Accuse.
    rationale: It invites defence.
```
"""


def module(mid: str, objectives: tuple[str, ...], questions: tuple[tuple[str, str], ...],
           minutes: int = 2, prose: str = PROSE) -> str:
    """A module page. Its objectives start on line 8, two lines each; then the title and prose."""
    listed = "".join(f"  - id: {o}\n    text: Describe the quiet cue.\n" for o in objectives)
    blocks = "\n".join(question_block(q, o) for q, o in questions)
    return (f"---\nid: {mid}\ntitle: Module {mid}\nminutes: {minutes}\nlevel: Introductory\n"
            f"reviewed: 2026-01-15\nobjectives:\n{listed}---\n\n# Module {mid}\n\n{prose}\n{blocks}")
