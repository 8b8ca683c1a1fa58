"""The map on the game screen: pan, zoom, hover, click, modes and the cache."""

from __future__ import annotations

import pygame

from game.ui import map_style
from tests.ui.driver import Driver
from tests.ui.flows import answer_events, new_game


def _game(drive: Driver) -> None:
    new_game(drive, "Mini Test Scenario", ["BOR"])
    drive.frames(2)
    answer_events(drive)
    assert drive.screen.name == "game"


def _point_in(drive: Driver, region: str) -> tuple[int, int]:
    """Return a screen point inside a region (its label point)."""
    view = drive.screen.map
    x, y = view.to_screen(view.by_id[region].centre)
    return round(x), round(y)


def test_hover_highlights_the_country_and_shows_a_card(drive: Driver) -> None:
    _game(drive)
    drive.move(_point_in(drive, "syl_core"))
    assert drive.screen.hovered == "SYL"
    assert drive.screen.map.hover == "SYL"
    drive.shot("map-hover")
    drive.move((drive.screen.map.rect.x + 2, drive.screen.map.rect.bottom - 3))
    assert drive.screen.hovered in (None, "ALB")


def test_click_selects_a_country_and_the_country_tab_shows_it(drive: Driver) -> None:
    _game(drive)
    drive.click_at(_point_in(drive, "klo_main"))
    assert drive.screen.selected == "KLO"
    assert drive.screen.tab == "country"
    drive.shot("map-selected")
    drive.key(pygame.K_ESCAPE)
    assert drive.screen.selected is None


def test_drag_and_arrow_keys_pan_the_map(drive: Driver) -> None:
    _game(drive)
    view = drive.screen.map
    view.zoom_at(2.0)
    start = view.centre
    drive.drag((300, 300), (200, 250))
    assert view.centre != start
    assert drive.screen.selected is None, "a drag is not a click"
    moved = view.centre
    drive.key(pygame.K_LEFT)
    assert view.centre[0] < moved[0]


def test_wheel_and_keys_zoom_the_map(drive: Driver) -> None:
    _game(drive)
    view = drive.screen.map
    zoom = view.zoom
    drive.wheel((400, 300), 2)
    assert view.zoom > zoom
    drive.shot("map-zoomed")
    zoomed = view.zoom
    drive.key(pygame.K_MINUS)
    assert view.zoom < zoomed
    drive.key(pygame.K_PLUS)
    drive.key(pygame.K_HOME)
    assert view.zoom == view.min_zoom


def test_map_is_drawn_once_until_something_changes(drive: Driver) -> None:
    _game(drive)
    view = drive.screen.map
    drive.frames(3)
    renders = view.renders
    drive.frames(10)
    assert view.renders == renders
    drive.key(pygame.K_RIGHT)
    assert view.renders == renders + 1


def test_map_modes_cycle_with_m(drive: Driver) -> None:
    _game(drive)
    screen = drive.screen
    fills = dict(screen.map.fills)
    drive.key(pygame.K_m)
    assert screen.mode == "relations"
    assert screen.map.fills != fills
    drive.shot("map-relations")
    for _ in range(len(map_style.available_modes(screen.session.game)) - 1):
        drive.key(pygame.K_m)
    assert screen.mode == "political"


def test_tabs_switch_with_clicks_and_function_keys(drive: Driver) -> None:
    _game(drive)
    screen = drive.screen
    drive.click(screen.tab_buttons["diplomacy"])
    assert screen.tab == "diplomacy"
    drive.shot("tab-diplomacy")
    drive.key(pygame.K_F6)
    assert screen.tab == "ledger"
    drive.key(pygame.K_RETURN)
    answer_events(drive)
    drive.key(pygame.K_RETURN)
    answer_events(drive)
    drive.key(pygame.K_F6)
    drive.shot("tab-ledger")
    drive.key(pygame.K_TAB)
    assert screen.tab == "country"


def test_clicking_a_news_entry_rereads_its_event(drive: Driver) -> None:
    _game(drive)
    screen = drive.screen
    log = drive.app.session.game.state.log
    index = next(i for i, e in enumerate(log) if e.kind == "event" and e.country == "BOR")
    pygame.event.post(
        pygame.event.Event(
            __import__("pygame_gui").UI_TEXT_BOX_LINK_CLICKED,
            link_target=f"event:{index}",
            ui_element=screen.log.box,
        )
    )
    drive.frames(2)
    assert drive.screen.name == "event"
    assert drive.screen.reread is not None
    drive.shot("event-reread")
    drive.key(pygame.K_ESCAPE)
    assert drive.screen.name == "game"
