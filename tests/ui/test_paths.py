"""The Paths panel: every ending the country can reach, from the engine's own conditions."""

from __future__ import annotations

import html
import re

import pygame

from game.engine.paths import leading, paths
from game.rules.types import Env
from tests.ui.driver import Driver
from tests.ui.flows import rapallo_as_germany


def _game(drive: Driver) -> None:
    rapallo_as_germany(drive)
    assert drive.screen.name == "game"


def test_the_paths_panel_lists_the_engines_endings_and_their_progress(drive: Driver) -> None:
    _game(drive)
    screen = drive.screen
    drive.click(screen.paths_button)
    panel = screen.paths
    assert panel is not None and panel.alive
    game = drive.app.session.game
    sc, st = game.scenario, game.state
    env = Env("GER", None)
    mine = [e for e in sc.endings if "GER" in e.countries]
    assert {p.id for p in panel.paths} == {e.d.id for e in mine}
    text = html.unescape(re.sub(r"<[^>]+>", "", panel.html)).replace("\xa0", " ")
    for ending in mine:
        assert ending.title_for("GER").render(st, env, sc.lex) in text
        for check in ending.when.checklist(st, env, sc.lex):
            assert check.text in text
            found = next(s for p in panel.paths for s in p.steps if s.text == check.text)
            assert found.met == check.met
    lead = leading(panel.paths)
    assert lead is not None and f"{lead.title} — yours if the game ended now" in text
    drive.shot("paths-panel")
    drive.key(pygame.K_ESCAPE)
    assert screen.paths is None and drive.screen.name == "game"
    drive.key(pygame.K_g)
    assert screen.paths is not None and screen.paths.alive
    drive.key(pygame.K_g)
    assert screen.paths is None


def test_the_paths_follow_the_state(drive: Driver) -> None:
    _game(drive)
    screen = drive.screen
    drive.key(pygame.K_g)
    game = drive.app.session.game
    before = screen.paths.html
    game.state.flags["locarno"] = game.state.turn
    screen.version = ()
    drive.frames(2)
    assert screen.paths.html != before
    assert screen.paths.paths == paths(screen.view)
