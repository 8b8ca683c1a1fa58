"""Hot reload on the game screen: re-read the scenario, replay, keep the view (F5)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from game.engine.game import Game
from game.engine.saves import SaveError
from game.locale import _
from game.ui import map_style
from game.ui.map_view import MapView

if TYPE_CHECKING:
    from game.ui.screens.game_screen import GameScreen


def reload_notice(changed: bool, diverged_at: int | None) -> str:
    """Return the toast after a hot reload."""
    if not changed:
        return _("Scenario reloaded: no file had changed.")
    if diverged_at is None:
        return _("Scenario reloaded: the game replayed exactly.")
    return _("Scenario reloaded: the game differs from turn {diverged_at} on.").format(
        diverged_at=diverged_at
    )


def reload(screen: GameScreen) -> None:
    """Re-read the scenario files and replay the game on them (F5); list errors if broken."""
    from game.engine.reload import reload_game
    from game.scenario.errors import ScenarioError
    from game.ui.screens.reload_errors import ReloadErrors

    try:
        loaded = reload_game(screen.session.game)
    except ScenarioError as exc:
        root = Path(screen.session.scenario.path).resolve()
        screen.app.push(ReloadErrors(screen.app, exc.problems, root))
        return
    except SaveError as exc:
        screen.app.toast(_("Reload failed: {exc}").format(exc=exc))
        return
    changed = loaded.game.scenario.content_hash != screen.session.scenario.content_hash
    take_game(screen, loaded.game)
    screen.app.toast(reload_notice(changed, loaded.diverged_at))


def take_game(screen: GameScreen, game: Game) -> None:
    """Carry on with a reloaded game, keeping the view, the tab and the selection."""
    old = screen.map
    screen.session.swap(game)
    sc = game.scenario
    screen.map = MapView(sc.map, list(sc.regions.values()), old.rect)
    ratio = old.zoom / old.min_zoom if old.min_zoom else 1.0
    screen.map.zoom = screen.map.min_zoom * ratio
    screen.map.centre = old.centre
    screen.map.set_rect(old.rect)
    if screen.selected not in sc.countries:
        screen.selected = None
    screen.map.selected = screen.selected
    if screen.mode not in map_style.available_modes(game):
        screen.mode = "political"
    screen.last_turn = (game.state.turn, game.state.over, game.state.closing)
    screen.rebuild()
