"""Files written so that a crash never leaves half of one, and the leftovers of crashes."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

TEMP_AGE = 60.0  # seconds after which a temporary file is taken for a crash's leftover


def write_atomic(path: Path, text: str) -> None:
    """Write a file so that a crash at any moment leaves the old file or the new one, whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):
        dir_fd = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def remove_temporaries(folder: Path, age: float = TEMP_AGE) -> int:
    """Remove the temporary files an interrupted atomic write left, if older than `age`."""
    removed = 0
    now = time.time()
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if not (entry.name.startswith(".") and entry.name.endswith(".tmp")):
                    continue
                try:
                    if entry.is_file(follow_symlinks=False) and now - entry.stat().st_mtime > age:
                        os.unlink(entry.path)
                        removed += 1
                except OSError:
                    continue
    except OSError:
        return removed
    return removed
