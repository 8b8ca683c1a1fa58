"""Checks on the generated map data of both scenarios (read with tomllib only)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from game.scenario.structure import parse_ring

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"

COMMON_REGIONS = {
    "germany",
    "east_prussia",
    "rhineland",
    "ruhr",
    "saar",
    "danzig",
    "memel",
    "upper_silesia",
    "polish_corridor",
    "poland",
    "russia",
    "ukraine",
    "belarus",
    "south_russia",
    "caucasus",
    "bessarabia",
    "britain",
    "france",
    "italy",
    "austria",
    "hungary",
    "yugoslavia",
    "romania",
    "bulgaria",
    "greece",
    "albania",
    "turkey",
    "belgium",
    "netherlands",
    "luxembourg",
    "switzerland",
    "spain",
    "portugal",
    "ireland",
    "denmark",
    "norway",
    "sweden",
    "finland",
    "estonia",
    "latvia",
    "lithuania",
}
REQUIRED_REGIONS = {
    "rapallo": COMMON_REGIONS | {"czechoslovakia", "western_belarus", "western_ukraine"},
    "pact": COMMON_REGIONS
    | {"sudetenland", "bohemia_moravia", "slovakia", "carpatho_ukraine", "eastern_poland"},
}
REQUIRED_SITES = {
    "rapallo": {
        "berlin",
        "moscow",
        "petrograd",
        "paris",
        "london",
        "rome",
        "warsaw",
        "lipetsk",
        "kazan",
        "fili",
        "volsk",
        "genoa",
        "rapallo",
        "locarno",
        "geneva",
        "munich",
        "hamburg",
        "essen",
        "riga",
        "danzig",
        "kronstadt",
    },
    "pact": {
        "munich",
        "prague",
        "vienna",
        "warsaw",
        "danzig",
        "memel",
        "madrid",
        "berlin",
        "moscow",
        "london",
        "paris",
        "rome",
        "geneva",
    },
}
INITIAL_OWNERS = {
    "rapallo": {
        "germany": "GER",
        "east_prussia": "GER",
        "rhineland": "GER",
        "ruhr": "GER",
        "saar": "LEA",
        "danzig": "DAN",
        "memel": "FRA",
        "upper_silesia": "GER",
        "polish_corridor": "POL",
        "russia": "SOV",
        "ukraine": "SOV",
        "belarus": "SOV",
        "south_russia": "WHT",
        "caucasus": "WHT",
        "western_belarus": "SOV",
        "western_ukraine": "SOV",
        "bessarabia": "ROM",
        "poland": "POL",
        "czechoslovakia": "CZE",
    },
    "pact": {
        "saar": "LEA",
        "memel": "LIT",
        "eastern_poland": "POL",
        "south_russia": "SOV",
        "caucasus": "SOV",
        "upper_silesia": "POL",
        "sudetenland": "CZE",
        "austria": "AUT",
        "danzig": "DAN",
        "bessarabia": "ROM",
    },
}


def load(scenario: str) -> dict[str, Any]:
    with (SCENARIOS / scenario / "map.toml").open("rb") as fh:
        return tomllib.load(fh)


def inside(extent: list[float], lon: float, lat: float) -> bool:
    return extent[0] <= lon <= extent[2] and extent[1] <= lat <= extent[3]


@pytest.fixture(params=["rapallo", "pact"])
def scenario(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_map_table(scenario: str) -> None:
    data = load(scenario)
    extent = data["map"]["extent"]
    assert len(extent) == 4 and extent[0] < extent[2] and extent[1] < extent[3]
    assert data["map"]["projection"] == "mercator"
    assert data["map"]["sea"].startswith("#") and len(data["map"]["sea"]) == 7
    assert inside(extent, 49.1, 55.8), "Kazan must be on the map"


def test_regions_are_well_formed(scenario: str) -> None:
    data = load(scenario)
    extent = data["map"]["extent"]
    frame = data["map"].get("frame", extent)
    assert inside(frame, extent[0], extent[1]) and inside(frame, extent[2], extent[3])
    for region in data["region"]:
        assert region["id"] == region["id"].lower()
        assert region["name"] and region["owner"]
        assert len(region["polygons"]) >= 1, region["id"]
        for raw in region["polygons"]:
            ring = parse_ring(raw) if isinstance(raw, str) else raw
            assert len(ring) >= 3, region["id"]
            for lon, lat in ring:
                assert inside(frame, lon, lat), (region["id"], lon, lat)
        if region.get("label"):
            assert inside(extent, *region["label"]), region["id"]


def test_required_regions_and_owners(scenario: str) -> None:
    regions = {r["id"]: r for r in load(scenario)["region"]}
    missing = REQUIRED_REGIONS[scenario] - set(regions)
    assert not missing, missing
    for rid, owner in INITIAL_OWNERS[scenario].items():
        assert regions[rid]["owner"] == owner, rid


def test_sites(scenario: str) -> None:
    data = load(scenario)
    extent = data["map"]["extent"]
    sites = {s["id"]: s for s in data["site"]}
    assert not REQUIRED_SITES[scenario] - set(sites)
    for site in data["site"]:
        assert inside(extent, site["lon"], site["lat"]), site["id"]
        assert site["name"] and site["description"]
        assert site.get("when", "") == ""
    if scenario == "rapallo":
        assert inside(extent, sites["kazan"]["lon"], sites["kazan"]["lat"])


def test_no_duplicate_ids(scenario: str) -> None:
    data = load(scenario)
    region_ids = [r["id"] for r in data["region"]]
    site_ids = [s["id"] for s in data["site"]]
    assert len(region_ids) == len(set(region_ids))
    assert len(site_ids) == len(set(site_ids))


def test_file_size(scenario: str) -> None:
    assert (SCENARIOS / scenario / "map.toml").stat().st_size < 400_000
