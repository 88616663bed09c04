"""Install a pinned npm package for a test, once per test session, bounded in time.

The LMS checks use independent JavaScript tools from the npm registry (scorm-again as a SCORM
1.2 run-time, gift-pegjs as a GIFT parser). They are installed with `npm install --prefix` into a
folder of the session's temporary directory, never into the work tree. When npm or the registry
cannot be reached the test fails with the reason: a skipped check would look like a passed one.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SCORM_AGAIN = "scorm-again@3.4.3"  # MIT; a SCORM 1.2 and 2004 run-time API for the browser
GIFT_PEGJS = "gift-pegjs@1.0.2"  # MIT; a PEG parser for Moodle's GIFT format
INSTALL_TIMEOUT = 180  # seconds


def npm_install(prefix: Path, spec: str) -> Path:
    """`npm install --prefix prefix spec` unless already there; the package's folder."""
    name = spec.rsplit("@", 1)[0]
    folder = prefix / "node_modules" / name
    if (folder / "package.json").is_file():
        return folder
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail(f"npm is not installed, and this test needs {spec} from the npm registry "
                    "(install Node.js and npm, e.g. apt-get install nodejs npm).", pytrace=False)
    prefix.mkdir(parents=True, exist_ok=True)
    command = [npm, "install", "--prefix", str(prefix), "--no-audit", "--no-fund",
               "--no-save", "--loglevel", "error", "--fetch-retries", "1", "--fetch-timeout", "30000",
               spec]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=INSTALL_TIMEOUT,
                                check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"npm install {spec} took longer than {INSTALL_TIMEOUT} s: is the npm registry "
                    "reachable from this machine?", pytrace=False)
    if result.returncode != 0 or not (folder / "package.json").is_file():
        pytest.fail(f"npm install {spec} failed (exit {result.returncode}); this test needs it from "
                    f"the npm registry:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return folder
