"""Autosaves per campaign: a new game never prunes another game's autosaves; a readable list."""

from __future__ import annotations

import pygame

from game.ui import saves
from tests.ui.driver import Driver
from tests.ui.flows import answer_events, end_turn, leave_to_menu, new_game

MINI_TITLE = "Mini Test Scenario"


def _play(drive: Driver, turns: int) -> None:
    for _ in range(turns):
        answer_events(drive)
        if drive.screen.name != "game":
            return
        end_turn(drive)


def _to_menu(drive: Driver) -> None:
    drive.key(pygame.K_ESCAPE)
    if drive.screen.name != "pause":
        drive.key(pygame.K_ESCAPE)
    leave_to_menu(drive)


def test_a_new_game_keeps_the_other_campaigns_autosaves(drive: Driver) -> None:
    new_game(drive, MINI_TITLE, ["BOR"])
    _play(drive, 7)
    first = drive.app.session.campaign
    _to_menu(drive)
    new_game(drive, MINI_TITLE, ["SYL"])
    _play(drive, 7)
    second = drive.app.session.campaign
    assert first != second
    autos = [p for p in saves.list_saves() if p.name.startswith("autosave-")]
    assert len([p for p in autos if saves.campaign_of(p) == first]) == 5
    assert len([p for p in autos if saves.campaign_of(p) == second]) == 5


def test_continuing_a_loaded_autosave_stays_in_its_campaign(drive: Driver) -> None:
    new_game(drive, MINI_TITLE, ["BOR"])
    _play(drive, 2)
    campaign = drive.app.session.campaign
    _to_menu(drive)
    drive.click(drive.screen.buttons["continue"])
    assert drive.app.session.campaign == campaign


def test_the_load_list_names_scenario_side_date_and_turn_once(drive: Driver) -> None:
    new_game(drive, MINI_TITLE, ["BOR"])
    _play(drive, 2)
    _to_menu(drive)
    drive.click(drive.screen.buttons["load"])
    screen = drive.screen
    assert screen.name == "load"
    line = screen.items[0]
    game_date = screen.infos[0].date_text
    assert line.startswith("Autosave  ·  ")
    assert line.count(game_date) == 1
    assert "Borduria" in line and "turn " in line and "(saved " in line
    drive.shot("load-list")


def _save_as(drive: Driver, name: str) -> None:
    drive.key(pygame.K_ESCAPE)
    drive.click(drive.screen.buttons["Save game"])
    dialog = drive.screen
    assert dialog.name == "save"
    drive.click(dialog.entry)
    drive.clear_entry()
    drive.type_text(name)
    drive.click(dialog.save_button)
    assert drive.screen.name == "pause"
    drive.key(pygame.K_ESCAPE)


def test_names_that_differ_never_share_a_file(drive: Driver) -> None:
    drive.app.settings.autosave = False
    new_game(drive, MINI_TITLE, ["BOR"])
    answer_events(drive)
    _save_as(drive, "q:x")
    _save_as(drive, "q/x")
    names = sorted(saves.describe(p).name for p in saves.list_saves())
    assert names == ["q/x", "q:x"]


def test_a_name_the_font_cannot_draw_says_so(drive: Driver) -> None:
    drive.app.settings.autosave = False
    new_game(drive, MINI_TITLE, ["BOR"])
    answer_events(drive)
    _save_as(drive, "東京")
    _to_menu(drive)
    drive.click(drive.screen.buttons["load"])
    line = drive.screen.items[0]
    assert "東京" not in line
    assert "cannot show" in line
