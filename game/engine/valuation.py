"""What an effect is worth to a computer-played country: the AI's one valuation.

Each list of effects is compiled once per country and profile into a scorer, a function of
the state. What the profile gives no weight is left out (it is worth exactly nothing), and
what cannot change in play (weights, steady countries) is looked up once, when compiling.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.model.defs import AIProfile
from game.model.state import GameState, relation_key
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
from game.rules.lexicon import Lexicon
from game.rules.types import Env

# A change to another country's stat counts against the chooser at this fraction of its weight.
OTHER_STAT_FACTOR = -0.25
# A modifier is worth its per-turn effects over half its length (effects wear off, plans change).
MODIFIER_FACTOR = 0.5
# A project's per-turn and completion effects are discounted against effects that come at once.
PROJECT_FACTOR = 0.6
# Valuers kept for reuse; more (from many loaded scenarios) start the cache afresh.
MAX_VALUERS = 256

# What effects are worth in a given state; None stands for "nothing, whatever the state".
Scorer = Callable[[GameState, Env], float]
# One effect in a list's sum: (table, key, second key or default, amount function or None,
# constant amount, clamp, weight) for a fixed change; (SCORED, "", None, scorer, 0, None, 0).
Item = tuple[int, str, Any, Any, float, Any, float]
SCORED, GLOBAL, STAT, RELATION = range(4)
Compile = Callable[["Valuer", Any], Scorer | None]
_COMPILERS: dict[type, Compile] = {}


def _nothing(st: GameState, env: Env) -> float:
    return 0.0


class Valuer:
    """What effects are worth to one country (`env.me`) under one profile."""

    def __init__(self, lex: Lexicon, ai: AIProfile, me: str) -> None:
        self.lex, self.ai, self.me = lex, ai, me
        # id of a list or effect -> (the object itself, so the id stays its own; its scorer)
        self._lists: dict[int, tuple[list[Effect], Scorer | None]] = {}
        self._effects: dict[int, tuple[Effect, Scorer | None]] = {}
        self._busy: set[int] = set()  # lists being compiled (a modifier that starts itself)

    def scorer(self, effects: list[Effect]) -> Scorer | None:
        """Return the scorer of a list of effects, None when it is worth nothing anyway."""
        found = self._lists.get(id(effects))
        if found is not None and found[0] is effects:
            return found[1]
        if id(effects) in self._busy:  # a list reached from itself is scored when run
            return lambda st, env: self.total(effects, st, env)
        self._busy.add(id(effects))
        try:
            made = _sum([self._item(e) for e in effects])
        finally:
            self._busy.discard(id(effects))
        self._lists[id(effects)] = (effects, made)
        return made

    def term(self, effect: Effect) -> Scorer | None:
        """Return the scorer of one effect, None when it is worth nothing anyway."""
        found = self._effects.get(id(effect))
        if found is not None and found[0] is effect:
            return found[1]
        compile_one = _COMPILERS.get(type(effect))
        made = compile_one(self, effect) if compile_one is not None else None
        self._effects[id(effect)] = (effect, made)
        return made

    def _item(self, effect: Effect) -> Item | None:
        """Return one effect as an item of a list's sum, None when it is worth nothing."""
        if type(effect) is Change:
            fixed = _fixed(self, effect)
            if fixed is not None:
                return fixed
        term = self.term(effect)
        return (SCORED, "", None, term, 0.0, None, 0.0) if term is not None else None

    def total(self, effects: list[Effect], st: GameState, env: Env) -> float:
        """Return what a list of effects is worth now."""
        scorer = self.scorer(effects)
        return scorer(st, env) if scorer is not None else 0.0


def _sum(items: list[Item | None]) -> Scorer | None:
    """Return a scorer adding the items in order from 0.0 (the zero ones left out).

    A fixed change is valued here, in the loop, as `(new - old) * weight` with the value read
    where `Change` reads it and clamped by the change itself; anything else by its scorer.
    """
    kept = [t for t in items if t is not None]
    if not kept:
        return None

    def add(st: GameState, env: Env) -> float:
        worth = 0.0
        for table, key, extra, amount, n, after, weight in kept:
            if table == SCORED:
                worth += amount(st, env)
                continue
            old: float
            if table == GLOBAL:
                old = st.globals[key]
            elif table == STAT:
                old = st.stats[key][extra]
            else:
                old = st.relations.get(key, extra)  # type: ignore[assignment]
            if amount is not None:
                n = amount(st, env)
            worth += (after(old, n) - old) * weight
        return worth

    return add


_CACHE: dict[tuple[int, int, str], Valuer] = {}


def valuer(lex: Lexicon, ai: AIProfile, me: str) -> Valuer:
    """Return the (shared) valuer of a country with this profile in this scenario."""
    key = (id(lex), id(ai), me)
    found = _CACHE.get(key)
    if found is not None and found.lex is lex and found.ai is ai:
        return found
    if len(_CACHE) >= MAX_VALUERS:
        _CACHE.clear()
    made = _CACHE[key] = Valuer(lex, ai, me)
    return made


def total(effects: list[Effect], lex: Lexicon, st: GameState, env: Env, ai: AIProfile) -> float:
    """Return what a list of effects is worth."""
    return valuer(lex, ai, env.me).total(effects, st, env)


def value(effect: Effect, lex: Lexicon, st: GameState, env: Env, ai: AIProfile) -> float:
    """Return what one effect is worth now to the country `env.me` with this profile."""
    term = valuer(lex, ai, env.me).term(effect)
    return term(st, env) if term is not None else 0.0


def _compiles(kind: type) -> Callable[[Compile], Compile]:
    def register(fn: Compile) -> Compile:
        _COMPILERS[kind] = fn
        return fn

    return register


def _fixed(v: Valuer, effect: Change) -> Item | None:
    """Return a change as a fixed item when the value it changes and its weight are known."""
    who, other = effect.who, effect.other
    amount = None if effect.amount.steady else effect.amount.fn
    n = effect.amount.constant if amount is None else 0.0
    if effect.kind == "global":
        weight = v.ai.globals.get(effect.name, 0.0)
        place: tuple[int, str, Any] = (GLOBAL, effect.name, None)
    elif effect.kind == "stat" and who is not None and who.steady:
        cid = who.constant
        weight = v.ai.stats.get(effect.name, 0.0) * (1 if cid == v.me else OTHER_STAT_FACTOR)
        place = (STAT, cid, effect.name)
    elif effect.kind == "relation" and who is not None and who.steady and other and other.steady:
        a, b = who.constant, other.constant
        weights = v.ai.relations
        mine = v.me in (a, b)
        weight = weights.get(b if a == v.me else a, weights.get("*", 0.0)) if mine else 0.0
        place = (RELATION, relation_key(a, b), effect.default)
    else:
        return None
    if not weight:
        return None
    return (*place, amount, n, effect.after, weight)


def _weighted(effect: Change, weight: float) -> Scorer:
    delta = effect.delta

    def score(st: GameState, env: Env) -> float:
        old, new = delta(st, env)
        return (new - old) * weight

    return score


@_compiles(Change)
def _change(v: Valuer, effect: Change) -> Scorer | None:
    # The weight comes first: a change the profile does not weigh is worth nothing, unread.
    if effect.kind == "relation":
        return _relation(v, effect)
    weights = v.ai.stats if effect.kind == "stat" else v.ai.globals
    weight = weights.get(effect.name, 0.0)
    if not weight:
        return None
    if effect.kind == "global":
        return _weighted(effect, weight)
    assert effect.who is not None
    other_weight = weight * OTHER_STAT_FACTOR
    if effect.who.steady:
        return _weighted(effect, weight if effect.who.constant == v.me else other_weight)
    who, delta, me = effect.who.fn, effect.delta, v.me

    def score(st: GameState, env: Env) -> float:
        old, new = delta(st, env)
        return (new - old) * (weight if who(st, env) == me else other_weight)

    return score


def _relation(v: Valuer, effect: Change) -> Scorer | None:
    """A relation counts at the profile's weight for the other country, when `me` is in it."""
    assert effect.who is not None and effect.other is not None
    me, weights = v.me, v.ai.relations
    anyone = weights.get("*", 0.0)
    if effect.who.steady and effect.other.steady:
        a, b = effect.who.constant, effect.other.constant
        weight = weights.get(b if a == me else a, anyone) if me in (a, b) else 0.0
        return _weighted(effect, weight) if weight else None
    first, second, delta = effect.who.fn, effect.other.fn, effect.delta

    def score(st: GameState, env: Env) -> float:
        a, b = first(st, env), second(st, env)
        if me not in (a, b):
            return 0.0
        weight = weights.get(b if a == me else a, anyone)
        if not weight:
            return 0.0
        old, new = delta(st, env)
        return (new - old) * weight

    return score


@_compiles(SetFlag)
def _flag(v: Valuer, effect: SetFlag) -> Scorer | None:
    worth = v.ai.flags.get(effect.flag, 0.0)
    if not worth:
        return None
    who, me, key, on = effect.who, v.me, effect.key, effect.on

    def score(st: GameState, env: Env) -> float:
        if who is not None and who.fn(st, env) != me:
            return 0.0
        already = key(st, env) in st.flags
        if on:
            return 0.0 if already else worth
        return -worth if already else 0.0

    return score


@_compiles(StartModifier)
def _modifier(v: Valuer, effect: StartModifier) -> Scorer | None:
    effects = v.lex.modifier_effects.get(effect.modifier)
    each = v.scorer(effects) if effects is not None else None
    if each is None:
        return None
    length = effect.length

    def score(st: GameState, env: Env) -> float:
        return each(st, env) * length(st, env) * MODIFIER_FACTOR

    return score


@_compiles(IfEffect)
def _if(v: Valuer, effect: IfEffect) -> Scorer | None:
    then, orelse = v.scorer(effect.then), v.scorer(effect.orelse)
    if then is None and orelse is None:
        return None
    test, yes, no = effect.test.fn, then or _nothing, orelse or _nothing
    return lambda st, env: (yes if test(st, env) else no)(st, env)


@_compiles(RandomEffect)
def _random(v: Valuer, effect: RandomEffect) -> Scorer | None:
    # An outcome worth nothing adds chance × 0 to the sum: it is left out.
    scored = [(i, s) for i, o in enumerate(effect.outcomes) if (s := v.scorer(o.effects))]
    if not scored:
        return None
    chances = effect.chances

    def score(st: GameState, env: Env) -> float:
        p = chances(st, env)
        return sum(p[i] * outcome(st, env) for i, outcome in scored)

    return score


@_compiles(ForEach)
def _each(v: Valuer, effect: ForEach) -> Scorer | None:
    inner = v.scorer(effect.effects)
    if inner is None:
        return None
    chosen = effect.chosen
    return lambda st, env: sum(inner(st, env.with_it(c)) for c in chosen(st, env))


@_compiles(Group)
def _group(v: Valuer, effect: Group) -> Scorer | None:
    return v.scorer(effect.effects)
