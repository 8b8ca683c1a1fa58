"""Where the frontend keeps saved games, and how it lists and describes them."""

from __future__ import annotations

import time
from pathlib import Path

import attrs
import platformdirs

from game.engine.saves import SaveError, SaveFolder, read_save

DIR_OVERRIDE: Path | None = None
QUICK_SAVE = "Quick save"


def save_dir() -> Path:
    """Return the folder of saved games (tests may point DIR_OVERRIDE elsewhere)."""
    if DIR_OVERRIDE is not None:
        return DIR_OVERRIDE
    return Path(platformdirs.user_data_dir("rapallo")) / "saves"


def folder() -> SaveFolder:
    """Return the engine's view of the save folder: slots, autosaves, newest first."""
    return SaveFolder(save_dir(), keep_autosaves=5)


def list_saves() -> list[Path]:
    """Return the saved games, newest first."""
    return folder().saves()


def latest() -> Path | None:
    """Return the newest saved game, if any."""
    return folder().latest()


@attrs.frozen
class SaveInfo:
    """What the load list shows of one save file."""

    path: Path
    name: str
    date_text: str
    saved: str
    problem: str = ""

    def line(self) -> str:
        """Return the save as one line of the load list."""
        if self.problem:
            return f"{self.name}  —  damaged  ({self.saved})"
        return f"{self.name}  —  {self.date_text}  ({self.saved})"


def describe(path: Path) -> SaveInfo:
    """Read a save's name and in-game date for the load list; note a damaged file."""
    try:
        stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(path.stat().st_mtime))
    except OSError:
        stamp = "?"
    try:
        save = read_save(path)
    except SaveError as exc:
        return SaveInfo(path, path.stem, "", stamp, str(exc))
    return SaveInfo(path, save.name or path.stem, save.date_text, stamp)
