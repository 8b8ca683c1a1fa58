"""Where the frontend keeps saved games, and how it lists and describes them."""

from __future__ import annotations

import re
import time
from functools import cache
from pathlib import Path

import attrs
import platformdirs

from game.engine.game import Game
from game.engine.saves import (
    AUTOSAVE_NAME,
    SaveError,
    SaveFile,
    SaveFolder,
    read_save,
    write_save,
)
from game.locale import _, language, month_year, pgettext

DIR_OVERRIDE: Path | None = None
QUICK_SAVE = "Quick save"  # the name the quick save keeps; the load list shows it translated
KEEP_PER_CAMPAIGN = 5
_AUTO = re.compile(r"^autosave-([A-Za-z0-9_]+)-([a-z0-9]+)-(\d{3,})\.json$")


def save_dir() -> Path:
    """Return the folder of saved games (tests may point DIR_OVERRIDE elsewhere)."""
    if DIR_OVERRIDE is not None:
        return DIR_OVERRIDE
    return Path(platformdirs.user_data_dir("rapallo")) / "saves"


def folder() -> SaveFolder:
    """Return the engine's view of the save folder: slots, autosaves, newest first."""
    return SaveFolder(save_dir(), keep_autosaves=5)


def clean_temporaries() -> int:
    """Remove half-written files that interrupted saves left, older than a minute."""
    return folder().clean_temporaries()


def new_campaign(seed: int) -> str:
    """Return a fresh campaign token for a new game (its seed and the moment it began)."""
    return f"{seed:x}t{time.time_ns() // 1_000_000:x}"


def campaign_of(path: Path) -> str | None:
    """Return the campaign token in an autosave's file name, if it is one."""
    match = _AUTO.match(path.name)
    return match.group(2) if match else None


def autosave(game: Game, campaign: str) -> Path:
    """Write this turn's autosave of a campaign and keep only the campaign's newest five."""
    root = save_dir()
    sid = game.scenario.meta.id
    path = root / f"autosave-{sid}-{campaign}-{game.state.turn:03d}.json"
    write_save(path, game, AUTOSAVE_NAME)
    mine = [p for p in root.glob("autosave-*.json") if campaign_of(p) == campaign]
    mine.sort(key=lambda p: int(_AUTO.match(p.name).group(3)), reverse=True)  # type: ignore[union-attr]
    for old in mine[KEEP_PER_CAMPAIGN:]:
        old.unlink(missing_ok=True)
    return path


def slot_for(name: str) -> Path:
    """Return the file for a named save; names that differ never share a file.

    Names the file system cannot hold as they are ("q:x", "q/x") get a short mark of
    the exact name, so two such names never replace each other.
    """
    base = folder().slot(name)
    if base.stem == name:
        return base
    import hashlib

    mark = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return base.with_name(f"{base.stem[:50]}-{mark}.json")


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
    scenario: str = ""
    sides: str = ""
    turn: int = 0

    def line(self) -> str:
        """Return the save as one line: name, scenario, sides, date and turn, when saved."""
        name = shown_name(self.name)
        if self.problem:
            return _("{name}  —  damaged  (saved {saved})").format(name=name, saved=self.saved)
        parts = [name]
        if self.scenario:
            parts.append(self.scenario)
        if self.sides:
            parts.append(self.sides)
        when = self.date_text + (_(", turn {turn}").format(turn=self.turn) if self.turn else "")
        return "  ·  ".join([*parts, when]) + _("  (saved {saved})").format(saved=self.saved)


def shown_name(name: str) -> str:
    """Return a save name as the game's font can draw it, or say that it cannot."""
    from game.ui import theme

    if theme.can_show(name):
        return name
    return _("(a name in letters this font cannot show)")


@cache
def _scenario_names(scenario: str, code: str) -> tuple[str, dict[str, str]]:
    """Return a scenario's short title and country names in a language ('' and {} if unread)."""
    from game.scenario.errors import ScenarioError
    from game.scenario.load import load_scenario

    try:
        sc = load_scenario(scenario, language=code)
    except (ScenarioError, OSError, ValueError):
        return "", {}
    return sc.meta.title.split(":")[0], {c: d.name for c, d in sc.countries.items()}


def _own_name(save: SaveFile) -> str:
    """Return the game's name for its quick save or an autosave, in the player's language."""
    name, file = save.name, save.path.name
    if name == QUICK_SAVE and file == folder().slot(QUICK_SAVE).name:
        return pgettext("save name", "Quick save")
    if file.startswith("autosave-") and name.split(",")[0] == AUTOSAVE_NAME:
        return pgettext("save name", "Autosave")  # older ones add the date: "Autosave, May 1924"
    return ""


def _game_date(save: SaveFile) -> str:
    """Return the save's game date in the player's language (as saved when it has no month)."""
    month = save.snapshot.get("month") if isinstance(save.snapshot, dict) else None
    if isinstance(month, int) and not isinstance(month, bool) and 0 < month < 10_000 * 12:
        return month_year(month)
    return save.date_text


def _display_name(save: SaveFile) -> str:
    """Return a save's name without a date the line shows anyway."""
    own = _own_name(save)
    if own:
        return own
    name = save.name or save.path.stem
    for tail in (f", {save.date_text}", f" {save.date_text}"):
        if save.date_text and name.endswith(tail):
            return name[: -len(tail)] or name
    return name


def _turn_of(save: SaveFile) -> int:
    """Return the save's turn, counted from 1 (from its snapshot, else its turn hashes)."""
    turn = save.snapshot.get("turn") if isinstance(save.snapshot, dict) else None
    if isinstance(turn, int) and not isinstance(turn, bool) and turn >= 0:
        return turn + 1
    return len(save.hashes) + 1


def describe(path: Path) -> SaveInfo:
    """Read a save's name, scenario, sides, date and turn for the load list."""
    try:
        stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(path.stat().st_mtime))
    except OSError:
        stamp = "?"
    try:
        save = read_save(path)
    except SaveError as exc:
        return SaveInfo(path, path.stem, "", stamp, str(exc))
    title, names = _scenario_names(save.scenario_ref(), language())
    sides = ", ".join(names.get(c, c) for c in save.humans)
    return SaveInfo(
        path,
        _display_name(save)[:80],
        _game_date(save)[:80],
        stamp,
        scenario=title or save.scenario,
        sides=sides,
        turn=_turn_of(save),
    )
