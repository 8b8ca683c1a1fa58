"""The regions and sites of the Rapallo scenarios' maps, for build_maps.py."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from map_cuts import (  # run as a script: this folder is on the path
    BESSARABIA,
    BOHEMIA_MORAVIA,
    BUKOVINA,
    CRIMEA,
    DANZIG,
    DODECANESE,
    EAST_PRUSSIA,
    ESTONIA_GAIN,
    FINLAND_GAIN,
    GERMAN_EAST,
    HATAY,
    ITALY_EAST,
    LATVIA_GAIN,
    MEMEL,
    POLISH_CORRIDOR,
    RHINELAND,
    RUHR,
    SAAR,
    SOUTH_DOBRUJA,
    SOUTH_RUSSIA,
    UPPER_SILESIA,
    VILNIUS,
    WEST_OF_RIGA,
    ZAKARPATTIA,
    LonLat,
)

RAPALLO = "rapallo"
PACT = "pact"
SCENARIOS = (RAPALLO, PACT)

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
