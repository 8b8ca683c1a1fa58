"""Write a scenario's map file ([map], [[region]], [[site]]) with regions from outside."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from shapely.geometry import MultiPolygon, Point, Polygon

from game.locale import _
from game.scenario.geojson import MapFileError, Outline

MAP_KEYS = {"map", "region", "site"}
MAX_FILE = 16_000_000


def _value(v: Any) -> str:
    """Format a plain TOML value: text, number, boolean or a list of them."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    return json.dumps(str(v), ensure_ascii=False)


def _ring(ring: list[list[float]]) -> str:
    return ", ".join(f"{lon!r} {lat!r}" for lon, lat in ring)


def _region(r: dict[str, Any]) -> list[str]:
    lines = ["", "[[region]]"]
    lines += [f"{k} = {_value(r[k])}" for k in r if k != "polygons"]
    lines.append("polygons = [")
    for ring in r["polygons"]:
        lines.append(f"  {_value(ring)}," if isinstance(ring, str) else f"  '{_ring(ring)}',")
    return [*lines, "]"]


def find_map_file(folder: Path) -> tuple[Path | None, dict[str, Any]]:
    """Return the file holding [map] (None if there is none) and its data; refuse mixed files."""
    for path in sorted(folder.glob("*.toml")):
        if path.stat().st_size > MAX_FILE:
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            raise MapFileError(
                _("{path}: fix its TOML first (run validate)").format(path=path)
            ) from None
        if "map" in data:
            other = sorted(set(data) - MAP_KEYS)
            if other:
                text = _("{path} also holds {tables}; move them to another file first")
                raise MapFileError(text.format(path=path, tables=", ".join(other)))
            return path, data
        if "region" in data:
            raise MapFileError(
                _("{path} holds regions but not [map]; keep them with [map]").format(path=path)
            )
    return None, {}


def _label_fits(label: Any, rings: list[list[list[float]]]) -> bool:
    if not isinstance(label, list) or len(label) != 2:
        return False
    shape = MultiPolygon([Polygon(r) for r in rings]).buffer(0)
    return bool(shape.contains(Point(label)))


def merge_outlines(
    regions: list[dict[str, Any]], outlines: list[Outline]
) -> tuple[list[dict[str, Any]], list[str]]:
    """Update regions with the same id and add the others; return them and notes."""
    by_id = {r.get("id"): r for r in regions}
    notes = []
    for o in outlines:
        r = by_id.get(o.id)
        if r is None:
            r = {
                "id": o.id,
                "name": o.name or o.id.replace("_", " ").title(),
                "owner": o.owner or "",
            }
            regions.append(r)
            by_id[o.id] = r
            if not o.owner:
                notes.append(f"new region '{o.id}' has no owner yet: set owner = COUNTRY")
        else:
            r.update({k: v for k, v in (("name", o.name), ("owner", o.owner)) if v})
        r["polygons"] = o.rings
        if "label" in r and not _label_fits(r["label"], o.rings):
            del r["label"]
    kept = len(regions) - len(outlines)
    if kept > 0:
        notes.append(f"kept {kept} region(s) the GeoJSON file does not have")
    return regions, notes


def _extent(outlines: list[Outline]) -> list[float]:
    pts = [p for o in outlines for ring in o.rings for p in ring]
    lons, lats = [p[0] for p in pts], [p[1] for p in pts]
    return [min(lons) - 1, min(lats) - 1, max(lons) + 1, max(lats) + 1]


def write_map(folder: Path, outlines: list[Outline]) -> tuple[Path, list[str]]:
    """Write or update the folder's map file with the outlines; return it and notes."""
    path, data = find_map_file(folder)
    header: list[str] = []
    if path is None:
        path = folder / "map.toml"
        data = {"map": {"extent": _extent(outlines), "projection": "mercator"}}
    else:
        text = path.read_text(encoding="utf-8-sig")
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            header.append(line)
    regions, notes = merge_outlines(list(data.get("region", [])), outlines)
    lines = [*header, *([""] if header else []), "[map]"]
    lines += [f"{k} = {_value(v)}" for k, v in data["map"].items()]
    for r in regions:
        lines += _region(r)
    for site in data.get("site", []):
        lines += ["", "[[site]]", *(f"{k} = {_value(v)}" for k, v in site.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, notes
