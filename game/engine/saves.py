"""Save files: versioned JSON written atomically, read defensively, restored or replayed."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from attrs import define

from game.engine import save_check as checks
from game.engine.commands import (
    Command,
    Console,
    GameError,
    command_from_json,
    command_to_json,
)
from game.engine.game import Game, new_game
from game.engine.save_files import TEMP_AGE, remove_temporaries, write_atomic
from game.engine.snapshot import HASH_VERSION, HASHES, from_json, to_json
from game.locale import N_, _
from game.paths import user_scenarios_dir
from game.scenario.compiled import Scenario
from game.scenario.errors import ScenarioError
from game.scenario.read import FileRefused, locate, portable_ref, read_regular

FORMAT = "rapallo-save"
# The version is the kind of turn hash a save holds; older saves load, and keep their kind.
VERSION, READS = HASH_VERSION, tuple(sorted(HASHES))
MAX_BYTES = 64 * 1024 * 1024
AUTOSAVE_NAME = "Autosave"  # the name an autosave keeps; the frontend shows it in its language
CHECK_SUM = N_("the check sum does not match the save's contents")


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
    check: str = ""
    version: int = VERSION  # which kind of turn hash `hashes` holds

    def scenario_ref(self) -> str:
        """Return the scenario folder to load, found only in the bundled or the user's folder."""
        found = locate(self.scenario, self.scenario_path)
        return str(found if found is not None else user_scenarios_dir() / self.scenario)


@define
class Loaded:
    """A game restored from a save, with what the player should be told."""

    game: Game
    notice: str = ""
    diverged_at: int | None = None


def to_data(game: Game, name: str = "") -> dict[str, Any]:
    """Return a game as save-file data."""
    st, sc = game.state, game.scenario
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": game.hash_version,
        "name": name,
        "saved_at": time.time(),
        "date_text": game.date_text(),
        "scenario": sc.meta.id,
        "scenario_version": sc.meta.version,
        "scenario_path": portable_ref(sc.path),
        "content_hash": sc.content_hash,
        "seed": st.seed,
        "humans": list(st.humans),
        "difficulty": st.difficulty,
        "historical": st.historical,
        "commands": [command_to_json(c) for c in game.commands],
        "hashes": list(st.hashes),
        "snapshot": to_json(st),
    }
    data["check"] = check_sum(data)
    return data


def canonical(value: Any) -> str:
    """Return JSON text that is the same for equal data, whatever the order of keys."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def check_sum(data: dict[str, Any]) -> str:
    """Return the digest binding a save's snapshot to everything its replay starts from."""
    keys = ("scenario", "content_hash", "seed", "humans", "difficulty", "historical")
    bound = {k: data.get(k) for k in (*keys, "commands", "hashes", "snapshot")}
    return hashlib.sha256(canonical(bound).encode()).hexdigest()


def refused(words: str, **fields: object) -> SaveError:
    """Return the error for a save refused, in the player's language, its fields filled in."""
    return SaveError(_(words).format(**fields))


def write_save(path: Path, game: Game, name: str = "") -> None:
    """Save a game atomically; raise SaveError if the disk refuses."""
    try:
        write_atomic(path, json.dumps(to_data(game, name or path.stem), ensure_ascii=False))
    except OSError as exc:
        why = exc.strerror or exc
        raise refused(N_("could not save to {path}: {reason}"), path=path, reason=why) from None


def read_save(path: Path) -> SaveFile:
    """Read and check a save file; raise SaveError with a one-line reason."""
    try:
        raw = read_regular(path, MAX_BYTES)
    except FileRefused as exc:
        raise refused(N_("{file}: cannot be read ({reason})"), file=path.name, reason=exc) from None
    if not raw:
        raise refused(N_("{file}: the file is empty"), file=path.name)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as exc:  # bad UTF-8, bad JSON, 4300-digit numbers
        line = exc.lineno if isinstance(exc, json.JSONDecodeError) else 0
        at = _(" at line {line}").format(line=line) if line else ""
        words = N_("{file}: not a save file (damaged or truncated{where})")
        raise refused(words, file=path.name, where=at) from None
    return parse_save(data, path)


def parse_save(data: Any, path: Path) -> SaveFile:
    """Check save data field by field; raise SaveError with a one-line reason."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise refused(N_("{file}: not a Rapallo save file"), file=path.name)
    version = data.get("version")
    if type(version) is not int or version not in READS:
        words = N_(
            "{file}: saved by another version of the game (save format {saved}, this game reads"
            " {version})"
        )
        reads = f"{READS[0]}–{READS[-1]}"
        raise refused(words, file=path.name, saved=repr(version)[:20], version=reads)
    try:
        checks.SAVE(data, "")
        commands = [command_from_json(c) for c in data["commands"]]
    except ValueError as exc:
        why = str(exc)[:200]
        raise refused(N_("{file}: damaged save ({reason})"), file=path.name, reason=why) from None
    snapshot = data.get("snapshot")
    return SaveFile(
        path=path,
        scenario=data["scenario"],
        scenario_version=data["scenario_version"],
        content_hash=data["content_hash"],
        seed=data["seed"],
        humans=list(data["humans"]),
        difficulty=data["difficulty"],
        historical=data["historical"],
        commands=commands,
        hashes=list(data["hashes"]),
        snapshot=snapshot if isinstance(snapshot, dict) else None,
        name=data.get("name", path.stem),
        saved_at=float(data.get("saved_at", 0)),
        date_text=data.get("date_text", ""),
        scenario_path=data.get("scenario_path", ""),
        check=data.get("check", ""),
        version=version,
    )


def as_data(save: SaveFile) -> dict[str, Any]:
    """Return the fields of a save that its check sum covers, as they were saved."""
    return {
        "scenario": save.scenario,
        "content_hash": save.content_hash,
        "seed": save.seed,
        "humans": save.humans,
        "difficulty": save.difficulty,
        "historical": save.historical,
        "commands": [command_to_json(c) for c in save.commands],
        "hashes": save.hashes,
        "snapshot": save.snapshot,
    }


def check_against(save: SaveFile, scenario: Scenario) -> None:
    """Check a save's ids against its scenario; raise SaveError naming the first stranger."""
    name, sc_id = save.path.name, scenario.meta.id
    if save.scenario != sc_id:
        words = N_("{file}: made for scenario {saved}, not {id}")
        raise refused(words, file=name, saved=f"'{save.scenario}'", id=f"'{sc_id}'")
    for cid in save.humans:
        if cid not in scenario.meta.playable:
            words = N_("{file}: {id} is not a playable country of this scenario")
            raise refused(words, file=name, id=f"'{cid}'")
    if len(set(save.humans)) != len(save.humans):
        raise refused(N_("{file}: a country is listed twice among the players"), file=name)


def snapshot_problem(save: SaveFile, scenario: Scenario) -> str:
    """Return why a save's snapshot cannot stand for its game, or '' when it can."""
    if save.snapshot is None:
        return _("the save holds no snapshot")
    if save.content_hash != scenario.content_hash:
        return _("the scenario has changed since")
    if not save.check:
        return _("the save holds no check sum (an older version wrote it)")
    if save.check != check_sum(as_data(save)):
        return _(CHECK_SUM)
    why = checks.check_state(save.snapshot, scenario)
    if why:
        return why
    if save.snapshot["hashes"] != save.hashes:
        return _("the snapshot's turn hashes differ from the save's")
    return ""


def restore(save: SaveFile, scenario: Scenario) -> Loaded:
    """Rebuild the saved game: from its snapshot when that checks out, else by replaying."""
    check_against(save, scenario)
    why = snapshot_problem(save, scenario)
    if not why:
        try:
            game = Game(scenario, from_json(save.snapshot or {}))
            game.commands = list(save.commands)
            game.hash_version = save.version
            return Loaded(game)
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            why = _("the snapshot cannot be restored")
    loaded = replay_save(save, scenario)
    differs = save.snapshot is not None and first_difference(loaded.game, save.snapshot)
    if differs and save.content_hash == scenario.content_hash and loaded.diverged_at is None:
        note = _(
            "The saved position could not be trusted ({reason}), so the game was rebuilt from"
            " its moves."
        ).format(reason=f"{why}; {differs}")
        loaded.notice = f"{note} {loaded.notice}".strip()
    return loaded


def first_difference(game: Game, snapshot: dict[str, Any]) -> str:
    """Return where a snapshot first differs from a game's state, or '' when it equals it."""
    state = json.loads(canonical(to_json(game.state)))
    if not isinstance(snapshot, dict):
        return _("the snapshot is not an object")
    for key in sorted(set(state) | set(snapshot)):
        if canonical(state.get(key)) != canonical(snapshot.get(key)):
            return _("its {key} differs from the replayed game").format(key=f"'{str(key)[:40]}'")
    return ""


def replay_save(
    save: SaveFile, scenario: Scenario, progress: Callable[[int], None] | None = None
) -> Loaded:
    """Replay a save's commands and compare every turn's hash with the stored ones."""
    check_against(save, scenario)
    try:
        game = new_game(scenario, save.seed, save.humans, save.difficulty, save.historical)
    except GameError as exc:
        raise refused(N_("{file}: {reason}"), file=save.path.name, reason=exc) from None
    game.hash_version = save.version
    diverged: int | None = None
    for i, cmd in enumerate(save.commands):
        turn = game.state.turn
        try:
            _apply(game, cmd)
        except GameError as exc:
            diverged = turn + 1 if diverged is None else diverged
            notice = _(
                "The saved moves no longer fit the scenario: replay stopped at turn {turn}"
                " ({reason}). Keep the game from there, or cancel."
            ).format(turn=turn + 1, reason=exc)
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
        notice = _("Saved with version {saved} of the scenario; this is version {now}.").format(
            saved=save.scenario_version, now=scenario.meta.version
        )
    if diverged is not None:
        notice += " " + _(
            "The replayed game differs from the saved one from turn {turn} on. Keep the"
            " replayed game, or cancel."
        ).format(turn=diverged)
    elif save.content_hash != scenario.content_hash:
        notice += " " + _("The scenario has changed since, but the game replayed exactly.")
    return Loaded(game, notice.strip(), diverged)


def _apply(game: Game, cmd: Command) -> None:
    """Apply a saved command; an author's console line that fails is refused like any other."""
    if not isinstance(cmd, Console):
        game.apply(cmd)
        return
    try:
        game.apply(cmd)
    except (ArithmeticError, LookupError, RecursionError, TypeError, ValueError) as exc:
        raise GameError(
            _("the console line failed ({kind})").format(kind=type(exc).__name__)
        ) from None


def open_save(path: Path, load: Callable[[str], Scenario]) -> Loaded:
    """Read a save and restore it with the scenario the loader returns."""
    save = read_save(path)
    shown = f"'{save.scenario}'"
    try:
        scenario = load(save.scenario_ref())
    except ScenarioError as exc:
        if locate(save.scenario, save.scenario_path) is None:
            words = N_(
                "{file}: its scenario {id} is not installed; open it once from its folder, or"
                " copy the folder into {folder}"
            )
            folder = user_scenarios_dir()
            raise refused(words, file=path.name, id=shown, folder=folder) from None
        first = exc.problems[0] if exc.problems else _("unknown problem")
        words = N_("{file}: its scenario {id} cannot be loaded ({reason})")
        raise refused(words, file=path.name, id=shown, reason=first) from None
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
        """Return every save file, newest first; files that vanish meanwhile are left out."""
        found: list[tuple[float, str, Path]] = []
        try:
            with os.scandir(self.folder) as entries:
                for entry in entries:
                    if not entry.name.endswith(".json") or entry.name.startswith("."):
                        continue
                    try:
                        if entry.is_file():
                            found.append((entry.stat().st_mtime, entry.name, Path(entry.path)))
                    except OSError:
                        continue  # removed or unreadable since the folder was listed
        except OSError:
            return []
        return [path for _, _, path in sorted(found, reverse=True)]

    def clean_temporaries(self, age: float = TEMP_AGE) -> int:
        """Remove half-written save files older than `age` seconds; return how many went."""
        return remove_temporaries(self.folder, age)

    def autosave(self, game: Game) -> Path:
        """Write an autosave for the current turn and keep only the newest few."""
        st = game.state
        path = self.folder / f"autosave-{st.seed}-{st.turn:03d}.json"
        write_save(path, game, AUTOSAVE_NAME)
        autos = [p for p in self.saves() if p.name.startswith("autosave-")]
        for old in autos[self.keep :]:
            old.unlink(missing_ok=True)
        return path

    def latest(self) -> Path | None:
        """Return the newest save, if any."""
        found = self.saves()
        return found[0] if found else None
