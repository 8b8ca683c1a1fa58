"""Every number explains itself, and every map mode has a legend and a value per country."""

from __future__ import annotations

import pygame
import pytest

from game.ui import map_style
from tests.ui.driver import Driver
from tests.ui.flows import answer_events, new_game, take_first_action
from tests.ui.texts import drawn_texts

MINI_TITLE = "Mini Test Scenario"


def _game_after_an_action(drive: Driver) -> None:
    new_game(drive, MINI_TITLE, ["BOR"])
    drive.frames(2)
    answer_events(drive)
    assert take_first_action(drive)
    drive.frames(2)


def _tip_over(drive: Driver, pos: tuple[int, int]) -> list[str]:
    """Move the mouse to pos and return the lines the frame drew."""
    with drawn_texts() as drawn:
        drive.move(pos)
        drive.frames(1)
    return drawn


def test_a_top_bar_stat_shows_bounds_meaning_and_causes(drive: Driver) -> None:
    _game_after_an_action(drive)
    screen = drive.screen
    game = drive.app.session.game
    stat = game.scenario.meta.key_stats[0]
    d = game.scenario.stats[stat]
    rect = next(r for r, tip in screen.bar.hits if tip.startswith(f"{d.name}:"))
    drawn = _tip_over(drive, rect.center)
    assert any(f"of {d.min:g} to {d.max:g}" in line for line in drawn)
    assert any(line.startswith("This turn") for line in drawn)
    drive.shot("tooltip-top-bar")


def test_a_changed_number_names_its_cause(drive: Driver) -> None:
    _game_after_an_action(drive)
    screen = drive.screen
    tips = [tip for _, tip in screen.bar.hits]
    causes = [tip for tip in tips if "• " in tip]
    assert causes, "the first answers and the action moved no key number"
    game = drive.app.session.game
    titles = [e.title for e in game.state.log if e.country == "BOR"]
    assert any(any(title in tip for title in titles) for tip in causes)


def test_every_bar_of_the_country_tab_has_a_tooltip(drive: Driver) -> None:
    _game_after_an_action(drive)
    screen = drive.screen
    drive.key(pygame.K_1)
    drive.frames(1)
    panel = screen.panel
    game = drive.app.session.game
    assert len(panel.tips) == len(game.scenario.stats)
    rect = panel.tips[0][0]
    point = (panel.rect.x + rect.centerx, panel.rect.y + rect.centery - panel.scroll)
    drawn = _tip_over(drive, point)
    first = next(iter(game.scenario.stats.values()))
    assert any(line.startswith(f"{first.name}:") for line in drawn)
    drive.shot("tooltip-country-bar")


def test_every_relation_has_a_tooltip(drive: Driver) -> None:
    _game_after_an_action(drive)
    screen = drive.screen
    drive.key(pygame.K_3)
    drive.frames(1)
    panel = screen.panel
    game = drive.app.session.game
    relations = [tip for _, tip in panel.tips if tip.startswith("Relations of")]
    assert len(relations) == len(game.scenario.countries) - 1
    rect = next(r for r, tip in panel.tips if tip.startswith("Relations of"))
    point = (panel.rect.x + rect.centerx, panel.rect.y + rect.centery - panel.scroll)
    if not panel.rect.collidepoint(point):
        pytest.skip("the relations are below the fold at this size")
    drawn = _tip_over(drive, point)
    assert any("of -100 to 100" in line or "of −100 to 100" in line for line in drawn)
    drive.shot("tooltip-relation")


def test_every_map_mode_has_a_legend_and_a_hover_value(drive: Driver) -> None:
    _game_after_an_action(drive)
    screen = drive.screen
    game = drive.app.session.game
    modes = map_style.available_modes(game)
    assert "global" not in modes
    target = next(c for c in game.scenario.countries if c != "BOR")
    region = next(r for r, owner in game.state.owners.items() if owner == target)
    shape = screen.map.by_id[region]
    point = tuple(round(v) for v in screen.map.to_screen(shape.centre))
    drive.move(point)  # type: ignore[arg-type]
    for mode in modes:
        with drawn_texts() as drawn:
            while screen.mode != mode:
                drive.key(pygame.K_m)
            drive.move(point)  # type: ignore[arg-type]
            drive.frames(1)
        assert screen.legend is not None
        title = map_style.mode_title(game, mode)
        if mode != "political":
            assert any(line.startswith(title) or title in line for line in drawn), mode
        drive.shot(f"map-legend-{mode.replace(':', '-')}")
