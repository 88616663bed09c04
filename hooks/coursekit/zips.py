"""Zip files that are the same bytes every time: the same entries give the same archive.

`zipfile` stamps each entry with the current time (writestr) or the file's modification time
(write), so two builds of one commit would give different packages. Here every entry gets the
time of SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/), or
1980-01-01, the earliest a zip can hold, when it is unset; fixed permissions; and the order
the caller gives (callers pass sorted paths).
"""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold
FILE_MODE = 0o100644  # a regular file, rw-r--r--


def entry_time() -> tuple[int, int, int, int, int, int]:
    """SOURCE_DATE_EPOCH as a zip date (UTC), never before 1980; 1980-01-01 when unset."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return ZIP_EPOCH
    stamp = time.gmtime(int(epoch))[:6]
    return max(stamp, ZIP_EPOCH)  # type: ignore[return-value]


def write_entry(package: zipfile.ZipFile, name: str, data: bytes | str) -> None:
    """Add `data` as `name` with the fixed time and mode, compressed as the archive says."""
    info = zipfile.ZipInfo(name, date_time=entry_time())
    info.compress_type = package.compression
    info.external_attr = FILE_MODE << 16
    info.create_system = 3  # Unix, so the mode above is read as Unix permissions everywhere
    package.writestr(info, data)


def write_file(package: zipfile.ZipFile, path: Path, name: str) -> None:
    write_entry(package, name, path.read_bytes())


def zip_folder(folder: Path, out: Path, prefix: str = "") -> list[str]:
    """Zip every file under `folder`, in sorted order, as `prefix` + its relative path; return
    the entry names."""
    names = []
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as package:
        for rel in sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()):
            write_file(package, folder / rel, prefix + rel)
            names.append(prefix + rel)
    return names
