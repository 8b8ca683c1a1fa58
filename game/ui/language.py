"""The player's language: picked at start-up, changed in Settings without a restart."""

from __future__ import annotations

import logging
from typing import Any

from babel import Locale

from game import locale
from game.scenario.loc import loc_path

log = logging.getLogger(__name__)


def native_name(code: str) -> str:
    """Return a language's name in that language: "English", "Deutsch", "Русский"."""
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


def choices() -> list[tuple[str, str]]:
    """Return (code, native name) for every language the program speaks."""
    return [(code, native_name(code)) for code in locale.available()]


def start(chosen: str) -> str:
    """Switch to the saved choice, or to the system's language when none was saved."""
    return locale.set_language(chosen or locale.system_language())


def switch(app: Any, code: str) -> None:
    """Switch the language; a running game carries on with its scenario's texts in it."""
    code = locale.set_language(code)
    session = getattr(app, "session", None)
    if session is None:
        return
    wanted = code if loc_path(session.scenario.path, code).is_file() else locale.SOURCE
    if session.scenario.language == wanted:
        return
    from game.engine.reload import reload_game
    from game.scenario.errors import ScenarioError

    try:
        loaded = reload_game(session.game)
    except (ScenarioError, ValueError, OSError) as exc:
        log.warning("language: the scenario's texts were not reloaded (%s)", exc)
        return
    from game.ui.screens.game_reload import take_game
    from game.ui.screens.game_screen import GameScreen

    for screen in list(app.screens):
        if isinstance(screen, GameScreen) and screen.session is session:
            take_game(screen, loaded.game)
            return
    session.swap(loaded.game)
