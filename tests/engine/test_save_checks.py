"""Hostile saves: every field checked, the snapshot a checked cache, leftovers and races."""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path
from typing import Any

import pytest

from game.engine import saves
from game.engine.commands import EndTurn
from game.engine.save_verify import verify
from game.engine.saves import SaveError, SaveFolder, read_save, restore, write_save
from game.engine.snapshot import to_json
from tests.helpers import mini, mini_game


def _saved(tmp_path: Path, turns: int = 3) -> tuple[Path, dict[str, Any]]:
    game = mini_game(seed=4, humans=["ALF"])
    for _ in range(turns):
        while game.state.pending.get("ALF"):
            eid = game.state.pending["ALF"][0]
            from game.engine.commands import ChooseOption

            option = next(o for o in game.event_options("ALF", eid) if o.ok)
            game.apply(ChooseOption("ALF", eid, option.option.id))
        game.apply(EndTurn("ALF"))
    path = tmp_path / "game.json"
    write_save(path, game)
    return path, json.loads(path.read_text())


def _write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data))
    return path


# --- 5. valid JSON, bad contents ------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("seed", int("9" * 4000)),
        ("seed", 1.5),
        ("difficulty", 7),
        ("humans", ["ALF"] * 100),
        ("humans", "ALF"),
        ("scenario", "x" * 5000),
        ("scenario", "../../etc"),
        ("hashes", ["not a hash"]),
        ("commands", [{"kind": "console", "line": "x" * 5000}]),
        ("commands", [{"kind": "action", "country": "ALF", "action": 5}]),
        ("commands", [{"kind": "fly"}]),
        ("saved_at", "yesterday"),
        ("check", "zz"),
    ],
    ids=[
        "huge-seed",
        "float-seed",
        "difficulty",
        "many-humans",
        "humans-text",
        "long-id",
        "path-id",
        "bad-hash",
        "long-console",
        "number-action",
        "unknown-kind",
        "saved-at",
        "bad-check",
    ],
)
def test_bad_fields_give_one_line(tmp_path: Path, key: str, value: Any) -> None:
    path, data = _saved(tmp_path)
    data[key] = value
    with pytest.raises(SaveError) as info:
        read_save(_write(path, data))
    message = str(info.value)
    assert "\n" not in message and len(message) < 400 and message.startswith("game.json: ")


@pytest.mark.parametrize(
    "text",
    ['{"seed": ' + "9" * 5000 + "}", '{"saved_at": 1e400}', "[" * 100_000, '"\\ud800"'],
    ids=["5000-digits", "float-overflow", "deep", "surrogate"],
)
def test_odd_json_gives_one_line(tmp_path: Path, text: str) -> None:
    path = tmp_path / "odd.json"
    path.write_text(text)
    with pytest.raises(SaveError):
        read_save(path)


def test_a_float_overflow_inside_the_save_is_refused(tmp_path: Path) -> None:
    path, data = _saved(tmp_path)
    text = json.dumps(data).replace('"saved_at": ', '"saved_at": 1e400, "x_": ', 1)
    path.write_text(text)
    with pytest.raises(SaveError, match="damaged"):
        read_save(path)


@pytest.mark.parametrize("kind", ["fifo", "folder", "device", "sparse"])
def test_a_save_that_is_not_a_regular_file_is_refused_at_once(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "x.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "device":
        path.symlink_to("/dev/zero")
    else:
        with path.open("wb") as handle:
            handle.truncate(2 * 1024**3)
    start = time.perf_counter()
    with pytest.raises(SaveError, match="cannot be read"):
        read_save(path)
    assert time.perf_counter() - start < 1.0


def test_a_non_playable_human_is_refused(tmp_path: Path) -> None:
    path, data = _saved(tmp_path)
    data["humans"] = ["CEN"]
    with pytest.raises(SaveError, match="not a playable country"):
        restore(read_save(_write(path, data)), mini())


def test_a_console_command_for_an_unknown_country_stops_the_replay(tmp_path: Path) -> None:
    path, data = _saved(tmp_path)
    data["commands"].insert(0, {"kind": "console", "line": "self.morale = 1", "country": "ZZZ"})
    loaded = restore(read_save(_write(path, data)), mini())
    assert loaded.diverged_at == 1 and "no country 'ZZZ'" in loaded.notice
    ok, message = verify(read_save(path), mini())
    assert not ok and "ZZZ" in message


def test_a_scenario_path_is_never_opened_outside_the_scenario_folders(tmp_path: Path) -> None:
    path, data = _saved(tmp_path)
    decoy = tmp_path / "decoy"
    decoy.mkdir()
    (decoy / "scenario.toml").write_text("[scenario]\n")
    data["scenario"] = "decoy"
    data["scenario_path"] = str(decoy)
    save = read_save(_write(path, data))
    assert str(decoy) not in save.scenario_ref()


def test_saves_store_the_scenario_relative_to_the_bundled_folder(tmp_path: Path) -> None:
    from game.engine.game import new_game
    from game.scenario.load import load_scenario

    game = new_game(load_scenario("pact"), seed=1, humans=[])
    write_save(tmp_path / "p.json", game)
    assert json.loads((tmp_path / "p.json").read_text())["scenario_path"] == "pact"


# --- 6. the snapshot is a checked cache ------------------------------------------------------


def test_an_edited_snapshot_with_kept_hashes_is_replayed_and_said(tmp_path: Path) -> None:
    path, data = _saved(tmp_path)
    for stat in data["snapshot"]["stats"]["ALF"]:
        data["snapshot"]["stats"]["ALF"][stat] = 100
    save = read_save(_write(path, data))
    loaded = restore(save, mini())
    assert loaded.game.state.stats["ALF"] != data["snapshot"]["stats"]["ALF"]
    assert "rebuilt from its moves" in loaded.notice
    ok, message = verify(save, mini())
    assert not ok and "snapshot" in message


def test_an_edited_snapshot_with_a_recomputed_check_fails_verification(tmp_path: Path) -> None:
    path, data = _saved(tmp_path)
    data["snapshot"]["stats"]["ALF"]["morale"] = 100
    data["check"] = saves.check_sum(data)
    ok, message = verify(read_save(_write(path, data)), mini())
    assert not ok and "'stats' differs" in message


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("stats", "ALF", "morale"), "text"),
        (("humans",), ["ZZZ"]),
        (("pending", "ALF"), ["no_such_event"]),
        (("rng",), [3, [1, 2], None]),
        (("turn",), -5),
    ],
    ids=["stat-text", "unknown-human", "unknown-event", "short-rng", "negative-turn"],
)
def test_an_invalid_snapshot_is_never_restored(
    tmp_path: Path, where: tuple[str, ...], value: Any
) -> None:
    path, data = _saved(tmp_path)
    node = data["snapshot"]
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    data["check"] = saves.check_sum(data)  # even with a matching check sum
    loaded = restore(read_save(_write(path, data)), mini())
    assert "rebuilt from its moves" in loaded.notice
    assert loaded.game.state.humans == ["ALF"]


def test_an_old_save_without_a_check_sum_still_loads(tmp_path: Path) -> None:
    path, data = _saved(tmp_path)
    del data["check"]
    data["scenario_path"] = "/somewhere/old/absolute/path"
    loaded = restore(read_save(_write(path, data)), mini())
    assert loaded.notice == "" and to_json(loaded.game.state)["hashes"] == data["hashes"]


def test_bit_flipped_saves_never_restore_a_state_other_than_their_replay(tmp_path: Path) -> None:
    path, data = _saved(tmp_path)
    raw = path.read_bytes()
    rng = random.Random(11)
    restored = 0
    for _ in range(150):
        flipped = bytearray(raw)
        spot = rng.randrange(len(flipped))
        flipped[spot] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(flipped))
        try:
            save = read_save(path)
            loaded = restore(save, mini())
        except SaveError:
            continue
        replayed = saves.replay_save(save, mini())
        assert saves.first_difference(replayed.game, to_json(loaded.game.state)) == ""
        restored += 1
    assert restored > 10


# --- 7. leftovers and races -----------------------------------------------------------------


def test_old_temporaries_are_removed_and_fresh_ones_kept(tmp_path: Path) -> None:
    old = tmp_path / ".slot.json.abc.tmp"
    fresh = tmp_path / ".slot.json.def.tmp"
    keep = tmp_path / "slot.json"
    for path in (old, fresh, keep):
        path.write_text("x")
    os.utime(old, (time.time() - 120, time.time() - 120))
    assert SaveFolder(tmp_path).clean_temporaries() == 1
    assert not old.exists() and fresh.exists() and keep.exists()


def test_listing_tolerates_files_that_vanish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(5):
        (tmp_path / f"s{i}.json").write_text("{}")
    real = os.DirEntry.stat if hasattr(os.DirEntry, "stat") else None
    assert real is not None
    vanished = {"s2.json"}
    original_scandir = os.scandir

    class Entry:
        def __init__(self, entry: os.DirEntry[str]) -> None:
            self._e, self.name, self.path = entry, entry.name, entry.path

        def is_file(self) -> bool:
            return self._e.is_file()

        def stat(self) -> os.stat_result:
            if self.name in vanished:
                raise FileNotFoundError(self.path)
            return self._e.stat()

    class Listing:
        def __init__(self, folder: Path) -> None:
            self._it = original_scandir(folder)

        def __enter__(self) -> list[Entry]:
            return [Entry(e) for e in self._it]

        def __exit__(self, *args: object) -> None:
            self._it.close()

    monkeypatch.setattr(saves.os, "scandir", Listing)
    assert {p.name for p in SaveFolder(tmp_path).saves()} == {f"s{i}.json" for i in (0, 1, 3, 4)}


def test_two_processes_autosaving_at_once_both_survive(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    script = (
        "import sys; sys.path.insert(0, {root!r})\n"
        "from pathlib import Path\n"
        "from game.engine.commands import EndTurn\n"
        "from game.engine.saves import SaveFolder\n"
        "from tests.helpers import mini_game\n"
        "folder = SaveFolder(Path({folder!r}), keep_autosaves=1)\n"
        "for seed in range({start}, {start} + 15):\n"
        "    game = mini_game(seed=seed, humans=[])\n"
        "    folder.autosave(game)\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script.format(root=str(root), folder=str(tmp_path), start=s)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for s in (0, 100)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err


def test_the_snapshot_check_covers_every_field_of_the_state(tmp_path: Path) -> None:
    import attrs

    from game.engine.save_check import snapshot_fields
    from game.model.state import GameState

    assert set(snapshot_fields(mini())) == {f.name for f in attrs.fields(GameState)}
    path, _ = _saved(tmp_path)
    assert saves.snapshot_problem(read_save(path), mini()) == ""
