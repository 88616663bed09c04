"""Typed records of the course, each carrying the file and line it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Objective:
    id: str
    text: str
    line: int


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    rationale: str
    line: int


@dataclass(frozen=True)
class Question:
    id: str
    objective: str
    type: str  # "single" or "multiple"
    prompt: str
    options: tuple[Option, ...]
    source: str | None
    line: int

    @property
    def multiple(self) -> bool:
        return self.type == "multiple"


@dataclass(frozen=True)
class Phase:
    name: str
    minutes: int
    activity: str
    line: int


@dataclass(frozen=True)
class Role:
    id: str
    kind: str  # therapist, partner or observer
    name: str
    brief: str
    unspoken: str
    line: int


@dataclass(frozen=True)
class ScriptLine:
    speaker: str
    text: str
    direction: str
    line: int


@dataclass(frozen=True)
class Cue:
    when: str
    raise_: str
    lower: str
    line: int
    phase: str = ""  # the plan phase it belongs to; "" means any phase of the scene


@dataclass(frozen=True)
class ObserverCue:
    """What a group's own observer watches for, and when they may prompt (no facilitator)."""

    watch: str
    prompt: str
    line: int


@dataclass(frozen=True)
class ChecklistItem:
    objective: str
    item: str
    line: int


@dataclass(frozen=True)
class RolePlay:
    id: str
    technique: str
    objectives: tuple[tuple[str, int], ...]  # (objective id, line)
    setting: str
    minutes: int
    couple: str
    content_notes: str
    plan: tuple[Phase, ...]
    roles: tuple[Role, ...]
    opening: tuple[ScriptLine, ...]
    cues: tuple[Cue, ...]
    facilitator_notes: str
    pause_and_stop: str
    debrief: tuple[str, ...]
    observer_checklist: tuple[ChecklistItem, ...]
    line: int
    observer_cues: tuple[ObserverCue, ...] = ()

    def role(self, role_id: str) -> Role | None:
        return next((role for role in self.roles if role.id == role_id), None)


@dataclass(frozen=True)
class AgendaBlock:
    kind: str  # "module", "roleplay" or "activity"
    ref: str  # module or role-play id, or the activity's title
    minutes: int | None  # None: take the module's or role-play's own time
    line: int


@dataclass(frozen=True)
class Agenda:
    id: str
    title: str
    minutes: int
    blocks: tuple[AgendaBlock, ...]
    line: int


@dataclass(frozen=True)
class Citation:
    key: str
    line: int


@dataclass
class Page:
    """One Markdown page as the engine sees it."""

    path: str  # path shown in diagnostics, e.g. docs/modules/01-x.md
    src_uri: str  # path inside docs/, with forward slashes
    title: str = ""
    kind: str = "page"  # "module", "part", "roleplay" or "page"
    module_id: str | None = None
    module_line: int = 1
    minutes: int | None = None
    minutes_line: int = 1
    level: str = ""
    reviewed: dt.date | None = None
    objectives: list[Objective] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    roleplay: RolePlay | None = None
    agendas: list[Agenda] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    words: int = 0
    reflections: int = 0
    pass_mark: int = 0  # post-test pages only, in percent
    prose: str = ""  # body outside fenced blocks: item checks compare options with it


@dataclass(frozen=True)
class BibEntry:
    key: str
    cite: str
    year: str
    reference: str
    doi: str
    line: int


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    forms: tuple[str, ...]
    definition: str
    module: str
    line: int
