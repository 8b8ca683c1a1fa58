"""The player's own scenarios in the New game list: listed, playable, broken ones explained."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

from game.cli import main
from game.paths import user_scenarios_dir
from game.ui.screens.setup import SetupScreen
from tests.ui.driver import Driver
from tests.ui.flows import new_game, pick


def _mine(name: str) -> Path:
    """Write a new scenario into the player's folder as an author would, and return it."""
    assert main(["new-scenario", name]) == 0
    return user_scenarios_dir() / name


def test_own_scenario_is_listed_and_starts(drive: Driver) -> None:
    folder = _mine("river_test")
    try:
        new_game(drive, "River Test (yours)", ["NORTH"])
        drive.frames(2)
        assert drive.app.session.scenario.meta.id == "river_test"
        assert drive.screen.name in ("game", "event")
    finally:
        shutil.rmtree(folder)


def test_broken_own_scenario_is_marked_and_shows_its_errors(drive: Driver) -> None:
    folder = _mine("broken_test")
    try:
        path = folder / "scenario.toml"
        path.write_text(path.read_text().replace('playable = ["NORTH"', 'playable = ["NORHT"'))
        drive.click(drive.screen.buttons["new"])
        setup = drive.screen
        titles = [item["text"] for item in setup.list.item_list]
        assert "Broken Test (yours, broken)" in titles
        pick(drive, setup.list, "Broken Test (yours, broken)")
        setup = drive.screen
        shown = html.unescape(setup.summary.html_text)
        assert "cannot be played yet" in shown
        assert "scenario.toml:" in shown and "unknown country 'NORHT'" in shown
        assert not setup.start_button.is_enabled
        drive.shot("setup-broken-scenario")
    finally:
        shutil.rmtree(folder)


def test_rescan_finds_a_scenario_added_while_the_screen_is_open(drive: Driver) -> None:
    drive.click(drive.screen.buttons["new"])
    before = [item["text"] for item in drive.screen.list.item_list]
    folder = _mine("late_test")
    try:
        drive.click(drive.screen.rescan_button)
        after = [item["text"] for item in drive.screen.list.item_list]
        assert after == [*before, "Late Test (yours)"]
        assert "scenario(s) found" in drive.screen.note.text
    finally:
        shutil.rmtree(folder)


def test_folder_button_opens_the_players_folder(drive: Driver, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[Path] = []
    monkeypatch.setattr(SetupScreen, "opener", staticmethod(lambda p: opened.append(p) or True))
    drive.click(drive.screen.buttons["new"])
    drive.click(drive.screen.folder_button)
    assert opened == [user_scenarios_dir()]
    assert str(user_scenarios_dir()) in drive.screen.note.text
