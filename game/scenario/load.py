"""Load a scenario folder: structure every file, merge, check meaning, compile expressions."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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
    StatDef,
)
from game.paths import scenarios_dir
from game.scenario.compiled import Action, Ending, Event, Modifier, Option, Scenario, Site
from game.scenario.effects import Effect
from game.scenario.errors import Problem, ScenarioError, suggest
from game.scenario.expr import Compiler, ExprError, Node
from game.scenario.lexicon import Lexicon, month_of
from game.scenario.lines import find_line
from game.scenario.structure import structure_file

MAX_FILES = 64
MAX_FILE_BYTES = 4_000_000
MAX_TOTAL_BYTES = 16_000_000
MAX_ITEMS = 5_000
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_TARGET = re.compile(r"\btarget\b")
_ORDER = re.compile(r"^order\s*=\s*(-?\d+)", re.M)
_RESERVED = {"self", "target", "flag", "year", "month", "turn", "date", "final", "True", "False"}


def resolve(name: str | Path) -> Path:
    """Turn a bundled scenario id or a folder path into a folder."""
    path = Path(name)
    if path.is_dir():
        return path
    bundled = scenarios_dir() / str(name)
    if bundled.is_dir():
        return bundled
    return path


def bundled_ids() -> list[str]:
    """Return the bundled scenario ids (folder names), the default (lowest `order`) first."""
    found = []
    for folder in sorted(scenarios_dir().iterdir()):
        path = folder / "scenario.toml"
        if path.is_file():
            match = _ORDER.search(path.read_text(encoding="utf-8", errors="replace"))
            found.append((int(match.group(1)) if match else 100, folder.name))
    return [name for _, name in sorted(found)]


class _Report:
    """Collects problems with their locations while the folder is checked."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.origins: dict[tuple[str, int], tuple[str, str, dict[str, int]]] = {}
        self.tables: dict[str, tuple[str, dict[str, int]]] = {}

    def at(self, kind: str, index: int, sub: str, message: str, severity: str = "error") -> None:
        file, prefix, lines = self.origins[(kind, index)]
        path = f"{prefix}.{sub}" if sub else prefix
        self.problems.append(Problem(file, find_line(lines, path), message, path, severity))

    def table(self, key: str, sub: str, message: str, severity: str = "error") -> None:
        file, lines = self.tables.get(key, ("scenario.toml", {}))
        path = f"{key}.{sub}" if sub else key
        self.problems.append(Problem(file, find_line(lines, path), message, path, severity))


def load_scenario(name: str | Path) -> Scenario:
    """Load, check and compile a scenario; raise ScenarioError listing every problem."""
    folder = resolve(name)
    report = _Report()
    if not folder.is_dir():
        known = bundled_ids() if scenarios_dir().is_dir() else []
        raise ScenarioError(
            [Problem(str(name), 0, f"no scenario folder here{suggest(str(name), known)}")]
        )
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise ScenarioError([Problem(str(folder), 0, "the folder holds no .toml files")])
    if len(files) > MAX_FILES:
        raise ScenarioError([Problem(str(folder), 0, f"more than {MAX_FILES} .toml files")])
    digest = hashlib.sha256()
    parsed: list[tuple[str, ScenarioFile, dict[str, int]]] = []
    total = 0
    for path in files:
        label = str(path)
        data = path.read_bytes()
        total += len(data)
        if len(data) > MAX_FILE_BYTES or total > MAX_TOTAL_BYTES:
            report.problems.append(
                Problem(
                    label,
                    0,
                    f"file too large (limit {MAX_FILE_BYTES} bytes, {MAX_TOTAL_BYTES} in all)",
                )
            )
            break
        digest.update(path.name.encode() + b"\0" + data + b"\0")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            report.problems.append(Problem(label, line, "file is not valid UTF-8 text"))
            continue
        structured, lines, problems = structure_file(label, text)
        report.problems.extend(problems)
        if structured is not None:
            parsed.append((label, structured, lines))
    if report.problems:
        raise ScenarioError(report.problems)
    scenario = _build(folder, digest.hexdigest(), parsed, report)
    errors = [p for p in report.problems if p.severity == "error"]
    if errors or scenario is None:
        raise ScenarioError(report.problems)
    return scenario


def _merge(
    parsed: list[tuple[str, ScenarioFile, dict[str, int]]], report: _Report
) -> dict[str, Any]:
    merged: dict[str, Any] = {
        k: [] for k in ("country", "region", "site", "action", "event", "modifier", "ending")
    }
    for key in ("stats", "globals", "flags"):
        merged[key] = {}
    for label, sf, lines in parsed:
        for key in ("scenario", "map", "relations"):
            value = getattr(sf, key)
            if value is None:
                continue
            if key in merged:
                first = report.tables[key][0]
                report.problems.append(
                    Problem(
                        label, find_line(lines, key), f"[{key}] is already defined in {first}", key
                    )
                )
                continue
            merged[key] = value
            report.tables[key] = (label, lines)
        for key in ("stats", "globals", "flags"):
            for ident, value in getattr(sf, key).items():
                if ident in merged[key]:
                    report.problems.append(
                        Problem(
                            label,
                            find_line(lines, f"{key}.{ident}"),
                            f"{key} '{ident}' is defined twice",
                            f"{key}.{ident}",
                        )
                    )
                merged[key][ident] = value
                report.tables.setdefault(f"{key}.{ident}", (label, lines))
            report.tables.setdefault(key, (label, lines))
        for key in ("country", "region", "site", "action", "event", "modifier", "ending"):
            for local, item in enumerate(getattr(sf, key)):
                report.origins[(key, len(merged[key]))] = (label, f"{key}[{local}]", lines)
                merged[key].append(item)
    return merged


def _build(
    folder: Path,
    content_hash: str,
    parsed: list[tuple[str, ScenarioFile, dict[str, int]]],
    report: _Report,
) -> Scenario | None:
    merged = _merge(parsed, report)
    total = sum(len(v) for v in merged.values() if isinstance(v, list | dict))
    if total > MAX_ITEMS:
        report.problems.append(Problem(str(folder), 0, f"more than {MAX_ITEMS} definitions"))
        return None
    meta: Meta | None = merged.get("scenario")
    mapdef: MapDef | None = merged.get("map")
    if meta is None:
        report.problems.append(
            Problem(str(folder / "scenario.toml"), 1, "no [scenario] table in any file", "scenario")
        )
    if mapdef is None:
        report.problems.append(
            Problem(str(folder / "map.toml"), 1, "no [map] table in any file", "map")
        )
    if meta is None or mapdef is None:
        return None
    relations: Relations = merged.get("relations") or Relations()
    stats: dict[str, StatDef] = merged["stats"]
    globals_: dict[str, StatDef] = merged["globals"]
    flags: dict[str, str] = merged["flags"]
    countries: list[CountryDef] = merged["country"]
    regions: list[RegionDef] = merged["region"]
    sites: list[SiteDef] = merged["site"]
    actions: list[ActionDef] = merged["action"]
    events: list[EventDef] = merged["event"]
    modifiers: list[ModifierDef] = merged["modifier"]
    endings: list[EndingDef] = merged["ending"]

    def ids(kind: str, items: list[Any]) -> dict[str, int]:
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            if not _ID.match(item.id) or item.id in _RESERVED:
                report.at(
                    kind,
                    i,
                    "id",
                    f"'{item.id}' is not a valid id (letters, digits, _; not a reserved word)",
                )
            if item.id in seen:
                report.at(kind, i, "id", f"duplicate {kind} id '{item.id}'")
            seen.setdefault(item.id, i)
        return seen

    country_ids = ids("country", countries)
    ids("region", regions)
    ids("site", sites)
    ids("action", actions)
    event_ids = ids("event", events)
    ids("modifier", modifiers)
    ids("ending", endings)
    for table, names in (("stats", stats), ("globals", globals_), ("flags", flags)):
        for ident in names:
            if not _ID.match(ident) or ident in _RESERVED:
                report.table(f"{table}.{ident}", "", f"'{ident}' is not a valid id")
    for ident in set(globals_) & set(country_ids):
        report.table(f"globals.{ident}", "", f"global '{ident}' has the same id as a country")
    for table, names in (("stats", stats), ("globals", globals_)):
        for ident, sd in names.items():
            if sd.min > sd.max or not sd.min <= sd.default <= sd.max:
                report.table(f"{table}.{ident}", "", "needs min ≤ default ≤ max")

    def at(kind: str, i: int, sub: str) -> Callable[[str], None]:
        return lambda message: report.at(kind, i, sub, message)

    def tab(key: str, sub: str) -> Callable[[str], None]:
        return lambda message: report.table(key, sub, message)

    def date(value: str, where: Callable[[str], None]) -> int | None:
        try:
            return month_of(value)
        except ValueError as exc:
            where(str(exc))
            return None

    start = date(meta.start, tab("scenario", "start"))
    end = date(meta.end, tab("scenario", "end"))
    if start is None or end is None:
        return None
    if end < start:
        report.table("scenario", "end", "the scenario ends before it starts")
    if not 1 <= meta.months_per_turn <= 12:
        report.table("scenario", "months_per_turn", "months_per_turn must be 1 to 12")
    if (end - start) // max(meta.months_per_turn, 1) > 2000:
        report.table("scenario", "end", "more than 2000 turns")

    def country(cid: str, where: Callable[[str], None]) -> None:
        if cid not in country_ids:
            where(f"unknown country '{cid}'{suggest(cid, country_ids)}")

    def known_country(cid: str, kind: str, i: int, sub: str) -> None:
        if cid not in country_ids:
            report.at(kind, i, sub, f"unknown country '{cid}'{suggest(cid, country_ids)}")

    for i, cid in enumerate(meta.playable):
        country(cid, tab("scenario", f"playable[{i}]"))
    if not meta.playable:
        report.table("scenario", "playable", "name at least one playable country")
    if meta.default_country:
        country(meta.default_country, tab("scenario", "default_country"))
    for key, known in (("key_stats", stats), ("key_globals", globals_)):
        for name in getattr(meta, key):
            if name not in known:
                report.table("scenario", key, f"unknown {key[4:-1]} '{name}'{suggest(name, known)}")
    for i, rel in enumerate(relations.initial):
        for side in ("a", "b"):
            country(
                getattr(rel, side),
                tab("relations", f"initial[{i}].{side}"),
            )
    if (
        len(mapdef.extent) != 4
        or mapdef.extent[0] >= mapdef.extent[2]
        or mapdef.extent[1] >= mapdef.extent[3]
    ):
        report.table("map", "extent", "extent is [lon_min, lat_min, lon_max, lat_max]")
    if mapdef.projection not in ("mercator", "equirectangular"):
        report.table("map", "projection", "projection is 'mercator' or 'equirectangular'")

    for i, c in enumerate(countries):
        for key in ("color", "border"):
            value = getattr(c, key)
            if value and not _COLOUR.match(value):
                report.at("country", i, key, f"'{value}' is not a colour like \"#a1b2c3\"")
        for j, stripe in enumerate(c.flag.stripes):
            if not _COLOUR.match(stripe):
                report.at("country", i, f"flag.stripes[{j}]", f"'{stripe}' is not a colour")
        if len(c.capital) != 2:
            report.at("country", i, "capital", "capital is [lon, lat]")
        for j, stat in enumerate(c.key_stats):
            if stat not in stats:
                report.at(
                    "country", i, f"key_stats[{j}]", f"unknown stat '{stat}'{suggest(stat, stats)}"
                )
        for stat in c.stats:
            if stat not in stats:
                report.at(
                    "country", i, f"stats.{stat}", f"unknown stat '{stat}'{suggest(stat, stats)}"
                )
        tables: tuple[tuple[str, dict[str, Any]], ...] = (
            ("stats", stats),
            ("globals", globals_),
            ("flags", flags),
        )
        for key, known in tables:
            for name in getattr(c.ai, key):
                if name not in known:
                    report.at(
                        "country",
                        i,
                        f"ai.{key}.{name}",
                        f"unknown {key.rstrip('s')} '{name}'{suggest(name, known)}",
                    )
        for name in c.ai.relations:
            if name != "*":
                country(name, at("country", i, f"ai.relations.{name}"))
    for i, r in enumerate(regions):
        known_country(r.owner, "region", i, "owner")
        if not r.polygons:
            report.at("region", i, "polygons", "a region needs at least one polygon")
        for j, ring in enumerate(r.polygons):
            if len(ring) < 3:
                report.at("region", i, f"polygons[{j}]", "a polygon needs at least three points")
            if any(len(pt) != 2 for pt in ring):
                report.at("region", i, f"polygons[{j}]", "points are [lon, lat] pairs")
    lex = Lexicon(
        countries={c.id: c.name for c in countries},
        adjectives={c.id: c.adjective or c.name for c in countries},
        stats=stats,
        globals=globals_,
        flags=flags,
        regions={r.id: r.name for r in regions},
        actions={a.id: a.name for a in actions},
        events={e.id: e.title for e in events},
        event_country={e.id: e.country for e in events},
        options={e.id: {o.id: o.text for o in e.options if o.id} for e in events},
        modifiers={m.id: m.name for m in modifiers},
        modifier_duration={m.id: m.duration for m in modifiers},
        endings={e.id: e.title for e in endings},
        tags={},
        relation_default=relations.default,
        relation_bounds=(relations.min, relations.max),
        last_month=end,
    )
    for a in actions:
        for tag in a.tags:
            lex.tags.setdefault(tag, set()).add(a.id)
    comp = Compiler(lex)

    def cond(
        kind: str, i: int, sub: str, src: str, value: bool = False, targeted: bool = False
    ) -> Node:
        if not targeted and _TARGET.search(src):
            report.at(
                kind, i, sub, f"in '{src}': `target` exists only in actions that have a target"
            )
            return comp.condition("")
        try:
            return comp.value(src) if value else comp.condition(src)
        except ExprError as exc:
            report.at(kind, i, sub, f"in '{src}': {exc}")
            return comp.condition("")

    def effs(kind: str, i: int, sub: str, lines: list[str], targeted: bool = False) -> list[Effect]:
        out = []
        for j, src in enumerate(lines):
            if not targeted and _TARGET.search(src):
                report.at(
                    kind,
                    i,
                    f"{sub}[{j}]",
                    f"in '{src}': `target` exists only in actions that have a target",
                )
                continue
            try:
                out.append(comp.effect(src))
            except ExprError as exc:
                report.at(kind, i, f"{sub}[{j}]", f"in '{src}': {exc}")
        return out

    c_sites = {}
    for i, s in enumerate(sites):
        ext = mapdef.extent
        if len(ext) == 4 and not (ext[0] <= s.lon <= ext[2] and ext[1] <= s.lat <= ext[3]):
            report.at("site", i, "lon", "the site lies outside the map extent", "warning")
        c_sites[s.id] = Site(s, cond("site", i, "when", s.when))

    c_mods = {}
    for i, m in enumerate(modifiers):
        for j, cid in enumerate(m.standing):
            known_country(cid, "modifier", i, f"standing[{j}]")
        c_mods[m.id] = Modifier(m, effs("modifier", i, "effects", m.effects))
        lex.modifier_effects[m.id] = c_mods[m.id].effects

    triggered: set[str] = set()
    for e in events:
        for o in e.options:
            triggered.update(f.event for f in o.follow)
    for src in _all_effects(actions, events, modifiers):
        match = re.match(r"\s*trigger\(\s*([A-Za-z0-9_]+)", src)
        if match:
            triggered.add(match.group(1))

    c_actions = {}
    for i, a in enumerate(actions):
        for j, cid in enumerate(a.actors):
            known_country(cid, "action", i, f"actors[{j}]")
        if not a.actors:
            report.at("action", i, "actors", "name at least one actor")
        if a.target is not None:
            for j, cid in enumerate(a.target.countries):
                country(cid, at("action", i, f"target.countries[{j}]"))
        if a.site and a.site not in c_sites:
            report.at("action", i, "site", f"unknown site '{a.site}'{suggest(a.site, c_sites)}")
        if a.cost < 0 or a.duration < 0 or a.cooldown < 0:
            report.at("action", i, "cost", "cost, duration and cooldown cannot be negative")
        hist = None
        if a.historical_date:
            hist = date(a.historical_date, at("action", i, "historical_date"))
        if a.duration == 0 and (a.per_turn or a.on_complete):
            report.at("action", i, "duration", "per_turn and on_complete need a duration > 0")
        aimed = a.target is not None
        c_actions[a.id] = Action(
            a,
            cond("action", i, "when", a.when, targeted=aimed),
            cond("action", i, "target.when", a.target.when if a.target else "", targeted=True),
            effs("action", i, "effects", a.effects, aimed),
            effs("action", i, "per_turn", a.per_turn, aimed),
            effs("action", i, "on_complete", a.on_complete, aimed),
            hist,
        )
        if not (a.effects or a.per_turn or a.on_complete):
            report.at("action", i, "effects", "the action has no effects", "warning")

    c_events = {}
    for i, e in enumerate(events):
        known_country(e.country, "event", i, "country")
        window: list[int | None] = [None, None]
        for k, key in enumerate(("start", "end")):
            value = getattr(e, key)
            if value:
                window[k] = date(value, at("event", i, key))
                mo = window[k]
                if mo is not None and not start <= mo <= end:
                    report.at(
                        "event",
                        i,
                        key,
                        f"the date lies outside the scenario ({meta.start} to {meta.end})",
                    )
        if window[0] is not None and window[1] is not None and window[1] < window[0]:
            report.at("event", i, "end", "the event's window ends before it starts")
        if not 1 <= len(e.options) <= 4:
            report.at("event", i, "options", "an event needs one to four options")
        seen: set[str] = set()
        opts = []
        for j, o in enumerate(e.options):
            oid = o.id or f"option{j + 1}"
            if oid in seen:
                report.at("event", i, f"options[{j}].id", f"duplicate option id '{oid}'")
            seen.add(oid)
            for k, f in enumerate(o.follow):
                if f.event not in event_ids:
                    report.at(
                        "event",
                        i,
                        f"options[{j}].follow[{k}].event",
                        f"unknown event '{f.event}'{suggest(f.event, event_ids)}",
                    )
            opts.append(
                Option(
                    o,
                    oid,
                    cond("event", i, f"options[{j}].when", o.when),
                    effs("event", i, f"options[{j}].effects", o.effects),
                )
            )
        if isinstance(e.chance, str):
            chance = cond("event", i, "chance", e.chance, value=True)
        else:
            if not 0 <= e.chance <= 1:
                report.at("event", i, "chance", "chance is a probability from 0 to 1")
            chance = comp.value(f"{float(e.chance):.6f}")
        if e.triggered_only and e.id not in triggered:
            report.at(
                "event",
                i,
                "triggered_only",
                "nothing triggers this event (no trigger() or follow names it)",
                "warning",
            )
        c_events[e.id] = Event(
            e, cond("event", i, "when", e.when), chance, window[0], window[1], opts
        )

    c_endings = []
    for i, en in enumerate(endings):
        for j, cid in enumerate(en.countries):
            known_country(cid, "ending", i, f"countries[{j}]")
        for cid in en.texts:
            known_country(cid, "ending", i, f"texts.{c}")
        c_endings.append(
            Ending(
                en,
                cond("ending", i, "when", en.when),
                cond("ending", i, "score", en.score, value=True),
                list(en.countries or meta.playable),
                {
                    cid: cond("ending", i, f"texts.{cid}.score", t.score, value=True)
                    for cid, t in en.texts.items()
                    if t.score
                },
            )
        )
    for cid in meta.playable:
        if not any(cid in en.countries and not en.d.early for en in c_endings):
            report.table(
                "scenario", "playable", f"no ending (early = false) applies to {cid}", "warning"
            )
    c_endings.sort(key=lambda en: -en.d.priority)
    if report.problems and any(p.severity == "error" for p in report.problems):
        return None
    return Scenario(
        meta=meta,
        path=folder,
        content_hash=content_hash,
        stats=stats,
        globals=globals_,
        flags=flags,
        relations=relations,
        countries={c.id: c for c in countries},
        map=mapdef,
        regions={r.id: r for r in regions},
        sites=c_sites,
        actions=c_actions,
        events=c_events,
        modifiers=c_mods,
        endings=c_endings,
        lex=lex,
        start_month=start,
        end_month=end,
        warnings=[str(p) for p in report.problems if p.severity == "warning"],
    )


def _all_effects(
    actions: list[ActionDef], events: list[EventDef], modifiers: list[ModifierDef]
) -> Iterator[str]:
    for a in actions:
        yield from (*a.effects, *a.per_turn, *a.on_complete)
    for e in events:
        for o in e.options:
            yield from o.effects
    for m in modifiers:
        yield from m.effects
