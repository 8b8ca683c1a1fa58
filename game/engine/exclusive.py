"""Actions that exclude each other within a turn: `exclusive` read both ways."""

from __future__ import annotations

from game.model.state import GameState
from game.scenario.compiled import Action, Scenario


def clash(scenario: Scenario, st: GameState, action: Action, me: str) -> str | None:
    """Return the name of an exclusive partner the country took this turn, if any."""
    for other in scenario.exclusive_partners.get(action.d.id, ()):
        if st.last_used.get(f"{me}:{other}") == st.turn:
            return scenario.actions[other].d.name
    return None


def clashes_with(scenario: Scenario, action: Action, picked: list[Action]) -> bool:
    """Return whether an action excludes one already picked for the same turn."""
    mine = scenario.exclusive_partners.get(action.d.id, ())
    return any(p.d.id in mine for p in picked)
