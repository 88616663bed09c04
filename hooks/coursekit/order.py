"""The order a question's options are shown in, fixed by the question's id.

Authors write the key wherever they like; the build shows the options in an order derived from
the question id alone, so every build, the no-JavaScript fallback and the LMS exports agree,
and a question keeps its order when others are added or edited. The shuffle is a Fisher-Yates
shuffle driven by SHA-256 rather than `random`, whose algorithms Python does not promise to
keep from one version to the next.
"""

from __future__ import annotations

import hashlib

from .model import Option, Question


def display_order(question_id: str, count: int) -> list[int]:
    """Source indices of `count` options in the order they are shown."""
    order = list(range(count))
    for i in range(count - 1, 0, -1):
        digest = hashlib.sha256(f"{question_id}:{i}".encode()).digest()
        j = int.from_bytes(digest[:8], "big") % (i + 1)
        order[i], order[j] = order[j], order[i]
    return order


def shown_options(question: Question) -> list[Option]:
    """The question's options in display order."""
    return [question.options[i] for i in display_order(question.id, len(question.options))]


def key_positions(question: Question) -> list[int]:
    """1-based display positions of the correct options."""
    return [place for place, option in enumerate(shown_options(question), 1) if option.correct]


def option_key(text: str) -> str:
    """A short, stable name for an option: what saved answers store instead of a position.

    It follows the option's text (whitespace folded), so a reworded option no longer matches
    an old saved answer, and a moved option still does.
    """
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:10]
