"""Shared helpers for tests: the compact test scenario and broken copies of it."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.engine.game import Game, new_game
from game.scenario.compiled import Scenario
from game.scenario.load import load_scenario

MINI = Path(__file__).parent / "data" / "mini"
_cache: dict[str, Scenario] = {}


def mini() -> Scenario:
    """Return the compact test scenario, loaded once."""
    if "mini" not in _cache:
        _cache["mini"] = load_scenario(MINI)
    return _cache["mini"]


def mini_game(seed: int = 1, humans: list[str] | None = None) -> Game:
    """Start a game of the test scenario."""
    return new_game(mini(), seed=seed, humans=humans if humans is not None else ["ALF"])


def broken_copy(tmp: Path, file: str, old: str, new: str) -> Path:
    """Copy the test scenario and replace one text in one file; return the folder."""
    folder = tmp / "broken"
    shutil.copytree(MINI, folder)
    path = folder / file
    text = path.read_text()
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1))
    return folder


def lang_acting_alone(tmp: Path) -> Scenario:
    """Return the language test scenario with its accord kept from the computer's proposals.

    A computer signs the accord as a treaty before it takes any action, which leaves the
    `sign` action (and the events it sets off) to people; reports about those need it taken.
    """
    folder = tmp / "lang"
    shutil.copytree(Path(__file__).parent / "data" / "lang", folder)
    path = folder / "scenario.toml"
    text = path.read_text()
    assert 'id = "northern_accord"' in text
    path.write_text(text.replace('id = "northern_accord"', 'id = "northern_accord"\nai_weight = 0'))
    return load_scenario(folder)


def line_of(folder: Path, file: str, needle: str) -> int:
    """Return the 1-based line where a text first appears in a scenario file."""
    for number, line in enumerate((folder / file).read_text().splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not found in {file}")
