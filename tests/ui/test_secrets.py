"""Secrets: what another power does in secret never reaches the viewer's screen until revealed."""

from __future__ import annotations

import pygame

from game.engine.game import Game
from game.ui.app import App
from game.ui.session import Session
from tests.ui.driver import Driver
from tests.ui.texts import drawn_texts, widget_texts

SECRETS = ["Secret talks with Moscow", "Junkers aircraft plant at Fili", "Comintern agitation"]
COOPERATION = 37.3


def _rigged(viewer: str) -> Session:
    """Return a Rapallo game played as viewer, with secret German and Soviet moves made."""
    session = Session.start("rapallo", [viewer], seed=3)
    game: Game = session.game
    sc, st = game.scenario, game.state
    st.pending = {}
    game._do_action(sc.actions["secret_talks"], "GER", "SOV")
    game._do_action(sc.actions["fili_plant"], "GER", None)
    game._do_action(sc.actions["comintern_germany"], "SOV", None)
    st.globals["cooperation"] = COOPERATION
    return session


def _point_in(drive: Driver, cid: str) -> tuple[int, int]:
    """Return a point of the map inside the given country."""
    screen = drive.screen
    rect = screen.map.rect
    for y in range(rect.top + 5, rect.bottom - 5, 9):
        for x in range(rect.left + 5, rect.right - 5, 9):
            if screen.map.group_of(screen.map.region_at((x, y))) == cid:
                return (x, y)
    raise AssertionError(f"{cid} is not on the map")


def _everything_shown(drive: Driver) -> list[str]:
    """Look at every tab, map mode and tooltip as a player would; return every text seen."""
    seen: list[str] = []
    with drawn_texts() as drawn:
        drive.frames(2)
        for other in ("GER", "SOV"):
            point = _point_in(drive, other)
            drive.click_at(point)
            drive.move(point)
            for _ in range(4):
                drive.key(pygame.K_TAB)
                drive.frames(1)
                seen += widget_texts(drive.screen)
            for _ in range(4):
                drive.key(pygame.K_m)
                drive.frames(1)
        for rect, _ in list(drive.screen.bar.hits):
            drive.move(rect.center)
            drive.frames(1)
        seen += [m.name for m in drive.screen.map.markers]
    return seen + drawn


def _open(app: App, session: Session) -> Driver:
    app.session = session
    app.open_game()
    drive = Driver(app)
    drive.frames(2)
    assert drive.screen.name == "game"
    return drive


def test_france_sees_no_german_or_soviet_secret(app: App) -> None:
    drive = _open(app, _rigged("FRA"))
    seen = _everything_shown(drive)
    drive.shot("secrets-france")
    for secret in SECRETS:
        assert not any(secret in text for text in seen), secret
    assert not any("37.3" in text for text in seen)
    assert any("(estimate)" in text for text in seen)
    assert "Secret cooperation: 20–40 (estimate)" in "\n".join(seen)


def test_germany_sees_its_own_secrets_but_not_the_soviet_ones(app: App) -> None:
    drive = _open(app, _rigged("GER"))
    seen = "\n".join(_everything_shown(drive))
    assert "Secret talks with Moscow" in seen
    assert "Junkers aircraft plant at Fili" in seen
    assert "37.3" in seen
    assert "Comintern agitation" not in seen


def test_an_exposure_reveals_the_secrets_to_france(app: App) -> None:
    session = _rigged("FRA")
    session.game.state.flags["exposed"] = session.game.state.turn
    drive = _open(app, session)
    seen = "\n".join(_everything_shown(drive))
    assert "Secret talks with Moscow" in seen
    assert "Junkers aircraft plant at Fili" in seen
    assert "37.3" in seen


def test_a_secret_projects_own_news_stays_with_its_secret() -> None:
    from game.engine.view import view_of

    session = _rigged("FRA")
    game = session.game
    fili = next(p for p in game.state.projects if p.action == "fili_plant")
    fili.turns_left = 1
    game.state.pending = {}
    assert session.end_turn() is None
    notes = [e for e in game.state.log if e.kind == "note" and "Fili" in e.title]
    assert notes, "the completion note was written"
    readable = [e for _, e in view_of(game, "FRA").log()]
    assert not any(e in readable for e in notes)
    assert all(e in [x for _, x in view_of(game, "GER").log()] for e in notes)
