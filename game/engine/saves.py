"""Save files: versioned JSON written atomically, read defensively, restored or replayed."""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from attrs import define

from game.engine.commands import Command, GameError, command_from_json, command_to_json
from game.engine.game import Game, new_game
from game.engine.snapshot import from_json, state_hash, to_json
from game.scenario.compiled import Scenario
from game.scenario.errors import ScenarioError

FORMAT = "rapallo-save"
VERSION = 1
MAX_BYTES = 64 * 1024 * 1024


class SaveError(Exception):
    """A save cannot be read or used; the message is one line fit for the player."""


@define
class SaveFile:
    """What a save file holds, checked for shape."""

    path: Path
    scenario: str
    scenario_version: str
    content_hash: str
    seed: int
    humans: list[str]
    difficulty: int
    historical: bool
    commands: list[Command]
    hashes: list[str]
    snapshot: dict[str, Any] | None
    name: str
    saved_at: float
    date_text: str
    scenario_path: str = ""

    def scenario_ref(self) -> str:
        """Return what to load: the bundled id, or the folder it was loaded from."""
        from game.scenario.load import bundled_ids

        if self.scenario not in bundled_ids() and self.scenario_path:
            return self.scenario_path
        return self.scenario


@define
class Loaded:
    """A game restored from a save, with what the player should be told."""

    game: Game
    notice: str = ""
    diverged_at: int | None = None


def to_data(game: Game, name: str = "") -> dict[str, Any]:
    """Return a game as save-file data."""
    st, sc = game.state, game.scenario
    return {
        "format": FORMAT,
        "version": VERSION,
        "name": name,
        "saved_at": time.time(),
        "date_text": game.date_text(),
        "scenario": sc.meta.id,
        "scenario_version": sc.meta.version,
        "scenario_path": str(sc.path.resolve()),
        "content_hash": sc.content_hash,
        "seed": st.seed,
        "humans": list(st.humans),
        "difficulty": st.difficulty,
        "historical": st.historical,
        "commands": [command_to_json(c) for c in game.commands],
        "hashes": list(st.hashes),
        "snapshot": to_json(st),
    }


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


def write_save(path: Path, game: Game, name: str = "") -> None:
    """Save a game atomically; raise SaveError if the disk refuses."""
    try:
        write_atomic(path, json.dumps(to_data(game, name or path.stem), ensure_ascii=False))
    except OSError as exc:
        raise SaveError(f"could not save to {path}: {exc.strerror or exc}") from None


def read_save(path: Path) -> SaveFile:
    """Read and check a save file; raise SaveError with a one-line reason."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SaveError(f"{path.name}: too large to be a save ({size} bytes)")
        if size == 0:
            raise SaveError(f"{path.name}: the file is empty")
        raw = path.read_bytes()
    except OSError as exc:
        raise SaveError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        where = f" at line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else ""
        raise SaveError(f"{path.name}: not a save file (damaged or truncated{where})") from None
    return parse_save(data, path)


def parse_save(data: Any, path: Path) -> SaveFile:
    """Check save data for shape; raise SaveError with a one-line reason."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SaveError(f"{path.name}: not a Rapallo save file")
    if data.get("version") != VERSION:
        raise SaveError(
            f"{path.name}: saved by another version of the game "
            f"(save format {data.get('version')!r}, this game reads {VERSION})"
        )
    try:
        return SaveFile(
            path=path,
            scenario=_typed(data, "scenario", str),
            scenario_version=_typed(data, "scenario_version", str),
            content_hash=_typed(data, "content_hash", str),
            seed=_typed(data, "seed", int),
            humans=[_check(h, str) for h in _typed(data, "humans", list)],
            difficulty=_typed(data, "difficulty", int),
            historical=_typed(data, "historical", bool),
            commands=[command_from_json(c) for c in _typed(data, "commands", list)],
            hashes=[_check(h, str) for h in _typed(data, "hashes", list)],
            snapshot=data.get("snapshot") if isinstance(data.get("snapshot"), dict) else None,
            name=str(data.get("name", path.stem)),
            saved_at=float(data.get("saved_at", 0) or 0),
            date_text=str(data.get("date_text", "")),
            scenario_path=str(data.get("scenario_path", "")),
        )
    except (ValueError, TypeError) as exc:
        raise SaveError(f"{path.name}: damaged save ({exc})") from None


def _typed(data: dict[str, Any], key: str, kind: type) -> Any:
    if key not in data:
        raise ValueError(f"'{key}' is missing")
    return _check(data[key], kind, key)


def _check(value: Any, kind: type, key: str = "value") -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ValueError(f"'{key}' has the wrong type")
    return value


def restore(save: SaveFile, scenario: Scenario) -> Loaded:
    """Rebuild the saved game: from its snapshot when the scenario is unchanged, else replay."""
    if save.scenario != scenario.meta.id:
        raise SaveError(
            f"{save.path.name}: made for scenario '{save.scenario}', not '{scenario.meta.id}'"
        )
    if save.content_hash == scenario.content_hash and save.snapshot is not None:
        try:
            state = from_json(save.snapshot)
            game = Game(scenario, state)
            game.commands = list(save.commands)
            if state.hashes == save.hashes and _consistent(state, scenario):
                return Loaded(game)
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            pass  # a damaged snapshot: fall back to replaying the commands
    return replay_save(save, scenario)


def _consistent(state: Any, scenario: Scenario) -> bool:
    """Check that a snapshot names only things the scenario has."""
    return (
        set(state.stats) == set(scenario.countries)
        and all(e in scenario.events for e in state.fired)
        and all(p.action in scenario.actions for p in state.projects)
        and isinstance(state_hash(state), str)
    )


def replay_save(
    save: SaveFile, scenario: Scenario, progress: Callable[[int], None] | None = None
) -> Loaded:
    """Replay a save's commands and compare every turn's hash with the stored ones."""
    try:
        game = new_game(scenario, save.seed, save.humans, save.difficulty, save.historical)
    except GameError as exc:
        raise SaveError(f"{save.path.name}: {exc}") from None
    diverged: int | None = None
    for i, cmd in enumerate(save.commands):
        turn = game.state.turn
        try:
            game.apply(cmd)
        except GameError as exc:
            diverged = turn + 1 if diverged is None else diverged
            notice = (
                f"The saved moves no longer fit the scenario: replay stopped at "
                f"turn {turn + 1} ({exc}). Keep the game from there, or cancel."
            )
            return Loaded(game, notice, diverged)
        done = len(game.state.hashes)
        if (
            diverged is None
            and 0 < done <= len(save.hashes)
            and game.state.hashes[done - 1] != save.hashes[done - 1]
        ):
            diverged = done
        if progress:
            progress(i)
    notice = ""
    if save.scenario_version != scenario.meta.version:
        notice = (
            f"Saved with version {save.scenario_version} of the scenario; "
            f"this is version {scenario.meta.version}. "
        )
    if diverged is not None:
        notice += (
            f"The replayed game differs from the saved one from turn {diverged} on. "
            "Keep the replayed game, or cancel."
        )
    elif save.content_hash != scenario.content_hash:
        notice += "The scenario has changed since, but the game replayed exactly."
    return Loaded(game, notice.strip(), diverged)


def verify(save: SaveFile, scenario: Scenario) -> tuple[bool, str]:
    """Replay a save from scratch and check every stored hash; return (ok, message)."""
    loaded = replay_save(save, scenario)
    got = loaded.game.state.hashes
    for turn, (want, have) in enumerate(zip(save.hashes, got, strict=False), start=1):
        if want != have:
            return False, f"turn {turn}: hash {have} differs from the saved {want}"
    if len(got) != len(save.hashes):
        return False, f"replay gave {len(got)} turn hashes, the save holds {len(save.hashes)}"
    if loaded.notice and loaded.diverged_at is not None:
        return False, loaded.notice
    return True, f"{len(got)} turn hashes match"


def open_save(path: Path, load: Callable[[str], Scenario]) -> Loaded:
    """Read a save and restore it with the scenario the loader returns."""
    save = read_save(path)
    try:
        scenario = load(save.scenario_ref())
    except ScenarioError as exc:
        first = exc.problems[0] if exc.problems else "unknown problem"
        raise SaveError(
            f"{path.name}: its scenario '{save.scenario}' cannot be loaded ({first})"
        ) from None
    return restore(save, scenario)


class SaveFolder:
    """Named save slots and rotating autosaves in one folder."""

    def __init__(self, folder: Path, keep_autosaves: int = 5) -> None:
        self.folder = folder
        self.keep = keep_autosaves

    def slot(self, name: str) -> Path:
        """Return the file of a named slot."""
        safe = "".join(c if c.isalnum() or c in "-_ " else "_" for c in name).strip() or "save"
        return self.folder / f"{safe[:60]}.json"

    def saves(self) -> list[Path]:
        """Return every save file, newest first."""
        if not self.folder.is_dir():
            return []
        found = [p for p in self.folder.glob("*.json") if p.is_file()]
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)

    def autosave(self, game: Game) -> Path:
        """Write an autosave for the current turn and keep only the newest few."""
        st = game.state
        path = self.folder / f"autosave-{st.seed}-{st.turn:03d}.json"
        write_save(path, game, f"Autosave, {game.date_text()}")
        autos = [p for p in self.saves() if p.name.startswith("autosave-")]
        for old in autos[self.keep :]:
            old.unlink(missing_ok=True)
        return path

    def latest(self) -> Path | None:
        """Return the newest save, if any."""
        found = self.saves()
        return found[0] if found else None
