"""`map import`, `map export` and `map preview`: GeoJSON both ways and a picture of the map."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pygame
import pytest
from shapely.geometry import MultiPolygon, Polygon

from game.cli import main
from game.paths import scenarios_dir
from game.scenario.geojson import region_id
from game.scenario.load import load_scenario
from tests.helpers import MINI

TOLERANCE = 0.01


def _shape(rings: list[list[float]]) -> MultiPolygon:
    return MultiPolygon([Polygon(r) for r in rings]).buffer(0)


def test_export_then_import_reproduces_a_bundled_map(tmp_path: Path) -> None:
    folder = tmp_path / "rapallo"
    shutil.copytree(scenarios_dir() / "rapallo", folder)
    out = tmp_path / "regions.geojson"
    assert main(["map", "export", str(folder), "--out", str(out)]) == 0
    before = load_scenario(folder).regions
    args = ["map", "import", str(out), "--id-property", "id", "--scenario", str(folder)]
    assert main([*args, "--tolerance", str(TOLERANCE)]) == 0
    after = load_scenario(folder)
    assert after.warnings == []
    assert list(after.regions) == list(before)
    for rid, region in before.items():
        old, new = _shape(region.polygons), _shape(after.regions[rid].polygons)
        assert old.hausdorff_distance(new) <= TOLERANCE * 1.1, rid
        assert (region.name, region.owner) == (after.regions[rid].name, after.regions[rid].owner)


def _collection(*features: dict) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def _square(name: str, owner: str, lon: float, lat: float, size: float = 0.4) -> dict:
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
    return {
        "type": "Feature",
        "properties": {"NAME": name, "OWNER": owner},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def test_import_adds_new_regions_and_updates_known_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    source = tmp_path / "qgis.geojson"
    collection = _collection(
        _square("High Pass", "BRV", 2.0, 46.0, 0.5),
        _square("Far Hills", "CHR", 4.0, 44.0),
        {"type": "Feature", "properties": {"NAME": "Spot"}, "geometry": {"type": "Point"}},
    )
    source.write_text(json.dumps(collection), encoding="utf-8")
    args = ["map", "import", str(source), "--id-property", "NAME", "--owner-property", "OWNER"]
    assert main([*args, "--name-property", "NAME", "--scenario", str(folder)]) == 0
    printed = capsys.readouterr().out
    assert "feature 3: not a Polygon or MultiPolygon; skipped" in printed
    assert "Wrote 2 region(s)" in printed
    sc = load_scenario(folder)
    assert sc.regions["far_hills"].owner == "CHR"
    assert sc.regions["high_pass"].owner == "BRV"
    assert sc.regions["high_pass"].polygons == [
        [[2.0, 46.0], [2.5, 46.0], [2.5, 46.5], [2.0, 46.5]]
    ]
    assert len(sc.regions) == 5 and sc.sites["old_fort"].d.lon == 2.2


def test_import_refuses_what_is_not_a_feature_collection(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    source = tmp_path / "bad.geojson"
    source.write_text('{"type": "Feature"}', encoding="utf-8")
    args = ["map", "import", str(source), "--id-property", "id", "--scenario", str(folder)]
    assert main(args) == 2
    assert "expected a GeoJSON FeatureCollection" in capsys.readouterr().err
    assert (folder / "map.toml").read_text() == (MINI / "map.toml").read_text()


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Upper Silesia", "upper_silesia"), ("Ost-Preußen", "ost_preu_en"), (12, "r_12")],
    ids=["spaces", "accents", "number"],
)
def test_property_values_become_ids(value: object, expected: str) -> None:
    assert region_id(value) == expected


def test_preview_draws_the_map_with_region_ids(tmp_path: Path) -> None:
    out = tmp_path / "map.png"
    assert main(["map", "preview", str(MINI), "--out", str(out), "--width", "400"]) == 0
    image = pygame.image.load(str(out))
    assert image.get_size() == (400, 1000)
    sea = pygame.Color(load_scenario(MINI).map.sea)
    colours = {tuple(image.get_at((x, 500)))[:3] for x in range(0, 400, 10)}
    assert len(colours - {tuple(sea)[:3]}) >= 2  # regions are drawn over the sea


def test_rounding_that_crosses_a_ring_drops_the_vertex_but_a_touching_ring_is_kept() -> None:
    from shapely.geometry import Polygon as P

    from game.scenario.geojson import uncross

    crossed = [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [1.0, -0.5], [0.0, 2.0]]
    fixed = uncross(crossed)
    assert len(fixed) == 4 and P(fixed).is_valid
    # A square with a lake joined by a zero-width cut touches itself; it stays as it is.
    lake = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 2], [1, 2], [1, 3], [2, 3], [2, 2], [0, 2]]
    assert uncross([[float(x), float(y)] for x, y in lake]) == [
        [float(x), float(y)] for x, y in lake
    ]
