"""Actions that exclude each other within a turn: `exclusive` read both ways."""

from __future__ import annotations

from game.model.state import GameState
from game.scenario.compiled import Action, Scenario

_PARTNERS: dict[tuple[int, str], dict[str, set[str]]] = {}


def partners(scenario: Scenario) -> dict[str, set[str]]:
    """Return, for each action id, the ids it may not share a turn with (symmetric)."""
    key = (id(scenario), scenario.content_hash)
    if key not in _PARTNERS:
        if len(_PARTNERS) > 16:
            _PARTNERS.clear()
        found: dict[str, set[str]] = {aid: set() for aid in scenario.actions}
        for aid, action in scenario.actions.items():
            for other in action.d.exclusive:
                if other in found and other != aid:
                    found[aid].add(other)
                    found[other].add(aid)
        _PARTNERS[key] = found
    return _PARTNERS[key]


def clash(scenario: Scenario, st: GameState, action: Action, me: str) -> str | None:
    """Return the name of an exclusive partner the country took this turn, if any."""
    for other in sorted(partners(scenario).get(action.d.id, set())):
        if st.last_used.get(f"{me}:{other}") == st.turn:
            return scenario.actions[other].d.name
    return None


def clashes_with(scenario: Scenario, action: Action, picked: list[Action]) -> bool:
    """Return whether an action excludes one already picked for the same turn."""
    mine = partners(scenario).get(action.d.id, set())
    return any(p.d.id in mine for p in picked)
