"""Hostile saves through the real window: a dialog says why, and nothing else breaks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pygame
import pytest

from tests.ui.driver import Driver
from tests.ui.test_saves import _play_a_turn, _save_as, _to_menu


def _edit(path: Path, case: str) -> None:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    snap = data["snapshot"]
    if case == "stat-text":
        first = next(iter(snap["stats"]))
        stat = next(iter(snap["stats"][first]))
        snap["stats"][first][stat] = "text"
    elif case == "unknown-human":
        snap["humans"] = ["NOBODY"]
    elif case == "all-stats-100":
        for stats in snap["stats"].values():
            for stat in stats:
                stats[stat] = 100
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("case", ["stat-text", "unknown-human", "all-stats-100"])
def test_an_edited_snapshot_is_replayed_and_the_player_told(drive: Driver, case: str) -> None:
    _play_a_turn(drive)
    path = _save_as(drive, "Edited")
    _edit(path, case)
    _to_menu(drive)
    drive.key(pygame.K_c)
    assert drive.app.screen_names()[-1] == "message"
    assert "rebuilt from its moves" in drive.screen.text
    drive.key(pygame.K_ESCAPE)
    drive.frames(3)
    assert drive.screen.name in ("game", "event")
    session = drive.app.session
    assert session is not None and "NOBODY" not in session.game.state.humans


@pytest.mark.parametrize(
    ("key", "value"),
    [("seed", int("9" * 4000)), ("humans", ["NOBODY"]), ("scenario", "x" * 5000)],
    ids=["huge-seed", "unknown-human", "long-id"],
)
def test_a_save_with_bad_fields_shows_one_line(drive: Driver, key: str, value: Any) -> None:
    _play_a_turn(drive)
    path = _save_as(drive, "Bad")
    data = json.loads(path.read_text(encoding="utf-8"))
    data[key] = value
    path.write_text(json.dumps(data), encoding="utf-8")
    _to_menu(drive)
    drive.key(pygame.K_c)
    assert drive.app.screen_names() == ["menu", "message"]
    assert "\n" not in drive.screen.text and len(drive.screen.text) < 400
    drive.key(pygame.K_RETURN)
    assert drive.app.screen_names() == ["menu"]
