"""Reload a running game's scenario from disk and replay its commands on the new data."""

from __future__ import annotations

from pathlib import Path

from game.engine.game import Game
from game.engine.saves import Loaded, parse_save, replay_save, to_data
from game.locale import _
from game.scenario.errors import ScenarioError
from game.scenario.load import load_scenario


def reload_game(game: Game) -> Loaded:
    """Return the game replayed on freshly loaded files; raise ScenarioError if they are broken."""
    scenario = load_scenario(game.scenario.path)
    save = parse_save(to_data(game), Path(f"{game.scenario.meta.id}.reload"))
    loaded = replay_save(save, scenario)
    if not loaded.notice and scenario.content_hash != game.scenario.content_hash:
        loaded.notice = _("Scenario reloaded.")
    return loaded


__all__ = ["ScenarioError", "reload_game"]
