"""The last answers in the window: Moscow invites Ribbentrop in the last turn, ends it, reads
Germany's pact in its dialog, signs, and the End turn button leads to the ending."""

from __future__ import annotations

import pygame

from game.engine.game import Game
from game.ui.app import App
from game.ui.session import Session
from tests.engine.test_last_answers import CLOSING, _pact, play_moscow
from tests.ui.driver import Driver
from tests.ui.test_treaties import _text


def _to_the_last_turn() -> Game:
    """Play Moscow as history did up to the last turn, its events left to the window."""
    sc = _pact()
    return play_moscow(lambda game: game.state.month + sc.meta.months_per_turn > sc.end_month)


def _answer_events_by_click(drive: Driver, prefer: str) -> None:
    """Answer the waiting events by clicking an option: `prefer` where offered, else the first."""
    for _ in range(10):
        if drive.screen.name != "event":
            return
        dialog = drive.screen
        ok = [v.option.id for v in dialog.options if v.ok]
        drive.click(dialog.option_buttons[prefer if prefer in ok else ok[0]])
        drive.frames(2)
    raise AssertionError("too many events")


def test_moscow_answers_the_pact_after_the_last_turn_and_sees_the_ending(app: App) -> None:
    app.session = Session.from_game(_to_the_last_turn())
    app.open_game()
    drive = Driver(app)
    drive.frames(2)
    game = app.session.game
    assert "the_pact" in game.state.pending["SOV"]
    _answer_events_by_click(drive, "sign_pact")
    assert game.state.flags.get("ribbentrop_invited") is not None
    assert drive.screen.name == "game"
    drive.click(drive.screen.end_button)
    drive.frames(2)
    if drive.screen.name == "confirm":  # points left unused: end the turn all the same
        drive.key(pygame.K_RETURN)
        drive.frames(2)
    assert game.state.closing and not game.state.over
    seen: list[str] = []
    for _ in range(6):
        if drive.screen.name != "proposal":
            break
        shown = _text(drive)
        seen.append(drive.screen.proposal.treaty)
        if drive.screen.proposal.treaty == "nazi_soviet_pact":
            assert "The Molotov–Ribbentrop pact" in shown and "proposed by Germany" in shown
            assert "August 1939" in shown
            drive.shot("last-answers-pact")
        drive.click(drive.screen.accept_button)
        drive.frames(2)
    assert "nazi_soviet_pact" in seen
    assert drive.screen.name == "game" and game.state.closing
    assert drive.screen.status.text == CLOSING
    assert drive.screen.end_button.text == "End turn"
    drive.shot("last-answers-answered")
    drive.click(drive.screen.end_button)
    drive.frames(3)
    assert game.state.over and game.state.endings["SOV"] == "nazi_soviet_pact"
    assert drive.screen.name == "ending"
    assert "Time and territory" in _text(drive)
    drive.shot("last-answers-ending")
