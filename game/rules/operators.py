"""Operators of the language: and/or/not, arithmetic, comparisons and `a if c else b`.

Each builder takes compiled operands and returns a node that computes and words itself.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from game.locale import N_, _, month_in_phrase
from game.rules.errors import ExprError, quoted
from game.rules.lexicon import month_of
from game.rules.nodes import Node, const
from game.rules.types import Env, Fn, VType, Words

if TYPE_CHECKING:
    from game.model.state import GameState
    from game.rules.lexicon import Lexicon

MAX_CONSTANT = 1e12

_COMPARE: dict[type, tuple[str, Callable[[Any, Any], bool]]] = {
    ast.Lt: ("<", operator.lt),
    ast.LtE: ("≤", operator.le),
    ast.Gt: (">", operator.gt),
    ast.GtE: ("≥", operator.ge),
    ast.Eq: ("=", operator.eq),
    ast.NotEq: ("≠", operator.ne),
}
# A comparison with a constant on the right, the usual `relation(self, target) >= -35`,
# as one closure without a call for the constant or the operator.
_WITH_CONSTANT: dict[str, Callable[[Fn, Any], Fn]] = {
    "<": lambda f, c: lambda st, env: f(st, env) < c,
    "≤": lambda f, c: lambda st, env: f(st, env) <= c,
    ">": lambda f, c: lambda st, env: f(st, env) > c,
    "≥": lambda f, c: lambda st, env: f(st, env) >= c,
    "=": lambda f, c: lambda st, env: f(st, env) == c,
    "≠": lambda f, c: lambda st, env: f(st, env) != c,
}


def _divide(a: Any, b: Any) -> Any:
    """Return a / b; a division by zero gives 0."""
    return a / b if b else 0.0


# `a + 2`, `a * 0.5`, `a - 1` and `a / 4` as one closure, the operator in line (a constant
# divisor is never 0: the compiler refuses that).
_BY_CONSTANT: dict[Callable[[Any, Any], Any], Callable[[Fn, Any], Fn]] = {
    operator.add: lambda f, c: lambda st, env: f(st, env) + c,
    operator.sub: lambda f, c: lambda st, env: f(st, env) - c,
    operator.mul: lambda f, c: lambda st, env: f(st, env) * c,
    _divide: lambda f, c: lambda st, env: f(st, env) / c,
}
# `date >= "1922-04"`: the month compared in line.
_MONTH_AGAINST: dict[str, Callable[[int], Fn]] = {
    "<": lambda c: lambda st, env: st.month < c,
    "≤": lambda c: lambda st, env: st.month <= c,
    ">": lambda c: lambda st, env: st.month > c,
    "≥": lambda c: lambda st, env: st.month >= c,
    "=": lambda c: lambda st, env: st.month == c,
    "≠": lambda c: lambda st, env: st.month != c,
}
_ARITH: dict[type, tuple[str, Callable[[Any, Any], Any]]] = {
    ast.Add: ("+", operator.add),
    ast.Sub: ("−", operator.sub),
    ast.Mult: ("×", operator.mul),
    ast.Div: ("/", _divide),
}
_DATE_WORDS = {
    "≥": N_("from {month}"),
    ">": N_("after {month}"),
    "≤": N_("until {month}"),
    "<": N_("before {month}"),
    "=": N_("in {month}"),
    "≠": N_("not in {month}"),
}
_FLIP = {"≥": "≤", ">": "<", "≤": "≥", "<": ">", "=": "=", "≠": "≠"}

CLOCK: dict[str, tuple[Callable[[int], Fn], str, VType]] = {
    "year": (lambda last: lambda st, env: st.month // 12, N_("the year"), VType.NUMBER),
    "month": (lambda last: lambda st, env: st.month % 12 + 1, N_("the month"), VType.NUMBER),
    "turn": (lambda last: lambda st, env: st.turn, N_("the turn"), VType.NUMBER),
    "date": (lambda last: lambda st, env: st.month, N_("the date"), VType.DATE),
    "final": (lambda last: lambda st, env: st.month >= last, N_("the last turn"), VType.BOOL),
}


def finite(value: Any, seg: str) -> float | int:
    """Refuse a constant that is not a finite number within the language's range."""
    too_big = abs(value) > MAX_CONSTANT if isinstance(value, int) else not math.isfinite(value)
    if too_big or abs(value) > MAX_CONSTANT:
        words = _("{source} is out of range (limit {limit})")
        raise ExprError(words.format(source=quoted(seg[:40]), limit=f"±{MAX_CONSTANT:.0e}"))
    return value  # type: ignore[no-any-return]


def _joined(fns: list[Fn], conjunction: bool) -> Fn:
    """Return one function for `a and b and …` (or `or`), short-circuiting like Python."""
    if len(fns) == 1:
        (a,) = fns
        return lambda st, env: bool(a(st, env))
    if len(fns) == 2:
        a, b = fns
        if conjunction:
            return lambda st, env: bool(a(st, env) and b(st, env))
        return lambda st, env: bool(a(st, env) or b(st, env))
    if len(fns) == 3:
        a, b, c = fns
        if conjunction:
            return lambda st, env: bool(a(st, env) and b(st, env) and c(st, env))
        return lambda st, env: bool(a(st, env) or b(st, env) or c(st, env))
    every = tuple(fns)  # longer runs loop without a generator per call
    if conjunction:

        def all_of(st: GameState, env: Env) -> bool:
            for f in every:  # noqa: SIM110
                if not f(st, env):
                    return False
            return True

        return all_of

    def any_of(st: GameState, env: Env) -> bool:
        for f in every:  # noqa: SIM110
            if f(st, env):
                return True
        return False

    return any_of


def boolean(conjunction: bool, parts: list[Node], seg: str) -> Node:
    """Return `a and b …` or `a or b …`."""
    kind = "and" if conjunction else "or"
    return Node(
        fn=_joined([p.fn for p in parts], conjunction),
        src=seg,
        type=VType.BOOL,
        kind=kind,
        parts=parts,
        words=lambda st, env, lx: (_(" and ") if conjunction else _(" or ")).join(
            p.text(st, env, lx) for p in parts
        ),
    )


def _negated(inner: Node) -> Callable[[GameState, Env, Lexicon], str]:
    """Return the words of `not a`; a flag's sentence keeps its capital after a colon."""
    if inner.kind == "flag":  # not so: “French troops stand on the Rhine”
        return lambda st, env, lx: _("not so: “{flag}”").format(flag=inner.text(st, env, lx))
    return lambda st, env, lx: _("not {condition}").format(condition=inner.text(st, env, lx))


def unary(op: ast.unaryop, inner: Node, seg: str) -> Node:
    """Return `not a`, `-a` or `+a`."""
    f = inner.fn
    if isinstance(op, ast.Not):
        return Node(
            fn=lambda st, env: not f(st, env),
            src=seg,
            type=VType.BOOL,
            kind="not",
            parts=[inner],
            words=_negated(inner),
        )
    if inner.is_text:
        raise ExprError(_("{source} negates a country or text").format(source=quoted(seg)))
    if isinstance(op, ast.UAdd):
        return inner
    if not isinstance(op, ast.USub):
        raise ExprError(_("operator in {source} is not allowed").format(source=f"'{seg}'"))
    if inner.kind == "const":
        return const(-inner.constant, seg)
    return Node(
        fn=lambda st, env: -f(st, env),
        src=seg,
        kind="neg",
        parts=[inner],
        words=lambda st, env, lx: "−" + inner.text(st, env, lx),
    )


def arithmetic(op: ast.operator, left: Node, right: Node, seg: str) -> Node:
    """Return `a + b`, `a - b`, `a * b` or `a / b` (a run-time division by zero gives 0)."""
    found = _ARITH.get(type(op))
    if found is None:
        words = _("operator in {source} is not allowed (use + - * /)")
        raise ExprError(words.format(source=f"'{seg}'"))
    sign, impl = found
    if left.is_text or right.is_text:
        words = _("{source} does arithmetic on a country or text")
        raise ExprError(words.format(source=quoted(seg)))
    if sign == "/" and right.kind == "const" and right.constant == 0:
        raise ExprError(_("{source} divides by zero").format(source=quoted(seg)))
    if left.kind == "const" and right.kind == "const":
        return const(finite(impl(left.constant, right.constant), seg), seg)
    return Node(
        fn=_binary(impl, left, right),
        src=seg,
        kind="arith",
        parts=[left, right],
        op=sign,
        words=lambda st, env, lx: (
            f"{_operand(left, sign, False, st, env, lx)} {sign} "
            f"{_operand(right, sign, True, st, env, lx)}"
        ),
    )


_BINDING = {"+": 1, "−": 1, "×": 2, "/": 2}


def _operand(node: Node, sign: str, right: bool, st: Any, env: Any, lx: Any) -> str:
    """Return an operand's words, in brackets where the sum or product would read otherwise."""
    words = node.text(st, env, lx)
    if node.kind != "arith":
        return words
    inner, outer = _BINDING[str(node.op)], _BINDING[sign]
    if inner < outer or (right and inner == outer and sign in ("−", "/")):
        return f"({words})"
    return words


def _binary(impl: Callable[[Any, Any], Any], left: Node, right: Node) -> Fn:
    """Return `impl(left, right)` as one closure; a constant operand is read once, here."""
    lf, rf = left.fn, right.fn
    if right.steady:
        b = right.constant
        fold = _BY_CONSTANT.get(impl)
        if fold is not None:
            return fold(lf, b)
        return lambda st, env: impl(lf(st, env), b)
    if left.steady:
        a = left.constant
        return lambda st, env: impl(a, rf(st, env))
    return lambda st, env: impl(lf(st, env), rf(st, env))


def choice(test: Node, yes: Node, no: Node, seg: str) -> Node:
    """Return `yes if test else no`."""
    if yes.is_text != no.is_text:
        words = _("{source}: both branches must be numbers, or both countries or text")
        raise ExprError(words.format(source=quoted(seg)))
    tf, yf, nf = test.fn, yes.fn, no.fn
    return Node(
        fn=lambda st, env: yf(st, env) if tf(st, env) else nf(st, env),
        src=seg,
        type=yes.type,
        kind="ifexp",
        parts=[test, yes, no],
        words=lambda st, env, lx: _("{then} if {condition}, otherwise {otherwise}").format(
            then=yes.text(st, env, lx),
            condition=test.text(st, env, lx),
            otherwise=no.text(st, env, lx),
        ),
    )


def compare(op: ast.cmpop, left: Node, right: Node, seg: str) -> Node:
    """Return `a < b` and the other comparisons; dates compare with "YYYY-MM" strings."""
    found = _COMPARE.get(type(op))
    if found is None:
        raise ExprError(_("comparison in {source} is not allowed").format(source=f"'{seg}'"))
    sign, impl = found
    if VType.DATE in (left.type, right.type):
        return _date_compare(left, right, sign, impl, seg)
    if left.is_text != right.is_text or (left.is_text and sign not in ("=", "≠")):
        words = _(
            "{source} compares a country or text with a number; "
            "countries compare only with == and !="
        )
        raise ExprError(words.format(source=quoted(seg)))
    fn = _binary(impl, left, right)
    if right.steady:
        fn = _WITH_CONSTANT[sign](left.fn, right.constant)
    return Node(
        fn=fn,
        src=seg,
        type=VType.BOOL,
        kind="compare",
        parts=[left, right],
        op=sign,
        words=_compare_words(left, right, sign),
    )


def _compare_words(left: Node, right: Node, sign: str) -> Words:
    """Return how a comparison reads: countries and texts in words, numbers with their sign."""
    if not left.is_text:
        return lambda st, env, lx: f"{left.text(st, env, lx)} {sign} {right.text(st, env, lx)}"
    same = sign == "="
    return lambda st, env, lx: (
        _("{left} is {right}") if same else _("{left} is not {right}")
    ).format(left=left.text(st, env, lx), right=right.text(st, env, lx))


def _date_compare(
    left: Node, right: Node, sign: str, impl: Callable[[Any, Any], bool], seg: str
) -> Node:
    other = right if left.type is VType.DATE else left
    raw = other.constant if other.kind == "const" else None
    if not isinstance(raw, str):
        raise ExprError(_('compare date with a "YYYY-MM" string, e.g. date >= "1922-04"'))
    try:
        when = month_of(raw)
    except ValueError as exc:
        raise ExprError(str(exc)) from None
    key = sign if left.type is VType.DATE else _FLIP[sign]
    fn = _MONTH_AGAINST[key](when)
    pattern = _DATE_WORDS[key]
    moment = const(when, raw)
    return Node(
        fn=fn,
        src=seg,
        type=VType.BOOL,
        kind="datecmp",
        parts=[moment],
        op=key,
        words=lambda st, env, lx: _(pattern).format(month=month_in_phrase(when)),
    )
