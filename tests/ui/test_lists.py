"""Lists a player can use: the wheel scrolls what it is over, the news follows, texts stay true."""

from __future__ import annotations

import pygame

from game.engine.game import new_game
from game.scenario.load import load_scenario
from game.ui.app import App
from game.ui.session import Session
from tests.ui.driver import Driver
from tests.ui.flows import answer_events
from tests.ui.texts import drawn_texts


def _rapallo(app: App, turns: int = 0) -> Driver:
    session = Session.start("rapallo", ["GER"], seed=4)
    for _ in range(turns):
        session.game.state.pending = {}
        session.end_turn()
    app.session = session
    app.open_game()
    drive = Driver(app)
    drive.frames(2)
    answer_events(drive)
    return drive


def test_the_wheel_scrolls_the_actions_list_it_is_over(app: App) -> None:
    drive = _rapallo(app)
    drive.key(pygame.K_2)
    panel = drive.screen.panel
    bar = panel.list_box.vert_scroll_bar
    assert bar is not None, "the Rapallo actions fill more than the list"
    button = next(iter(panel.buttons.values()))
    drive.wheel(button.rect.center, -3)
    drive.frames(3)
    assert bar.start_percentage > 0


def test_the_actions_list_grows_with_the_panel(app: App) -> None:
    drive = _rapallo(app)
    drive.key(pygame.K_2)
    small, room = drive.screen.panel.list_box.rect.h, drive.screen.panel.rect.h
    drive.resize((1600, 1000))
    drive.key(pygame.K_2)
    panel = drive.screen.panel
    assert panel.list_box.rect.h - small >= 0.3 * (panel.rect.h - room)
    assert panel.list_box.rect.h > small


def test_the_news_follows_the_newest_entry_unless_scrolled_up(app: App) -> None:
    drive = _rapallo(app, turns=6)
    log = drive.screen.log
    assert log.box.scroll_bar is not None, "six turns of news fill the box"
    assert log.at_newest()
    log.box.scroll_bar.set_scroll_from_start_percentage(0.0)
    drive.frames(2)
    assert not log.at_newest()
    drive.key(pygame.K_RETURN, mod=pygame.KMOD_CTRL)
    if drive.screen.name == "confirm":
        drive.key(pygame.K_RETURN)
    answer_events(drive)
    drive.frames(2)
    assert not drive.screen.log.at_newest(), "the news jumped down while the player read"
    drive.screen.log.box.scroll_bar.set_scroll_from_start_percentage(1.0)
    drive.frames(2)
    drive.key(pygame.K_RETURN, mod=pygame.KMOD_CTRL)
    if drive.screen.name == "confirm":
        drive.key(pygame.K_RETURN)
    answer_events(drive)
    drive.frames(2)
    assert drive.screen.log.at_newest()


def test_a_country_description_follows_the_state() -> None:
    sc = load_scenario("rapallo")
    game = new_game(sc, seed=1, humans=["GER"])
    first = sc.description("SOV", game.state)
    assert "White armies" in first
    game.state.flags["whites_defeated"] = 1
    assert "White armies are beaten" in sc.description("SOV", game.state)
    game.state.flags["ussr"] = 1
    assert "White" not in sc.description("SOV", game.state)


def test_the_country_tab_shows_the_description_of_now(app: App) -> None:
    drive = _rapallo(app)
    game = drive.app.session.game
    game.state.flags["ussr"] = 1
    drive.screen.select("SOV")
    drive.key(pygame.K_1)
    with drawn_texts() as drawn:
        drive.screen.panel.refresh()
        drive.frames(1)
    shown = " ".join(drawn)
    assert "Union of Soviet" in shown and "White armies" not in shown
    drive.shot("country-description-later")
