"""What an effect is worth to a computer-played country: the AI's one valuation."""

from __future__ import annotations

from collections.abc import Callable

from game.model.defs import AIProfile
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
from game.rules.lexicon import Lexicon
from game.rules.types import Env

# A change to another country's stat counts against the chooser at this fraction of its weight.
OTHER_STAT_FACTOR = -0.25
# A modifier is worth its per-turn effects over half its length (effects wear off, plans change).
MODIFIER_FACTOR = 0.5
# A project's per-turn and completion effects are discounted against effects that come at once.
PROJECT_FACTOR = 0.6


Valuer = Callable[[Effect, Lexicon, GameState, Env, AIProfile], float]
_VALUERS: dict[type, Valuer] = {}


def total(effects: list[Effect], lex: Lexicon, st: GameState, env: Env, ai: AIProfile) -> float:
    """Return what a list of effects is worth."""
    worth = 0.0
    for effect in effects:
        valuer = _VALUERS.get(type(effect))
        if valuer is not None:
            worth += valuer(effect, lex, st, env, ai)
    return worth


def value(effect: Effect, lex: Lexicon, st: GameState, env: Env, ai: AIProfile) -> float:
    """Return what one effect is worth now to the country `env.me` with this profile."""
    valuer = _VALUERS.get(type(effect))
    return valuer(effect, lex, st, env, ai) if valuer is not None else 0.0


def _values(kind: type) -> Callable[[Callable[..., float]], Callable[..., float]]:
    def register(fn: Callable[..., float]) -> Callable[..., float]:
        _VALUERS[kind] = fn
        return fn

    return register


@_values(Change)
def _change(effect: Change, lex: Lexicon, st: GameState, env: Env, ai: AIProfile) -> float:
    # The weight comes first: a change the profile does not weigh is worth nothing, unread.
    kind = effect.kind
    if kind == "stat":
        assert effect.who is not None
        weight = ai.stats.get(effect.name, 0.0)
        if not weight:
            return 0.0
        if effect.who.fn(st, env) != env.me:
            weight *= OTHER_STAT_FACTOR
    elif kind == "global":
        weight = ai.globals.get(effect.name, 0.0)
        if not weight:
            return 0.0
    else:
        assert effect.who is not None and effect.other is not None
        a, b = effect.who.fn(st, env), effect.other.fn(st, env)
        if env.me not in (a, b):
            return 0.0
        other = b if a == env.me else a
        weight = ai.relations.get(other, ai.relations.get("*", 0.0))
    old, new = effect.delta(st, env)
    return (new - old) * weight


@_values(SetFlag)
def _flag(effect: SetFlag, lex: Lexicon, st: GameState, env: Env, ai: AIProfile) -> float:
    if effect.who is not None and effect.who.fn(st, env) != env.me:
        return 0.0
    worth = ai.flags.get(effect.flag, 0.0)
    already = effect.key(st, env) in st.flags
    if effect.on:
        return 0.0 if already else worth
    return -worth if already else 0.0


@_values(StartModifier)
def _modifier(effect: StartModifier, lex: Lexicon, st: GameState, env: Env, ai: AIProfile) -> float:
    each = total(lex.modifier_effects.get(effect.modifier, []), lex, st, env, ai)
    return each * effect.length(st, env) * MODIFIER_FACTOR


@_values(IfEffect)
def _if(effect: IfEffect, lex: Lexicon, st: GameState, env: Env, ai: AIProfile) -> float:
    branch = effect.then if effect.test.holds(st, env) else effect.orelse
    return total(branch, lex, st, env, ai)


@_values(RandomEffect)
def _random(effect: RandomEffect, lex: Lexicon, st: GameState, env: Env, ai: AIProfile) -> float:
    chances = effect.chances(st, env)
    return sum(
        p * total(o.effects, lex, st, env, ai)
        for o, p in zip(effect.outcomes, chances, strict=True)
    )


@_values(ForEach)
def _each(effect: ForEach, lex: Lexicon, st: GameState, env: Env, ai: AIProfile) -> float:
    return sum(total(effect.effects, lex, st, env.with_it(c), ai) for c in effect.chosen(st, env))


@_values(Group)
def _group(effect: Group, lex: Lexicon, st: GameState, env: Env, ai: AIProfile) -> float:
    return total(effect.effects, lex, st, env, ai)
