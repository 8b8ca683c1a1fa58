"""Definitions that nothing uses: flags, modifiers, named conditions and effect groups."""

from __future__ import annotations

from game.locale import N_, _
from game.model.defs import FlagDef
from game.rules.effects import Effect, SetFlag, StartModifier, walk
from game.scenario.build import Build


def _flags(b: Build, reached: set[tuple[str, str]], effects: list[Effect]) -> None:
    set_by = {e.flag for e in walk(effects) if isinstance(e, SetFlag) and e.on}
    for name, value in b.m.flags.items():
        each = isinstance(value, FlagDef) and value.per_country
        what = _("per-country flag") if each else _("flag")
        if ("flag", name) not in reached:
            words = _("nothing sets or reads {what} {id}")
        elif ("flag_read", name) in reached and name not in set_by:
            words = _("nothing sets {what} {id}, so conditions on it never hold")
        else:
            continue
        message = words.format(what=what, id=f"'{name}'")
        b.report.table(f"flags.{name}", "", message, "warning")


def _modifiers(b: Build, effects: list[Effect]) -> None:
    started = {e.modifier for e in walk(effects) if isinstance(e, StartModifier)}
    for i, m in enumerate(b.m.modifier):
        if not m.standing and m.id not in started:
            words = _("nothing starts modifier {id} (no start_modifier() and no standing)")
            message = words.format(id=f"'{m.id}'")
            b.report.at("modifier", i, "id", message, "warning")


def check_unused(b: Build, effects: list[Effect]) -> None:
    """Warn of declared definitions that no key of the scenario uses."""
    reached = b.comp.uses.reached()
    _flags(b, reached, effects)
    _modifiers(b, effects)
    for table, kind, words in (
        ("conditions", "condition", N_("nothing uses named condition {id}")),
        ("effect_groups", "group", N_("nothing uses effect group {id}")),
    ):
        for name in getattr(b.m, table):
            if (kind, name) not in reached:
                message = _(words).format(id=f"'{name}'")
                b.report.table(f"{table}.{name}", "", message, "warning")
