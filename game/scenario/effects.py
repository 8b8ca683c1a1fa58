"""Effects: statements that change the game state and describe themselves in words."""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from attrs import define

from game.model.state import ActiveModifier, GameState, LogEntry, Scheduled, relation_key
from game.scenario.lexicon import Lexicon, fmt_num

if TYPE_CHECKING:
    from game.model.defs import AIProfile
    from game.scenario.expr import Compiler, Env, Node


def _clamp(value: float, low: float, high: float) -> float:
    return low if value < low else high if value > high else value


def _signed(value: float) -> str:
    text = fmt_num(abs(value))
    return f"+{text}" if value >= 0 else f"−{text}"


@define(eq=False)
class Effect:
    """A compiled effect: `apply` changes the state, `describe` says how in words."""

    src: str

    def apply(self, st: GameState, env: Env) -> None:
        """Change the state."""
        raise NotImplementedError

    def describe(self, st: GameState, env: Env, lex: Lexicon) -> str:
        """Say what the effect does, for a player; '' for effects players do not see."""
        raise NotImplementedError

    def value(self, st: GameState, env: Env, ai: AIProfile) -> float:
        """Estimate how much the acting country's AI profile likes this effect."""
        return 0.0


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

    def _delta(self, st: GameState, env: Env) -> tuple[float, float]:
        old = self._get(st, env)
        n = float(self.amount.fn(st, env))
        new = n if self.op == "=" else old + n if self.op == "+" else old - n
        return old, _clamp(new, self.low, self.high)

    def _get(self, st: GameState, env: Env) -> float:
        if self.kind == "stat":
            assert self.who is not None
            return st.stats[self.who.fn(st, env)][self.name]
        if self.kind == "global":
            return st.globals[self.name]
        assert self.who is not None and self.other is not None
        key = relation_key(self.who.fn(st, env), self.other.fn(st, env))
        return st.relations.get(key, self.default)

    def apply(self, st: GameState, env: Env) -> None:
        _, new = self._delta(st, env)
        if self.kind == "stat":
            assert self.who is not None
            st.stats[self.who.fn(st, env)][self.name] = new
        elif self.kind == "global":
            st.globals[self.name] = new
        else:
            assert self.who is not None and self.other is not None
            a, b = self.who.fn(st, env), self.other.fn(st, env)
            if a != b:
                st.relations[relation_key(a, b)] = new

    def describe(self, st: GameState, env: Env, lex: Lexicon) -> str:
        if self.amount.kind == "const":
            n = float(self.amount.fn(st, env))
            amount = (
                f"set to {fmt_num(n)}" if self.op == "=" else _signed(n if self.op == "+" else -n)
            )
        else:
            sign = {"+": "+", "-": "−", "=": "set to "}[self.op]
            amount = f"{sign}({self.amount.text(st, env, lex)})"
        if self.kind == "stat":
            assert self.who is not None
            return f"{lex.country(self.who.fn(st, env), st)}: {lex.stats[self.name].name} {amount}"
        if self.kind == "global":
            return f"{lex.globals[self.name].name} {amount}"
        assert self.who is not None and self.other is not None
        a, b = lex.country(self.who.fn(st, env), st), lex.country(self.other.fn(st, env), st)
        return f"Relations {a}–{b} {amount}"

    def value(self, st: GameState, env: Env, ai: AIProfile) -> float:
        old, new = self._delta(st, env)
        delta = new - old
        if self.kind == "stat":
            assert self.who is not None
            weight = ai.stats.get(self.name, 0.0)
            return delta * (weight if self.who.fn(st, env) == env.me else -0.25 * weight)
        if self.kind == "global":
            return delta * ai.globals.get(self.name, 0.0)
        assert self.who is not None and self.other is not None
        a, b = self.who.fn(st, env), self.other.fn(st, env)
        if env.me not in (a, b):
            return 0.0
        other = b if a == env.me else a
        return delta * ai.relations.get(other, ai.relations.get("*", 0.0))


@define(eq=False)
class Call(Effect):
    """An effect function such as set_flag(x) or trigger(event, 2)."""

    run: Callable[[GameState, Env], None]
    words: Callable[[GameState, Env, Lexicon], str]
    worth: Callable[[GameState, Env, AIProfile], float] | None = None

    def apply(self, st: GameState, env: Env) -> None:
        self.run(st, env)

    def describe(self, st: GameState, env: Env, lex: Lexicon) -> str:
        return self.words(st, env, lex)

    def value(self, st: GameState, env: Env, ai: AIProfile) -> float:
        return self.worth(st, env, ai) if self.worth else 0.0


@define
class EffectFunc:
    """A registered effect function: argument kinds, docstring and builder."""

    name: str
    args: tuple[str, ...]
    optional: int
    doc: str
    example: str
    build: Callable[..., Effect]


EFFECTS: dict[str, EffectFunc] = {}


def effect(name: str, *args: str, optional: int = 0, example: str = "") -> Callable[[Any], Any]:
    """Register an effect function under the name scenario files use."""

    def register(build: Callable[..., Effect]) -> Callable[..., Effect]:
        doc = (build.__doc__ or "").strip()
        EFFECTS[name] = EffectFunc(name, args, optional, doc, example, build)
        return build

    return register


def compile_call(c: Compiler, call: ast.AST, src: str) -> Effect:
    """Compile an effect function call such as set_flag(x)."""
    from game.scenario.errors import suggest
    from game.scenario.expr import ExprError

    if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Name):
        raise ExprError(
            "an effect is `X.stat += n`, `global -= n`, `relation(A, B) += n`"
            " or a call such as set_flag(name)"
        )
    name = call.func.id
    found = EFFECTS.get(name)
    if found is None:
        raise ExprError(f"unknown effect '{name}'{suggest(name, EFFECTS)}")
    low, high = len(found.args) - found.optional, len(found.args)
    if call.keywords or not low <= len(call.args) <= high:
        want = str(high) if low == high else f"{low} to {high}"
        raise ExprError(f"{name}() takes {want} argument(s), got {len(call.args)}")
    return found.build(c, *call.args, src=src)


def compile_change(c: Compiler, target: ast.AST, op: str, amount: Node, src: str) -> Effect:
    """Compile `target op amount` where op is '+', '-' or '='."""
    return _change(c, target, op, amount, src)


def _change(c: Compiler, target: ast.AST, op: str, amount: Node, src: str) -> Effect:
    from game.scenario.expr import ExprError

    lex = c.lex
    if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
        if target.value.id == "flag":
            raise ExprError("set flags with set_flag(name) and clear_flag(name)")
        who = c.country_ref(target.value)
        stat = target.attr
        if stat not in lex.stats:
            from game.scenario.errors import suggest

            raise ExprError(f"unknown stat '{stat}'{suggest(stat, lex.stats)}")
        d = lex.stats[stat]
        return Change(src, "stat", op, amount, who=who, name=stat, low=d.min, high=d.max)
    if isinstance(target, ast.Name):
        if target.id not in lex.globals:
            from game.scenario.errors import suggest

            raise ExprError(f"unknown global '{target.id}'{suggest(target.id, lex.globals)}")
        d = lex.globals[target.id]
        return Change(src, "global", op, amount, name=target.id, low=d.min, high=d.max)
    if (
        isinstance(target, ast.Call)
        and isinstance(target.func, ast.Name)
        and target.func.id == "relation"
        and len(target.args) == 2
    ):
        low, high = lex.relation_bounds
        return Change(
            src,
            "relation",
            op,
            amount,
            who=c.country_ref(target.args[0]),
            other=c.country_ref(target.args[1]),
            low=low,
            high=high,
            default=lex.relation_default,
        )
    raise ExprError("only a country's stat, a global or relation(A, B) can be changed")


def _log(st: GameState, env: Env, kind: str, country: str, title: str) -> None:
    month = st.month if env.month is None else env.month
    st.log.append(LogEntry(st.turn, month, kind, "", country, title))


@effect("set_flag", "flag", example="set_flag(bridge_treaty)")
def _set_flag(c: Compiler, flag: ast.AST, src: str) -> Effect:
    """Set a flag (declared in [flags]); its turn is remembered for turns_since()."""
    name = c.ident(flag, "flag", c.lex.flags)

    def run(st: GameState, env: Env) -> None:
        st.flags.setdefault(name, st.turn)

    return Call(
        src,
        run,
        lambda st, env, lx: f"Sets: {lx.flags[name]}",
        lambda st, env, ai: 0.0 if name in st.flags else ai.flags.get(name, 0.0),
    )


@effect("clear_flag", "flag", example="clear_flag(bridge_treaty)")
def _clear_flag(c: Compiler, flag: ast.AST, src: str) -> Effect:
    """Clear a flag."""
    name = c.ident(flag, "flag", c.lex.flags)

    def run(st: GameState, env: Env) -> None:
        st.flags.pop(name, None)

    return Call(
        src,
        run,
        lambda st, env, lx: f"Ends: {lx.flags[name]}",
        lambda st, env, ai: -ai.flags.get(name, 0.0) if name in st.flags else 0.0,
    )


@effect("trigger", "event", "number", optional=1, example="trigger(bridge_brawl, 2)")
def _trigger(c: Compiler, event: ast.AST, delay: ast.AST | None = None, *, src: str) -> Effect:
    """Make an event fire for its country after `delay` more turns (0: at the next turn)."""
    eid = c.ident(event, "event", c.lex.events)
    wait = c.number(ast.unparse(delay)) if delay is not None else None
    country = c.lex.event_country[eid]

    def run(st: GameState, env: Env) -> None:
        turns = int(wait.fn(st, env)) if wait is not None else 0
        st.scheduled.append(Scheduled(st.turn + 1 + max(turns, 0), eid, country))

    def words(st: GameState, env: Env, lx: Lexicon) -> str:
        later = int(wait.fn(st, env)) if wait is not None else 0
        when = f" in {later + 1} turns" if later > 0 else ""
        return f"Leads to “{lx.events[eid]}”{when}"

    return Call(src, run, words)


@effect("set_owner", "region", "country", example="set_owner(east_hills, SOUTH)")
def _set_owner(c: Compiler, region: ast.AST, country: ast.AST, src: str) -> Effect:
    """Give a map region to a country."""
    rid = c.ident(region, "region", c.lex.regions)
    who = c.country_ref(country)

    def run(st: GameState, env: Env) -> None:
        st.owners[rid] = who.fn(st, env)

    return Call(
        src,
        run,
        lambda st, env, lx: f"{lx.regions[rid]} passes to {lx.country(who.fn(st, env), st)}",
    )


@effect("rename", "country", "text", example='rename(NORTH, "Northern Union")')
def _rename(c: Compiler, country: ast.AST, name: ast.AST, src: str) -> Effect:
    """Give a country a new display name."""
    from game.scenario.expr import ExprError

    who = c.country_ref(country)
    if not isinstance(name, ast.Constant) or not isinstance(name.value, str):
        raise ExprError('rename() needs the new name in quotes, e.g. rename(X, "New Name")')
    new = name.value

    def run(st: GameState, env: Env) -> None:
        st.names[who.fn(st, env)] = new

    return Call(src, run, lambda st, env, lx: f"{lx.country(who.fn(st, env), st)} becomes {new}")


@effect("start_modifier", "modifier", "number", optional=1, example="start_modifier(famine, 4)")
def _start_modifier(c: Compiler, mod: ast.AST, turns: ast.AST | None = None, *, src: str) -> Effect:
    """Start a modifier for `turns` turns (default: its duration); `self` is the starter."""
    mid = c.ident(mod, "modifier", c.lex.modifiers)
    span = c.number(ast.unparse(turns)) if turns is not None else None
    lex = c.lex

    def length(st: GameState, env: Env) -> int:
        return int(span.fn(st, env)) if span is not None else lex.modifier_duration[mid]

    def run(st: GameState, env: Env) -> None:
        n = length(st, env)
        for active in st.modifiers:
            if active.id == mid:
                active.turns_left = max(active.turns_left, n)
                return
        st.modifiers.append(ActiveModifier(mid, env.me, n))

    def words(st: GameState, env: Env, lx: Lexicon) -> str:
        inner = [e.describe(st, env, lx) for e in lx.modifier_effects.get(mid, [])]
        detail = ": " + ", ".join(i for i in inner if i) + " each turn" if inner else ""
        return f"“{lx.modifiers[mid]}” for {length(st, env)} turns{detail}"

    def worth(st: GameState, env: Env, ai: AIProfile) -> float:
        effects = lex.modifier_effects.get(mid, [])
        return sum(e.value(st, env, ai) for e in effects) * length(st, env) * 0.5

    return Call(src, run, words, worth)


@effect("end_modifier", "modifier", example="end_modifier(famine)")
def _end_modifier(c: Compiler, mod: ast.AST, src: str) -> Effect:
    """Stop a running modifier."""
    mid = c.ident(mod, "modifier", c.lex.modifiers)

    def run(st: GameState, env: Env) -> None:
        st.modifiers = [m for m in st.modifiers if m.id != mid]

    return Call(src, run, lambda st, env, lx: f"Ends “{lx.modifiers[mid]}”")


@effect("end_project", "action", example="end_project(fortify)")
def _end_project(c: Compiler, action: ast.AST, src: str) -> Effect:
    """Stop every running project of an action at once, without its on_complete effects."""
    aid = c.ident(action, "action", c.lex.actions)

    def run(st: GameState, env: Env) -> None:
        st.projects = [p for p in st.projects if p.action != aid]

    return Call(src, run, lambda st, env, lx: f"Stops “{lx.actions[aid]}”")


@effect("end_game", "ending", example="end_game(war)")
def _end_game(c: Compiler, ending: ast.AST, src: str) -> Effect:
    """End the game at the end of this turn with the given ending."""
    eid = c.ident(ending, "ending", c.lex.endings)

    def run(st: GameState, env: Env) -> None:
        st.forced_ending = st.forced_ending or eid

    return Call(src, run, lambda st, env, lx: f"The game ends: {lx.endings[eid]}")


@effect("log", "text", example='log("Riots in the capital")')
def _log_effect(c: Compiler, text: ast.AST, src: str) -> Effect:
    """Write a line to the news log."""
    from game.scenario.expr import ExprError

    if not isinstance(text, ast.Constant) or not isinstance(text.value, str):
        raise ExprError('log() needs its text in quotes, e.g. log("Riots")')
    line = text.value

    def run(st: GameState, env: Env) -> None:
        _log(st, env, "note", env.me, line)

    return Call(src, run, lambda st, env, lx: line)
