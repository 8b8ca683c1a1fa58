"""Window-level behaviour: resizing, UI scale, help overlay and settings."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pygame
import pytest

from game.ui.settings import Settings
from tests.ui.driver import Driver
from tests.ui.flows import answer_events, new_game


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160), (1280, 720)], ids=str)
def test_resizing_rebuilds_the_game_layout(drive: Driver, size: tuple[int, int]) -> None:
    new_game(drive, "Mini Test Scenario", ["BOR"])
    drive.frames(2)
    answer_events(drive)
    drive.resize(size)
    screen = drive.screen
    assert drive.app.size == size
    assert screen.map.rect.right == screen.side_rect.left
    assert screen.end_button.rect.bottom <= size[1]
    assert screen.side_rect.right == size[0]
    drive.shot(f"game-{size[0]}x{size[1]}")


def test_f1_opens_and_closes_help_everywhere(drive: Driver) -> None:
    drive.key(pygame.K_F1)
    assert drive.screen.name == "help"
    drive.shot("help")
    drive.key(pygame.K_F1)
    assert drive.screen.name == "menu"


def test_settings_screen_applies_and_saves(drive: Driver, tmp_path: Path) -> None:
    drive.key(pygame.K_s)
    assert drive.screen.name == "settings"
    drive.shot("settings")
    from tests.ui.flows import choose

    choose(drive, drive.screen.menus["palette"], "Colour-blind safe")
    drive.click(drive.screen.apply_button)
    assert drive.app.settings.palette == "colourblind"
    saved = json.loads((tmp_path / "settings.json").read_text())
    assert saved["palette"] == "colourblind"


def test_colourblind_palette_changes_the_map(drive: Driver) -> None:
    new_game(drive, "Mini Test Scenario", ["BOR"])
    drive.frames(2)
    answer_events(drive)
    before = dict(drive.screen.map.fills)
    drive.app.apply_settings(Settings(palette="colourblind"), save=False)
    drive.frames(2)
    assert drive.screen.map.fills != before
    drive.shot("game-colourblind")


def test_broken_settings_file_gives_defaults_and_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        settings = Settings.load(path)
    assert settings == Settings()
    assert "broken" in caplog.text


def test_missing_settings_file_gives_defaults(tmp_path: Path) -> None:
    assert Settings.load(tmp_path / "nope.json") == Settings()


def test_settings_round_trip_and_bad_values_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    Settings(width=1920, height=1080, ui_scale=1.5, autosave=False).save(path)
    assert Settings.load(path) == Settings(width=1920, height=1080, ui_scale=1.5, autosave=False)
    path.write_text(json.dumps({"width": "wide", "palette": "neon", "fullscreen": True}))
    loaded = Settings.load(path)
    assert loaded.width == 1280 and loaded.palette == "normal" and loaded.fullscreen
