"""Instructor-edition printables: role cards, participant handouts and observer forms."""

from __future__ import annotations

import posixpath

from .course import Course
from .model import Page, RolePlay
from .render import ROLE_KINDS, relative_link, render_template

PRINTABLE_KINDS = {
    "cards": ("Role cards", "role-cards.md"),
    "handouts": ("Participant handouts", "handout.md"),
    "observer-forms": ("Observer forms", "observer-form.md"),
}
NOTES_PAGE = "instructors/notes.md"


def _slug(page: Page) -> str:
    """A file name unique per role-play page: its path below roleplays/, folders joined by '-'."""
    return posixpath.splitext(page.src_uri.removeprefix("roleplays/"))[0].replace("/", "-")


def printable_uri(kind: str, page: Page) -> str:
    return f"instructors/{kind}/{_slug(page)}.md"


def printable_pages(course: Course) -> dict[str, str]:
    """Markdown for every printable page, by docs path."""
    pages = {}
    for page, roleplay in sorted(course.roleplays, key=lambda pair: pair[0].src_uri):
        for kind, (_, template) in PRINTABLE_KINDS.items():
            uri = printable_uri(kind, page)
            pages[uri] = render_template(template, **_context(course, page, roleplay, uri))
    return pages


def _context(course: Course, page: Page, roleplay: RolePlay, uri: str) -> dict[str, object]:
    objectives = [found[1] for o, _ in roleplay.objectives if (found := course.objective(o))]
    roles = [
        {"kind": role.kind, "name": role.name, "brief": role.brief, "unspoken": role.unspoken,
         "lines": [line for line in roleplay.opening if line.speaker == role.id]}
        for role in roleplay.roles
    ]
    return {
        "title": page.title, "rp": roleplay, "roles": roles, "kinds": ROLE_KINDS,
        "objectives": objectives, "minutes": roleplay.minutes,
        "setting": "By video" if roleplay.setting == "video" else "In the room",
        "speakers": {role.id: role.name for role in roleplay.roles},
        "source_link": relative_link(uri, page.src_uri),
    }


def printables_nav(course: Course) -> list[dict[str, list[str]]]:
    """Nav sections for the printables, one per kind, in role-play order."""
    ordered = sorted((page for page, _ in course.roleplays), key=lambda page: page.src_uri)
    return [
        {label: [printable_uri(kind, page) for page in ordered]}
        for kind, (label, _) in PRINTABLE_KINDS.items()
    ]


def printables_index(course: Course, from_uri: str) -> str:
    rows = []
    for page, roleplay in sorted(course.roleplays, key=lambda pair: pair[0].src_uri):
        rows.append({
            "title": page.title, "link": relative_link(from_uri, page.src_uri),
            "setting": "Video" if roleplay.setting == "video" else "Room",
            "minutes": roleplay.minutes,
            "cards": relative_link(from_uri, printable_uri("cards", page)),
            "handout": relative_link(from_uri, printable_uri("handouts", page)),
            "form": relative_link(from_uri, printable_uri("observer-forms", page)),
        })
    return render_template("instructor-index.md", rows=rows)
