"""The main screens in every language at 1280×720: no text overflows its widget; screenshots."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game import locale
from game.ui import saves
from game.ui.app import App
from game.ui.session import Session
from game.ui.settings import Settings
from tests.ui.driver import SHOTS
from tests.ui.layout_check import problems
from tests.ui.test_layout import _ending, _screens, _session
from tests.ui.text_fit import overflows

SIZE = (1280, 720)
MAIN = {
    "menu",
    "setup",
    "event",
    "pause",
    "settings",
    "load",
    "help",
    "handover",
    "confirm",
    "leave",
}


@pytest.fixture(autouse=True)
def _source_language() -> Iterator[None]:
    yield
    locale.set_language(locale.SOURCE)


@pytest.mark.parametrize("code", ["en", "de", "ru"])
def test_main_screens_fit_in_every_language(code: str, tmp_path: Path) -> None:
    saves.DIR_OVERRIDE = tmp_path / "saves"
    locale.set_language(code)
    session: Session = _session()
    assert session.scenario.language == code or code == "en"
    app = App(settings=Settings(autosave=False, language=code), size=SIZE)
    folder = SHOTS / "languages"
    folder.mkdir(parents=True, exist_ok=True)
    found: list[str] = []
    try:
        app.session = session
        app.open_game()
        game_screen = app.screen
        for tab in ("country", "actions", "diplomacy", "ledger"):
            game_screen.open_tab(tab)
            app.frame()
            found += [f"game/{tab}: {p}" for p in overflows(game_screen)]
            found += [f"game/{tab}: {p}" for p in problems(game_screen, SIZE)]
            app.screenshot(folder / f"{code}-game-{tab}.png")
        for name, make in _screens(app, session):
            if name not in MAIN:
                continue
            screen = make()
            app.push(screen)
            app.frame()
            found += [f"{name}: {p}" for p in overflows(screen)]
            found += [f"{name}: {p}" for p in problems(screen, SIZE)]
            app.screenshot(folder / f"{code}-{name}.png")
            app.pop(screen)
        over = _ending(app, session)
        found += [f"ending: {p}" for p in overflows(over)]
        app.screenshot(folder / f"{code}-ending.png")
        assert not found, "\n".join(found)
    finally:
        app.close()
        saves.DIR_OVERRIDE = None


@pytest.mark.parametrize("code", ["de", "ru"])
def test_the_turn_in_review_the_paths_and_the_guide_speak_the_language(
    code: str, tmp_path: Path
) -> None:
    from game.ui import guide_steps
    from game.ui.guide import Guide
    from game.ui.screens import game_paths
    from tests.ui.driver import Driver
    from tests.ui.flows import answer_events, answer_proposals, end_turn

    saves.DIR_OVERRIDE = tmp_path / "saves"
    locale.set_language(code)
    app = App(settings=Settings(autosave=False, language=code), size=SIZE)
    folder = SHOTS / "languages"
    folder.mkdir(parents=True, exist_ok=True)
    drive = Driver(app)
    try:
        app.session = _session()
        app.open_game()
        end_turn(drive)
        for _ in range(10):
            answer_events(drive)
            answer_proposals(drive)
        screen = app.screen
        assert screen.name == "game" and screen.summary is not None
        assert locale._("The turn in review: {span}").split(":")[0] in screen.summary.title
        found = [f"summary: {p}" for p in overflows(screen)]
        app.screenshot(folder / f"{code}-turn-summary.png")
        drive.key(pygame.K_ESCAPE)
        game_paths.open_(screen)
        app.frame()
        assert screen.paths is not None and locale._("Paths") == screen.paths_button.text
        found += [f"paths: {p}" for p in overflows(screen)]
        app.screenshot(folder / f"{code}-paths.png")
        game_paths.close(screen)
        app.guide = Guide(app)
        app.guide.go(2)
        app.frame()
        assert app.guide.text == guide_steps.words(app, guide_steps.steps()[2])
        assert app.guide.text != guide_steps.steps()[2].text
        app.screenshot(folder / f"{code}-guide.png")
        assert not found, "\n".join(found)
    finally:
        app.close()
        saves.DIR_OVERRIDE = None
