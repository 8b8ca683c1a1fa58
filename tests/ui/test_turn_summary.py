"""The turn summary: shown after End turn, the engine's data in words, kept in the news log."""

from __future__ import annotations

import pygame
import pygame_gui

from game.engine.summary import last_summary, so_far, turn_summary
from game.ui.app import App
from game.ui.history import delta_text
from game.ui.summary_text import cause_lines
from tests.ui.driver import Driver
from tests.ui.flows import (
    answer_events,
    answer_proposals,
    end_turn,
    rapallo_as_germany,
    take_first_action,
)
from tests.ui.test_secrets import SECRETS, _rigged
from tests.ui.texts import drawn_texts


def _play_a_turn(drive: Driver) -> None:
    rapallo_as_germany(drive)
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


def test_a_top_bar_stat_shows_the_turn_so_far_by_cause(drive: Driver) -> None:
    _play_a_turn(drive)
    _to_game(drive)
    drive.key(pygame.K_ESCAPE)
    take_first_action(drive)
    drive.frames(2)
    screen = drive.screen
    game = drive.app.session.game
    moved = [
        (s, n)
        for s in game.scenario.key_stats("GER")
        if (n := so_far(screen.view, f"GER.{s}")) is not None
    ]
    assert moved, "the turn so far moved no key stat"
    stat, number = moved[0]
    name = game.scenario.stats[stat].name
    rect = next(r for r, tip in screen.bar.hits if tip.startswith(f"{name}:"))
    with drawn_texts() as drawn:
        drive.move(rect.center)
        drive.frames(1)
    text = " ".join(drawn)
    assert f"This turn: {delta_text(number.delta)}" in text
    for delta, title in cause_lines(number):
        assert delta in text and title[:20] in text
    whole = turn_summary(screen.view)
    assert whole is not None and not whole.finished
    same = whole.number(f"GER.{stat}")
    assert same is not None and (same.delta, same.causes) == (number.delta, number.causes)
    drive.shot("tooltip-turn-causes")


def test_the_summary_names_no_secret_of_another_power(app: App) -> None:
    session = _rigged("FRA")
    app.session = session
    app.open_game()
    drive = Driver(app)
    drive.frames(2)
    _to_game(drive)
    end_turn(drive)
    drive.frames(2)
    _to_game(drive)
    panel = drive.screen.summary
    assert panel is not None and panel.summary.country == "FRA"
    for secret in SECRETS:
        assert secret not in panel.html, secret
    for number in (*panel.summary.stats, *panel.summary.globals, *panel.summary.relations):
        for cause in number.causes:
            assert not any(cause.title.startswith(s) for s in SECRETS)
    drive.shot("turn-summary-france")
