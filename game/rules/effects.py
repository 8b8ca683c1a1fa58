"""Compiled effects: each changes the state and says in words what it does."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from attrs import define, field

from game.locale import _, ngettext
from game.model.state import ActiveModifier
from game.rules import steps
from game.rules.lexicon import fmt_num
from game.rules.nodes import Node
from game.rules.types import Env

if TYPE_CHECKING:
    from game.model.state import GameState
    from game.rules.lexicon import Lexicon

MAX_SHOWN = 4  # countries a for_each preview names before "…"


def clamp(value: float, low: float, high: float) -> float:
    """Clamp a value into bounds; NaN becomes the lower bound."""
    if not value >= low:
        return low
    return high if value > high else value


def signed(value: float) -> str:
    """Format a change as "+4" or "−2"."""
    text = fmt_num(abs(value))
    return f"+{text}" if value >= 0 else f"−{text}"


def whole(value: float, low: int = 0, high: int = 1000) -> int:
    """Turn a number into a whole number in bounds; NaN and infinities are clamped."""
    return int(clamp(value if math.isfinite(value) else low, low, high))


@define(eq=False)
class Effect:
    """A compiled effect: `apply` changes the state, `describe` says how in words."""

    src: str

    def apply(self, st: GameState, env: Env) -> None:
        """Change the state."""
        raise NotImplementedError

    def describe(self, st: GameState, env: Env, lex: Lexicon) -> str:
        """Say what the effect does now, for a player; '' for effects players do not see."""
        raise NotImplementedError

    def children(self) -> list[Effect]:
        """Return the effects this one may run in turn."""
        return []

    def links(self) -> list[tuple[str, str]]:
        """Return the (kind, id) of definitions this effect makes happen, e.g. events."""
        return []


def describe_all(effects: list[Effect], st: GameState, env: Env, lex: Lexicon) -> list[str]:
    """Describe a list of effects, leaving out the silent ones."""
    return [line for line in (e.describe(st, env, lex) for e in effects) if line]


def apply_all(effects: list[Effect], st: GameState, env: Env) -> None:
    """Apply a list of effects in order."""
    for effect in effects:
        effect.apply(st, env)


@define(eq=False)
class Change(Effect):
    """`X.stat += n`, `global -= n`, `relation(A, B) = n`: a clamped numeric change."""

    kind: str  # "stat", "global" or "relation"
    op: str  # "+", "-" or "="
    amount: Node
    who: Node | None = None
    other: Node | None = None
    name: str = ""
    low: float = 0
    high: float = 100
    default: float = 0
    # Built once from the fields above (see game.rules.steps), called directly each time:
    # `apply(st, env)` changes the value; `delta(st, env)` returns it before and after.
    apply: Callable[[GameState, Env], None] = field(init=False, repr=False)  # type: ignore[assignment]
    delta: Callable[[GameState, Env], tuple[float, float]] = field(init=False, repr=False)
    _read: Callable[[GameState, Env], float] = field(init=False, repr=False)
    after: Callable[[float, float], float] = field(init=False, repr=False)  # old, n → new

    def __attrs_post_init__(self) -> None:
        kind, name, who, other, default = self.kind, self.name, self.who, self.other, self.default
        self._read = steps.reader(kind, name, who, other, default)
        self.after = steps.after(self.op, self.low, self.high)
        how = steps.Bounds(self.op, self.amount, self.low, self.high)
        self.apply, self.delta = steps.stepper(kind, name, who, other, default, how)

    def current(self, st: GameState, env: Env) -> float:
        """Return the value the change starts from."""
        return self._read(st, env)

    def subject(self, st: GameState, env: Env, lex: Lexicon) -> str:
        """Return what changes, in words."""
        if self.kind == "stat":
            assert self.who is not None
            return f"{lex.country(self.who.fn(st, env), st)}: {lex.stats[self.name].name}"
        if self.kind == "global":
            return lex.globals[self.name].name
        assert self.who is not None and self.other is not None
        a, b = lex.country(self.who.fn(st, env), st), lex.country(self.other.fn(st, env), st)
        return _("Relations {a}–{b}").format(a=a, b=b)

    def _amount(self, st: GameState, env: Env, amount: Node) -> str:
        n = amount.number(st, env)
        if self.op == "=":
            return _("set to {value}").format(value=fmt_num(n))
        return signed(n if self.op == "+" else -n)

    def describe(self, st: GameState, env: Env, lex: Lexicon) -> str:
        subject = self.subject(st, env, lex)
        if self.amount.kind == "ifexp":
            test, yes, no = self.amount.parts
            now = _("it is") if test.holds(st, env) else _("it is not")
            return _("If {condition} ({now}): {then}; otherwise {otherwise}").format(
                condition=test.text(st, env, lex),
                now=now,
                then=f"{subject} {self._amount(st, env, yes)}",
                otherwise=f"{subject} {self._amount(st, env, no)}",
            )
        return f"{subject} {self._amount(st, env, self.amount)}"

    def formula(self, st: GameState, env: Env, lex: Lexicon) -> str:
        """Return the rule behind the amount in words ('' for a constant amount)."""
        if self.amount.kind == "const":
            return ""
        return self.amount.text(st, env, lex)


@define(eq=False)
class Call(Effect):
    """An effect function such as log(text) or trigger(event, 2)."""

    run: Callable[[GameState, Env], None]
    words: Callable[[GameState, Env, Lexicon], str]
    refs: list[tuple[str, str]] = field(factory=list)

    def apply(self, st: GameState, env: Env) -> None:
        self.run(st, env)

    def describe(self, st: GameState, env: Env, lex: Lexicon) -> str:
        return self.words(st, env, lex)

    def links(self) -> list[tuple[str, str]]:
        return self.refs


@define(eq=False)
class Trigger(Call):
    """trigger(event, delay): schedules an event; `wait` is the delay (None: this turn)."""

    wait: Node | None = None

    def same_turn(self) -> bool:
        """True when the event always comes due in the turn that triggers it."""
        return self.wait is None or (self.wait.kind == "const" and self.wait.constant <= 0)


@define(eq=False)
class SetFlag(Effect):
    """set_flag(name) or clear_flag(name), for the world or for one country."""

    flag: str
    who: Node | None
    on: bool = True

    def key(self, st: GameState, env: Env) -> str:
        """Return the flag's key in the state."""
        return f"{self.flag}@{self.who.fn(st, env)}" if self.who else self.flag

    def apply(self, st: GameState, env: Env) -> None:
        if self.on:
            st.flags.setdefault(self.key(st, env), st.turn)
        else:
            st.flags.pop(self.key(st, env), None)

    def describe(self, st: GameState, env: Env, lex: Lexicon) -> str:
        whose = f" ({lex.country(self.who.fn(st, env), st)})" if self.who else ""
        pattern = _("Sets: {flag}") if self.on else _("Ends: {flag}")
        return pattern.format(flag=lex.flags[self.flag]) + whose


@define(eq=False)
class StartModifier(Effect):
    """start_modifier(id, turns): a timed modifier on behalf of `self`."""

    modifier: str
    span: Node | None
    duration: int

    def length(self, st: GameState, env: Env) -> int:
        """Return how many turns it will run."""
        return whole(self.span.number(st, env)) if self.span is not None else self.duration

    def apply(self, st: GameState, env: Env) -> None:
        n = self.length(st, env)
        for active in st.modifiers:
            if active.id == self.modifier:
                active.turns_left = max(active.turns_left, n)
                return
        st.modifiers.append(ActiveModifier(self.modifier, env.me, n))

    def describe(self, st: GameState, env: Env, lex: Lexicon) -> str:
        inner = describe_all(lex.modifier_effects.get(self.modifier, []), st, env, lex)
        n = self.length(st, env)
        text = ngettext("“{name}” for {n} turn", "“{name}” for {n} turns", n).format(
            name=lex.modifiers[self.modifier], n=n
        )
        if not inner:
            return text
        return _("{modifier}: {effects} each turn").format(modifier=text, effects=", ".join(inner))

    def links(self) -> list[tuple[str, str]]:
        return [("modifier", self.modifier)]


@define(eq=False)
class IfEffect(Effect):
    """`{ if = COND, then = [...], else = [...] }`: one branch or the other."""

    test: Node
    then: list[Effect]
    orelse: list[Effect]

    def apply(self, st: GameState, env: Env) -> None:
        apply_all(self.then if self.test.holds(st, env) else self.orelse, st, env)

    def describe(self, st: GameState, env: Env, lex: Lexicon) -> str:
        now = _("it is") if self.test.holds(st, env) else _("it is not")
        yes = "; ".join(describe_all(self.then, st, env, lex)) or _("nothing")
        words = self.test.text(st, env, lex)
        if not self.orelse:
            return _("If {condition} ({now}): {then}").format(condition=words, now=now, then=yes)
        no = "; ".join(describe_all(self.orelse, st, env, lex))
        return _("If {condition} ({now}): {then}; otherwise {otherwise}").format(
            condition=words, now=now, then=yes, otherwise=no
        )

    def children(self) -> list[Effect]:
        return [*self.then, *self.orelse]


@define(eq=False)
class Outcome:
    """One weighed outcome of a random effect."""

    weight: Node
    effects: list[Effect]


@define(eq=False)
class RandomEffect(Effect):
    """`{ random = [{ weight, effects }, ...] }`: one outcome, drawn with the game's RNG."""

    outcomes: list[Outcome]

    def chances(self, st: GameState, env: Env) -> list[float]:
        """Return each outcome's probability now (negative weights count as 0)."""
        weights = [max(o.weight.number(st, env), 0.0) for o in self.outcomes]
        total = sum(weights)
        return [w / total if total > 0 else 0.0 for w in weights]

    def apply(self, st: GameState, env: Env) -> None:
        roll = st.rng.random()
        for outcome, chance in zip(self.outcomes, self.chances(st, env), strict=True):
            if roll < chance:
                apply_all(outcome.effects, st, env)
                return
            roll -= chance

    def describe(self, st: GameState, env: Env, lex: Lexicon) -> str:
        parts = []
        for outcome, chance in zip(self.outcomes, self.chances(st, env), strict=True):
            inner = "; ".join(describe_all(outcome.effects, st, env, lex)) or _("nothing")
            parts.append(f"{fmt_num(round(chance * 100))} %: {inner}")
        return _("At random — {outcomes}").format(outcomes=" | ".join(parts))

    def children(self) -> list[Effect]:
        return [e for o in self.outcomes for e in o.effects]


@define(eq=False)
class ForEach(Effect):
    """`{ for_each = COND, effects = [...] }`: the effects once per country it holds for."""

    test: Node
    effects: list[Effect]
    countries: list[str]

    def chosen(self, st: GameState, env: Env) -> list[str]:
        """Return, in scenario order, the countries the condition holds for now."""
        return [c for c in self.countries if self.test.holds(st, env.with_it(c))]

    def apply(self, st: GameState, env: Env) -> None:
        for country in self.chosen(st, env):
            apply_all(self.effects, st, env.with_it(country))

    def describe(self, st: GameState, env: Env, lex: Lexicon) -> str:
        chosen = self.chosen(st, env)
        head = _("For each country where {condition}").format(
            condition=self.test.text(st, env, lex)
        )
        if not chosen:
            return _("{rule} (none now)").format(rule=head)
        lines = [
            "; ".join(describe_all(self.effects, st, env.with_it(c), lex))
            for c in chosen[:MAX_SHOWN]
        ]
        more = " …" if len(chosen) > MAX_SHOWN else ""
        return f"{head}: " + "; ".join(lines) + more

    def children(self) -> list[Effect]:
        return list(self.effects)


@define(eq=False)
class Group(Effect):
    """`NAME()`: a named effect group from the scenario's [effect_groups]."""

    name: str
    effects: list[Effect]

    def apply(self, st: GameState, env: Env) -> None:
        apply_all(self.effects, st, env)

    def describe(self, st: GameState, env: Env, lex: Lexicon) -> str:
        return "; ".join(describe_all(self.effects, st, env, lex))

    def children(self) -> list[Effect]:
        return list(self.effects)


def walk(effects: list[Effect]) -> Iterator[Effect]:
    """Yield every effect of a list and of the blocks inside it."""
    for effect in effects:
        yield effect
        yield from walk(effect.children())
