"""The ledger: the powers and picked countries charted up to now, with dated axes."""

from __future__ import annotations

from pathlib import Path

import pygame

from game import locale
from game.ui import saves
from game.ui.app import App
from game.ui.charts import axis_label
from game.ui.session import Session
from game.ui.settings import Settings
from tests.ui.driver import Driver
from tests.ui.flows import answer_events, end_turn
from tests.ui.test_secrets import _point_in


def test_the_ledger_charts_the_powers_up_to_now_and_adds_picked_countries(
    tmp_path: Path,
) -> None:
    saves.DIR_OVERRIDE = tmp_path / "saves"
    app = App(settings=Settings(autosave=False, confirm_end_turn=False), size=(1280, 720))
    try:
        session = Session.start("rapallo", ["GER"], seed=6)
        app.session = session
        app.open_game()
        drive = Driver(app)
        game = session.game
        for _ in range(10):
            if game.state.turn == 2 and drive.screen.name == "game":
                break
            answer_events(drive)
            if drive.screen.name == "game" and game.state.turn < 2:
                end_turn(drive)
            elif drive.screen.name not in ("game", "event"):
                raise AssertionError(drive.app.screen_names())
        assert game.state.turn == 2
        screen = drive.screen
        drive.key(pygame.K_F6)
        drive.frames(1)
        panel = screen.panel
        names = [s.name for s in panel.shown]
        powers = [game.name(c) for c in game.scenario.meta.playable]
        assert names[: len(powers)] == powers
        assert all(sum(v is not None for v in s.values) == 3 for s in panel.shown)
        assert panel.labels == ["Nov 1918", "Feb 1919", "May 1919"]
        assert game.date_text().startswith("May")
        for plot in panel.plots:
            assert plot.h > panel.rect.h // 5, "the legend leaves room for the plot"
        if screen.summary is not None:
            drive.key(pygame.K_ESCAPE)  # the turn summary lies over the map
        drive.click_at(_point_in(drive, "POL"))
        drive.frames(1)
        assert screen.tab == "ledger"
        assert game.name("POL") in [s.name for s in screen.panel.shown]
        drive.shot("ledger")
    finally:
        app.close()
        saves.DIR_OVERRIDE = None


def test_chart_axes_write_fractions_with_the_languages_decimal_sign() -> None:
    try:
        locale.set_language("de")
        assert [axis_label(v) for v in (0, 12.5, 37.5, 50)] == ["0", "12,5", "37,5", "50"]
        locale.set_language("en")
        assert axis_label(12.5) == "12.5"
    finally:
        locale.set_language(locale.SOURCE)
