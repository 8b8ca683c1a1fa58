"""Entry points the command line calls: open the window, start a scenario or load a save."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import attrs
import pygame

from game.locale import _
from game.ui.app import App

log = logging.getLogger(__name__)


def run_app(
    scenario_id: str | None = None,
    load: str | None = None,
    dev: bool = False,
    probe: bool = False,
    windowed: bool = False,
    lang: str = "",
) -> int:
    """Start the game window; optionally start a scenario or load a save straight away.

    With probe, draw the first frame of the main menu and return (start-up measurement).
    """
    logging.basicConfig(level=logging.INFO if dev else logging.WARNING)
    from game.ui.display import HOW_TO_RUN, display_problem

    problem = display_problem()
    if problem:
        print(f"rapallo: {problem}", file=sys.stderr)
        return 1
    from game.ui.saves import clean_temporaries

    clean_temporaries()
    try:
        app = App(dev=dev, windowed=windowed)
    except pygame.error as exc:
        print(f"rapallo: the window cannot open ({exc}). {HOW_TO_RUN}", file=sys.stderr)
        return 1
    if lang:
        app.apply_settings(attrs.evolve(app.settings, language=lang))
    if probe:
        app.step([])
        app.close()
        return 0
    start_from_command_line(app, scenario_id, load)
    return app.run()


def start_from_command_line(app: App, scenario_id: str | None, load: str | None) -> None:
    """Load a save or start a scenario named on the command line; a problem opens a dialog."""
    from game.ui.screens.dialogs import MessageDialog

    if app.message:
        app.push(MessageDialog(app, _("Window size"), app.message))
    try:
        if load:
            path = Path(load)
            if not path.is_file():
                what = _("a folder, not a save file") if path.is_dir() else _("not there")
                raise FileNotFoundError(_("{load} is {what}.").format(load=load, what=what))
            app.load_game(path)
        elif scenario_id:
            from game.ui.session import Session

            app.session = Session.start(scenario_id)
            app.open_game()
    except Exception as exc:  # noqa: BLE001 - the player sees the message in a dialog
        log.error("cannot start: %s", exc)
        title = _("Cannot load the save") if load else _("Cannot start the scenario")
        app.push(MessageDialog(app, title, str(exc) or type(exc).__name__))


def run(argv: list[str] | None = None) -> int:
    """Start the game window from command-line style arguments."""
    argv = argv or []
    scenario = argv[0] if argv else None
    return run_app(scenario_id=scenario)
