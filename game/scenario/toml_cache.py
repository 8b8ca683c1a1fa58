"""Parse TOML through a cache of JSON copies keyed by the text's hash (JSON reads far faster)."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
import time
import tomllib
from pathlib import Path
from typing import Any

import platformdirs

# None: the user cache folder; tests and `bench` point it elsewhere or turn it off.
FOLDER: Path | None = None
ENABLED = True
MAX_COPY_BYTES = 64 * 1024 * 1024
TEMP_AGE = 60.0
_cleaned: set[Path] = set()


def _folder() -> Path:
    return FOLDER or Path(platformdirs.user_cache_dir("rapallo")) / "toml"


def parse(text: str) -> dict[str, Any]:
    """Return the parsed TOML text; raise tomllib.TOMLDecodeError like tomllib does."""
    if not ENABLED:
        return tomllib.loads(text)
    path = _folder() / f"{hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()}.json"
    try:
        cached = json.loads(_read_copy(path))
        if isinstance(cached, dict):
            return cached
    except (OSError, ValueError, RecursionError):
        pass  # no copy yet, or a damaged one: parse the text itself
    data = tomllib.loads(text)
    _store(path, data)
    return data


def _read_copy(path: Path) -> str:
    """Read a cached copy: a regular file of bounded size, or OSError."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_COPY_BYTES:
            raise OSError("not a usable copy")
        return handle.read(MAX_COPY_BYTES + 1).decode("utf-8")


def _clean(folder: Path) -> None:
    """Once per folder and process, remove copies half-written by an interrupted run."""
    if folder in _cleaned:
        return
    _cleaned.add(folder)
    now = time.time()
    try:
        for entry in os.scandir(folder):
            try:
                stale = now - entry.stat(follow_symlinks=False).st_mtime > TEMP_AGE
                if entry.name.startswith(".") and entry.name.endswith(".tmp") and stale:
                    os.unlink(entry.path)
            except OSError:
                continue
    except OSError:
        return


def _store(path: Path, data: dict[str, Any]) -> None:
    """Keep a JSON copy; dates and an unwritable folder simply mean no copy."""
    try:
        text = json.dumps(data)
        path.parent.mkdir(parents=True, exist_ok=True)
        _clean(path.parent)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except (OSError, TypeError, ValueError):
        return
