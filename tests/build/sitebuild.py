"""Building a site in this process and recording what the `mkdocs` logger says meanwhile."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class Built:
    """One build: where it wrote, what it logged at WARNING or above, and how it ended."""

    site: Path
    records: list[logging.LogRecord]
    error: BaseException | None

    def problems(self) -> list[str]:
        return [f"{r.levelname} {r.name}: {r.getMessage()}" for r in self.records]

    def html_files(self) -> list[Path]:
        return sorted(self.site.rglob("*.html")) if self.site.exists() else []

    def read(self, rel: str) -> str:
        return (self.site / rel).read_text(encoding="utf-8")


def build_site(config_file: Path, site_dir: Path, strict: bool = True, **overrides: Any) -> Built:
    """load_config(strict=True) then build(), as `mkdocs build --strict` does, in this process."""
    logger = logging.getLogger("mkdocs")
    recorder = Recorder()
    logger.addHandler(recorder)
    error: BaseException | None = None
    try:
        config = load_config(config_file=str(config_file), strict=strict, site_dir=str(site_dir),
                             **overrides)
        build(config)
    except MkDocsException as exc:  # Abort (a SystemExit), PluginError, ConfigurationError
        error = exc
    finally:
        logger.removeHandler(recorder)
    return Built(site_dir, recorder.records, error)


class LogWatch:
    def __init__(self) -> None:
        self.recorder = Recorder()

    def take(self, match: Callable[[logging.LogRecord], bool] = lambda record: True) -> list[str]:
        """Remove and return the messages of the matching records, in order."""
        taken = [r for r in self.recorder.records if match(r)]
        self.recorder.records = [r for r in self.recorder.records if not match(r)]
        return [r.getMessage() for r in taken]
