"""The named points of the Rapallo scenarios' maps, for build_maps.py."""

from __future__ import annotations

from dataclasses import dataclass, field

from map_specs import PACT, RAPALLO, SCENARIOS  # run as a script: this folder is on the path


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
