"""Compile expression strings against one scenario's names: parse with `ast`, dispatch on node type.

Nothing here calls eval or exec: the tree is walked and each node becomes a closure that
also knows how to describe itself.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from attrs import frozen

from game.rules import functions
from game.rules.errors import ExprError, suggest
from game.rules.lexicon import Lexicon, fmt_month, month_of
from game.rules.nodes import TRUE, Node, const, fixed
from game.rules.registry import EFFECTS, FUNCTIONS, Function, Param
from game.rules.types import Env, Fn, VType

MAX_LENGTH = 1000
MAX_DEPTH = 24
MAX_CONSTANT = 1e12
RESERVED = frozenset(
    {"self", "target", "it", "flag", "name", "year", "month", "turn", "date", "final"}
    | {"True", "False", "and", "or", "not", "if", "else", "in", "is", "None"}
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
_DATE_WORDS = {"≥": "from", ">": "after", "≤": "until", "<": "before", "=": "in", "≠": "not in"}
_FLIP = {"≥": "≤", ">": "<", "≤": "≥", "<": ">", "=": "=", "≠": "≠"}
_ID_KINDS = {
    Param.REGION: ("region", "regions"),
    Param.ACTION: ("action", "actions"),
    Param.EVENT: ("event", "events"),
    Param.FLAG: ("flag", "flags"),
    Param.TAG: ("tag", "tags"),
    Param.MODIFIER: ("modifier", "modifiers"),
    Param.ENDING: ("ending", "endings"),
}


@frozen
class Scope:
    """Which of `target` and `it` an expression may use where it is written."""

    targeted: bool = False
    iterating: bool = False


def parse(src: str, mode: str) -> ast.AST:
    """Parse source within the language's limits; the length is checked before anything."""
    if len(src) > MAX_LENGTH:
        raise ExprError(f"expression is {len(src)} characters long; the limit is {MAX_LENGTH}")
    if src.count("(") > MAX_DEPTH * 2:
        raise ExprError(f"expression nests too deeply (limit {MAX_DEPTH})")
    try:
        return ast.parse(src.strip(), mode=mode)
    except SyntaxError as exc:
        raise ExprError(f"syntax error: {exc.msg} at column {exc.offset or 0}") from None
    except (ValueError, RecursionError, MemoryError):
        raise ExprError("expression cannot be parsed") from None


class Compiler:
    """Compile expression strings against one scenario's names."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.scope = Scope()
        self.depth = 0
        self._src = ""
        self._naming: list[str] = []
        # Compiled objects hold no state, so identical sources in one scope share one.
        self._memo: dict[tuple[str, str, Scope], Any] = {}
        self._dispatch: dict[type, Callable[[Any, str], Node]] = {
            ast.Constant: self._constant,
            ast.Name: lambda n, seg: self._name(n.id),
            ast.Attribute: self._attribute,
            ast.BoolOp: self._boolop,
            ast.UnaryOp: self._unary,
            ast.BinOp: self._binop,
            ast.Compare: self._compare,
            ast.Call: self._call,
            ast.IfExp: self._ifexp,
        }

    # ---- entry points -------------------------------------------------------------
    def condition(self, src: str, scope: Scope | None = None) -> Node:
        """Compile a condition; the empty string is always true."""
        if not src.strip():
            return TRUE
        return self.value(src, scope)

    def value(self, src: str, scope: Scope | None = None) -> Node:
        """Compile a value or condition expression."""
        return self.memo("value", src, scope, self._value)  # type: ignore[no-any-return]

    def number(self, src: str, scope: Scope | None = None) -> Node:
        """Compile a value that must be a number, not a country or text."""
        node = self.value(src, scope)
        if node.is_text:
            raise ExprError(f"'{src}' must be a number, not a country or text")
        return node

    def memo(self, mode: str, src: str, scope: Scope | None, make: Callable[[str], Any]) -> Any:
        """Compile once per source, mode and scope."""
        key = (mode, src, scope or self.scope)
        if key not in self._memo:
            with self.within(key[2]):
                self._memo[key] = make(src)
        return self._memo[key]

    @contextmanager
    def within(self, scope: Scope) -> Iterator[None]:
        """Compile with `target` and `it` allowed as the scope says."""
        saved, saved_src = self.scope, self._src
        self.scope = scope
        try:
            yield
        finally:
            self.scope, self._src = saved, saved_src

    def _value(self, src: str) -> Node:
        tree = parse(src, "eval")
        assert isinstance(tree, ast.Expression)
        self._src = src
        return self.node(tree.body)

    # ---- nodes ------------------------------------------------------------------
    def node(self, node: ast.AST) -> Node:
        """Compile one syntax node of the current source."""
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise ExprError(f"expression nests too deeply (limit {MAX_DEPTH})")
            seg = self.segment(node)
            handler = self._dispatch.get(type(node))
            if isinstance(node, ast.List | ast.Subscript | ast.ListComp):
                raise ExprError("brackets [ ] are not part of the expression language")
            if handler is None:
                raise ExprError(f"'{seg}' is not allowed in an expression")
            return handler(node, seg)
        finally:
            self.depth -= 1

    def numeric(self, node: ast.AST) -> Node:
        """Compile a syntax node that must be a number."""
        out = self.node(node)
        if out.is_text:
            raise ExprError(f"'{out.src}' must be a number, not a country or text")
        return out

    def segment(self, node: ast.AST) -> str:
        """Return the source text of a syntax node."""
        text = self._src.strip()
        start, end = getattr(node, "col_offset", None), getattr(node, "end_col_offset", None)
        if "\n" in text or start is None or end is None:
            return ast.get_source_segment(text, node) or ""
        # Offsets count UTF-8 bytes; one-line sources are sliced without splitting lines.
        return text.encode()[start:end].decode(errors="replace")

    def _constant(self, node: ast.Constant, seg: str) -> Node:
        value = node.value
        if isinstance(value, bool | str):
            return const(value, seg)
        if isinstance(value, int | float):
            return const(_finite(value, seg), seg)
        raise ExprError(f"unsupported constant {seg[:40]!r}")

    def _name(self, name: str) -> Node:
        lex, scope = self.lex, self.scope
        if name in ("True", "False"):
            return const(name == "True", name)
        if name in ("self", "target", "it"):
            return self._who(name)
        clock = _CLOCK.get(name)
        if clock is not None:
            fn, words, kind = clock
            last = lex.last_month
            return Node(fn=fn(last), src=name, type=kind, words=fixed(words))
        if name in lex.globals:
            return Node(
                fn=lambda st, env: st.globals[name],
                src=name,
                kind="global",
                words=lambda st, env, lx: lx.globals[name].name,
            )
        if name in lex.countries:
            return Node(
                fn=lambda st, env: name,
                src=name,
                type=VType.COUNTRY,
                words=lambda st, env, lx: lx.country(name, st),
            )
        if name in lex.conditions:
            return self.named(name)
        where = [*lex.globals, *lex.countries, *lex.conditions, "self", "year", "month", "date"]
        where += ["target"] if scope.targeted else []
        raise ExprError(f"unknown name '{name}'{suggest(name, where)}")

    def _who(self, name: str) -> Node:
        if name == "target" and not self.scope.targeted:
            raise ExprError("`target` exists only in actions that have a target")
        if name == "it" and not self.scope.iterating:
            raise ExprError(
                "`it` exists only inside any_country(), all_countries(), count_countries() "
                "and for_each"
            )
        get: Fn = {
            "self": lambda st, env: env.me,
            "target": lambda st, env: env.target,
            "it": lambda st, env: env.it,
        }[name]
        return Node(
            fn=get,
            src=name,
            type=VType.COUNTRY,
            words=lambda st, env, lx: lx.country(who, st) if (who := get(st, env)) else name,
        )

    def named(self, name: str) -> Node:
        """Compile a named condition from the scenario's [conditions] table."""
        if name in self._naming:
            cycle = " → ".join([*self._naming[self._naming.index(name) :], name])
            raise ExprError(f"named condition uses itself: {cycle}")
        self._naming.append(name)
        try:
            inner = self.condition(self.lex.conditions[name], self.scope)
        except ExprError as exc:
            if str(exc).startswith("named condition uses itself"):
                raise
            raise ExprError(f"in named condition '{name}': {exc}") from None
        finally:
            self._naming.pop()
        label = self.lex.condition_names.get(name) or name.replace("_", " ")
        return Node(
            fn=inner.fn,
            src=name,
            type=inner.type,
            kind="named",
            parts=[inner],
            name=label,
            words=fixed(label),
        )

    def _attribute(self, node: ast.Attribute, seg: str) -> Node:
        base, attr = node.value, node.attr
        if isinstance(base, ast.Name) and base.id == "flag":
            return self._flag(attr, None)
        if isinstance(base, ast.Attribute) and base.attr == "flag":
            return self._flag(attr, self.country_ref(base.value))
        if not isinstance(base, ast.Name | ast.Call):
            raise ExprError("only COUNTRY.stat, COUNTRY.name and flag.name may use a dot")
        who = self.country_ref(base)
        get = who.fn
        if attr == "name":
            return Node(
                fn=lambda st, env: get(st, env),
                src=seg,
                type=VType.COUNTRY,
                words=lambda st, env, lx: lx.country(get(st, env), st),
            )
        if attr not in self.lex.stats:
            raise ExprError(f"unknown stat '{attr}'{suggest(attr, self.lex.stats)}")
        return Node(
            fn=lambda st, env: st.stats[get(st, env)][attr],
            src=seg,
            kind="stat",
            words=lambda st, env, lx: f"{lx.possessive(get(st, env), st)} {lx.stats[attr].name}",
        )

    def _flag(self, name: str, who: Node | None) -> Node:
        self.flag(name, who is not None)
        if who is None:
            return Node(
                fn=lambda st, env: name in st.flags,
                src=f"flag.{name}",
                type=VType.BOOL,
                kind="flag",
                words=lambda st, env, lx: lx.flags[name],
            )
        get = who.fn
        return Node(
            fn=lambda st, env: functions.flag_key(name, get(st, env)) in st.flags,
            src=f"{who.src}.flag.{name}",
            type=VType.BOOL,
            kind="flag",
            words=lambda st, env, lx: f"{lx.flags[name]} ({who.text(st, env, lx)})",
        )

    def flag(self, name: str, per_country: bool) -> str:
        """Check a flag name, and that it is used as declared: per country or global."""
        if name not in self.lex.flags:
            raise ExprError(
                f"unknown flag '{name}'{suggest(name, self.lex.flags)} (declare it in [flags])"
            )
        if per_country and name not in self.lex.per_country:
            raise ExprError(f"flag '{name}' is not per country: write flag.{name}")
        if not per_country and name in self.lex.per_country:
            raise ExprError(f"flag '{name}' is per country: write COUNTRY.flag.{name}")
        return name

    def country_ref(self, node: ast.AST) -> Node:
        """Compile an argument that must name a country."""
        if isinstance(node, ast.Name):
            if node.id in ("self", "target", "it") or node.id in self.lex.countries:
                return self._name(node.id)
            raise ExprError(f"unknown country '{node.id}'{suggest(node.id, self.lex.countries)}")
        if isinstance(node, ast.Call):
            inner = self.node(node)
            if inner.type is VType.COUNTRY:
                return inner
        raise ExprError("expected a country id, self, target or it")

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

    def _boolop(self, node: ast.BoolOp, seg: str) -> Node:
        parts = [self.node(v) for v in node.values]
        kind = "and" if isinstance(node.op, ast.And) else "or"
        return Node(
            fn=_joined([p.fn for p in parts], kind == "and"),
            src=seg,
            type=VType.BOOL,
            kind=kind,
            parts=parts,
            words=lambda st, env, lx: f" {kind} ".join(p.text(st, env, lx) for p in parts),
        )

    def _unary(self, node: ast.UnaryOp, seg: str) -> Node:
        inner = self.node(node.operand)
        f = inner.fn
        if isinstance(node.op, ast.Not):
            return Node(
                fn=lambda st, env: not f(st, env),
                src=seg,
                type=VType.BOOL,
                kind="not",
                parts=[inner],
                words=lambda st, env, lx: "not " + inner.text(st, env, lx),
            )
        if inner.is_text:
            raise ExprError(f"'{seg}' negates a country or text")
        if isinstance(node.op, ast.UAdd):
            return inner
        if not isinstance(node.op, ast.USub):
            raise ExprError(f"operator in '{seg}' is not allowed")
        if inner.kind == "const":
            return const(-inner.constant, seg)
        return Node(
            fn=lambda st, env: -f(st, env),
            src=seg,
            words=lambda st, env, lx: "−" + inner.text(st, env, lx),
        )

    def _binop(self, node: ast.BinOp, seg: str) -> Node:
        op = _ARITH.get(type(node.op))
        if op is None:
            raise ExprError(f"operator in '{seg}' is not allowed (use + - * /)")
        sign, impl = op
        left, right = self.node(node.left), self.node(node.right)
        if left.is_text or right.is_text:
            raise ExprError(f"'{seg}' does arithmetic on a country or text")
        if sign == "/" and right.kind == "const" and right.constant == 0:
            raise ExprError(f"'{seg}' divides by zero")
        if left.kind == "const" and right.kind == "const":
            return const(_finite(impl(left.constant, right.constant), seg), seg)
        lf, rf = left.fn, right.fn
        return Node(
            fn=lambda st, env: impl(lf(st, env), rf(st, env)),
            src=seg,
            words=lambda st, env, lx: f"{left.text(st, env, lx)} {sign} {right.text(st, env, lx)}",
        )

    def _ifexp(self, node: ast.IfExp, seg: str) -> Node:
        test, yes, no = self.node(node.test), self.node(node.body), self.node(node.orelse)
        if yes.is_text != no.is_text:
            raise ExprError(f"'{seg}': both branches must be numbers, or both countries or text")
        tf, yf, nf = test.fn, yes.fn, no.fn
        return Node(
            fn=lambda st, env: yf(st, env) if tf(st, env) else nf(st, env),
            src=seg,
            type=yes.type,
            kind="ifexp",
            parts=[test, yes, no],
            words=lambda st, env, lx: (
                f"{yes.text(st, env, lx)} if {test.text(st, env, lx)}, "
                f"otherwise {no.text(st, env, lx)}"
            ),
        )

    def _compare(self, node: ast.Compare, seg: str) -> Node:
        if len(node.ops) > 1:
            pieces: list[ast.expr] = []
            left_expr = node.left
            for op, right_expr in zip(node.ops, node.comparators, strict=True):
                piece = ast.Compare(left=left_expr, ops=[op], comparators=[right_expr])
                pieces.append(ast.copy_location(piece, node))
                left_expr = right_expr
            return self._boolop(
                ast.copy_location(ast.BoolOp(op=ast.And(), values=pieces), node), seg
            )
        found = _COMPARE.get(type(node.ops[0]))
        if found is None:
            raise ExprError(f"comparison in '{seg}' is not allowed")
        sign, impl = found
        left, right = self.node(node.left), self.node(node.comparators[0])
        if VType.DATE in (left.type, right.type):
            return self._date_compare(left, right, sign, impl, seg)
        if left.is_text != right.is_text or (left.is_text and sign not in ("=", "≠")):
            raise ExprError(
                f"'{seg}' compares a country or text with a number; "
                "countries compare only with == and !="
            )
        lf, rf = left.fn, right.fn
        return Node(
            fn=lambda st, env: impl(lf(st, env), rf(st, env)),
            src=seg,
            type=VType.BOOL,
            kind="compare",
            parts=[left, right],
            op=sign,
            words=lambda st, env, lx: f"{left.text(st, env, lx)} {sign} {right.text(st, env, lx)}",
        )

    def _date_compare(
        self, left: Node, right: Node, sign: str, impl: Callable[[Any, Any], bool], seg: str
    ) -> Node:
        other = right if left.type is VType.DATE else left
        raw = other.constant if other.kind == "const" else None
        if not isinstance(raw, str):
            raise ExprError('compare date with a "YYYY-MM" string, e.g. date >= "1922-04"')
        try:
            when = month_of(raw)
        except ValueError as exc:
            raise ExprError(str(exc)) from None
        if left.type is VType.DATE:
            fn: Fn = lambda st, env: impl(st.month, when)  # noqa: E731
        else:
            fn = lambda st, env: impl(when, st.month)  # noqa: E731
        key = sign if left.type is VType.DATE else _FLIP[sign]
        text = f"{_DATE_WORDS[key]} {fmt_month(when)}"
        return Node(fn=fn, src=seg, type=VType.BOOL, kind="datecmp", words=fixed(text))

    def _call(self, node: ast.Call, seg: str) -> Node:
        if not isinstance(node.func, ast.Name):
            raise ExprError(f"'{seg}' is not a function call the language knows")
        name = node.func.id
        func = FUNCTIONS.get(name)
        if func is None:
            if name in EFFECTS or name in self.lex.groups:
                raise ExprError(f"'{name}' is an effect; it cannot be used in a condition")
            raise ExprError(f"unknown function '{name}'{suggest(name, FUNCTIONS)}")
        return func.build(self, *self.arguments(func, node), seg)

    def arguments(self, func: Function, node: ast.Call) -> list[Any]:
        """Check a call's arguments against the function's parameter kinds and convert them."""
        low, high = func.arity()
        if node.keywords:
            raise ExprError(f"{func.name}() takes no keyword arguments")
        if not low <= len(node.args) <= high:
            want = str(high) if low == high else f"{low} to {high}"
            raise ExprError(f"{func.name}() takes {want} argument(s), got {len(node.args)}")
        out: list[Any] = []
        for param, arg in zip(func.params, node.args, strict=False):
            out.append(self._argument(param, arg, out))
        return out + [None] * (len(func.params) - len(node.args))

    def _argument(self, param: Param, arg: ast.AST, before: list[Any]) -> Any:
        lex = self.lex
        if param is Param.COUNTRY:
            return self.country_ref(arg)
        if param in (Param.NUMBER, Param.ANY):
            return self.numeric(arg)
        if param is Param.EACH:
            with self.within(Scope(self.scope.targeted, iterating=True)):
                return self.node(arg)
        if param is Param.TEXT:
            if not isinstance(arg, ast.Constant) or not isinstance(arg.value, str):
                raise ExprError('expected text in quotes, e.g. "New name"')
            return arg.value
        if param is Param.OPTION:
            return self.ident(arg, "option", lex.options.get(str(before[-1]), {}))
        if param is Param.SINCE:
            return self._since(arg)
        kind, table = _ID_KINDS[param]
        return self.ident(arg, kind, getattr(lex, table))

    def _since(self, arg: ast.AST) -> tuple[str, Any]:
        lex = self.lex
        inner = arg.value if isinstance(arg, ast.Attribute) else None
        if (
            isinstance(arg, ast.Attribute)
            and isinstance(inner, ast.Attribute)
            and inner.attr == "flag"
        ):
            self.flag(arg.attr, True)
            return "country_flag", (arg.attr, self.country_ref(inner.value))
        known = {**lex.flags, **lex.events, **lex.actions}
        name = self.ident(arg, "flag, event or action", known)
        kinds = [k for k, t in (("flag", lex.flags), ("event", lex.events)) if name in t]
        kinds += ["action"] if name in lex.actions else []
        if len(kinds) > 1:
            raise ExprError(f"'{name}' is both {' and '.join(kinds)}; rename one of them")
        if kinds[0] == "flag":
            self.flag(name, False)
        return kinds[0], name


def _joined(fns: list[Fn], conjunction: bool) -> Fn:
    """Return one function for `a and b and …` (or `or`), short-circuiting like Python."""
    first, *rest = fns
    if not rest:
        return lambda st, env: bool(first(st, env))
    tail = _joined(rest, conjunction)
    if conjunction:
        return lambda st, env: bool(first(st, env)) and tail(st, env)
    return lambda st, env: bool(first(st, env)) or tail(st, env)


def _finite(value: Any, seg: str) -> float | int:
    if isinstance(value, int) and abs(value) > MAX_CONSTANT:
        raise ExprError(f"'{seg[:40]}' is out of range (limit ±{MAX_CONSTANT:.0e})")
    if not math.isfinite(value) or abs(value) > MAX_CONSTANT:
        raise ExprError(f"'{seg[:40]}' is out of range (limit ±{MAX_CONSTANT:.0e})")
    return value  # type: ignore[no-any-return]


_CLOCK: dict[str, tuple[Callable[[int], Fn], str, VType]] = {
    "year": (lambda last: lambda st, env: st.month // 12, "the year", VType.NUMBER),
    "month": (lambda last: lambda st, env: st.month % 12 + 1, "the month", VType.NUMBER),
    "turn": (lambda last: lambda st, env: st.turn, "the turn", VType.NUMBER),
    "date": (lambda last: lambda st, env: st.month, "the date", VType.DATE),
    "final": (lambda last: lambda st, env: st.month >= last, "the last turn", VType.BOOL),
}

__all__ = ["Compiler", "Env", "ExprError", "MAX_DEPTH", "Scope", "parse"]
