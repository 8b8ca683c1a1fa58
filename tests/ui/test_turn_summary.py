"""The turn summary: shown after End turn, the engine's data in words, kept in the news log."""

from __future__ import annotations

import pygame
import pygame_gui

from game.engine.summary import last_summary, turn_summary
from game.ui.history import delta_text
from tests.ui.driver import Driver
from tests.ui.flows import answer_events, answer_proposals, end_turn, new_game, take_first_action

RAPALLO = "Rapallo: The Outsiders' Pact, 1918–1933"


def _play_a_turn(drive: Driver) -> None:
    new_game(drive, RAPALLO, ["GER"])
    drive.frames(2)
    answer_events(drive)
    answer_proposals(drive)
    take_first_action(drive)
    end_turn(drive)
    drive.frames(2)


def _to_game(drive: Driver) -> None:
    """Answer what waits until the game screen is on top."""
    for _ in range(10):
        answer_events(drive)
        answer_proposals(drive)
        if drive.screen.name == "game":
            return
    raise AssertionError(f"stuck on {drive.screen.name}")


def test_after_end_turn_the_summary_shows_the_engines_data(drive: Driver) -> None:
    _play_a_turn(drive)
    _to_game(drive)
    screen = drive.screen
    game = drive.app.session.game
    summary = last_summary(screen.view)
    assert summary is not None and summary.finished and summary.stats
    panel = screen.summary
    assert panel is not None and panel.alive, "no summary after End turn"
    assert panel.summary == summary
    for number in summary.stats:
        assert number.name in panel.html and delta_text(number.delta) in panel.html
        for cause in number.causes[:3]:
            assert cause.title.replace("'", "&#x27;") in panel.html or cause.title in panel.html
    assert game.date_text(summary.month) in panel.title
    drive.shot("turn-summary")
    drive.key(pygame.K_ESCAPE)
    assert screen.summary is None and not panel.alive
    assert drive.screen.name == "game", "Esc closed the summary and went on to the pause menu"


def test_the_summary_stays_in_the_news_log_and_reopens(drive: Driver) -> None:
    _play_a_turn(drive)
    _to_game(drive)
    screen = drive.screen
    turn = max(drive.app.session.game.changes.turns)
    assert f"summary:{turn}" in screen.log.html
    drive.key(pygame.K_ESCAPE)
    assert screen.summary is None
    link = pygame.event.Event(
        pygame_gui.UI_TEXT_BOX_LINK_CLICKED,
        link_target=f"summary:{turn}",
        ui_element=screen.log.box,
    )
    pygame.event.post(link)
    drive.frames(2)
    assert screen.summary is not None and screen.summary_turn == turn
    assert screen.summary.summary == turn_summary(screen.view, turn)
