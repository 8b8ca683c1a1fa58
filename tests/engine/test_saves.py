"""Saves: atomic writes, defensive reads, snapshot restore, replay and divergence."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.engine.commands import EndTurn, TakeAction
from game.engine.game import Game
from game.engine.save_verify import verify
from game.engine.saves import (
    SaveError,
    SaveFolder,
    open_save,
    read_save,
    restore,
    write_save,
)
from game.engine.snapshot import state_hash
from game.scenario.load import load_scenario
from tests.helpers import MINI, mini, mini_game


def _played(turns: int = 4, seed: int = 2) -> Game:
    game = mini_game(seed=seed, humans=["ALF"])
    for _ in range(turns):
        while game.state.pending.get("ALF"):
            eid = game.state.pending["ALF"][0]
            option = next(o for o in game.event_options("ALF", eid) if o.ok)
            from game.engine.commands import ChooseOption

            game.apply(ChooseOption("ALF", eid, option.option.id))
        views = [v for v in game.available_actions("ALF") if v.ok and not v.targets]
        if views:
            game.apply(TakeAction("ALF", views[0].action.d.id))
        game.apply(EndTurn("ALF"))
    return game


def _load(path: Path) -> Game:
    return open_save(path, lambda ref: load_scenario(MINI)).game


def test_save_and_load_restore_the_same_game(tmp_path: Path) -> None:
    game = _played()
    path = tmp_path / "one.json"
    write_save(path, game, "First")
    again = _load(path)
    assert state_hash(again.state) == state_hash(game.state)
    assert again.commands == game.commands
    again.apply(EndTurn("ALF"))
    game.apply(EndTurn("ALF"))
    assert again.state.hashes == game.state.hashes
    expected = (True, "4 turn hashes match, and so does the snapshot")
    assert verify(read_save(path), mini()) == expected


def test_failing_write_leaves_the_previous_save_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "slot.json"
    first = _played(2)
    write_save(path, first)
    before = path.read_bytes()

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(SaveError, match="No space left"):
        write_save(path, _played(5))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["slot.json"]
    assert _load(path).state.turn == first.state.turn


_WRITER = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from tests.helpers import mini_game
from game.engine.commands import EndTurn
from game.engine.saves import write_save
game = mini_game(seed=3, humans=[])
for _ in range(10):
    game.apply(EndTurn())
print("ready", flush=True)
while True:
    write_save(Path({path!r}), game, "x" * 200000)
"""


def test_killing_a_saving_process_never_corrupts_the_save(tmp_path: Path) -> None:
    path = tmp_path / "victim.json"
    write_save(path, _played(1))
    root = str(Path(__file__).resolve().parents[2])
    for attempt in range(5):
        proc = subprocess.Popen(
            [sys.executable, "-c", _WRITER.format(root=root, path=str(path))],
            stdout=subprocess.PIPE,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(0.05 + 0.03 * attempt)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        save = read_save(path)  # must parse whole: old or new, never half
        assert save.scenario == "mini"
    leftovers = [p for p in tmp_path.iterdir() if p.name != "victim.json"]
    for tmp in leftovers:  # a killed writer may leave its temporary file, never the save
        assert tmp.name.startswith(".victim.json.") and tmp.suffix == ".tmp"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b'{"format": "rapallo-save", "version": 1, "scen', "damaged or truncated"),
        (b"\xff\xfe\x00garbage", "damaged or truncated"),
        (b'{"hello": "world"}', "not a Rapallo save"),
        (b"[1, 2, 3]", "not a Rapallo save"),
        (b'{"format": "rapallo-save", "version": 99}', "another version"),
        (b'{"format": "rapallo-save", "version": 1, "scenario": 5}', "damaged save"),
        (b"[" * 100000 + b"]" * 100000, "damaged or truncated"),
    ],
    ids=["empty", "truncated", "binary", "foreign-json", "list", "future", "wrong-type", "deep"],
)
def test_bad_files_give_one_clear_line(tmp_path: Path, content: bytes, message: str) -> None:
    good = tmp_path / "good.json"
    write_save(good, _played(1))
    kept = good.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    with pytest.raises(SaveError) as caught:
        _load(bad)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    assert good.read_bytes() == kept


def test_hand_edited_commands_are_refused_or_replayed(tmp_path: Path) -> None:
    path = tmp_path / "edited.json"
    write_save(path, _played(3))
    data = json.loads(path.read_text())
    data["commands"][0] = {"kind": "action", "country": "ALF", "action": "no_such"}
    data["content_hash"] = "changed"
    path.write_text(json.dumps(data))
    loaded = open_save(path, lambda ref: load_scenario(MINI))
    assert loaded.diverged_at == 1
    assert "replay stopped at turn 1" in loaded.notice


def test_changed_scenario_replays_and_names_the_first_divergent_turn(tmp_path: Path) -> None:
    game = _played(6)
    path = tmp_path / "old.json"
    write_save(path, game)
    changed = tmp_path / "changed"
    shutil.copytree(MINI, changed)
    text = (
        (changed / "actions.toml")
        .read_text()
        .replace(
            'effects = ["self.morale += 8", "self.treasury -= 10"]',
            'effects = ["self.morale += 9", "self.treasury -= 10"]',
        )
    )
    (changed / "actions.toml").write_text(text)
    (changed / "scenario.toml").write_text(
        (changed / "scenario.toml").read_text().replace('version = "1.2"', 'version = "1.3"')
    )
    loaded = restore(read_save(path), load_scenario(changed))
    assert "version 1.2" in loaded.notice and "version 1.3" in loaded.notice
    if loaded.diverged_at is not None:
        assert f"from turn {loaded.diverged_at}" in loaded.notice
    unchanged = restore(read_save(path), mini())
    assert unchanged.notice == "" and unchanged.diverged_at is None


def test_autosaves_keep_the_last_five(tmp_path: Path) -> None:
    folder = SaveFolder(tmp_path)
    game = mini_game(seed=1, humans=[])
    for _ in range(8):
        folder.autosave(game)
        time.sleep(0.01)
        game.apply(EndTurn())
    names = sorted(p.name for p in folder.saves())
    assert len(names) == 5
    assert names[-1] == "autosave-1-007.json"
    assert folder.latest() == tmp_path / "autosave-1-007.json"
