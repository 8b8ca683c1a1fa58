"""Ids and names: valid, unique, not clashing; the lexicon expressions are compiled against."""

from __future__ import annotations

import keyword
import re

from game.locale import N_, _
from game.model.defs import FlagDef, NamedCondition
from game.model.values import ID_PATTERN
from game.rules.compiler import RESERVED
from game.rules.lexicon import Lexicon
from game.rules.registry import EFFECTS, FUNCTIONS
from game.scenario.merge import LISTS, Merged
from game.scenario.report import Report


def reserved(name: str) -> bool:
    """True for words of the expression language (and Python's, which it is parsed as)."""
    return name in RESERVED or keyword.iskeyword(name)


def invalid(name: str) -> str:
    """Return why an id cannot be used, for a message."""
    if reserved(name):
        words = _("{id} is a word of the expression language and cannot be an id")
        return words.format(id=f"'{name}'")
    words = _("{id} is not a valid id (letters, digits and _, not starting with a digit)")
    return words.format(id=f"'{name[:80]}'")


def valid_id(name: str) -> bool:
    """True for letters, digits and _, not starting with a digit, not a reserved word."""
    return bool(re.fullmatch(ID_PATTERN, name)) and not reserved(name)


def check_ids(m: Merged, report: Report) -> None:
    """Report invalid and duplicate ids of every definition and table entry."""
    for kind in LISTS:
        seen: dict[str, int] = {}
        for i, item in enumerate(getattr(m, kind)):
            if not valid_id(item.id):
                report.at(kind, i, "id", invalid(item.id))
            if item.id in seen:
                first = report.where(kind, seen[item.id], "id")
                words = _("duplicate {kind} id {id} (first at {first})")
                report.at(kind, i, "id", words.format(kind=kind, id=f"'{item.id}'", first=first))
            seen.setdefault(item.id, i)
    for table in ("stats", "globals", "flags", "categories", "conditions", "effect_groups"):
        for ident in getattr(m, table):
            if not valid_id(ident):
                report.table(f"{table}.{ident}", "", invalid(ident))
    countries: set[str] = {c.id for c in m.country}
    for ident in set(m.globals) & countries:
        words = _("global {id} has the same id as a country").format(id=f"'{ident}'")
        report.table(f"globals.{ident}", "", words)
    for table in ("stats", "globals"):
        for ident, sd in getattr(m, table).items():
            if sd.min > sd.max or not sd.min <= sd.default <= sd.max:
                report.table(f"{table}.{ident}", "", _("needs min ≤ default ≤ max"))
    _check_clashes(m, report, countries)


def _check_clashes(m: Merged, report: Report, countries: set[str]) -> None:
    taken: dict[str, str] = {n: N_("a stat") for n in m.stats}
    taken.update({n: N_("a global") for n in m.globals})
    taken.update({n: N_("a country") for n in countries})
    taken.update({n: N_("a function") for n in FUNCTIONS})
    taken.update({n: N_("an effect") for n in EFFECTS})
    for table, words, what in _GROUPS:
        for ident in getattr(m, table):
            if ident in taken:
                message = _(words).format(id=f"'{ident}'", other=_(taken[ident]))
                report.table(f"{table}.{ident}", "", message)
        taken.update({n: what for n in getattr(m, table)})


_GROUPS = (
    (
        "conditions",
        N_("named condition {id} has the same name as {other}"),
        N_("a named condition"),
    ),
    ("effect_groups", N_("effect group {id} has the same name as {other}"), N_("an effect group")),
)


def _flag_name(value: str | FlagDef) -> str:
    return value if isinstance(value, str) else value.name


def _named(m: Merged) -> tuple[dict[str, str], dict[str, str]]:
    """Return the named conditions' sources and their display names."""
    sources, names = {}, {}
    for key, value in m.conditions.items():
        if isinstance(value, NamedCondition):
            sources[key] = value.when
            if value.name:
                names[key] = value.name
        else:
            sources[key] = value
    return sources, names


def _options(m: Merged) -> dict[str, dict[str, str]]:
    """Return each event's options by id (option1, option2, … where none is given)."""
    return {
        e.id: {o.id or f"option{j + 1}": o.text for j, o in enumerate(e.options)} for e in m.event
    }


def lexicon(m: Merged, last_month: int) -> Lexicon:
    """Return the names expressions may use."""
    rel = m.relations
    conditions, condition_names = _named(m)
    lex = Lexicon(
        countries={c.id: c.name for c in m.country},
        adjectives={c.id: c.adjective or c.name for c in m.country},
        stats=m.stats,
        globals=m.globals,
        flags={k: _flag_name(v) for k, v in m.flags.items()},
        regions={r.id: r.name for r in m.region},
        actions={a.id: a.name for a in m.action},
        actors={a.id: a.actors for a in m.action},
        events={e.id: e.title for e in m.event},
        event_country={e.id: e.country for e in m.event},
        options=_options(m),
        modifiers={mo.id: mo.name for mo in m.modifier},
        modifier_duration={mo.id: mo.duration for mo in m.modifier},
        endings={e.id: e.title for e in m.ending},
        treaties={t.id: t.name for t in m.treaty},
        per_country={k for k, v in m.flags.items() if isinstance(v, FlagDef) and v.per_country},
        conditions=conditions,
        condition_names=condition_names,
        groups=dict(m.effect_groups),
        relation_default=rel.default if rel else 0,
        relation_bounds=(rel.min, rel.max) if rel else (-100, 100),
        last_month=last_month,
    )
    for a in m.action:
        for tag in a.tags:
            lex.tags.setdefault(tag, set()).add(a.id)
    return lex
