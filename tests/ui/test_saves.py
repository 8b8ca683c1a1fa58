"""Saving and loading through the real window: named slots, the load list, bad files, replays."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from game.engine.saves import read_save
from game.ui import app as app_module
from game.ui import launch, saves
from game.ui.app import App
from tests.ui.driver import Driver
from tests.ui.flows import answer_events, end_turn, leave_to_menu, new_game, open_pause

MINI_TITLE = "Mini Test Scenario"


def _play_a_turn(drive: Driver) -> None:
    """Start a mini game as BOR and play one turn."""
    new_game(drive, MINI_TITLE, ["BOR"])
    drive.frames(2)
    answer_events(drive)
    end_turn(drive)
    answer_events(drive)


def _save_as(drive: Driver, name: str, shot: str | None = None) -> Path:
    """Save from the pause menu under a typed name; return the file."""
    open_pause(drive)
    assert drive.screen.name == "pause"
    drive.click(drive.screen.buttons["Save game"])
    assert drive.screen.name == "save"
    assert drive.screen.entry.get_text().startswith(MINI_TITLE)
    drive.clear_entry()
    drive.type_text(name)
    assert drive.screen.entry.get_text() == name
    if shot:
        drive.shot(shot)
    drive.key(pygame.K_RETURN)
    assert drive.screen.name == "pause"
    drive.key(pygame.K_ESCAPE)
    assert drive.screen.name == "game"
    return saves.folder().slot(name)


def _to_menu(drive: Driver) -> None:
    """Leave the game for the main menu through the pause menu."""
    drive.key(pygame.K_ESCAPE)
    leave_to_menu(drive)


def test_a_named_save_from_the_pause_menu_loads_from_the_main_menu(drive: Driver) -> None:
    _play_a_turn(drive)
    game = drive.app.session.game
    path = _save_as(drive, "Before the talks", shot="save-dialog")
    assert path.is_file()
    assert read_save(path).name == "Before the talks"
    assert any("Before the talks" in t.text for t in drive.app.toasts)
    hashes, turn = list(game.state.hashes), game.state.turn
    _to_menu(drive)
    drive.key(pygame.K_l)
    load = drive.screen
    assert load.name == "load"
    first = load.items[0]
    assert first.startswith("Before the talks") and game.date_text() in first
    drive.shot("load-dialog")
    drive.click(load.load_button)
    assert drive.screen.name in ("game", "event")
    assert drive.app.session.game.state.hashes == hashes
    assert drive.app.session.game.state.turn == turn


def test_saving_twice_under_one_name_asks_before_replacing(drive: Driver) -> None:
    _play_a_turn(drive)
    _save_as(drive, "Slot")
    drive.key(pygame.K_ESCAPE)
    drive.click(drive.screen.buttons["Save game"])
    drive.clear_entry()
    drive.type_text("Slot")
    drive.key(pygame.K_RETURN)
    assert drive.screen.name == "save"
    assert "replace" in drive.screen.note
    drive.click(drive.screen.save_button)
    assert drive.screen.name == "pause"
    assert len(saves.list_saves()) >= 2  # the slot plus the turn's autosave


def test_load_from_the_pause_menu_lists_saves_newest_first(drive: Driver) -> None:
    _play_a_turn(drive)
    _save_as(drive, "Older")
    end_turn(drive)
    answer_events(drive)
    _save_as(drive, "Newer")
    drive.key(pygame.K_ESCAPE)
    drive.click(drive.screen.buttons["Load game"])
    items = drive.screen.items
    assert items[0].startswith("Newer")
    assert items.index(next(i for i in items if i.startswith("Older"))) > 0


def test_continue_opens_the_latest_save(drive: Driver) -> None:
    _play_a_turn(drive)
    _save_as(drive, "Latest")
    commands = len(drive.app.session.game.commands)
    _to_menu(drive)
    drive.key(pygame.K_c)
    assert drive.screen.name in ("game", "event")
    assert len(drive.app.session.game.commands) == commands


def test_autosave_keeps_the_last_five(drive: Driver) -> None:
    new_game(drive, MINI_TITLE, ["BOR"])
    for _ in range(7):
        answer_events(drive)
        if drive.screen.name != "game":
            break
        end_turn(drive)
    autos = [p for p in saves.list_saves() if p.name.startswith("autosave-")]
    assert len(autos) == 5


def test_no_autosave_when_the_setting_is_off(drive: Driver) -> None:
    drive.app.settings.autosave = False
    _play_a_turn(drive)
    assert saves.list_saves() == []


@pytest.mark.parametrize(
    "content",
    [b"", b'{"format": "rapallo-save", "ver', b"\x00\xff garbage", b"[1, 2, 3]"],
    ids=["empty", "truncated", "binary", "foreign"],
)
def test_a_bad_save_shows_its_reason_and_breaks_nothing(drive: Driver, content: bytes) -> None:
    _play_a_turn(drive)
    good = _save_as(drive, "Good")
    _to_menu(drive)
    before = good.read_bytes()
    bad = saves.save_dir() / "broken.json"
    bad.write_bytes(content)
    drive.key(pygame.K_c)  # the broken file is the newest
    assert drive.screen.name == "message"
    assert drive.app.screen_names() == ["menu", "message"]
    assert "broken.json" in drive.screen.text
    assert "\n" not in drive.screen.text
    if content == b"[1, 2, 3]":
        drive.shot("load-error")
    drive.key(pygame.K_RETURN)
    assert drive.app.screen_names() == ["menu"]
    assert good.read_bytes() == before
    assert bad.read_bytes() == content
    drive.key(pygame.K_l)
    assert any("damaged" in line for line in drive.screen.items)


def _tamper(path: Path, diverge: bool) -> None:
    """Make a save look as if its scenario changed (and its hashes differ, if diverge)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["content_hash"] = "0" * 16
    if diverge:
        data["hashes"] = ["f" * 16 for _ in data["hashes"]]
    path.write_text(json.dumps(data), encoding="utf-8")


def test_a_diverging_replay_asks_keep_or_cancel(drive: Driver) -> None:
    _play_a_turn(drive)
    path = _save_as(drive, "Diverged")
    _tamper(path, diverge=True)
    drive.key(pygame.K_ESCAPE)
    drive.click(drive.screen.buttons["Load game"])
    session = drive.app.session
    drive.click(drive.screen.load_button)
    dialog = drive.screen
    assert dialog.name == "confirm"
    assert "differs from the saved one from turn 1" in dialog.text
    drive.shot("load-divergence")
    drive.click(dialog.window.cancel_button)
    drive.frames(2)
    assert drive.app.screen_names() == ["game", "pause", "load"]
    assert drive.app.session is session
    drive.click(drive.screen.load_button)
    drive.click(drive.screen.window.confirm_button)
    assert drive.screen.name in ("game", "event")
    assert drive.app.session is not session


def test_a_changed_scenario_that_replays_exactly_is_only_mentioned(drive: Driver) -> None:
    _play_a_turn(drive)
    path = _save_as(drive, "Changed")
    _tamper(path, diverge=False)
    _to_menu(drive)
    drive.key(pygame.K_c)
    assert drive.app.screen_names()[-1] == "message"
    assert "replayed exactly" in drive.screen.text
    drive.key(pygame.K_ESCAPE)
    assert drive.screen.name in ("game", "event")


def test_load_on_the_command_line_opens_the_game(
    drive: Driver, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _play_a_turn(drive)
    path = _save_as(drive, "For the command line")
    turn = drive.app.session.game.state.turn
    seen: dict[str, object] = {}

    def fake_run(self: App) -> int:
        seen["screens"] = self.screen_names()
        seen["turn"] = self.session.game.state.turn if self.session else None
        self.close()
        return 0

    monkeypatch.setattr(app_module.App, "run", fake_run)
    monkeypatch.setattr(app_module, "Settings", _TmpSettings(tmp_path))
    assert launch.run_app(load=str(path)) == 0
    assert seen == {"screens": ["game"], "turn": turn}
    bad = tmp_path / "bad.json"
    bad.write_text("nope")
    launch.run_app(load=str(bad))
    assert seen["screens"] == ["menu", "message"]


class _TmpSettings:
    """Stand in for Settings so run_app reads no real user file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def load_checked(self, path: Path | None = None):  # type: ignore[no-untyped-def]
        from game.ui.settings import Settings

        return Settings.load_checked(path or self.folder / "settings.json")

    def __call__(self, **kwargs: object):  # type: ignore[no-untyped-def]
        from game.ui.settings import Settings

        return Settings(**kwargs)  # type: ignore[arg-type]


def test_the_number_key_that_opens_the_save_dialog_is_not_typed_into_its_name(
    drive: Driver,
) -> None:
    _play_a_turn(drive)
    open_pause(drive)
    assert drive.screen.name == "pause"
    # One press of "2" as a window delivers it: the key, then its text, in one frame.
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_2, mod=0, unicode="2"))
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="2"))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_2, mod=0, unicode="2"))
    drive.frames(2)
    assert drive.screen.name == "save"
    assert not drive.screen.entry.get_text().endswith("2")
    drive.type_text("7")
    assert drive.screen.entry.get_text().endswith("7")
