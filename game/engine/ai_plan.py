"""What a computer country's choices are made of, worked out once per scenario and country.

The actions it would ever weigh (author's weight above 0, in scenario order), their effects
compiled into scorers under its profile, and the partners each of its treaties may go to.
"""

from __future__ import annotations

import weakref

from attrs import frozen

from game.engine import diplomacy
from game.engine.valuation import PROJECT_FACTOR, Scorer, Valuer, valuer
from game.model.state import GameState
from game.rules.types import Env
from game.scenario.compiled import Action, Scenario, Treaty


@frozen
class Weighed:
    """An action as one country weighs it: its scorers now, per turn and on completion."""

    action: Action
    index: int  # its place in the country's actions, which breaks ties
    now: Scorer | None
    each: Scorer | None
    done: Scorer | None

    @property
    def worthless(self) -> bool:
        """True when its effects are worth nothing to the country, whatever the state."""
        return self.now is None and self.each is None and self.done is None


def weigh(value: float, weight: float) -> float:
    """Apply an author's weight: above 1 makes a choice more attractive, below 1 less."""
    return value * weight if value >= 0 else value / weight


def worth(entry: Weighed, st: GameState, env: Env) -> float:
    """Estimate what an action is worth to a country: now, per turn and on completion."""
    d = entry.action.d
    value = entry.now(st, env) if entry.now is not None else 0.0
    if d.duration:
        each = entry.each(st, env) if entry.each is not None else 0.0
        done = entry.done(st, env) if entry.done is not None else 0.0
        value += PROJECT_FACTOR * d.duration * each
        value += PROJECT_FACTOR * done
    return weigh(value, d.ai_weight)


class CountryPlan:
    """One country's weighed actions and treaty partners in one scenario."""

    def __init__(self, sc: Scenario, me: str) -> None:
        self.me = me
        self.valuer: Valuer = valuer(sc.lex, sc.countries[me].ai, me)
        self.entries: dict[str, Weighed] = {}
        for index, action in enumerate(sc.actions_for(me)):
            self.entries[action.d.id] = self._weighed(action, index)
        self.actions = [e for e in self.entries.values() if e.action.d.ai_weight > 0]
        self._envs: dict[str | None, Env] = {}  # read only: a node never changes its Env
        self.partners: dict[str, list[str]] = {
            t.d.id: diplomacy.candidates(sc, t, me) for t in sc.treaties_for(me) if t.bilateral
        }

    def _weighed(self, action: Action, index: int) -> Weighed:
        v = self.valuer
        if not action.d.duration:
            return Weighed(action, index, v.scorer(action.effects), None, None)
        now, each, done = (
            v.scorer(x) for x in (action.effects, action.per_turn, action.on_complete)
        )
        return Weighed(action, index, now, each, done)

    def entry(self, action: Action) -> Weighed:
        """Return how the country weighs an action (one it may not take is weighed too)."""
        found = self.entries.get(action.d.id)
        if found is None or found.action is not action:
            found = self._weighed(action, len(self.entries))
        return found

    def env(self, target: str | None) -> Env:
        """Return the country's Env aimed at `target` (made once, shared by its calls)."""
        found = self._envs.get(target)
        if found is None:
            found = self._envs[target] = Env(self.me, target)
        return found

    def candidates(self, sc: Scenario, treaty: Treaty) -> list[str]:
        """Return `diplomacy.candidates` for one of the country's bilateral treaties."""
        found = self.partners.get(treaty.d.id)
        return found if found is not None else diplomacy.candidates(sc, treaty, self.me)


# Scenario id() -> (a weak reference to it, its countries' plans); an entry goes with its scenario.
_PLANS: dict[int, tuple[weakref.ref[Scenario], dict[str, CountryPlan]]] = {}


def plan(sc: Scenario, me: str) -> CountryPlan:
    """Return the plan of one country in a scenario, made on first use."""
    key = id(sc)
    found = _PLANS.get(key)
    if found is None or found[0]() is not sc:
        found = (weakref.ref(sc, lambda _ref: _PLANS.pop(key, None)), {})
        _PLANS[key] = found
    plans = found[1]
    made = plans.get(me)
    if made is None:
        made = plans[me] = CountryPlan(sc, me)
    return made
