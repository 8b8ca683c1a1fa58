"""Side panels: long lists get a scroll bar and scroll; numbers say what they mean."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.ui import saves
from game.ui.app import App
from game.ui.session import Session
from game.ui.settings import Settings
from tests.ui.driver import Driver


def _rapallo(tmp_path: Path, size: tuple[int, int] = (1024, 600)) -> Driver:
    saves.DIR_OVERRIDE = tmp_path / "saves"
    app = App(settings=Settings(autosave=False), size=size)
    session = Session.start("rapallo", ["GER"], seed=4)
    session.game.state.pending = {}
    app.session = session
    app.open_game()
    drive = Driver(app)
    drive.frames(2)
    return drive


def test_a_long_diplomacy_list_shows_a_scroll_bar_and_scrolls(tmp_path: Path) -> None:
    drive = _rapallo(tmp_path)
    try:
        screen = drive.screen
        drive.key(pygame.K_F4)
        panel = screen.panel
        assert panel.title == "Diplomacy"
        track = panel.track()
        assert track is not None
        drive.wheel(panel.rect.center, -3)
        assert panel.scroll > 0
        drive.click_at((track.centerx, track.bottom - 2))
        assert panel.scroll == panel._content_h - panel.rect.h
        drive.shot("diplomacy-scrolled")
    finally:
        drive.app.close()
        saves.DIR_OVERRIDE = None


def test_standing_modifiers_say_permanent(tmp_path: Path) -> None:
    from tests.ui.texts import drawn_texts

    drive = _rapallo(tmp_path, (1280, 720))
    try:
        with drawn_texts() as seen:
            drive.key(pygame.K_F2)
            drive.frames(1)
        assert any(t.endswith("— permanent") for t in seen)
        assert not any("1000000" in t or "999999" in t for t in seen)
    finally:
        drive.app.close()
        saves.DIR_OVERRIDE = None


def test_a_computed_effect_shows_its_value_now_and_its_rule_apart(tmp_path: Path) -> None:
    saves.DIR_OVERRIDE = tmp_path / "saves"
    app = App(settings=Settings(autosave=False), size=(1280, 720))
    try:
        session = Session.start("pact", ["GER"], seed=4)
        session.game.state.pending = {}
        app.session = session
        app.open_game()
        drive = Driver(app)
        drive.frames(2)
        screen = drive.screen
        drive.click(screen.tab_buttons["actions"])
        panel = screen.panel
        button = panel.buttons["economic_drive"]
        panel.list_box.vert_scroll_bar.set_scroll_from_start_percentage(1.0)
        drive.frames(2)
        drive.click(button)
        text = screen.panel.detail.html_text
        economy = session.game.state.stats["GER"]["economy"]
        now = round(max(0, 2 + (70 - economy) / 6), 1)
        from game.rules.lexicon import fmt_num

        assert f"Economy +{fmt_num(now)}<br>" in text
        effects = text.split("Worked out")[0]
        assert "max(" not in effects
        assert "max(" in text.split("Worked out")[1]
        drive.shot("actions-computed-effect")
    finally:
        app.close()
        saves.DIR_OVERRIDE = None
