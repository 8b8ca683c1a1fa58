"""[conditions] and [effect_groups]: each compiled where it is defined, cycles reported."""

from __future__ import annotations

from game.rules.compiler import Scope
from game.rules.errors import ExprError
from game.scenario.build import Build

ANYWHERE = Scope(targeted=True, iterating=True)


def check_named(b: Build) -> None:
    """Compile every named condition and effect group once, reporting at its definition."""
    for name in b.lex.conditions:
        try:
            with b.comp.within(ANYWHERE), b.comp.uses.owner(("condition", name)):
                b.comp.named(name)
        except ExprError as exc:
            b.report.table(f"conditions.{name}", "", str(exc))
    for name in b.lex.groups:
        try:
            with b.comp.uses.owner(("group", name)):
                b.effc.statement(f"{name}()", ANYWHERE)
        except ExprError as exc:
            b.report.table(f"effect_groups.{name}", "", str(exc))
