"""Compiled conditions and values: each node computes itself and explains itself in words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from attrs import define, field

from game.locale import _
from game.rules.lexicon import fmt_num
from game.rules.types import Env, Fn, VType, Words

if TYPE_CHECKING:
    from game.model.state import GameState
    from game.rules.lexicon import Lexicon

TEXT_TYPES = (VType.COUNTRY, VType.TEXT)


@define(eq=False)
class Node:
    """A compiled condition or value: `fn` computes it, the rest explains it."""

    fn: Fn
    src: str
    type: VType = VType.NUMBER
    kind: str = "value"
    parts: list[Node] = field(factory=list)
    words: Words | None = None
    op: str = ""
    name: str = ""
    steady: bool = False  # the value never changes: a constant or a country's id

    def text(self, st: GameState, env: Env, lex: Lexicon) -> str:
        """Return the node in a player's words."""
        if self.words is not None:
            return self.words(st, env, lex)
        return self.src

    def holds(self, st: GameState, env: Env) -> bool:
        """Evaluate the node as a condition."""
        return bool(self.fn(st, env))

    def number(self, st: GameState, env: Env) -> float:
        """Evaluate the node as a finite number (non-numbers and NaN give 0)."""
        value = self.fn(st, env)
        try:
            return float(value) if value - value == 0 else 0.0  # NaN and ±inf give NaN
        except TypeError:
            return 0.0

    def explain(self, st: GameState, env: Env, lex: Lexicon) -> list[str]:
        """Return, for a false condition, each unmet requirement in words."""
        if self.fn(st, env):
            return []
        if self.kind == "and":
            return [r for part in self.parts for r in part.explain(st, env, lex)]
        if self.kind == "or":
            joined = _("; or ").join(p.text(st, env, lex) for p in self.parts)
            return [_("One of: {choices}").format(choices=joined)]
        if self.kind == "named":
            below = self.parts[0].explain(st, env, lex)
            if below:
                why = "; ".join(below)
                return [_("Requires {condition} ({why})").format(condition=self.name, why=why)]
            return [_("Requires {condition}").format(condition=self.name)]
        if self.kind == "compare":
            now = self.parts[0]
            if now.kind != "const":
                shown = show(now.fn(st, env), lex, st)
                words = self.text(st, env, lex)
                return [
                    _("Requires {condition} (now {value})").format(condition=words, value=shown)
                ]
        return [_("Requires {condition}").format(condition=self.text(st, env, lex))]

    def checklist(self, st: GameState, env: Env, lex: Lexicon) -> list[Check]:
        """Return the condition as a list of requirements, each with whether it holds now."""
        if self.kind == "and":
            return [c for part in self.parts for c in part.checklist(st, env, lex)]
        if self.kind == "named":
            return self.parts[0].checklist(st, env, lex)
        if self.kind == "const":
            return []
        measured = None
        if self.kind == "compare" and self.parts[0].kind != "const":
            measured = self.parts[0]
        return [Check(self.text(st, env, lex), self.holds(st, env), measured)]

    def atoms(self) -> list[Node]:
        """Return the smallest sub-conditions joined by and/or."""
        if self.kind in ("and", "or"):
            return [a for part in self.parts for a in part.atoms()]
        return [self]

    @property
    def is_text(self) -> bool:
        """True for nodes whose value is a country or a quoted string."""
        return self.type in TEXT_TYPES

    @property
    def constant(self) -> Any:
        """Return the value of a constant node (kind 'const', or any `steady` node)."""
        return self.fn(None, Env())  # type: ignore[arg-type]


@define(eq=False)
class Check:
    """One requirement of a condition: its words, whether it holds, the value it measures."""

    text: str
    met: bool
    measured: Node | None = None


def show(value: Any, lex: Lexicon, st: GameState | None = None) -> str:
    """Format a value as the UI formats it."""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int | float):
        return fmt_num(value)
    if isinstance(value, str):
        return lex.country(value, st)
    return str(value)


def const(value: Any, src: str) -> Node:
    """Return a node that always yields one value."""
    kind = (
        VType.BOOL
        if isinstance(value, bool)
        else VType.TEXT
        if isinstance(value, str)
        else VType.NUMBER
    )
    return Node(
        fn=lambda st, env: value,
        src=src,
        type=kind,
        kind="const",
        steady=True,
        words=lambda st, env, lex: show(value, lex),
    )


def fixed(text: str) -> Words:
    """Return words that never change."""
    return lambda st, env, lex: text


def said(text: str) -> Words:
    """Return words marked for translation, in the language shown at the time."""
    return lambda st, env, lex: _(text)


TRUE = const(True, "True")
