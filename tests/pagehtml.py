"""The one HTML reader the tests share: start tags with their attributes, ids and links, and the
visible text with block boundaries as spaces.

Importable from every test folder (pytest puts tests/ on sys.path for tests/conftest.py).
"""

from __future__ import annotations

import re
from functools import cached_property
from html.parser import HTMLParser

Attrs = dict[str, str | None]


class Html(HTMLParser):
    """A parsed page or fragment. Character references are decoded, as a browser would."""

    BLOCKS = frozenset({"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th",
                        "tr", "table", "br", "section", "details", "summary", "dd", "dt", "dl",
                        "pre", "blockquote", "legend", "label", "article", "nav", "header", "footer",
                        "fieldset", "form"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, Attrs]] = []
        self._text: list[str] = []
        self._skip = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._skip += 1
        if tag in self.BLOCKS:
            self._text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(self._skip - 1, 0)
        if tag in self.BLOCKS:
            self._text.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._text.append(data)

    @property
    def text(self) -> str:
        """The visible text, whitespace collapsed (script and style content left out)."""
        return " ".join("".join(self._text).split())

    def all(self, tag: str, **attrs: str) -> list[Attrs]:
        """Attributes of every `tag` whose attributes equal `attrs` (`class_` for `class`)."""
        return [a for name, a in self.tags
                if name == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())]

    def has_class(self, tag: str, cls: str) -> list[Attrs]:
        return [a for name, a in self.tags if name == tag and cls in (a.get("class") or "").split()]

    @cached_property
    def ids(self) -> set[str]:
        """Every fragment target: `id` on any element, and `name` on `<a>`."""
        found = set()
        for tag, attrs in self.tags:
            for key in ("id", "name") if tag == "a" else ("id",):
                if attrs.get(key):
                    found.add(attrs[key] or "")
        return found

    @property
    def hrefs(self) -> list[str]:
        return [a["href"] or "" for tag, a in self.tags if tag == "a" and a.get("href")]

    def handlers(self) -> list[tuple[str, str]]:
        """(tag, attribute) for every event-handler attribute, which course markup never has."""
        return [(tag, name) for tag, attrs in self.tags for name in attrs if name.startswith("on")]


def article(html: str) -> str:
    """The page's own content: the part of Material's template that the course writes."""
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.DOTALL)
    assert match, "no article in page"
    return match.group(1)
