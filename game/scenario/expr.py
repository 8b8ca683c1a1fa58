"""The expression language: parse with a whitelist, check names, compile to closures.

Conditions and values compile to `Node` objects and effects to `Effect` objects. Each
object both runs (`fn`, `apply`) and describes itself in words (`text`, `explain`,
`describe`), so tooltips never drift from behaviour. Nothing here calls eval or exec.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from typing import Any

from attrs import define, field

from game.model.state import GameState, relation_key
from game.scenario.errors import suggest
from game.scenario.lexicon import Lexicon, fmt_month, fmt_num, month_of

MAX_LENGTH = 1000
# `target op value` where op is +=, -= or a lone = (not ==, <=, >=, !=).
_ASSIGN = re.compile(r"^\s*([^=<>!+\-]+?)\s*(\+=|-=|=(?!=))\s*(.+)$")
MAX_DEPTH = 24


class ExprError(Exception):
    """An expression is malformed or names something the scenario does not have."""


@define
class Env:
    """Who `self` and `target` are while an expression runs, and the month for the log."""

    me: str = ""
    target: str | None = None
    month: int | None = None


Fn = Callable[[GameState, Env], Any]


@define(eq=False)
class Node:
    """A compiled condition or value: `fn` computes it, the rest explains it."""

    fn: Fn
    src: str
    kind: str = "value"
    parts: list[Node] = field(factory=list)
    words: Callable[[GameState, Env, Lexicon], str] | None = None
    op: str = ""

    def text(self, st: GameState, env: Env, lex: Lexicon) -> str:
        """Return the node in a player's words."""
        if self.words is not None:
            return self.words(st, env, lex)
        return self.src

    def holds(self, st: GameState, env: Env) -> bool:
        """Evaluate the node as a condition."""
        return bool(self.fn(st, env))

    def explain(self, st: GameState, env: Env, lex: Lexicon) -> list[str]:
        """Return, for a false condition, each unmet requirement in words."""
        if self.fn(st, env):
            return []
        if self.kind == "and":
            return [r for part in self.parts for r in part.explain(st, env, lex)]
        if self.kind == "or":
            return ["One of: " + "; or ".join(p.text(st, env, lex) for p in self.parts)]
        if self.kind == "compare":
            now = self.parts[0]
            if now.kind != "const":
                shown = _show(now.fn(st, env), lex)
                return [f"Requires {self.text(st, env, lex)} (now {shown})"]
        return [f"Requires {self.text(st, env, lex)}"]

    def atoms(self) -> list[Node]:
        """Return the smallest sub-conditions joined by and/or."""
        if self.kind in ("and", "or"):
            return [a for part in self.parts for a in part.atoms()]
        return [self]


def _show(value: Any, lex: Lexicon) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return fmt_num(value)
    if isinstance(value, str):
        return lex.country(value)
    return str(value)


def _is_text(node: Node) -> bool:
    """True for nodes whose value is text: country ids and quoted strings."""
    if node.kind == "country":
        return True
    return node.kind == "const" and isinstance(node.fn(None, Env()), str)  # type: ignore[arg-type]


def _const(value: Any, src: str) -> Node:
    return Node(
        fn=lambda st, env: value,
        src=src,
        kind="const",
        words=lambda st, env, lex: _show(value, lex),
    )


_COMPARE: dict[type, tuple[str, Callable[[Any, Any], bool]]] = {
    ast.Lt: ("<", lambda a, b: a < b),
    ast.LtE: ("≤", lambda a, b: a <= b),
    ast.Gt: (">", lambda a, b: a > b),
    ast.GtE: ("≥", lambda a, b: a >= b),
    ast.Eq: ("=", lambda a, b: a == b),
    ast.NotEq: ("≠", lambda a, b: a != b),
}

_ARITH: dict[type, tuple[str, Callable[[Any, Any], Any]]] = {
    ast.Add: ("+", lambda a, b: a + b),
    ast.Sub: ("−", lambda a, b: a - b),
    ast.Mult: ("×", lambda a, b: a * b),
    ast.Div: ("/", lambda a, b: a / b if b else 0.0),
}


@define
class Func:
    """A function callable from expressions: its argument kinds and its builder."""

    name: str
    args: tuple[str, ...]
    doc: str
    build: Callable[..., Node]
    optional: int = 0
    example: str = ""


FUNCTIONS: dict[str, Func] = {}


def function(name: str, *args: str, example: str = "") -> Callable[[Callable[..., Node]], Any]:
    """Register a condition/value function under the name scenario files use."""

    def register(build: Callable[..., Node]) -> Callable[..., Node]:
        FUNCTIONS[name] = Func(name, args, (build.__doc__ or "").strip(), build, example=example)
        return build

    return register


class Compiler:
    """Compile expression strings against one scenario's names."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.depth = 0
        # Compiled objects hold no state, so identical sources share one.
        self._memo: dict[tuple[str, str], Any] = {}

    # ---- entry points -------------------------------------------------------------
    def condition(self, src: str) -> Node:
        """Compile a condition; the empty string is always true."""
        if not src.strip():
            return _const(True, "True")
        return self.value(src)

    def value(self, src: str) -> Node:
        """Compile a value or condition expression."""
        key = ("value", src)
        if key not in self._memo:
            self._memo[key] = self._value(src)
        return self._memo[key]  # type: ignore[no-any-return]

    def _value(self, src: str) -> Node:
        tree = self._parse(src, "eval")
        assert isinstance(tree, ast.Expression)
        return self._node(tree.body, src)

    def number(self, src: str) -> Node:
        """Compile a value that must be a number, not a country or text."""
        node = self.value(src)
        if _is_text(node):
            raise ExprError(f"'{src}' must be a number, not a country or text")
        return node

    def effect(self, src: str) -> Effect:
        """Compile one effect statement."""
        key = ("effect", src)
        if key not in self._memo:
            self._memo[key] = self._effect(src)
        return self._memo[key]  # type: ignore[no-any-return]

    def _effect(self, src: str) -> Effect:
        from game.scenario.effects import compile_call, compile_change

        match = _ASSIGN.match(src)
        if match:
            left = self._parse(match.group(1), "eval")
            assert isinstance(left, ast.Expression)
            amount = self.number(match.group(3))
            return compile_change(self, left.body, match.group(2)[0], amount, src)
        tree = self._parse(src, "eval")
        assert isinstance(tree, ast.Expression)
        return compile_call(self, tree.body, src)

    def _parse(self, src: str, mode: str) -> ast.AST:
        if len(src) > MAX_LENGTH:
            raise ExprError(f"expression is {len(src)} characters long; the limit is {MAX_LENGTH}")
        if src.count("(") > MAX_DEPTH * 2 or src.count("[") > 0:
            if src.count("[") > 0:
                raise ExprError("brackets [ ] are not part of the expression language")
            raise ExprError(f"expression nests too deeply (limit {MAX_DEPTH})")
        try:
            return ast.parse(src.strip(), mode=mode)
        except SyntaxError as exc:
            raise ExprError(f"syntax error: {exc.msg} at column {exc.offset or 0}") from None
        except (ValueError, RecursionError, MemoryError):
            raise ExprError("expression cannot be parsed") from None

    # ---- nodes ------------------------------------------------------------------
    def _node(self, node: ast.AST, src: str) -> Node:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise ExprError(f"expression nests too deeply (limit {MAX_DEPTH})")
            return self._dispatch(node, src)
        finally:
            self.depth -= 1

    def _seg(self, node: ast.AST, src: str) -> str:
        text = src.strip()
        start, end = getattr(node, "col_offset", None), getattr(node, "end_col_offset", None)
        if "\n" in text or start is None or end is None:
            return ast.get_source_segment(text, node) or ""
        # Offsets count UTF-8 bytes; one-line sources are sliced without splitting lines.
        return text.encode()[start:end].decode(errors="replace")

    def _dispatch(self, node: ast.AST, src: str) -> Node:
        seg = self._seg(node, src)
        if isinstance(node, ast.Constant):
            if isinstance(node.value, bool | int | float):
                return _const(node.value, seg)
            if isinstance(node.value, str):
                return _const(node.value, seg)
            raise ExprError(f"unsupported constant {seg!r}")
        if isinstance(node, ast.Name):
            return self._name(node.id)
        if isinstance(node, ast.Attribute):
            return self._attribute(node)
        if isinstance(node, ast.BoolOp):
            return self._boolop(node, src, seg)
        if isinstance(node, ast.UnaryOp):
            return self._unary(node, src, seg)
        if isinstance(node, ast.BinOp):
            return self._binop(node, src, seg)
        if isinstance(node, ast.Compare):
            return self._compare(node, src, seg)
        if isinstance(node, ast.Call):
            return self._call(node, src, seg)
        raise ExprError(f"'{seg}' is not allowed in an expression")

    def _name(self, name: str) -> Node:
        lex = self.lex
        if name in ("True", "False"):
            return _const(name == "True", name)
        if name == "self":
            return Node(
                fn=lambda st, env: env.me,
                src=name,
                kind="country",
                words=lambda st, env, lx: lx.country(env.me, st),
            )
        if name == "target":
            return Node(
                fn=lambda st, env: env.target,
                src=name,
                kind="country",
                words=lambda st, env, lx: lx.country(env.target or "", st),
            )
        if name == "year":
            return Node(fn=lambda st, env: st.month // 12, src=name, words=_w("the year"))
        if name == "month":
            return Node(fn=lambda st, env: st.month % 12 + 1, src=name, words=_w("the month"))
        if name == "turn":
            return Node(fn=lambda st, env: st.turn, src=name, words=_w("the turn"))
        if name == "date":
            return Node(fn=lambda st, env: st.month, src=name, kind="date", words=_w("the date"))
        if name == "final":
            last = lex.last_month
            return Node(fn=lambda st, env: st.month >= last, src=name, words=_w("the last turn"))
        if name in lex.globals:
            bounds = name
            return Node(
                fn=lambda st, env: st.globals[bounds],
                src=name,
                kind="global",
                words=lambda st, env, lx: lx.globals[bounds].name,
            )
        if name in lex.countries:
            return Node(
                fn=lambda st, env: name,
                src=name,
                kind="country",
                words=lambda st, env, lx: lx.country(name, st),
            )
        where = [*lex.globals, *lex.countries, "self", "target", "year", "month", "date", "turn"]
        raise ExprError(f"unknown name '{name}'{suggest(name, where)}")

    def _attribute(self, node: ast.Attribute) -> Node:
        base = node.value
        if not isinstance(base, ast.Name):
            raise ExprError("only COUNTRY.stat and flag.name may use a dot")
        attr = node.attr
        if base.id == "flag":
            self.flag(attr)
            return Node(
                fn=lambda st, env: attr in st.flags,
                src=f"flag.{attr}",
                kind="flag",
                words=lambda st, env, lx: lx.flags[attr],
            )
        country = self.country_ref(base)
        if attr not in self.lex.stats:
            raise ExprError(f"unknown stat '{attr}'{suggest(attr, self.lex.stats)}")
        get = country.fn
        src = f"{base.id}.{attr}"

        return Node(
            fn=lambda st, env: st.stats[get(st, env)][attr],
            src=src,
            kind="stat",
            words=lambda st, env, lx: f"{lx.possessive(get(st, env), st)} {lx.stats[attr].name}",
        )

    def country_ref(self, node: ast.AST) -> Node:
        """Compile an argument that must name a country."""
        if isinstance(node, ast.Name):
            if node.id in ("self", "target") or node.id in self.lex.countries:
                return self._name(node.id)
            raise ExprError(f"unknown country '{node.id}'{suggest(node.id, self.lex.countries)}")
        if isinstance(node, ast.Call):
            inner = self._node(node, "")
            if inner.kind == "country":
                return inner
        raise ExprError("expected a country id, self or target")

    def ident(self, node: ast.AST, kind: str, known: dict[str, Any] | set[str]) -> str:
        """Check a bare identifier argument of a given kind against the scenario."""
        if isinstance(node, ast.Name):
            name = node.id
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            name = node.value
        else:
            raise ExprError(f"expected a {kind} id")
        if name not in known:
            raise ExprError(f"unknown {kind} '{name}'{suggest(name, known)}")
        return name

    def flag(self, name: str) -> str:
        """Check a flag name."""
        if name not in self.lex.flags:
            raise ExprError(
                f"unknown flag '{name}'{suggest(name, self.lex.flags)} (declare it in [flags])"
            )
        return name

    def _boolop(self, node: ast.BoolOp, src: str, seg: str) -> Node:
        parts = [self._node(v, src) for v in node.values]
        fns = [p.fn for p in parts]
        combine, kind = (all, "and") if isinstance(node.op, ast.And) else (any, "or")

        def fn(st: GameState, env: Env) -> bool:
            return combine(f(st, env) for f in fns)

        return Node(
            fn=fn,
            src=seg,
            kind=kind,
            parts=parts,
            words=lambda st, env, lx: f" {kind} ".join(p.text(st, env, lx) for p in parts),
        )

    def _unary(self, node: ast.UnaryOp, src: str, seg: str) -> Node:
        inner = self._node(node.operand, src)
        f = inner.fn
        if isinstance(node.op, ast.Not):
            return Node(
                fn=lambda st, env: not f(st, env),
                src=seg,
                kind="not",
                parts=[inner],
                words=lambda st, env, lx: "not " + inner.text(st, env, lx),
            )
        if isinstance(node.op, ast.USub) and _is_text(inner):
            raise ExprError(f"'{seg}' negates a country or text")
        if isinstance(node.op, ast.USub):
            if inner.kind == "const":
                return _const(-inner.fn(None, Env()), seg)  # type: ignore[arg-type]
            return Node(
                fn=lambda st, env: -f(st, env),
                src=seg,
                words=lambda st, env, lx: "−" + inner.text(st, env, lx),
            )
        if isinstance(node.op, ast.UAdd):
            return inner
        raise ExprError(f"operator in '{seg}' is not allowed")

    def _binop(self, node: ast.BinOp, src: str, seg: str) -> Node:
        op = _ARITH.get(type(node.op))
        if op is None:
            raise ExprError(f"operator in '{seg}' is not allowed (use + - * /)")
        sign, impl = op
        left, right = self._node(node.left, src), self._node(node.right, src)
        if _is_text(left) or _is_text(right):
            raise ExprError(f"'{seg}' does arithmetic on a country or text")
        lf, rf = left.fn, right.fn
        if left.kind == "const" and right.kind == "const":
            return _const(impl(lf(None, Env()), rf(None, Env())), seg)  # type: ignore[arg-type]
        return Node(
            fn=lambda st, env: impl(lf(st, env), rf(st, env)),
            src=seg,
            words=lambda st, env, lx: f"{left.text(st, env, lx)} {sign} {right.text(st, env, lx)}",
        )

    def _compare(self, node: ast.Compare, src: str, seg: str) -> Node:
        if len(node.ops) > 1:
            pieces: list[ast.expr] = []
            left_expr = node.left
            for op, right_expr in zip(node.ops, node.comparators, strict=True):
                pieces.append(ast.Compare(left=left_expr, ops=[op], comparators=[right_expr]))
                left_expr = right_expr
            for piece in pieces:
                ast.copy_location(piece, node)
            chained = ast.BoolOp(op=ast.And(), values=pieces)
            ast.copy_location(chained, node)
            return self._boolop(chained, src, seg)
        found = _COMPARE.get(type(node.ops[0]))
        if found is None:
            raise ExprError(f"comparison in '{seg}' is not allowed")
        sign, impl = found
        left = self._node(node.left, src)
        right = self._node(node.comparators[0], src)
        if "date" in (left.kind, right.kind):
            return self._date_compare(left, right, sign, impl, seg)
        if _is_text(left) != _is_text(right) or (_is_text(left) and sign not in ("=", "≠")):
            raise ExprError(
                f"'{seg}' compares a country or text with a number; "
                "countries compare only with == and !="
            )
        lf, rf = left.fn, right.fn
        return Node(
            fn=lambda st, env: impl(lf(st, env), rf(st, env)),
            src=seg,
            kind="compare",
            parts=[left, right],
            op=sign,
            words=lambda st, env, lx: f"{left.text(st, env, lx)} {sign} {right.text(st, env, lx)}",
        )

    def _date_compare(
        self, left: Node, right: Node, sign: str, impl: Callable[[Any, Any], bool], seg: str
    ) -> Node:
        other = right if left.kind == "date" else left
        raw = other.fn(None, Env()) if other.kind == "const" else None  # type: ignore[arg-type]
        if not isinstance(raw, str):
            raise ExprError('compare date with a "YYYY-MM" string, e.g. date >= "1922-04"')
        try:
            when = month_of(raw)
        except ValueError as exc:
            raise ExprError(str(exc)) from None
        if left.kind == "date":
            fn: Fn = lambda st, env: impl(st.month, when)  # noqa: E731
        else:
            fn = lambda st, env: impl(when, st.month)  # noqa: E731
        phrase = {"≥": "from", ">": "after", "≤": "until", "<": "before", "=": "in", "≠": "not in"}
        flip = {"≥": "≤", ">": "<", "≤": "≥", "<": ">", "=": "=", "≠": "≠"}
        key = sign if left.kind == "date" else flip[sign]
        return Node(
            fn=fn,
            src=seg,
            kind="datecmp",
            words=lambda st, env, lx: f"{phrase[key]} {fmt_month(when)}",
        )

    def _call(self, node: ast.Call, src: str, seg: str) -> Node:
        if not isinstance(node.func, ast.Name):
            raise ExprError(f"'{seg}' is not a function call the language knows")
        name = node.func.id
        func = FUNCTIONS.get(name)
        if func is None:
            from game.scenario.effects import EFFECTS

            if name in EFFECTS:
                raise ExprError(f"'{name}' is an effect; it cannot be used in a condition")
            raise ExprError(f"unknown function '{name}'{suggest(name, FUNCTIONS)}")
        if node.keywords:
            raise ExprError(f"{name}() takes no keyword arguments")
        low, high = len(func.args) - func.optional, len(func.args)
        if not low <= len(node.args) <= high:
            want = str(high) if low == high else f"{low} to {high}"
            raise ExprError(f"{name}() takes {want} argument(s), got {len(node.args)}")
        return func.build(self, *node.args, src=src, seg=seg)


def _w(text: str) -> Callable[[GameState, Env, Lexicon], str]:
    return lambda st, env, lx: text


# ---- registered functions -------------------------------------------------------------


@function("relation", "country", "country", example="relation(NORTH, SOUTH) > 10")
def _relation(c: Compiler, a: ast.AST, b: ast.AST, src: str, seg: str) -> Node:
    """Relations between two countries, from the scenario's minimum to its maximum."""
    na, nb = c.country_ref(a), c.country_ref(b)
    fa, fb = na.fn, nb.fn
    default = c.lex.relation_default
    return Node(
        fn=lambda st, env: st.relations.get(relation_key(fa(st, env), fb(st, env)), default),
        src=seg,
        kind="relation",
        words=lambda st, env, lx: f"relations {na.text(st, env, lx)}–{nb.text(st, env, lx)}",
    )


@function("owner", "region", example="owner(north_bank) == NORTH")
def _owner(c: Compiler, region: ast.AST, src: str, seg: str) -> Node:
    """The country that holds a map region."""
    rid = c.ident(region, "region", c.lex.regions)
    return Node(
        fn=lambda st, env: st.owners[rid],
        src=seg,
        kind="country",
        words=lambda st, env, lx: f"the holder of {lx.regions[rid]}",
    )


@function("active", "action", example="active(fortify)")
def _active(c: Compiler, action: ast.AST, src: str, seg: str) -> Node:
    """True while a project of this action is running for any country."""
    aid = c.ident(action, "action", c.lex.actions)
    return Node(
        fn=lambda st, env: any(p.action == aid for p in st.projects),
        src=seg,
        words=lambda st, env, lx: f"“{lx.actions[aid]}” under way",
    )


@function("used", "action", example="used(envoy) >= 2")
def _used(c: Compiler, action: ast.AST, src: str, seg: str) -> Node:
    """How many times any country has taken this action."""
    aid = c.ident(action, "action", c.lex.actions)
    return Node(
        fn=lambda st, env: st.used.get(aid, 0),
        src=seg,
        words=lambda st, env, lx: f"times “{lx.actions[aid]}” taken",
    )


@function("fired", "event", example="fired(flood)")
def _fired(c: Compiler, event: ast.AST, src: str, seg: str) -> Node:
    """True once the event has fired."""
    eid = c.ident(event, "event", c.lex.events)
    return Node(
        fn=lambda st, env: eid in st.fired,
        src=seg,
        words=lambda st, env, lx: f"“{lx.events[eid]}” has happened",
    )


@function("chosen", "event", "option", example="chosen(flood, rebuild)")
def _chosen(c: Compiler, event: ast.AST, option: ast.AST, src: str, seg: str) -> Node:
    """True when the event's last answer was the option with this id."""
    eid = c.ident(event, "event", c.lex.events)
    oid = c.ident(option, "option", c.lex.options.get(eid, set()))
    return Node(
        fn=lambda st, env: st.chosen.get(eid) == oid,
        src=seg,
        words=lambda st, env, lx: f"“{lx.option_text(eid, oid)}” chosen",
    )


@function("turns_since", "flag", example="turns_since(bridge_treaty) >= 4")
def _turns_since(c: Compiler, flag: ast.AST, src: str, seg: str) -> Node:
    """Turns since the flag was set; 9999 while it is not set."""
    name = c.ident(flag, "flag", c.lex.flags)
    return Node(
        fn=lambda st, env: st.turn - st.flags[name] if name in st.flags else 9999,
        src=seg,
        words=lambda st, env, lx: f"turns since “{lx.flags[name]}”",
    )


@function("running", "tag", example="running(military) >= 1")
def _running(c: Compiler, tag: ast.AST, src: str, seg: str) -> Node:
    """How many running projects carry the tag."""
    name = c.ident(tag, "tag", c.lex.tags)
    tagged = c.lex.tags[name]
    return Node(
        fn=lambda st, env: sum(1 for p in st.projects if p.action in tagged),
        src=seg,
        words=lambda st, env, lx: f"running {name} projects",
    )


@function("regions", "country", example="regions(NORTH) >= 3")
def _regions(c: Compiler, country: ast.AST, src: str, seg: str) -> Node:
    """How many map regions the country holds."""
    who = c.country_ref(country)
    f = who.fn
    return Node(
        fn=lambda st, env: sum(1 for o in st.owners.values() if o == f(st, env)),
        src=seg,
        words=lambda st, env, lx: f"regions held by {who.text(st, env, lx)}",
    )


@function("is_human", "country", example="is_human(NORTH)")
def _is_human(c: Compiler, country: ast.AST, src: str, seg: str) -> Node:
    """True when a person plays the country."""
    who = c.country_ref(country)
    f = who.fn
    return Node(
        fn=lambda st, env: f(st, env) in st.humans,
        src=seg,
        words=lambda st, env, lx: f"{who.text(st, env, lx)} played by a person",
    )


@function("modifier", "modifier", example="modifier(famine)")
def _modifier(c: Compiler, mod: ast.AST, src: str, seg: str) -> Node:
    """True while the modifier is running."""
    mid = c.ident(mod, "modifier", c.lex.modifiers)
    return Node(
        fn=lambda st, env: any(m.id == mid for m in st.modifiers),
        src=seg,
        words=lambda st, env, lx: f"“{lx.modifiers[mid]}” in force",
    )


def _math(name: str, impl: Callable[..., float], doc: str, example: str, nargs: int) -> None:
    def build(c: Compiler, *args: Any, src: str, seg: str) -> Node:
        parts = [c._node(a, src) for a in args]
        if any(_is_text(p) for p in parts):
            raise ExprError(f"{name}() takes numbers, not countries or text")
        fns = [p.fn for p in parts]
        return Node(fn=lambda st, env: impl(*(f(st, env) for f in fns)), src=seg)

    build.__doc__ = doc
    FUNCTIONS[name] = Func(name, ("number",) * nargs, doc, build, example=example)


_math("min", min, "The smaller of two numbers.", "min(self.strength, 50)", 2)
_math("max", max, "The larger of two numbers.", "max(self.strength - 10, 0)", 2)
_math("abs", abs, "The absolute value of a number.", "abs(relation(NORTH, SOUTH))", 1)


# The effect module registers itself on import; Effect is re-exported for typing.
from game.scenario.effects import Effect  # noqa: E402

__all__ = ["Compiler", "Effect", "Env", "ExprError", "FUNCTIONS", "Node"]
