"""Scenario definitions as authors write them: frozen attrs classes, one per TOML table."""

from __future__ import annotations

from attrs import field, frozen


@frozen
class Meta:
    """The `[scenario]` table: what the scenario is and how its clock runs."""

    id: str
    title: str
    start: str
    end: str
    playable: list[str]
    summary: str = ""
    format: int = 1
    version: str = "1.0"
    author: str = ""
    months_per_turn: int = 3
    action_points: int = 2
    key_stats: list[str] = field(factory=list)
    key_globals: list[str] = field(factory=list)
    default_country: str = ""
    order: int = 100


@frozen
class StatDef:
    """A per-country stat or a global variable, with its bounds."""

    name: str
    description: str = ""
    min: float = 0
    max: float = 100
    default: float = 0


@frozen
class RelationInit:
    """A starting relation between two countries."""

    a: str
    b: str
    value: float


@frozen
class Relations:
    """The `[relations]` table: bounds, default and starting values of relations."""

    default: float = 0
    min: float = -100
    max: float = 100
    initial: list[RelationInit] = field(factory=list)


@frozen
class FlagDesign:
    """A simple flag: equal stripes of colours, horizontal or vertical."""

    stripes: list[str]
    orientation: str = "horizontal"


@frozen
class AIProfile:
    """Weights an AI country gives to stats, globals, relations and flags."""

    stats: dict[str, float] = field(factory=dict)
    globals: dict[str, float] = field(factory=dict)
    relations: dict[str, float] = field(factory=dict)
    flags: dict[str, float] = field(factory=dict)
    activity: float = 1.0


@frozen
class CountryDef:
    """A country: names, colours, flag, capital, starting stats and AI profile."""

    id: str
    name: str
    color: str
    capital: list[float]
    adjective: str = ""
    border: str = ""
    flag: FlagDesign = FlagDesign(stripes=["#808080"])
    stats: dict[str, float] = field(factory=dict)
    ai: AIProfile = AIProfile()
    description: str = ""


@frozen
class RegionDef:
    """A map region: one or more lon/lat polygons and the country that holds it."""

    id: str
    name: str
    owner: str
    polygons: list[list[list[float]]]
    label: list[float] = field(factory=list)


@frozen
class SiteDef:
    """A named point on the map; shown only while its condition holds."""

    id: str
    name: str
    lon: float
    lat: float
    description: str = ""
    when: str = ""


@frozen
class MapDef:
    """The `[map]` table: projection, extent (lon/lat box) and sea colour."""

    extent: list[float]
    projection: str = "mercator"
    sea: str = "#b8c8cc"


@frozen
class TargetDef:
    """Which countries an action may be aimed at."""

    countries: list[str] = field(factory=list)
    when: str = ""


@frozen
class ActionDef:
    """Something a country may do in its turn: a one-shot move or a multi-turn project."""

    id: str
    name: str
    actors: list[str]
    category: str = "domestic"
    description: str = ""
    target: TargetDef | None = None
    when: str = ""
    cost: int = 1
    effects: list[str] = field(factory=list)
    duration: int = 0
    per_turn: list[str] = field(factory=list)
    on_complete: list[str] = field(factory=list)
    once: bool = False
    cooldown: int = 0
    ai_weight: float = 1.0
    historical: bool = False
    historical_date: str = ""
    tags: list[str] = field(factory=list)
    site: str = ""
    history: str = ""


@frozen
class FollowUp:
    """An event that an option schedules, `delay` turns later."""

    event: str
    delay: int = 0


@frozen
class OptionDef:
    """One answer to an event."""

    text: str
    id: str = ""
    when: str = ""
    effects: list[str] = field(factory=list)
    ai_weight: float = 1.0
    historical: bool = False
    follow: list[FollowUp] = field(factory=list)


@frozen
class EventDef:
    """Something that happens to a country, with two to four options."""

    id: str
    title: str
    country: str
    text: str
    options: list[OptionDef]
    start: str = ""
    end: str = ""
    when: str = ""
    chance: float | str = 1.0
    once: bool = True
    triggered_only: bool = False
    history: str = ""
    rare: str = ""


@frozen
class ModifierDef:
    """A named, timed set of effects applied every turn while it runs."""

    id: str
    name: str
    effects: list[str] = field(factory=list)
    description: str = ""
    duration: int = 4


@frozen
class EndingText:
    """An ending's title and text for one country."""

    title: str = ""
    text: str = ""


@frozen
class EndingDef:
    """How a game may end for one or more countries, with a score."""

    id: str
    title: str
    when: str
    text: str = ""
    priority: int = 0
    early: bool = False
    countries: list[str] = field(factory=list)
    score: str = "0"
    texts: dict[str, EndingText] = field(factory=dict)
    epilogue: str = ""


@frozen
class ScenarioFile:
    """Everything one TOML file of a scenario folder may hold; files are merged after."""

    scenario: Meta | None = None
    map: MapDef | None = None
    stats: dict[str, StatDef] = field(factory=dict)
    globals: dict[str, StatDef] = field(factory=dict)
    flags: dict[str, str] = field(factory=dict)
    relations: Relations | None = None
    country: list[CountryDef] = field(factory=list)
    region: list[RegionDef] = field(factory=list)
    site: list[SiteDef] = field(factory=list)
    action: list[ActionDef] = field(factory=list)
    event: list[EventDef] = field(factory=list)
    modifier: list[ModifierDef] = field(factory=list)
    ending: list[EndingDef] = field(factory=list)
