"""Instructor-edition printables and workshop pages for every role-play.

Per role-play: role cards printed one role per sheet, one card page per role (a link or a PDF
to send to that player alone), a participant handout, an observer form and a live
facilitator view.
"""

from __future__ import annotations

import posixpath
from typing import Any

from .course import Course
from .model import Page, Role, RolePlay
from .render import relative_link, render_template
from .roleplay_views import OPT_OUT, checklist_groups, cues_in, role_label, script_for

PRINTABLE_KINDS = {
    "cards": ("Role cards", "role-cards.md"),
    "handouts": ("Participant handouts", "handout.md"),
    "observer-forms": ("Observer forms", "observer-form.md"),
    "live": ("Live facilitator views", "live.md"),
}
NOTES_PAGE = "instructors/notes.md"
GUIDE = "instructors/facilitator-guide.md"


def _slug(page: Page) -> str:
    """A file name unique per role-play page: its path below roleplays/, folders joined by '-'."""
    return posixpath.splitext(page.src_uri.removeprefix("roleplays/"))[0].replace("/", "-")


def printable_uri(kind: str, page: Page) -> str:
    return f"instructors/{kind}/{_slug(page)}.md"


def card_uri(page: Page, role: Role) -> str:
    """One role's own card: instructors/cards/<role-play>/<role id>.md."""
    return f"instructors/cards/{_slug(page)}/{role.id}.md"


def _ordered(course: Course) -> list[tuple[Page, RolePlay]]:
    return sorted(course.roleplays, key=lambda pair: pair[0].src_uri)


def printable_pages(course: Course) -> dict[str, str]:
    """Markdown for every printable and workshop page, by docs path."""
    pages = {}
    for page, roleplay in _ordered(course):
        for kind, (_, template) in PRINTABLE_KINDS.items():
            uri = printable_uri(kind, page)
            pages[uri] = render_template(template, **_context(course, page, roleplay, uri))
        for role in roleplay.roles:
            uri = card_uri(page, role)
            context = _context(course, page, roleplay, uri)
            pages[uri] = render_template("role-card.md", card=_card(roleplay, role), **context)
    return pages


def roleplay_links(page: Page, roleplay: RolePlay) -> dict[str, Any]:
    """Links from a role-play's own page to its workshop pages (instructor edition)."""
    return {
        "live": relative_link(page.src_uri, printable_uri("live", page)),
        "print": relative_link(page.src_uri, printable_uri("cards", page)),
        "cards": [{"label": role_label(role), "link": relative_link(page.src_uri, card_uri(page, role))}
                  for role in roleplay.roles],
    }


def _card(roleplay: RolePlay, role: Role) -> dict[str, Any]:
    """What one player may know: their brief, their lines and, for the observer, their cues."""
    return {
        "id": role.id, "kind": role.kind, "label": role_label(role), "name": role.name,
        "who": role.name if role.kind == "partner" else f"the {role.kind}",
        "brief": role.brief, "unspoken": role.unspoken,
        "script": script_for(roleplay, role.id),
        "observer_cues": roleplay.observer_cues if role.kind == "observer" else (),
    }


def _context(course: Course, page: Page, roleplay: RolePlay, uri: str) -> dict[str, Any]:
    objectives = [found[1] for o, _ in roleplay.objectives if (found := course.objective(o))]
    return {
        "title": page.title, "rp": roleplay, "objectives": objectives,
        "cards": [_card(roleplay, role) for role in roleplay.roles],
        "groups": checklist_groups(roleplay, objectives), "opt_out": OPT_OUT,
        "minutes": roleplay.minutes,
        "setting": "By video" if roleplay.setting == "video" else "In the room",
        "phases": [{"phase": phase, "cues": cues_in(roleplay, phase)} for phase in roleplay.plan],
        "source_link": relative_link(uri, page.src_uri),
        "print_link": relative_link(uri, printable_uri("cards", page)),
        "guide_link": relative_link(uri, GUIDE) if GUIDE in course.pages else "",
    }


def printables_nav(course: Course) -> list[dict[str, list[Any]]]:
    """Nav sections for the printables, one per kind, in role-play order, then each role's card."""
    ordered = _ordered(course)
    sections: list[dict[str, list[Any]]] = [
        {label: [printable_uri(kind, page) for page, _ in ordered]}
        for kind, (label, _) in PRINTABLE_KINDS.items()
    ]
    sections.append({"Cards for each player": [
        {page.title: [card_uri(page, role) for role in roleplay.roles]} for page, roleplay in ordered
    ]})
    return sections


def printables_index(course: Course, from_uri: str) -> str:
    rows = []
    for page, roleplay in _ordered(course):
        rows.append({
            "title": page.title, "link": relative_link(from_uri, page.src_uri),
            "setting": "Video" if roleplay.setting == "video" else "Room",
            "minutes": roleplay.minutes,
            "live": relative_link(from_uri, printable_uri("live", page)),
            "cards": relative_link(from_uri, printable_uri("cards", page)),
            "players": [{"label": role_label(role), "link": relative_link(from_uri, card_uri(page, role))}
                        for role in roleplay.roles],
            "handout": relative_link(from_uri, printable_uri("handouts", page)),
            "form": relative_link(from_uri, printable_uri("observer-forms", page)),
        })
    return render_template("instructor-index.md", rows=rows)


def instructor_entry(course: Course, from_uri: str) -> str:
    """The home page's one-click way into the instructor material (instructor edition only):
    links to the instructor pages this course has."""
    links = {name: relative_link(from_uri, f"instructors/{name}.md")
             for name in ("index", "facilitator-guide", "agendas", "post-test")
             if f"instructors/{name}.md" in course.pages}
    return render_template("instructor-entry.md", links=links)
