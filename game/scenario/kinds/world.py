"""The scenario's frame: [scenario], [map], [relations], countries, regions and sites."""

from __future__ import annotations

from typing import Any

from game.locale import _
from game.model.defs import AIProfile
from game.rules.errors import unknown
from game.scenario.build import Build
from game.scenario.compiled import Description, Site

MAX_TURNS = 2000


def check_clock(b: Build) -> bool:
    """Check the scenario's dates and clock; False when they are unusable."""
    meta = b.m.scenario
    assert meta is not None
    start = b.date(meta.start, b.tab("scenario", "start"))
    end = b.date(meta.end, b.tab("scenario", "end"))
    if start is None or end is None:
        return False
    b.start, b.end = start, end
    if end < start:
        b.report.table("scenario", "end", _("the scenario ends before it starts"))
    if (end - start) // max(meta.months_per_turn, 1) > MAX_TURNS:
        message = _("more than {limit} turns").format(limit=MAX_TURNS)
        b.report.table("scenario", "end", message)
    return True


def check_meta(b: Build) -> None:
    """Check [scenario], [relations] and [map]."""
    meta, mapdef, report = b.m.scenario, b.m.map, b.report
    assert meta is not None and mapdef is not None
    for i, cid in enumerate(meta.playable):
        b.country(cid, b.tab("scenario", f"playable[{i}]"))
    if not meta.playable:
        report.table("scenario", "playable", _("name at least one playable country"))
    if meta.default_country:
        b.country(meta.default_country, b.tab("scenario", "default_country"))
    for key, known in (("key_stats", b.m.stats), ("key_globals", b.m.globals)):
        for name in getattr(meta, key):
            if name not in known:
                report.table("scenario", key, unknown(key[4:-1], name, known))
    for i, rel in enumerate(b.m.relations.initial if b.m.relations else []):
        for side in ("a", "b"):
            b.country(getattr(rel, side), b.tab("relations", f"initial[{i}].{side}"))
    ext = mapdef.extent
    if len(ext) != 4 or ext[0] >= ext[2] or ext[1] >= ext[3]:
        report.table("map", "extent", _("extent is [lon_min, lat_min, lon_max, lat_max]"))
    frame = mapdef.frame
    if frame and (
        len(frame) != 4
        or len(ext) != 4
        or any(frame[k] > ext[k] for k in (0, 1))
        or any(frame[k] < ext[k] for k in (2, 3))
    ):
        report.table(
            "map", "frame", _("frame is [lon_min, lat_min, lon_max, lat_max] round the extent")
        )


def check_countries(b: Build) -> None:
    """Check every country's stats and AI profile (colours and capital are checked as values)."""
    stats, report = b.m.stats, b.report
    for i, c in enumerate(b.m.country):
        if not c.color:
            report.at("country", i, "color", _("a country needs a map colour"))
        for j, stat in enumerate(c.key_stats):
            if stat not in stats:
                report.at("country", i, f"key_stats[{j}]", unknown("stat", stat, stats))
        for stat in c.stats:
            if stat not in stats:
                report.at("country", i, f"stats.{stat}", unknown("stat", stat, stats))
        check_profile(b, "country", i, "ai", c.ai)


def check_profile(b: Build, kind: str, i: int, key: str, ai: AIProfile) -> None:
    """Check an AI profile's stats, globals, flags and relations against the scenario."""
    tables: tuple[tuple[str, dict[str, Any]], ...] = (
        ("stats", b.m.stats),
        ("globals", b.m.globals),
        ("flags", b.m.flags),
    )
    for table, known in tables:
        for name in getattr(ai, table):
            if name not in known:
                message = unknown(table.rstrip("s"), name, known)
                b.report.at(kind, i, f"{key}.{table}.{name}", message)
    for name in ai.relations:
        if name != "*":
            b.country(name, b.at(kind, i, f"{key}.relations.{name}"))


def check_regions(b: Build) -> None:
    """Check every region's owner and polygons."""
    for i, r in enumerate(b.m.region):
        b.country(r.owner, b.at("region", i, "owner"))
        if not r.polygons:
            b.report.at("region", i, "polygons", _("a region needs at least one polygon"))
        for j, ring in enumerate(r.polygons):
            if len(ring) < 3:
                b.report.at(
                    "region", i, f"polygons[{j}]", _("a polygon needs at least three points")
                )
            if set(map(len, ring)) - {2}:
                b.report.at("region", i, f"polygons[{j}]", _("points are [lon, lat] pairs"))


def link_sites(b: Build) -> dict[str, Site]:
    """Check and compile the map's sites."""
    assert b.m.map is not None
    ext = b.m.map.extent
    out: dict[str, Site] = {}
    for i, s in enumerate(b.m.site):
        if len(ext) == 4 and not (ext[0] <= s.lon <= ext[2] and ext[1] <= s.lat <= ext[3]):
            b.report.at("site", i, "lon", _("the site lies outside the map extent"), "warning")
        out[s.id] = Site(s, b.cond("site", i, "when", s.when))
    return out


BUILT_IN_STRATEGIES = ("greedy", "random", "spam")


def check_strategies(b: Build) -> None:
    """Check every strategy's country (a playable one) and its profile."""
    meta = b.m.scenario
    assert meta is not None
    for i, s in enumerate(b.m.strategy):
        if s.country not in meta.playable:
            message = _("{id} is not a playable country").format(id=f"'{s.country}'")
            b.report.at("strategy", i, "country", message)
        if s.id in BUILT_IN_STRATEGIES:
            message = _("{id} is a built-in strategy's name").format(id=f"'{s.id}'")
            b.report.at("strategy", i, "id", message)
        check_profile(b, "strategy", i, "ai", s.ai)


def link_descriptions(b: Build) -> dict[str, Description]:
    """Compile every country's description and its later versions (`self`: the country)."""
    out: dict[str, Description] = {}
    for i, c in enumerate(b.m.country):
        text = b.text("country", i, "description", c.description)
        later = tuple(
            (
                b.cond("country", i, f"description_when[{j}].when", d.when),
                b.text("country", i, f"description_when[{j}].text", d.text),
            )
            for j, d in enumerate(c.description_when)
        )
        out[c.id] = Description(text, later)
    return out
