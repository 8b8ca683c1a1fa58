"""Author tools in the real window: hot reload (F5), the console (F12 or `), help, settings."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import attrs
import pygame
import pytest

from game import locale
from game.engine.commands import Console
from game.ui.app import App
from game.ui.keys import help_sections
from game.ui.screens.help import help_html
from game.ui.settings import Settings
from tests.ui.driver import MINI, Driver
from tests.ui.flows import answer_events, choose, end_turn, new_game


def _mini_copy(tmp_path: Path) -> Path:
    """Return a copy of the test scenario the test may edit."""
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    return folder


def _start(drive: Driver, source: str, humans: list[str] | None = None) -> None:
    """Start a game straight from a scenario folder and answer the first events."""
    assert drive.app.start_game(source, humans or ["BOR"], seed=3) is None
    drive.frames(2)
    answer_events(drive)
    assert drive.screen.name == "game"


def test_f5_reloads_the_edited_scenario_and_keeps_the_view(drive: Driver, tmp_path: Path) -> None:
    folder = _mini_copy(tmp_path)
    _start(drive, str(folder))
    screen = drive.screen
    end_turn(drive)
    answer_events(drive)
    drive.click(screen.tab_buttons["diplomacy"])
    screen.select("SYL")
    old_game = drive.app.session.game
    commands = list(old_game.commands)
    path = folder / "scenario.toml"
    path.write_text(
        path.read_text().replace("A defeated republic.", "A republic, edited."), encoding="utf-8"
    )
    drive.key(pygame.K_F5)
    session = drive.app.session
    assert session.game is not old_game
    assert session.game.commands == commands
    assert session.scenario.countries["BOR"].description == "A republic, edited."
    assert drive.screen is screen and screen.tab == "diplomacy" and screen.selected == "SYL"
    assert session.viewer == "BOR"
    assert any("reloaded" in t.text.lower() for t in drive.app.toasts)
    drive.shot("reload-ok")


def test_f5_with_broken_files_lists_the_errors_and_keeps_playing(
    drive: Driver, tmp_path: Path
) -> None:
    folder = _mini_copy(tmp_path)
    _start(drive, str(folder))
    old_game = drive.app.session.game
    content = folder / "content.toml"
    text = content.read_text()
    text = text.replace('effects = ["target.economy += 2"]', 'effects = ["target.ecnomy += 2"]')
    text = text.replace("cost = 2", 'cost = "two"').replace("cost = 1", "cots = 1")
    content.write_text(text, encoding="utf-8")
    drive.key(pygame.K_F5)
    overlay = drive.screen
    assert overlay.name == "reload_errors"
    assert "mini/content.toml:19" in overlay.box.html_text
    assert str(tmp_path) not in overlay.box.html_text
    assert len(overlay.problems) >= 3
    drive.shot("reload-errors")
    drive.key(pygame.K_ESCAPE)
    assert drive.screen.name == "game"
    assert drive.app.session.game is old_game
    end_turn(drive)
    assert drive.app.session.game.state.turn == 1


def _open_console(drive: Driver) -> None:
    """Open the console with F12 and check it is there."""
    drive.key(pygame.K_F12)
    assert drive.screen.name == "console"
    assert drive.screen.entry.is_focused


def _run(drive: Driver, line: str) -> None:
    """Type a line into the console and press Enter."""
    drive.type_text(line)
    drive.key(pygame.K_RETURN)


def test_the_console_is_off_until_the_setting_turns_it_on(drive: Driver) -> None:
    new_game(drive, "Mini Test Scenario", ["BOR"])
    drive.frames(2)
    answer_events(drive)
    drive.key(pygame.K_F12)
    assert drive.screen.name == "game"
    drive.key(pygame.K_ESCAPE)
    drive.click(drive.screen.buttons["Settings"])
    choose(drive, drive.screen.menus["console"], "On")
    drive.click(drive.screen.apply_button)
    assert drive.app.settings.console
    drive.key(pygame.K_ESCAPE)
    drive.key(pygame.K_ESCAPE)
    assert drive.screen.name == "game"
    _open_console(drive)
    drive.key(pygame.K_F12)
    assert drive.screen.name == "game"


def test_console_lines_query_change_state_and_report_errors(drive: Driver) -> None:
    drive.app.dev = True
    new_game(drive, "Mini Test Scenario", ["BOR"])
    drive.frames(2)
    answer_events(drive)
    _open_console(drive)
    console = drive.screen
    _run(drive, "help")
    assert "Commands" in console.lines[-1]
    _run(drive, "BOR.stability = 47")
    game = drive.app.session.game
    assert game.state.stats["BOR"]["stability"] == 47
    assert game.commands[-1] == Console(line="BOR.stability = 47", country="BOR")
    assert "Done" in console.lines[-1]
    _run(drive, "BOR.stability")
    assert "47" in console.lines[-1]
    _run(drive, "BOR.stabilty = 3")
    assert "#9b2a1c" in console.lines[-1]
    assert console.entry.get_text() == ""
    drive.type_text("BOR.stab")
    drive.key(pygame.K_TAB)
    assert console.entry.get_text() == "BOR.stability"
    drive.clear_entry()
    drive.type_text("BOR.")
    drive.key(pygame.K_TAB)
    assert "BOR.economy" not in console.entry.get_text()
    assert "economy" in console.lines[-1] and "stability" in console.lines[-1]
    drive.key(pygame.K_UP)
    assert console.entry.get_text() == "BOR.stabilty = 3"
    drive.shot("console")
    drive.post(pygame.KEYDOWN, key=pygame.K_BACKQUOTE, mod=0, unicode="`", scancode=0)
    drive.post(pygame.TEXTINPUT, text="`")
    assert drive.screen.name == "game"
    top = drive.screen.bar_rect
    assert top is not None
    drive.post(pygame.KEYDOWN, key=pygame.K_BACKQUOTE, mod=0, unicode="`", scancode=0)
    drive.post(pygame.TEXTINPUT, text="`")
    assert drive.screen.name == "console"
    assert "`" not in drive.screen.entry.get_text()
    assert len(drive.screen.lines) == len(console.lines)


def test_fire_from_the_console_brings_up_the_event(drive: Driver) -> None:
    drive.app.dev = True
    new_game(drive, "Mini Test Scenario", ["BOR"])
    drive.frames(2)
    answer_events(drive)
    event = next(iter(drive.app.session.scenario.events))
    _open_console(drive)
    _run(drive, f"fire {event} BOR")
    assert "Done" in drive.screen.lines[-1]
    drive.key(pygame.K_ESCAPE)
    drive.frames(2)
    assert drive.screen.name == "event"


def test_help_lists_reload_and_console_keys(drive: Driver) -> None:
    text = help_html(help_sections())
    assert "F5" in text and "F12" in text
    drive.key(pygame.K_F1)
    assert any("F12" in box.html_text for box in drive.screen.columns)


def test_a_broken_settings_file_starts_with_defaults_and_a_notice(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"width": 1920, "console": tru', encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        app = App(settings_path=path, size=(1280, 720))
    try:
        app.step([])
        assert app.settings == Settings()
        assert "damaged" in app.toasts[0].text
        assert "broken" in caplog.text
    finally:
        app.close()


def test_the_console_setting_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    Settings(console=True, autosave=False).save(path)
    assert Settings.load(path) == Settings(console=True, autosave=False)


def test_secret_projects_stay_hidden_from_the_other_person(drive: Driver) -> None:
    new_game(drive, "Mini Test Scenario", ["BOR", "SYL"])
    while drive.app.session.viewer != "BOR" or drive.screen.name != "game":
        if drive.screen.name == "handover":
            drive.click(drive.screen.ready)
        answer_events(drive)
        if drive.app.session.viewer != "BOR" and drive.screen.name == "game":
            end_turn(drive)
    screen = drive.screen
    drive.click(screen.tab_buttons["actions"])
    drive.click(screen.panel.buttons["school"])
    drive.click(screen.panel.take_button)
    assert any(p.action == "school" for p in drive.app.session.game.state.projects)
    assert "Secret Flying School" in screen.log.html
    assert any(m.kind == "project" for m in screen.map.markers)
    end_turn(drive)
    for _ in range(4):
        if drive.screen.name == "handover":
            drive.click(drive.screen.ready)
        answer_events(drive)
        if drive.app.session.viewer == "SYL" and drive.screen.name == "game":
            break
    assert drive.app.session.viewer == "SYL"
    screen = drive.screen
    assert "Secret Flying School" not in screen.log.html
    assert not any(m.kind == "project" for m in screen.map.markers)
    drive.shot("hotseat-secret-hidden")


@pytest.fixture
def russian(drive: Driver) -> Iterator[Driver]:
    """Switch the window to Russian for one test, and back to the source language after it."""
    drive.app.apply_settings(attrs.evolve(drive.app.settings, language="ru"))
    yield drive
    locale.set_language(locale.SOURCE)


def test_the_console_and_the_reload_errors_speak_russian(russian: Driver, tmp_path: Path) -> None:
    drive = russian
    drive.app.dev = True
    folder = _mini_copy(tmp_path)
    _start(drive, str(folder))
    _open_console(drive)
    console = drive.screen
    _run(drive, "help")
    assert "Команды: COUNTRY.stat = n" in console.lines[-1]
    assert "любой эффект, напр. set_flag(x)" in console.lines[-1]
    _run(drive, "flags")
    assert "Ни один флаг не установлен." in console.lines[-1]
    _run(drive, "BOR.stabilty = 3")
    assert "#9b2a1c" in console.lines[-1]
    assert "неизвестный показатель 'stabilty' (может быть, 'stability'?)" in console.lines[-1]
    drive.shot("console-ru")
    drive.key(pygame.K_ESCAPE)
    content = folder / "content.toml"
    content.write_text(content.read_text().replace("cost = 2", 'cost = "two"'), encoding="utf-8")
    drive.key(pygame.K_F5)
    overlay = drive.screen
    assert overlay.name == "reload_errors"
    assert "ошибка: ожидается: целое число; получено: текст" in overlay.box.html_text
    assert "mini/content.toml:" in overlay.box.html_text
    drive.shot("reload-errors-ru")
