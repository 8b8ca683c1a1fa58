"""The news log: the player's own answers at once, dates in order and as the dialog gives them."""

from __future__ import annotations

import html

from game.model.state import LogEntry
from tests.ui.driver import Driver
from tests.ui.flows import new_game

MINI_TITLE = "Mini Test Scenario"


def test_the_players_own_answer_appears_in_the_log_at_once(drive: Driver) -> None:
    new_game(drive, MINI_TITLE, ["BOR"])
    drive.frames(2)
    assert drive.screen.name == "event"
    dialog = drive.screen
    view = next(v for v in dialog.options if v.ok)
    drive.click(dialog.option_buttons[view.option.id])
    drive.frames(2)
    assert drive.screen.name == "game"
    shown = drive.screen.log.html
    assert html.escape(view.option.d.text, quote=False) in shown
    drive.shot("news-own-answer")


def test_the_dialog_and_the_log_give_the_same_date(drive: Driver) -> None:
    new_game(drive, MINI_TITLE, ["BOR"])
    drive.frames(2)
    dialog = drive.screen
    game = drive.app.session.game
    entry = next(e for e in reversed(game.state.log) if e.id == dialog.event_id)
    assert game.date_text(entry.month) in dialog.date_label.text


def test_the_log_reads_in_date_order(drive: Driver) -> None:
    new_game(drive, MINI_TITLE, ["BOR"])
    drive.frames(2)
    game = drive.app.session.game
    st = game.state
    st.log.append(LogEntry(st.turn, st.month + 2, "action", "x", "BOR", "Later news"))
    st.log.append(LogEntry(st.turn, st.month, "action", "y", "BOR", "Earlier news"))
    screen = drive.app.screens[0]
    screen.version = ()
    screen.sync()
    text = screen.log.html
    assert text.index("Earlier news") < text.index("Later news")
