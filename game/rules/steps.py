"""The closures a numeric change runs: read the value, and step it (clamped) by its amount.

Each kind of value (a country's stat, a global, a relation) gets one closure that finds
the value once, computes the change in line and writes it back, so applying a change or
valuing it costs one call; a constant amount is checked once, when the change is built.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from game.model.state import relation_key
from game.rules.nodes import Node
from game.rules.types import Env, Fn, me, target

if TYPE_CHECKING:
    from game.model.state import GameState

Read = Callable[["GameState", Env], float]
Step = Callable[["GameState", Env], None]
Delta = Callable[["GameState", Env], tuple[float, float]]


def finite(n: float) -> float:
    """Return the amount itself, or 0 for NaN or an infinity (they change nothing)."""
    return 0.0 if n - n != 0 else n


class Bounds:
    """How a change moves its value: the operator, the amount and the clamping bounds."""

    __slots__ = ("add", "sub", "fixed", "amount", "low", "high")

    def __init__(self, op: str, amount: Node, low: float, high: float) -> None:
        self.add, self.sub = op == "+", op == "-"
        self.fixed = finite(amount.constant) if amount.kind == "const" else None
        self.amount, self.low, self.high = amount.fn, low, high


def after(op: str, low: float, high: float) -> Callable[[float, float], float]:
    """Return what a change makes of a value `old` with an amount `n`, clamped as it clamps."""
    add, sub = op == "+", op == "-"

    def moved(old: float, n: float) -> float:
        n = finite(n)
        new = old + n if add else old - n if sub else n
        return low if not new >= low else high if new > high else new

    return moved


def stat_reader(who: Node, attr: str) -> Fn:
    """Return the closure that reads a stat, the country found in line where it can be."""
    get = who.fn
    if who.steady:  # GER.economy: the country is looked up once, here
        cid = who.constant
        return lambda st, env: st.stats[cid][attr]
    if get is me:
        return lambda st, env: st.stats[env.me][attr]
    if get is target:
        return lambda st, env: st.stats[env.target][attr]  # type: ignore[index]
    return lambda st, env: st.stats[get(st, env)][attr]


def reader(kind: str, name: str, who: Node | None, other: Node | None, default: float) -> Read:
    """Return a closure that reads the value a change moves."""
    if kind == "global":
        return lambda st, env: st.globals[name]
    assert who is not None
    if kind == "stat":
        return stat_reader(who, name)
    get = who.fn
    assert other is not None
    get_other = other.fn
    return lambda st, env: st.relations.get(relation_key(get(st, env), get_other(st, env)), default)


def stepper(
    kind: str, name: str, who: Node | None, other: Node | None, default: float, how: Bounds
) -> tuple[Step, Delta]:
    """Return closures that apply the change, and that say its value before and after."""
    if kind == "global":
        return _global(name, how)
    assert who is not None
    if kind == "stat":
        return _stat(who, name, how)
    assert other is not None
    return _relation(who, other, default, how)


def _global(name: str, how: Bounds) -> tuple[Step, Delta]:
    add, sub, fixed, amount, low, high = how.add, how.sub, how.fixed, how.amount, how.low, how.high

    def delta(st: GameState, env: Env) -> tuple[float, float]:
        old = st.globals[name]
        n = finite(amount(st, env)) if fixed is None else fixed
        new = old + n if add else old - n if sub else n
        return old, (low if not new >= low else high if new > high else new)

    def step(st: GameState, env: Env) -> None:
        table = st.globals
        old = table[name]
        n = finite(amount(st, env)) if fixed is None else fixed
        new = old + n if add else old - n if sub else n
        table[name] = low if not new >= low else high if new > high else new

    return step, delta


def _stat(who: Node, name: str, how: Bounds) -> tuple[Step, Delta]:
    add, sub, fixed, amount, low, high = how.add, how.sub, how.fixed, how.amount, how.low, how.high
    get = who.fn
    cid: str | None = who.constant if who.steady else None  # GER.economy: known here
    mine = get is me  # self.economy: read from env in line

    def delta(st: GameState, env: Env) -> tuple[float, float]:
        old = st.stats[cid if cid is not None else env.me if mine else get(st, env)][name]
        n = finite(amount(st, env)) if fixed is None else fixed
        new = old + n if add else old - n if sub else n
        return old, (low if not new >= low else high if new > high else new)

    def step(st: GameState, env: Env) -> None:
        row = st.stats[cid if cid is not None else env.me if mine else get(st, env)]
        old = row[name]
        n = finite(amount(st, env)) if fixed is None else fixed
        new = old + n if add else old - n if sub else n
        row[name] = low if not new >= low else high if new > high else new

    return step, delta


def _relation(who: Node, other: Node, default: float, how: Bounds) -> tuple[Step, Delta]:
    if who.steady and other.steady:
        return _fixed_relation(who.constant, other.constant, default, how)
    add, sub, fixed, amount, low, high = how.add, how.sub, how.fixed, how.amount, how.low, how.high
    get_a, get_b = who.fn, other.fn
    paired = get_a is me and get_b is target  # relation(self, target): the pair is in env

    def delta(st: GameState, env: Env) -> tuple[float, float]:
        if paired:
            a, b = env.me, env.target  # always set where `target` compiles
        else:
            a, b = get_a(st, env), get_b(st, env)
        old = st.relations.get(f"{a}|{b}" if a <= b else f"{b}|{a}", default)  # type: ignore[operator]
        n = finite(amount(st, env)) if fixed is None else fixed
        new = old + n if add else old - n if sub else n
        return old, (low if not new >= low else high if new > high else new)

    def step(st: GameState, env: Env) -> None:
        if paired:
            a, b = env.me, env.target  # always set where `target` compiles
        else:
            a, b = get_a(st, env), get_b(st, env)
        key = f"{a}|{b}" if a <= b else f"{b}|{a}"  # type: ignore[operator]
        old = st.relations.get(key, default)
        n = finite(amount(st, env)) if fixed is None else fixed
        new = old + n if add else old - n if sub else n
        if a != b:
            st.relations[key] = low if not new >= low else high if new > high else new

    return step, delta


def _fixed_relation(a: str, b: str, default: float, how: Bounds) -> tuple[Step, Delta]:
    """Return the closures of a change to the relation of two named countries, its key known."""
    add, sub, fixed, amount, low, high = how.add, how.sub, how.fixed, how.amount, how.low, how.high
    key, apart = relation_key(a, b), a != b

    def delta(st: GameState, env: Env) -> tuple[float, float]:
        old = st.relations.get(key, default)
        n = finite(amount(st, env)) if fixed is None else fixed
        new = old + n if add else old - n if sub else n
        return old, (low if not new >= low else high if new > high else new)

    def step(st: GameState, env: Env) -> None:
        old = st.relations.get(key, default)
        n = finite(amount(st, env)) if fixed is None else fixed
        new = old + n if add else old - n if sub else n
        if apart:
            st.relations[key] = low if not new >= low else high if new > high else new

    return step, delta
