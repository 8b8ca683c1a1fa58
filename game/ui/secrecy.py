"""What one person may not see of another person's secret actions in a hot-seat game."""

from __future__ import annotations

from game.engine.game import Game


def hidden(game: Game, country: str, action_id: str, viewer: str) -> bool:
    """Return True when a secret action of another human country must stay out of view."""
    humans = game.state.humans
    if country == viewer or len(humans) < 2 or country not in humans:
        return False
    action = game.scenario.actions.get(action_id)
    return action is not None and action.d.secret
