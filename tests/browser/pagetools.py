"""Small helpers shared by the browser tests (plain functions, no fixtures)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, Request, expect

LOCAL_SCHEMES = ("data:", "blob:", "about:")

HOME = "/index.html"
MODULE_1 = "/modules/01-understanding-emotional-intimacy.html"
ROLEPLAY_1 = "/roleplays/01-im-fine.html"

STORAGE_PREFIX = "coursekit:v2:answer:"  # quiz.js saves option keys under it

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}

_AXE = Axe()


def reach_questions(page: Page) -> None:
    """Scroll to the page's first question, as a reader reaching it would, and wait for quiz.js:
    course.js loads it only once a question is near (its Check button shows then)."""
    page.locator("[data-ck-question]").first.scroll_into_view_if_needed()
    expect(page.locator("[data-ck-question] .ck-check").first).to_be_visible()


def norm(text: str | None) -> str:
    """Collapse whitespace so text from different DOM nodes compares equal."""
    return re.sub(r"\s+", " ", text or "").strip()


@dataclass
class RequestLog:
    """Every URL requested by the pages of the contexts made in one test."""

    origin: str
    urls: list[str] = field(default_factory=list)

    def record(self, request: Request) -> None:
        self.urls.append(request.url)

    def offsite(self) -> list[str]:
        return [
            url
            for url in self.urls
            if not (url.startswith(self.origin + "/") or url.startswith(LOCAL_SCHEMES))
        ]

    def assert_all_local(self) -> None:
        offsite = self.offsite()
        assert not offsite, "requests left 127.0.0.1:\n" + "\n".join(offsite)


@dataclass
class Question:
    """One rendered self-check question, read from its own markup."""

    page: Page
    root: Locator
    qid: str
    kind: str
    options: int
    correct: list[int]

    @classmethod
    def find(cls, page: Page, kind: str | None = None, nth: int = 0) -> Question:
        # A multiple-answer question is the one with checkboxes.
        selector = {None: "[data-ck-question]",
                    "multiple": "[data-ck-question]:has(input[type='checkbox'])",
                    "single": "[data-ck-question]:not(:has(input[type='checkbox']))"}[kind]
        root = page.locator(selector).nth(nth)
        qid = root.get_attribute("data-ck-question")
        assert qid, f"no question matching {selector!r} (#{nth}) on {page.url}"
        items = root.locator(".ck-rationales li[data-ck-option]")
        correct = [
            int(items.nth(i).get_attribute("data-ck-option") or "-1")
            for i in range(items.count())
            if items.nth(i).get_attribute("data-ck-correct") == "true"
        ]
        return cls(
            page=page,
            root=root,
            qid=qid,
            kind="multiple" if root.locator("input[type='checkbox']").count() else "single",
            options=root.locator("input[name^='ck-']").count(),
            correct=correct,
        )

    @property
    def wrong(self) -> list[int]:
        return [i for i in range(self.options) if i not in self.correct]

    def option(self, index: int) -> Locator:
        return self.root.locator(f"#ck-{self.qid}-{index}")

    def rationale(self, index: int) -> str:
        """The rationale text for one option, from the (possibly hidden) answer details."""
        node = self.root.locator(f"li[data-ck-option='{index}'] .ck-rationale")
        text = norm(node.text_content())
        assert text, f"question {self.qid}: option {index} has no rationale text"
        return text

    @property
    def button(self) -> Locator:
        return self.root.get_by_role("button", name="Check answer")

    @property
    def feedback(self) -> Locator:
        return self.root.locator(".ck-feedback")

    def feedback_text(self) -> str:
        return norm(self.feedback.text_content())

    def checked(self) -> list[int]:
        """Display positions of the checked options."""
        return self.root.locator("input[name^='ck-']").evaluate_all(
            "nodes => nodes.map((n, i) => n.checked ? i : -1).filter(i => i >= 0)"
        )

    def key(self, index: int) -> str:
        """The option's saved-answer key (its input's value, a digest of its text)."""
        return self.option(index).get_attribute("value") or ""

    def saved(self) -> str | None:
        return self.page.evaluate("key => window.localStorage.getItem(key)", STORAGE_PREFIX + self.qid)


def coursekit_keys(page: Page) -> list[str]:
    return page.evaluate("() => Object.keys(window.localStorage).filter(key => key.startsWith('coursekit'))")


def active_element(page: Page) -> dict:
    """Describe document.activeElement (id, tag, class, type, whether inside a question)."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el) return {};
            const question = el.closest('[data-ck-question]');
            return {
                id: el.id, tag: el.tagName.toLowerCase(), cls: el.className || '',
                type: el.type || '', href: el.getAttribute('href') || '',
                question: question ? question.getAttribute('data-ck-question') : null,
            };
        }"""
    )


def axe_violations(page: Page) -> list[dict]:
    return _AXE.run(page, options=AXE_OPTIONS).response["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        nodes = violation.get("nodes", [])
        lines.append(
            f"{violation['id']} ({violation.get('impact')}): {violation.get('help')} [{len(nodes)} node(s)]"
        )
        for node in nodes[:3]:
            lines.append(f"    target: {node.get('target')}")
            lines.append(f"    html:   {norm(node.get('html'))[:240]}")
            summary = norm(node.get("failureSummary"))
            if summary:
                lines.append(f"    why:    {summary[:300]}")
    return "\n".join(lines)
