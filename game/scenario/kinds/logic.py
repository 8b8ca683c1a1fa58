"""Conditions that can never hold: bounds, dates and parts of one `and` that contradict."""

from __future__ import annotations

import math
from collections.abc import Iterator

from game.locale import _
from game.rules.lexicon import fmt_month
from game.rules.nodes import Node
from game.scenario.build import Build

# low, low excluded, high, high excluded
Span = tuple[float, bool, float, bool]
ANY: Span = (-math.inf, False, math.inf, False)
_FLIP = {"<": ">", "≤": "≥", ">": "<", "≥": "≤", "=": "=", "≠": "≠"}


def _span(op: str, c: float) -> Span | None:
    """Return the values `x OP c` allows (None for ≠, which rules out a single point)."""
    return {
        "<": (-math.inf, False, c, True),
        "≤": (-math.inf, False, c, False),
        ">": (c, True, math.inf, False),
        "≥": (c, False, math.inf, False),
        "=": (c, False, c, False),
    }.get(op)


def _meet(a: Span, b: Span) -> Span:
    low, low_open = max((a[0], a[1]), (b[0], b[1]))
    high, high_open = min((a[2], not a[3]), (b[2], not b[3]))
    return (low, low_open, high, not high_open)


def _empty(s: Span) -> bool:
    return s[0] > s[2] or (s[0] == s[2] and (s[1] or s[3]))


class Bounds:
    """What each kind of value can be in one scenario, and how to say so."""

    def __init__(self, b: Build) -> None:
        self.b = b
        self.years = (b.start // 12, b.end // 12)

    def domain(self, node: Node) -> tuple[Span, str] | None:
        """Return the range a value node can take, and its words; None when unknown."""
        m, lex = self.b.m, self.b.lex
        table = {"stat": m.stats, "global": m.globals}.get(node.kind)
        if table is not None and node.name in table:
            sd = table[node.name]
            words = _("{name} runs from {low} to {high}")
            return (sd.min, False, sd.max, False), words.format(
                name=sd.name, low=f"{sd.min:g}", high=f"{sd.max:g}"
            )
        if node.kind == "relation":
            low, high = lex.relation_bounds
            words = _("relations run from {low} to {high}").format(low=f"{low:g}", high=f"{high:g}")
            return (low, False, high, False), words
        if node.kind == "clock" and node.name == "year":
            first, last = self.years
            words = _("the scenario runs from {first} to {last}").format(first=first, last=last)
            return (first, False, last, False), words
        if node.kind == "clock" and node.name == "month":
            return (1, False, 12, False), _("months run from 1 to 12")
        return None

    def atom(self, node: Node) -> tuple[str, Span, tuple[Span, str]] | None:
        """Return (value, allowed span, its domain) of a comparison with a constant."""
        if node.kind == "datecmp":
            month = node.parts[0].constant
            span = _span(node.op, month)
            words = _("the scenario runs from {first} to {last}").format(
                first=fmt_month(self.b.start), last=fmt_month(self.b.end)
            )
            whole = (self.b.start, False, self.b.end, False)
            return ("date", span, (whole, words)) if span else None
        if node.kind != "compare" or len(node.parts) != 2:
            return None
        left, right = node.parts
        op = node.op
        if left.kind == "const" and right.kind != "const":
            left, right, op = right, left, _FLIP[op]
        found = self.domain(left)
        if found is None or right.kind != "const" or isinstance(right.constant, str | bool):
            return None
        span = _span(op, float(right.constant))
        return (left.src, span, found) if span else None


def _conjuncts(node: Node) -> list[Node]:
    if node.kind == "and":
        return [c for part in node.parts for c in _conjuncts(part)]
    return [node]


def _clash(bounds: Bounds, parts: list[Node]) -> str | None:
    """Return words for two parts of one `and` that cannot both hold."""
    seen: dict[str, tuple[Span, Node]] = {}
    flags: dict[tuple[str, bool], Node] = {}
    for part in parts:
        negated = part.kind == "not" and part.parts[0].kind == "flag"
        if part.kind == "flag" or negated:
            inner = part.parts[0] if negated else part
            other = flags.get((inner.src, not negated))
            if other is not None:
                return _both(other.src, part.src)
            flags[(inner.src, negated)] = part
        found = bounds.atom(part)
        if found is None:
            continue
        key, span, (whole, _words) = found
        before = seen.get(key)
        joined = _meet(before[0] if before else whole, span)
        if _empty(joined):
            if before is not None:
                return _both(before[1].src, part.src)
            continue
        seen[key] = (joined, before[1] if before else part)
    return None


def _both(first: str, second: str) -> str:
    words = _("{first} and {second} cannot both hold")
    return words.format(first=f"'{first}'", second=f"'{second}'")


def _nodes(node: Node) -> Iterator[Node]:
    """Yield a condition and its parts, not descending into named conditions."""
    yield node
    if node.kind != "named":
        for part in node.parts:
            yield from _nodes(part)


def never(bounds: Bounds, node: Node) -> list[str]:
    """Return why a condition, or a part of it, can never hold."""
    out: list[str] = []
    for sub in _nodes(node):
        found = bounds.atom(sub)
        if found is not None:
            _value, span, (whole, words) = found
            if _empty(_meet(whole, span)):
                out.append(
                    _("{part} can never hold: {reason}").format(part=f"'{sub.src}'", reason=words)
                )
        elif sub.kind == "and":
            clash = _clash(bounds, _conjuncts(sub))
            if clash:
                out.append(clash)
    return out
