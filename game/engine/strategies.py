"""Ways to play a country in balance runs: authored strategies and the built-in greedy,
random and spam players, each deciding actions, answers and proposals for one country."""

from __future__ import annotations

import copy
from typing import Protocol

import attrs

from game.engine import ai
from game.engine.eligibility import blockers, open_targets
from game.model.defs import AIProfile
from game.model.state import GameState
from game.rules.effects import apply_all
from game.rules.types import Env
from game.scenario.compiled import Action, Event, Option, Scenario, Treaty

Pick = tuple[Action, str | None]


class Policy(Protocol):
    """What decides for one country in place of its usual AI."""

    def actions(self, sc: Scenario, st: GameState, me: str) -> list[Pick]:
        """Return the actions to take this turn."""
        ...

    def option(self, sc: Scenario, st: GameState, event: Event, me: str) -> Option | None:
        """Return the answer to an event."""
        ...

    def proposals(self, sc: Scenario, st: GameState, me: str) -> list[tuple[Treaty, list[str]]]:
        """Return the treaties to propose this turn."""
        ...


class Usual:
    """The usual AI of every computer country."""

    def actions(self, sc: Scenario, st: GameState, me: str) -> list[Pick]:
        return ai.choose_actions(sc, st, me)

    def option(self, sc: Scenario, st: GameState, event: Event, me: str) -> Option | None:
        return ai.choose_option(sc, st, event, me)

    def proposals(self, sc: Scenario, st: GameState, me: str) -> list[tuple[Treaty, list[str]]]:
        return ai.choose_proposals(sc, st, me)


USUAL = Usual()


class Profiled:
    """The usual AI with another profile: an authored strategy (or the country's own)."""

    def __init__(self, sc: Scenario, country: str, profile: AIProfile | None = None) -> None:
        if profile is not None:
            who = attrs.evolve(sc.countries[country], ai=profile)
            sc = attrs.evolve(sc, countries={**sc.countries, country: who})
        self.sc = sc

    def actions(self, sc: Scenario, st: GameState, me: str) -> list[Pick]:
        return ai.choose_actions(self.sc, st, me)

    def option(self, sc: Scenario, st: GameState, event: Event, me: str) -> Option | None:
        return ai.choose_option(self.sc, st, event, me)

    def proposals(self, sc: Scenario, st: GameState, me: str) -> list[tuple[Treaty, list[str]]]:
        return ai.choose_proposals(self.sc, st, me)


def open_picks(sc: Scenario, st: GameState, me: str) -> list[Pick]:
    """Return every (action, target) the country may take now, in scenario order."""
    return [(a, t) for a in sc.actions_for(me) for t in open_targets(sc, st, a, me)]


def can_act(sc: Scenario, st: GameState, me: str) -> bool:
    """Return True when the country has at least one action it may take now."""
    return any(not blockers(sc, st, a, me, explain=False) for a in sc.actions_for(me))


def _within(picks: list[Pick], points: int) -> list[Pick]:
    taken, seen = [], set()
    for action, target in picks:
        if action.d.cost <= points and action.d.id not in seen:
            taken.append((action, target))
            seen.add(action.d.id)
            points -= action.d.cost
    return taken


class RandomPlay(Profiled):
    """Takes open actions and answers at random (with the game's generator)."""

    def actions(self, sc: Scenario, st: GameState, me: str) -> list[Pick]:
        picks = open_picks(sc, st, me)
        st.rng.shuffle(picks)
        return _within(picks, st.ap.get(me, 0))

    def option(self, sc: Scenario, st: GameState, event: Event, me: str) -> Option | None:
        visible = [o for o in event.options if o.when.fn(st, Env(me, None))]
        return st.rng.choice(visible) if visible else None


class Spam(Profiled):
    """Takes the single best-valued action whenever it is open, and nothing else."""

    def actions(self, sc: Scenario, st: GameState, me: str) -> list[Pick]:
        picks = open_picks(sc, st, me)
        if not picks:
            return []
        best = max(picks, key=lambda p: ai.action_value(sc, st, p[0], me, p[1]))
        return _within([best], st.ap.get(me, 0))


def ending_score(sc: Scenario, st: GameState, me: str) -> float:
    """Return the score the country would get if the game ended now."""
    env = Env(me, None)
    for ending in sc.endings:
        if me in ending.countries and ending.when.fn(st, env):
            return ending.score_for(me).number(st, env)
    return 0.0


def _trial(st: GameState) -> GameState:
    """Return a copy of the state to try a move on, without the history."""
    return copy.deepcopy(attrs.evolve(st, log=[], series=[], hashes=[]))


class Greedy(Profiled):
    """Takes, one at a time, the action that most raises its own ending score right now."""

    def actions(self, sc: Scenario, st: GameState, me: str) -> list[Pick]:
        points, taken = st.ap.get(me, 0), []
        trial = _trial(st)
        for _ in range(points):
            now = ending_score(sc, trial, me)
            best: tuple[float, Pick, GameState] | None = None
            for action, target in open_picks(sc, trial, me):
                if action.d.cost > trial.ap.get(me, 0):
                    continue
                after = _trial(trial)
                after.ap[me] -= action.d.cost
                after.last_used[f"{me}:{action.d.id}"] = after.turn
                apply_all([*action.effects, *action.per_turn], after, Env(me, target))
                gain = ending_score(sc, after, me) - now
                if gain > 0 and (best is None or gain > best[0]):
                    best = (gain, (action, target), after)
            if best is None:
                break
            taken.append(best[1])
            trial = best[2]
        return taken

    def option(self, sc: Scenario, st: GameState, event: Event, me: str) -> Option | None:
        visible = [o for o in event.options if o.when.fn(st, Env(me, None))]
        if not visible:
            return None

        def score(option: Option) -> float:
            after = _trial(st)
            apply_all(option.effects, after, Env(me, None))
            return ending_score(sc, after, me)

        return max(visible, key=score)


BUILT_IN: dict[str, type[Profiled]] = {"greedy": Greedy, "random": RandomPlay, "spam": Spam}


def policy_for(sc: Scenario, country: str, strategy: str) -> Profiled:
    """Return the player for a country: a built-in strategy or one the scenario defines."""
    if strategy in BUILT_IN:
        return BUILT_IN[strategy](sc, country)
    found = sc.strategies.get(strategy)
    if found is None or found.country != country:
        mine = [s.id for s in sc.strategies.values() if s.country == country]
        raise ValueError(
            f"no strategy '{strategy}' for {country}; choose one of "
            + ", ".join([*BUILT_IN, *mine])
        )
    return Profiled(sc, country, found.ai)
