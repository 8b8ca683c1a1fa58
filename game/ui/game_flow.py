"""Opening, starting, loading and leaving a game: what the application does around a session."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from game.locale import _

if TYPE_CHECKING:
    from game.ui.app import App

log = logging.getLogger(__name__)


def open_game(app: App) -> None:
    """Show the game screen for the current session (behind a hand-over in hot seat)."""
    from game.ui.screens.game_screen import GameScreen
    from game.ui.screens.handover import HandoverScreen

    assert app.session is not None
    app.guide = None  # a guide belongs to the game it began in, not to one loaded later
    app.replace(GameScreen(app, app.session))
    if app.session.hot_seat and not app.session.game.state.over:
        app.push(HandoverScreen(app, app.session))


def start_game(
    app: App, source: str, humans: list[str], seed: int | None = None, difficulty: int = 1
) -> str | None:
    """Start a new game and show it; return an error message if it cannot start."""
    from game.ui.session import Session

    try:
        app.session = Session.start(source, humans, seed, difficulty)
    except Exception as exc:  # noqa: BLE001 - any failure is shown, never a crash
        log.exception("cannot start %s", source)
        return str(exc)
    app.open_game()
    return None


def load_game(app: App, path: Path) -> str | None:
    """Load a saved game and show it; return the reason if it cannot be loaded.

    A bad file shows a message; a replay that differs from the save asks first.
    """
    from game.engine.saves import Loaded, SaveError
    from game.ui.screens.dialogs import ConfirmDialog, MessageDialog
    from game.ui.session import Session

    try:
        loaded = Session.open(path)
    except SaveError as exc:
        log.warning("load: %s", exc)
        app.push(MessageDialog(app, _("Cannot load this save"), str(exc)))
        return str(exc)

    def keep(chosen: Loaded = loaded) -> None:
        from game.ui.saves import campaign_of, new_campaign

        app.session = Session.from_game(chosen.game)
        app.session.campaign = campaign_of(path) or new_campaign(chosen.game.state.seed)
        app.open_game()

    if loaded.diverged_at is not None:
        app.push(ConfirmDialog(app, _("The scenario has changed"), loaded.notice, _("Keep"), keep))
        return None
    keep()
    if loaded.notice:
        app.push(MessageDialog(app, _("Loaded"), loaded.notice))
    return None


def to_main_menu(app: App) -> None:
    """Leave the game for the main menu."""
    from game.ui.screens.menu import MainMenu

    app.session = None
    app.guide = None
    app.replace(MainMenu(app))


def leave_game(app: App, then: Callable[[], None], verb: str, question: str) -> None:
    """Do then (quit, or go to the menu); with unsaved moves, ask first and offer to save."""
    from game.ui.screens.dialogs import ConfirmDialog

    session = app.session
    if session is None or not session.unsaved or app.screen.name == "confirm":
        then()
        return

    def save_then() -> None:
        from game.engine.saves import SaveError
        from game.ui import saves

        try:
            session.save(saves.folder().slot(saves.QUICK_SAVE), saves.QUICK_SAVE)
        except SaveError as exc:
            app.toast(_("Save failed: {exc}").format(exc=exc))
            return
        then()

    text = _("Moves made since the last save will be lost. {question}").format(question=question)
    app.push(
        ConfirmDialog(
            app,
            _("The game is not saved"),
            text,
            verb,
            then,
            extra=(_("Save first"), save_then),
        )
    )
