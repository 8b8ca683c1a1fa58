"""Parse TOML through a cache of JSON copies keyed by the text's hash (JSON reads far faster)."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import platformdirs

# None: the user cache folder; tests and `bench` point it elsewhere or turn it off.
FOLDER: Path | None = None
ENABLED = True


def _folder() -> Path:
    return FOLDER or Path(platformdirs.user_cache_dir("rapallo")) / "toml"


def parse(text: str) -> dict[str, Any]:
    """Return the parsed TOML text; raise tomllib.TOMLDecodeError like tomllib does."""
    if not ENABLED:
        return tomllib.loads(text)
    path = _folder() / f"{hashlib.sha256(text.encode()).hexdigest()}.json"
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(cached, dict):
            return cached
    except (OSError, ValueError, RecursionError):
        pass  # no copy yet, or a damaged one: parse the text itself
    data = tomllib.loads(text)
    _store(path, data)
    return data


def _store(path: Path, data: dict[str, Any]) -> None:
    """Keep a JSON copy; dates and an unwritable folder simply mean no copy."""
    try:
        text = json.dumps(data)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except (OSError, TypeError, ValueError):
        return
