"""What each reader of a role-play may see, as plain view data for the templates.

The learner page, the participant handout, each role's card and the live facilitator view all
draw on these, so that what is public and what belongs to one player is decided in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from .model import Cue, Phase, Role, RolePlay

ROLE_KINDS = {"therapist": "Therapist", "partner": "Partner", "observer": "Observer"}
# Ends every role-play's content notes, whatever the author wrote before it.
OPT_OUT = "Anyone may observe or sit out, without giving a reason."


class HasText(Protocol):
    id: str
    text: str


def role_label(role: Role) -> str:
    """'Therapist', 'Observer', or 'Partner: Amara, 41': the heading of the role's card."""
    kind = ROLE_KINDS.get(role.kind, role.kind.capitalize())
    return kind if role.name == kind else f"{kind}: {role.name}"


def cast(roleplay: RolePlay) -> str:
    """The cast as the public page names it: names and kinds, nothing of their briefs."""
    return ", ".join(
        role.name if role.name == ROLE_KINDS.get(role.kind) else f"{role.name} ({role.kind})"
        for role in roleplay.roles
    )


@dataclass(frozen=True)
class ChecklistGroup:
    objective: str  # the objective's text, never its id
    items: tuple[str, ...]


def checklist_groups(roleplay: RolePlay, objectives: Sequence[HasText]) -> list[ChecklistGroup]:
    """Observer checklist items under the text of the objective each serves, in objective order."""
    texts = {objective.id: objective.text for objective in objectives}
    order = [objective for objective, _ in roleplay.objectives]
    order += [item.objective for item in roleplay.observer_checklist if item.objective not in order]
    return [
        ChecklistGroup(texts.get(objective, objective),
                       tuple(i.item for i in roleplay.observer_checklist if i.objective == objective))
        for objective in order
        if any(i.objective == objective for i in roleplay.observer_checklist)
    ]


@dataclass(frozen=True)
class CardLine:
    speaker: str
    text: str
    direction: str  # only on the player's own lines: another's direction is theirs to play
    own: bool


def script_for(roleplay: RolePlay, role_id: str | None) -> list[CardLine]:
    """The scripted opening as one player holds it, the way actors' sides are cut: each of the
    player's own lines with its direction, after the line that cues it (spoken words only, as
    the player will hear them). None: the facilitator's full script."""
    names = {role.id: role.name for role in roleplay.roles}
    lines = [
        CardLine(names.get(line.speaker, line.speaker), line.text, line.direction,
                 role_id in (None, line.speaker))
        for line in roleplay.opening
    ]
    if role_id is None:
        return lines
    kept: list[CardLine] = []
    for index, line in enumerate(lines):
        if not line.own:
            continue
        cue = lines[index - 1] if index else None
        if cue is not None and not cue.own and (not kept or kept[-1] is not cue):
            kept.append(CardLine(cue.speaker, cue.text, "", False))
        kept.append(line)
    return kept


def cues_in(roleplay: RolePlay, phase: Phase) -> list[Cue]:
    """The cue points shown in one phase: those naming it, and those naming no phase."""
    return [cue for cue in roleplay.cues if cue.phase in ("", phase.name)]
