"""Ending a turn: only a fresh key press, a question about unused points, the ending saved."""

from __future__ import annotations

import pygame

from game.ui import saves
from tests.ui.driver import Driver
from tests.ui.flows import answer_events, hold_key, new_game, play_to_end

MINI_TITLE = "Mini Test Scenario"


def _start(drive: Driver) -> None:
    new_game(drive, MINI_TITLE, ["BOR"])
    drive.frames(2)
    answer_events(drive)


def test_a_held_enter_ends_one_turn_only(drive: Driver) -> None:
    drive.app.settings.confirm_end_turn = False
    _start(drive)
    game = drive.app.session.game
    before = game.state.turn
    hold_key(drive, pygame.K_RETURN, repeats=12)
    assert game.state.turn == before + 1


def test_unused_points_ask_once_before_the_turn_ends(drive: Driver) -> None:
    _start(drive)
    game = drive.app.session.game
    ap = game.state.ap["BOR"]
    before = game.state.turn
    drive.key(pygame.K_RETURN)
    assert drive.screen.name == "confirm"
    assert f"{ap} AP unused" in drive.screen.text
    drive.shot("end-turn-confirm")
    assert game.state.turn == before
    drive.key(pygame.K_ESCAPE)
    assert drive.screen.name == "game" and game.state.turn == before
    drive.key(pygame.K_RETURN)
    drive.key(pygame.K_RETURN)
    assert game.state.turn == before + 1


def test_dont_ask_again_ends_the_turn_and_is_remembered(drive: Driver) -> None:
    _start(drive)
    game = drive.app.session.game
    before = game.state.turn
    drive.click(drive.screen.end_button)
    dialog = drive.screen
    assert dialog.name == "confirm" and dialog.extra_button is not None
    drive.click(dialog.extra_button)
    assert game.state.turn == before + 1
    assert drive.app.settings.confirm_end_turn is False
    answer_events(drive)
    drive.key(pygame.K_RETURN)
    assert drive.screen.name != "confirm"
    assert game.state.turn == before + 2


def test_the_finished_game_is_autosaved_and_continue_shows_the_ending(drive: Driver) -> None:
    _start(drive)
    play_to_end(drive, "end-turn")
    assert drive.screen.name == "ending"
    ending = drive.screen
    end_rect = drive.app.screens[0].end_button.rect
    assert not ending.menu_button.rect.colliderect(end_rect)
    latest = saves.latest()
    assert latest is not None
    hold_key(drive, pygame.K_RETURN, repeats=0)
    assert drive.screen.name == "menu"
    drive.click(drive.screen.buttons["continue"])
    drive.frames(3)
    assert drive.screen.name == "ending"
    assert drive.app.session.game.state.over
