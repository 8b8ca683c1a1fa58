"""Where the frontend keeps saved games, and how it lists them."""

from __future__ import annotations

from pathlib import Path

import platformdirs

DIR_OVERRIDE: Path | None = None
SUFFIX = ".json"
AUTOSAVE = "autosave"


def save_dir() -> Path:
    """Return the folder of saved games (tests may point DIR_OVERRIDE elsewhere)."""
    if DIR_OVERRIDE is not None:
        return DIR_OVERRIDE
    return Path(platformdirs.user_data_dir("rapallo")) / "saves"


def list_saves() -> list[Path]:
    """Return the saved games, newest first."""
    folder = save_dir()
    if not folder.is_dir():
        return []
    files = [p for p in folder.iterdir() if p.suffix == SUFFIX and p.is_file()]
    return sorted(files, key=lambda p: p.stat().st_mtime, reverse=True)


def latest() -> Path | None:
    """Return the newest saved game, if any."""
    found = list_saves()
    return found[0] if found else None


def path_for(name: str) -> Path:
    """Return the file a save of this name goes to."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in name) or "save"
    return save_dir() / f"{safe}{SUFFIX}"
