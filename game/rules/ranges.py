"""The range a compiled value can take, from the bounds of the stats and globals it reads."""

from __future__ import annotations

from game.rules.lexicon import Lexicon
from game.rules.nodes import Node
from game.rules.types import Env, VType

Range = tuple[float, float]


def value_range(node: Node, lex: Lexicon, env: Env) -> Range | None:
    """Return the lowest and highest value a node can take; None when it cannot be told.

    Comparisons of countries (`self == X`) are decided for `env`; other conditions count as
    0 or 1, as arithmetic reads them.
    """
    kind = node.kind
    if kind == "const":
        value = node.constant
        return (float(value), float(value)) if isinstance(value, int | float) else None
    if kind in ("stat", "global"):
        table = lex.stats if kind == "stat" else lex.globals
        d = table.get(node.name)
        return (float(d.min), float(d.max)) if d is not None else None
    if kind == "relation":
        return lex.relation_bounds
    if node.type is VType.BOOL:
        return _truth(node, env)
    if kind == "neg":
        inner = value_range(node.parts[0], lex, env)
        return (-inner[1], -inner[0]) if inner is not None else None
    if kind == "ifexp":
        yes, no = (value_range(p, lex, env) for p in node.parts[1:])
        return (min(yes[0], no[0]), max(yes[1], no[1])) if yes and no else None
    if kind == "arith":
        left, right = (value_range(p, lex, env) for p in node.parts)
        return _combine(node.op, left, right) if left and right else None
    return None


def _truth(node: Node, env: Env) -> Range:
    """Return 0..1 for a condition, or its one value when it compares only countries."""
    if node.kind == "compare" and all(p.is_text for p in node.parts):
        try:
            value = float(bool(node.fn(None, env)))  # type: ignore[arg-type]
        except (AttributeError, KeyError, TypeError):
            return (0.0, 1.0)
        return (value, value)
    return (0.0, 1.0)


def _combine(op: str, a: Range, b: Range) -> Range | None:
    """Return the range of a OP b."""
    if op == "+":
        return (a[0] + b[0], a[1] + b[1])
    if op in ("-", "−"):
        return (a[0] - b[1], a[1] - b[0])
    if op in ("/", "÷") and b[0] <= 0 <= b[1]:
        return None
    corners = [x * y if op in ("*", "×") else x / y for x in (a[0], a[1]) for y in (b[0], b[1])]
    return (min(corners), max(corners))
