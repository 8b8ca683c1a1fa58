"""Merge the structured files of a scenario folder into one set of definitions."""

from __future__ import annotations

from typing import Any

from attrs import define, field

from game.locale import _
from game.model.defs import (
    ActionDef,
    CountryDef,
    EndingDef,
    EventDef,
    MapDef,
    Meta,
    ModifierDef,
    RegionDef,
    Relations,
    ScenarioFile,
    SiteDef,
    StrategyDef,
    TreatyDef,
)
from game.scenario.errors import Problem
from game.scenario.lines import find_line
from game.scenario.report import Report

LISTS = ("country", "region", "site", "action", "event", "modifier", "ending", "treaty", "strategy")
TABLES = ("stats", "globals", "flags", "categories", "conditions", "effect_groups")
SINGLE = ("scenario", "map", "relations")


@define
class Merged:
    """Every definition of a scenario folder, in file order."""

    scenario: Meta | None = None
    map: MapDef | None = None
    relations: Relations | None = None
    stats: dict[str, Any] = field(factory=dict)
    globals: dict[str, Any] = field(factory=dict)
    flags: dict[str, Any] = field(factory=dict)
    categories: dict[str, Any] = field(factory=dict)
    conditions: dict[str, Any] = field(factory=dict)
    effect_groups: dict[str, Any] = field(factory=dict)
    country: list[CountryDef] = field(factory=list)
    region: list[RegionDef] = field(factory=list)
    site: list[SiteDef] = field(factory=list)
    action: list[ActionDef] = field(factory=list)
    event: list[EventDef] = field(factory=list)
    modifier: list[ModifierDef] = field(factory=list)
    ending: list[EndingDef] = field(factory=list)
    treaty: list[TreatyDef] = field(factory=list)
    strategy: list[StrategyDef] = field(factory=list)

    def size(self) -> int:
        """Return how many definitions there are in all."""
        return sum(len(getattr(self, k)) for k in (*LISTS, *TABLES))


def merge(parsed: list[tuple[str, ScenarioFile, dict[str, int]]], report: Report) -> Merged:
    """Merge files; a table defined twice is a located error naming the first file."""
    out = Merged()
    for label, sf, lines in parsed:
        for key in SINGLE:
            value = getattr(sf, key)
            if value is None:
                continue
            if getattr(out, key) is not None:
                file, where = report.tables[key]
                first = f"{file}:{find_line(where, key)}"
                message = _("[{key}] is already defined at {first}").format(key=key, first=first)
                report.problems.append(Problem(label, find_line(lines, key), message, key))
                continue
            setattr(out, key, value)
            report.tables[key] = (label, lines)
        for key in TABLES:
            known = getattr(out, key)
            for ident, value in getattr(sf, key).items():
                path = f"{key}.{ident}"
                if ident in known:
                    file, where = report.tables[path]
                    first = f"{file}:{find_line(where, path)}"
                    message = _("{key} {id} is defined twice (first at {first})").format(
                        key=key, id=f"'{ident}'", first=first
                    )
                    report.problems.append(Problem(label, find_line(lines, path), message, path))
                known[ident] = value
                report.tables.setdefault(path, (label, lines))
            report.tables.setdefault(key, (label, lines))
        for key in LISTS:
            items = getattr(out, key)
            for local, item in enumerate(getattr(sf, key)):
                report.origins[(key, len(items))] = (label, f"{key}[{local}]", lines)
                items.append(item)
    return out
