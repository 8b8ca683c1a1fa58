"""Definitions that nothing uses: flags, modifiers, named conditions and effect groups."""

from __future__ import annotations

from game.model.defs import FlagDef
from game.rules.effects import Effect, SetFlag, StartModifier
from game.scenario.build import Build
from game.scenario.kinds.events import walk


def _flags(b: Build, reached: set[tuple[str, str]], effects: list[Effect]) -> None:
    set_by = {e.flag for e in walk(effects) if isinstance(e, SetFlag) and e.on}
    for name, value in b.m.flags.items():
        what = "per-country flag" if isinstance(value, FlagDef) and value.per_country else "flag"
        if ("flag", name) not in reached:
            message = f"nothing sets or reads {what} '{name}'"
        elif ("flag_read", name) in reached and name not in set_by:
            message = f"nothing sets {what} '{name}', so conditions on it never hold"
        else:
            continue
        b.report.table(f"flags.{name}", "", message, "warning")


def _modifiers(b: Build, effects: list[Effect]) -> None:
    started = {e.modifier for e in walk(effects) if isinstance(e, StartModifier)}
    for i, m in enumerate(b.m.modifier):
        if not m.standing and m.id not in started:
            message = f"nothing starts modifier '{m.id}' (no start_modifier() and no standing)"
            b.report.at("modifier", i, "id", message, "warning")


def check_unused(b: Build, effects: list[Effect]) -> None:
    """Warn of declared definitions that no key of the scenario uses."""
    reached = b.comp.uses.reached()
    _flags(b, reached, effects)
    _modifiers(b, effects)
    for table, kind, what in (
        ("conditions", "condition", "named condition"),
        ("effect_groups", "group", "effect group"),
    ):
        for name in getattr(b.m, table):
            if (kind, name) not in reached:
                b.report.table(f"{table}.{name}", "", f"nothing uses {what} '{name}'", "warning")
