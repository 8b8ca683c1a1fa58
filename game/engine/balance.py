"""Balance checks for simulate: options another option beats on every count, and dead turns."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from game.engine.thin_turns import ThinTurns
from game.engine.valuation import Valuer, valuer
from game.model.state import GameState
from game.rules.effects import (
    Change,
    Effect,
    ForEach,
    Group,
    IfEffect,
    RandomEffect,
    SetFlag,
    StartModifier,
)
from game.rules.types import Env
from game.scenario.compiled import Event, Option, Scenario

Counts = dict[str, float]
SAMPLES = 3  # firings of one event per game whose options are compared


def _add(into: Counts, more: Counts, weight: float = 1.0) -> None:
    for key, amount in more.items():
        into[key] = into.get(key, 0.0) + weight * amount


def contributions(effects: list[Effect], v: Valuer, st: GameState, env: Env) -> Counts:
    """Return what a list of effects is worth to `env.me` (valued by `v`), count by count."""
    out: Counts = {}
    for effect in effects:
        if type(effect) is Change:  # one count, added in line
            key, worth = _change_count(effect, v, st, env)
            out[key] = out.get(key, 0.0) + worth
        else:
            _add(out, _one(effect, v, st, env))
    return out


def _worth(effect: Effect, v: Valuer, st: GameState, env: Env) -> float:
    term = v.term(effect)
    return term(st, env) if term is not None else 0.0


def _change_count(effect: Change, v: Valuer, st: GameState, env: Env) -> tuple[str, float]:
    who = effect.who.fn(st, env) if effect.who is not None else ""
    other = effect.other.fn(st, env) if effect.other is not None else ""
    return f"{effect.kind}:{effect.name}:{who}:{other}", _worth(effect, v, st, env)


def _one(effect: Effect, v: Valuer, st: GameState, env: Env) -> Counts:
    if isinstance(effect, Change):
        key, worth = _change_count(effect, v, st, env)
        return {key: worth}
    if isinstance(effect, SetFlag):
        return {f"flag:{effect.flag}": _worth(effect, v, st, env)}
    if isinstance(effect, StartModifier):
        return {f"modifier:{effect.modifier}": _worth(effect, v, st, env)}
    if isinstance(effect, IfEffect):
        branch = effect.then if effect.test.holds(st, env) else effect.orelse
        return contributions(branch, v, st, env)
    if isinstance(effect, RandomEffect):
        out: Counts = {}
        for outcome, chance in zip(effect.outcomes, effect.chances(st, env), strict=True):
            _add(out, contributions(outcome.effects, v, st, env), chance)
        return out
    if isinstance(effect, ForEach):
        out = {}
        for country in effect.chosen(st, env):
            _add(out, contributions(effect.effects, v, st, env.with_it(country)))
        return out
    if isinstance(effect, Group):
        return contributions(effect.effects, v, st, env)
    # Anything else (a follow-up, a new owner, a log line) is its own count that no other
    # option can be said to beat.
    return {f"other:{effect.src}": 1.0}


def _beats(a: Counts, b: Counts) -> bool:
    """True when `a` is at least as good as `b` on every count and better on one."""
    keys = set(a) | set(b)
    if any(a.get(k, 0.0) < b.get(k, 0.0) - 1e-9 for k in keys):
        return False
    return any(a.get(k, 0.0) > b.get(k, 0.0) + 1e-9 for k in keys)


def dominated(sc: Scenario, st: GameState, event: Event, me: str) -> list[str]:
    """Return the ids of the offered options that another offered option beats on every count."""
    env = Env(me, None)
    v = valuer(sc.lex, sc.countries[me].ai, me)
    offered = [o for o in event.options if o.when.fn(st, env)]

    def counts(option: Option) -> Counts:
        out = contributions(option.effects, v, st, env)
        for follow in option.d.follow:
            out[f"follow:{follow.event}"] = 1.0
        return out

    table = [(o, counts(o)) for o in offered]
    return [o.id for o, mine in table if any(_beats(c, mine) for p, c in table if p is not o)]


class BalanceProbe:
    """Counts, in one game, dominated options as events fire and turns with nothing to do."""

    def __init__(self, usable: Callable[[Scenario, GameState, str], bool] | None = None) -> None:
        self.usable = usable  # None: a power can act when some action is open to it
        self.offered: Counter[str] = Counter()  # "event.option": times its event was answered
        self.beaten: Counter[str] = Counter()  # "event.option": times it was dominated
        self.dead: dict[str, list[int]] = {}
        self.thin = ThinTurns()

    def event(self, sc: Scenario, st: GameState, event: Event, me: str) -> None:
        """Record which options of a firing event were dominated (its first few firings)."""
        self.thin.event(st, event, me)
        first = f"{event.d.id}.{event.options[0].id}" if event.options else ""
        if len(event.options) < 2 or self.offered[first] >= SAMPLES:
            return
        beaten = set(dominated(sc, st, event, me))
        for option in event.options:
            key = f"{event.d.id}.{option.id}"
            self.offered[key] += 1
            self.beaten[key] += key.split(".", 1)[1] in beaten

    def turn(self, sc: Scenario, st: GameState) -> None:
        """Record the playable powers with no usable action at the start of this turn."""
        acts = self.thin.turn(sc, st)
        for cid in sc.meta.playable:
            if not (acts[cid] if self.usable is None else self.usable(sc, st, cid)):
                self.dead.setdefault(cid, []).append(st.turn)
