"""Every screen at every offered scale of three window sizes: inside the window, no overlaps."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from game.locale import _
from game.scenario.errors import Problem
from game.ui import saves
from game.ui.app import App
from game.ui.screens.base import Screen
from game.ui.screens.game_screen import GameScreen
from game.ui.screens.settings_screen import offered_scales
from game.ui.session import Session
from game.ui.settings import Settings
from tests.ui.driver import SHOTS
from tests.ui.layout_check import problems

SIZES = [(1024, 600), (1280, 720), (2560, 1440)]
CASES = [(size, scale) for size in SIZES for scale in offered_scales(size)]
# The default suite renders every size at its 100 % scale and the smallest window at every
# scale; the other combinations run with the long tests (-m slow).
QUICK = {(size, 1.0) for size in SIZES} | {(SIZES[0], s) for s in offered_scales(SIZES[0])}


def _case(size: tuple[int, int], scale: float) -> object:
    marks = [] if (size, scale) in QUICK else [pytest.mark.slow]
    return pytest.param(size, scale, marks=marks, id=f"{size[0]}x{size[1]}-{int(scale * 100)}")


LONG = (
    "The save file could not be read: it names a scenario that is not installed, "
    "and its list of commands stops in the middle of a turn. " * 3
)


def _session() -> Session:
    """Return a Rapallo game as Germany in a month with a long name, a few turns in."""
    session = Session.start("rapallo", ["GER"], seed=5)
    game = session.game
    step = game.scenario.meta.months_per_turn
    longest = max(len(game.date_text(game.state.month + k)) for k in range(0, 12, step))
    while len(game.date_text()) < longest or game.state.turn < 4:
        game.state.pending = {}
        session.end_turn()
    game.state.pending = {}
    return session


def _longest_event(session: Session) -> str:
    """Return the event with the most options and the longest text."""
    events = session.game.scenario.events.values()
    return max(events, key=lambda e: (len(e.options), len(e.d.text))).d.id


def _screens(app: App, session: Session) -> Iterator[tuple[str, Callable[[], Screen]]]:
    """Yield (name, factory) for every screen the player can reach."""
    from game.ui.screens.console import ConsoleOverlay
    from game.ui.screens.dialogs import ConfirmDialog, MessageDialog
    from game.ui.screens.event_dialog import EventDialog
    from game.ui.screens.handover import HandoverScreen
    from game.ui.screens.help import HelpOverlay
    from game.ui.screens.load import LoadScreen
    from game.ui.screens.menu import MainMenu
    from game.ui.screens.pause import PauseMenu
    from game.ui.screens.reload_errors import ReloadErrors
    from game.ui.screens.save_name import SaveNameDialog
    from game.ui.screens.settings_screen import SettingsScreen
    from game.ui.screens.setup import SetupScreen

    yield "menu", lambda: MainMenu(app)
    yield "setup", lambda: SetupScreen(app)
    yield "event", lambda: EventDialog(app, session, _longest_event(session))
    yield "pause", lambda: PauseMenu(app, session)
    yield "settings", lambda: SettingsScreen(app)
    yield "load", lambda: LoadScreen(app)
    yield "save-name", lambda: SaveNameDialog(app, session)
    yield "help", lambda: HelpOverlay(app)
    yield "console", lambda: ConsoleOverlay(app, session)
    yield "handover", lambda: HandoverScreen(app, session)
    yield "message", lambda: MessageDialog(app, "Cannot load this save", LONG)
    yield (
        "confirm",
        lambda: ConfirmDialog(
            app,
            "End the turn?",
            "2 AP unused — end the turn?",
            "End turn",
            lambda: None,
            extra=("Don't ask again", lambda: None),
        ),
    )
    yield (
        "leave",
        lambda: ConfirmDialog(
            app,
            _("The game is not saved"),
            _("Moves made since the last save will be lost. {question}").format(
                question=_("Leave for the main menu anyway?")
            ),
            _("Leave for the main menu"),
            lambda: None,
            extra=(_("Save first"), lambda: None),
        ),
    )
    problem = Problem("events.toml", 12, "unknown stat 'stabilty' (did you mean 'stability'?)")
    yield "reload-errors", lambda: ReloadErrors(app, [problem] * 8)


@pytest.fixture(scope="module")
def session() -> Session:
    """Return one game shared by the cases."""
    return _session()


@pytest.mark.parametrize(("size", "scale"), [_case(size, scale) for size, scale in CASES])
def test_every_screen_fits_and_nothing_overlaps(
    session: Session, size: tuple[int, int], scale: float, tmp_path: Path
) -> None:
    saves.DIR_OVERRIDE = tmp_path / "saves"
    app = App(settings=Settings(ui_scale=scale, autosave=False), size=size)
    try:
        saves.folder().autosave(session.game)
        session.save(saves.folder().slot("A save with a long name for the list"), "A long name")
        app.session = session
        app.open_game()
        game_screen = app.screen
        found: list[str] = []
        tag = f"{size[0]}x{size[1]}-{int(scale * 100)}"
        for tab in ("country", "actions", "diplomacy", "ledger"):
            game_screen.open_tab(tab)
            app.frame()
            found += [f"game/{tab}: {p}" for p in problems(game_screen, size)]
            found += _bar_problems(game_screen)
            _shot(app, f"game-{tab}-{tag}", tab == "country" or scale == 1.0)
        for name, make in _screens(app, session):
            screen = make()
            app.push(screen)
            app.frame()
            found += [f"{name}: {p}" for p in problems(screen, size)]
            _shot(app, f"{name}-{tag}", scale == 1.0 and (size[0] < 2000 or name == "event"))
            app.pop(screen)
        over = _ending(app, session)
        found += [f"ending: {p}" for p in problems(over, size)]
        _shot(app, f"ending-{tag}", scale == 1.0)
        assert not found, "\n".join(found)
    finally:
        app.close()
        saves.DIR_OVERRIDE = None


def _bar_problems(screen: GameScreen) -> list[str]:
    """Return what is wrong with the top bar: a key stat left out or under the Menu button."""
    bar = screen.bar
    assert bar is not None
    out = []
    shown = [tip for _, tip in bar.hits]
    for item in bar.items:
        if not any(tip.startswith(f"{item.name}:") for tip in shown):
            out.append(f"top bar: {item.name} is not shown")
    if not bar.fits or bar.right > screen.menu_button.rect.left:
        out.append(f"top bar: needs {bar.width(bar.style)} px, reaches {bar.right}")
    return out


def _ending(app: App, session: Session) -> Screen:
    """Show the ending screen of a copy of the game, ended now."""
    from game.ui.screens.ending import EndingScreen

    st = session.game.state
    saved = (st.over, dict(st.endings))
    st.over = True
    st.endings = {"GER": session.game.scenario.endings[0].d.id}
    try:
        screen = EndingScreen(app, session)
        app.push(screen)
        app.frame()
        return screen
    finally:
        st.over, st.endings = saved


def _shot(app: App, name: str, wanted: bool) -> None:
    """Save a screenshot under tests/screenshots/layout when wanted."""
    if wanted:
        folder = SHOTS / "layout"
        folder.mkdir(parents=True, exist_ok=True)
        app.screenshot(folder / f"{name}.png")
