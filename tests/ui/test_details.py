"""Smaller things a player noticed: hand-over Esc, tooltips, labels, flags, colours, sizes."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.scenario.load import load_scenario
from game.ui import map_style, theme
from game.ui.app import App
from game.ui.flag import draw_flag
from game.ui.launch import start_from_command_line
from game.ui.map_view import Marker
from game.ui.screens.settings_screen import offered_resolutions
from game.ui.settings import Settings
from tests.ui.driver import Driver
from tests.ui.flows import choose, new_game, pick
from tests.ui.layout_check import problems

MINI_TITLE = "Mini Test Scenario"


def test_esc_on_the_hand_over_opens_the_pause_menu(drive: Driver) -> None:
    new_game(drive, MINI_TITLE, ["BOR", "SYL"])
    assert drive.screen.name == "handover"
    drive.key(pygame.K_ESCAPE)
    assert drive.screen.name == "pause"
    drive.key(pygame.K_ESCAPE)
    assert drive.screen.name == "handover"


def test_an_option_has_a_tooltip_only_when_its_text_is_cut(drive: Driver) -> None:
    new_game(drive, MINI_TITLE, ["BOR"])
    drive.frames(2)
    dialog = drive.screen
    assert dialog.name == "event"
    for view in dialog.options:
        button = dialog.option_buttons[view.option.id]
        cut = button.text.endswith("…")
        assert bool(button.tool_tip_text) == cut


def test_the_new_game_note_never_covers_the_seed(drive: Driver) -> None:
    drive.click(drive.screen.buttons["new"])
    setup = drive.screen
    pick(drive, setup.list, MINI_TITLE)
    setup = drive.screen
    for menu in setup.seat_menus.values():
        choose(drive, menu, "Computer")
    drive.click(setup.start_button)
    assert drive.screen is setup and setup.note.text
    assert problems(setup, drive.app.size) == []
    drive.shot("setup-note")


def test_labels_of_projects_at_one_site_do_not_overlap(drive: Driver) -> None:
    new_game(drive, MINI_TITLE, ["BOR"])
    drive.frames(2)
    game_screen = drive.app.screens[0]
    view = game_screen.map
    pos = view.shapes[0].centre
    view.markers = [
        Marker("Flying school (3)", pos, "project"),
        Marker("Tank school (5)", pos, "project"),
    ]
    view._cache = None
    view.render()
    (_, a), (_, b) = view.marker_boxes
    assert not a.colliderect(b)


def test_britains_flag_is_not_a_tricolour() -> None:
    sc = load_scenario("rapallo")
    surf = pygame.Surface((84, 56))
    draw_flag(surf, surf.get_rect(), sc.countries["GBR"].flag)
    assert surf.get_at((42, 28))[:3] == (0xC8, 0x10, 0x2E)  # the red cross at the centre
    assert surf.get_at((42, 3))[:3] == (0xC8, 0x10, 0x2E)  # the cross runs to the top edge


def test_japans_flag_is_a_red_disc_on_white() -> None:
    sc = load_scenario("pact")
    surf = pygame.Surface((84, 56))
    draw_flag(surf, surf.get_rect(), sc.countries["JPN"].flag)
    red, white = (0xBC, 0x00, 0x2D), (0xFF, 0xFF, 0xFF)
    assert surf.get_at((42, 28))[:3] == red  # the disc's centre
    assert surf.get_at((42, 14))[:3] == red  # within three fifths of the height across
    assert surf.get_at((42, 8))[:3] == white  # above the disc
    assert surf.get_at((8, 28))[:3] == white  # beside it: no stripes


@pytest.mark.parametrize("scenario", ["rapallo", "pact"])
def test_colourblind_powers_are_distinct_and_far_from_the_sea(scenario: str) -> None:
    from game.engine.game import new_game as start

    sc = load_scenario(scenario)
    game = start(sc, seed=1)
    sea = theme.parse_colour(sc.map.sea)
    colours = [map_style.country_colour(game, c, "colourblind") for c in sc.meta.playable]
    assert len({tuple(c) for c in colours}) == len(colours)
    assert all(map_style._far(c, sea, 60) for c in colours)
    if "FRA" in sc.countries and "ESP" in sc.countries:
        fra = map_style.country_colour(game, "FRA", "colourblind")
        esp = map_style.country_colour(game, "ESP", "colourblind")
        assert tuple(fra) != tuple(esp)


def test_a_too_small_window_says_it_was_enlarged(tmp_path: Path) -> None:
    app = App(settings=Settings(autosave=False), size=(800, 600))
    try:
        assert app.size == (1024, 600)
        start_from_command_line(app, None, None)
        assert app.screen.name == "message"
        assert "1024 × 600" in app.screen.text
    finally:
        app.close()


def test_the_settings_follow_a_manual_resize(drive: Driver) -> None:
    drive.resize((1400, 800))
    assert drive.app.settings.resolution == (1400, 800)
    drive.click(drive.screen.buttons["settings"])
    menu = drive.screen.menus["resolution"]
    selected = menu.selected_option
    assert (selected[0] if isinstance(selected, tuple) else selected) == "1400 x 800"


def test_window_sizes_beyond_the_desktop_are_not_offered() -> None:
    offered = offered_resolutions((1920, 1080))
    assert (3840, 2160) not in offered and (2560, 1440) not in offered
    assert (1920, 1080) in offered
