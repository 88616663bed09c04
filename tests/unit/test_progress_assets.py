"""The course's scripts share one storage check (boot.js, window.coursekit.store) instead of
each probing localStorage itself (tests/browser/test_progress.py checks what it decides)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "docs" / "assets" / "coursekit"
# Code that reaches localStorage (a comment naming it does not match).
TOUCHES_STORAGE = re.compile(r"\blocalStorage\s*[.\[]")


def test_only_boot_js_reaches_local_storage() -> None:
    scripts = sorted(ASSETS.glob("*.js"))
    assert ASSETS / "boot.js" in scripts
    reaching = [p.name for p in scripts if TOUCHES_STORAGE.search(p.read_text(encoding="utf-8"))]
    assert reaching == ["boot.js"]
    for name in ("quiz.js", "course.js", "live.js"):
        assert "window.coursekit" in (ASSETS / name).read_text(encoding="utf-8"), name

