"""Save formats: a save of the first format (turn hashes of the state's text) still loads."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.engine.commands import EndTurn
from game.engine.game import Game
from game.engine.save_verify import verify
from game.engine.saves import VERSION, SaveError, open_save, read_save, restore, to_data
from game.engine.snapshot import HASH_VERSION, HASHES, state_hash, state_hash_v1
from game.scenario.load import load_scenario
from tests.helpers import MINI, mini, mini_game

FORMAT_1 = Path(__file__).parent.parent / "data" / "saves" / "format1.json"


def _copy(tmp_path: Path) -> Path:
    path = tmp_path / "old.json"
    shutil.copy(FORMAT_1, path)
    return path


def _load(path: Path) -> Game:
    return open_save(path, lambda ref: load_scenario(MINI)).game


def test_new_saves_hold_the_current_kind_of_turn_hash() -> None:
    game = mini_game(seed=2, humans=[])
    game.apply(EndTurn())
    assert VERSION == HASH_VERSION and to_data(game)["version"] == VERSION
    assert game.state.hashes == [state_hash(game.state)]
    assert state_hash(game.state) != state_hash_v1(game.state)


def test_a_first_format_save_verifies_by_its_own_hashes(tmp_path: Path) -> None:
    save = read_save(_copy(tmp_path))
    assert save.version == 1
    assert verify(save, mini()) == (True, "4 turn hashes match, and so does the snapshot")


def test_a_first_format_game_goes_on_hashing_the_first_way(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    game = _load(path)
    assert game.hash_version == 1
    game.apply(EndTurn("ALF"))
    assert game.state.hashes[-1] == HASHES[1](game.state)
    again = tmp_path / "again.json"
    again.write_text(json.dumps(to_data(game)))
    assert json.loads(again.read_text())["version"] == 1
    assert verify(read_save(again), mini()) == (
        True,
        "5 turn hashes match, and so does the snapshot",
    )


def test_a_first_format_save_without_snapshot_replays_without_notice(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    data = json.loads(path.read_text())
    data["snapshot"] = None
    data.pop("check")
    path.write_text(json.dumps(data))
    loaded = restore(read_save(path), mini())
    assert loaded.notice == "" and loaded.diverged_at is None
    assert loaded.game.state.hashes == data["hashes"]


@pytest.mark.parametrize("version", [0, 3, 1.0, True, "1", None])
def test_unknown_formats_are_refused(tmp_path: Path, version: object) -> None:
    path = _copy(tmp_path)
    data = json.loads(path.read_text())
    data["version"] = version
    path.write_text(json.dumps(data))
    with pytest.raises(SaveError, match="another version of the game"):
        read_save(path)
