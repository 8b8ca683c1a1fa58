"""Fullscreen fits the real screen, falls back when it fails, and never locks the player out."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from game.ui.app import App
from game.ui.settings import Settings
from tests.ui.driver import MINI, Driver
from tests.ui.flows import choose, new_game
from tests.ui.layout_check import problems
from tests.ui.texts import widget_texts


def _settings_file(app: App) -> dict[str, object]:
    assert app.settings_path is not None
    return json.loads(Path(app.settings_path).read_text(encoding="utf-8"))


def _fullscreen_on(drive: Driver) -> None:
    drive.key(pygame.K_s)
    settings = drive.screen
    choose(drive, settings.menus["fullscreen"], "On")
    drive.click(settings.apply_button)
    drive.frames(2)


def test_fullscreen_lays_out_for_the_real_screen_and_settings_say_so(drive: Driver) -> None:
    app = drive.app
    _fullscreen_on(drive)
    real = pygame.display.get_surface().get_size()
    assert pygame.display.is_fullscreen()
    assert app.size == real
    assert app.settings.fullscreen and _settings_file(app)["fullscreen"] is True
    shown = "\n".join(widget_texts(drive.screen))
    assert f"Now {real[0]} × {real[1]}, full screen" in shown
    drive.shot("settings-fullscreen")
    drive.key(pygame.K_ESCAPE)
    new_game(drive, "Mini Test Scenario", ["BOR"])
    drive.frames(2)
    game = app.screens[0]
    assert game.bar_rect.w == real[0] and game.side_rect.bottom == real[1]
    assert not problems(game, real)


def test_a_resize_event_never_turns_the_full_screen_back_into_a_window(drive: Driver) -> None:
    _fullscreen_on(drive)
    real = drive.app.size
    drive.resize((1280, 720))
    assert pygame.display.is_fullscreen()
    assert drive.app.size == real == pygame.display.get_surface().get_size()


def test_a_fullscreen_that_fails_falls_back_to_a_window_and_says_so(
    drive: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_set_mode = pygame.display.set_mode

    def refusing(size: tuple[int, int] = (0, 0), flags: int = 0) -> pygame.Surface:
        if flags & pygame.FULLSCREEN:
            raise pygame.error("no such video mode")
        return real_set_mode(size, flags)

    monkeypatch.setattr(pygame.display, "set_mode", refusing)
    _fullscreen_on(drive)
    app = drive.app
    assert not pygame.display.is_fullscreen()
    assert app.size == pygame.display.get_surface().get_size()
    assert not app.settings.fullscreen and _settings_file(app)["fullscreen"] is False
    assert any("Fullscreen could not be set" in t.text for t in app.toasts)
    drive.shot("fullscreen-fallback")


def test_windowed_start_and_reset_display_recover_without_editing_files(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    Settings(width=3840, height=2160, fullscreen=True, ui_scale=2.0).save(path)
    app = App(settings_path=path, windowed=True)
    try:
        assert not pygame.display.is_fullscreen()
        assert app.size[0] <= 1280 and app.settings.ui_scale == 1.0
        assert json.loads(path.read_text(encoding="utf-8"))["fullscreen"] is False
        app.extra_scenarios = [MINI]
        drive = Driver(app)
        drive.frames(1)
        app.apply_settings(Settings(width=1600, height=900, fullscreen=True, ui_scale=1.5))
        drive.key(pygame.K_s)
        drive.key(pygame.K_r)
        assert not pygame.display.is_fullscreen()
        assert (app.settings.fullscreen, app.settings.ui_scale) == (False, 1.0)
        assert json.loads(path.read_text(encoding="utf-8"))["fullscreen"] is False
    finally:
        app.close()


def test_the_windowed_flag_reaches_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    from game import cli

    seen: dict[str, object] = {}
    monkeypatch.setattr("game.ui.launch.run_app", lambda **kw: seen.update(kw) or 0)
    assert cli.main(["--windowed"]) == 0
    assert seen.get("windowed") is True
