"""Scenario definitions as authors write them: frozen attrs classes, one per TOML table."""

from __future__ import annotations

from attrs import field, frozen


@frozen
class Meta:
    """The `[scenario]` table: what the scenario is and how its clock runs."""

    id: str = field(
        metadata={"doc": "Scenario id: letters, digits and _; saves name the scenario by it."}
    )
    title: str = field(metadata={"doc": "Title shown in the scenario list."})
    start: str = field(metadata={"doc": 'First turn, "YYYY-MM".'})
    end: str = field(
        metadata={"doc": 'Last turn, "YYYY-MM"; non-early endings are chosen after it.'}
    )
    playable: list[str] = field(metadata={"doc": "Country ids a person may play."})
    summary: str = field(
        default="", metadata={"doc": "Two or three sentences for the new-game screen."}
    )
    format: int = field(default=1, metadata={"doc": "Version of this file format; 1."})
    version: str = field(
        default="1.0",
        metadata={
            "doc": "Version of the scenario's content; saves made on another version say so."
        },
    )
    author: str = field(default="", metadata={"doc": "Who wrote the scenario."})
    months_per_turn: int = field(default=3, metadata={"doc": "Months one turn lasts, 1 to 12."})
    action_points: int = field(
        default=2, metadata={"doc": "Action points every country gets each turn."}
    )
    key_stats: list[str] = field(
        factory=list, metadata={"doc": "Per-country stats shown in the top bar."}
    )
    key_globals: list[str] = field(
        factory=list, metadata={"doc": "Globals shown in the top bar and as map modes."}
    )
    default_country: str = field(
        default="", metadata={"doc": "The country preselected for a new game."}
    )
    order: int = field(
        default=100,
        metadata={"doc": "Position in the scenario list; the lowest is the default scenario."},
    )


@frozen
class StatDef:
    """A per-country stat or a global variable, with its bounds."""

    name: str = field(metadata={"doc": "Display name."})
    description: str = field(default="", metadata={"doc": "One sentence for tooltips."})
    min: float = field(default=0, metadata={"doc": "Lowest value; changes clamp to it."})
    max: float = field(default=100, metadata={"doc": "Highest value; changes clamp to it."})
    default: float = field(default=0, metadata={"doc": "Starting value where a country sets none."})


@frozen
class RelationInit:
    """A starting relation between two countries."""

    a: str = field(metadata={"doc": "One country id."})
    b: str = field(metadata={"doc": "The other country id."})
    value: float = field(metadata={"doc": "Starting relation between them."})


@frozen
class Relations:
    """The `[relations]` table: bounds, default and starting values of relations."""

    default: float = field(default=0, metadata={"doc": "Relation between any pair not listed."})
    min: float = field(default=-100, metadata={"doc": "Lowest relation."})
    max: float = field(default=100, metadata={"doc": "Highest relation."})
    initial: list[RelationInit] = field(
        factory=list, metadata={"doc": "Starting relations: a list of {a, b, value}; symmetric."}
    )


@frozen
class FlagDesign:
    """A simple flag: equal stripes of colours, horizontal or vertical."""

    stripes: list[str] = field(
        metadata={"doc": 'Colours "#rrggbb" of equal stripes, top to bottom or left to right.'}
    )
    orientation: str = field(
        default="horizontal", metadata={"doc": '"horizontal" or "vertical" stripes.'}
    )


@frozen
class AIProfile:
    """Weights an AI country gives to stats, globals, relations and flags."""

    stats: dict[str, float] = field(
        factory=dict,
        metadata={"doc": "Weight of each of the country's own stats (negative: it wants less)."},
    )
    globals: dict[str, float] = field(factory=dict, metadata={"doc": "Weight of each global."})
    relations: dict[str, float] = field(
        factory=dict, metadata={"doc": 'Weight of relations with a country id; "*" for any other.'}
    )
    flags: dict[str, float] = field(factory=dict, metadata={"doc": "Value of setting each flag."})
    activity: float = field(
        default=1.0, metadata={"doc": "Multiplier on how eagerly it acts; 0 makes it idle."}
    )


@frozen
class CountryDef:
    """A country: names, colours, flag, capital, starting stats and AI profile."""

    id: str = field(metadata={"doc": "Country id used in expressions, e.g. NORTH."})
    name: str = field(metadata={"doc": "Display name (rename() may change it in play)."})
    color: str = field(metadata={"doc": 'Map colour, "#rrggbb".'})
    capital: list[float] = field(metadata={"doc": "[lon, lat] of the capital."})
    adjective: str = field(default="", metadata={"doc": 'Adjective, e.g. "Northern".'})
    border: str = field(
        default="", metadata={"doc": "Border colour; darker fill colour when empty."}
    )
    flag: FlagDesign = field(
        default=FlagDesign(stripes=["#808080"]),
        metadata={"doc": "A simple striped flag: {stripes = [...], orientation = ...}."},
    )
    stats: dict[str, float] = field(
        factory=dict, metadata={"doc": "Starting stats; missing ones take the stat's default."}
    )
    ai: AIProfile = field(
        default=AIProfile(),
        metadata={
            "doc": "How the computer plays it: weights over stats, globals, relations, flags."
        },
    )
    description: str = field(default="", metadata={"doc": "A sentence for the country panel."})
    key_stats: list[str] = field(
        factory=list,
        metadata={"doc": "Stats in the top bar for this country; empty: the scenario's key_stats."},
    )


@frozen
class RegionDef:
    """A map region: one or more lon/lat polygons and the country that holds it."""

    id: str = field(metadata={"doc": "Region id used by owner() and set_owner()."})
    name: str = field(metadata={"doc": "Display name."})
    owner: str = field(metadata={"doc": "Country id that holds it at the start."})
    polygons: list[list[list[float]]] = field(
        metadata={
            "doc": 'Rings of three or more points: [[lon, lat], ...] or "lon lat, lon lat, ...".'
        }
    )
    label: list[float] = field(
        factory=list, metadata={"doc": "[lon, lat] where its name is drawn; empty: the centre."}
    )


@frozen
class SiteDef:
    """A named point on the map; shown only while its condition holds."""

    id: str = field(metadata={"doc": "Site id; actions name it in `site`."})
    name: str = field(metadata={"doc": "Display name."})
    lon: float = field(metadata={"doc": "Longitude."})
    lat: float = field(metadata={"doc": "Latitude."})
    description: str = field(default="", metadata={"doc": "A sentence for its tooltip."})
    when: str = field(
        default="",
        metadata={"doc": "Condition: the site is shown only while it holds; empty: always."},
    )


@frozen
class MapDef:
    """The `[map]` table: projection, extent (lon/lat box) and sea colour."""

    extent: list[float] = field(
        metadata={"doc": "[lon_min, lat_min, lon_max, lat_max] of the map."}
    )
    projection: str = field(
        default="mercator", metadata={"doc": '"mercator" or "equirectangular".'}
    )
    sea: str = field(default="#b8c8cc", metadata={"doc": "Sea colour."})


@frozen
class TargetDef:
    """Which countries an action may be aimed at."""

    countries: list[str] = field(
        factory=list, metadata={"doc": "Country ids it may be aimed at; empty: any other country."}
    )
    when: str = field(
        default="",
        metadata={"doc": "Condition on `target` (and `self`) for a country to be a valid target."},
    )


@frozen
class ActionDef:
    """Something a country may do in its turn: a one-shot move or a multi-turn project."""

    id: str = field(metadata={"doc": "Action id."})
    name: str = field(metadata={"doc": "Display name."})
    actors: list[str] = field(metadata={"doc": "Country ids that may take it."})
    category: str = field(
        default="domestic",
        metadata={"doc": 'Group in the actions panel, e.g. "diplomacy", "secret", "domestic".'},
    )
    description: str = field(default="", metadata={"doc": "What it is, for the player."})
    target: TargetDef | None = field(
        default=None, metadata={"doc": "Present when the action is aimed at another country."}
    )
    when: str = field(
        default="", metadata={"doc": "Condition for it to be available (`self`: the actor)."}
    )
    cost: int = field(default=1, metadata={"doc": "Action points it costs."})
    effects: list[EffectEntry] = field(
        factory=list, metadata={"doc": "Effects applied when it is taken."}
    )
    duration: int = field(
        default=0, metadata={"doc": "Turns a project runs; 0 for a one-shot action."}
    )
    per_turn: list[EffectEntry] = field(
        factory=list, metadata={"doc": "Effects applied each turn while the project runs."}
    )
    on_complete: list[EffectEntry] = field(
        factory=list, metadata={"doc": "Effects applied when the project completes."}
    )
    once: bool = field(default=False, metadata={"doc": "Each actor may take it only once."})
    cooldown: int = field(
        default=0, metadata={"doc": "Turns before the same actor may take it again."}
    )
    ai_weight: float = field(
        default=1.0,
        metadata={"doc": "Multiplier on the AI's liking for it; 0: the AI never takes it."},
    )
    historical: bool = field(
        default=False, metadata={"doc": "What really happened; the historical-mode AI takes it."}
    )
    historical_date: str = field(
        default="", metadata={"doc": '"YYYY-MM" from which the historical-mode AI takes it.'}
    )
    tags: list[str] = field(factory=list, metadata={"doc": "Labels counted by running(tag)."})
    site: str = field(
        default="", metadata={"doc": "Site id where the running project is marked on the map."}
    )
    secret: bool = field(
        default=False,
        metadata={"doc": "Hidden from other people's eyes in hot-seat games (log and map)."},
    )
    history: str = field(default="", metadata={"doc": "What really happened, for the player."})


@frozen
class FollowUp:
    """An event that an option schedules, `delay` turns later."""

    event: str = field(metadata={"doc": "Event id to schedule."})
    delay: int = field(
        default=0, metadata={"doc": "Turns to wait; 0: this same turn, right after the answer."}
    )


@frozen
class OptionDef:
    """One answer to an event."""

    text: str = field(metadata={"doc": "The answer as the player reads it."})
    id: str = field(
        default="", metadata={"doc": "Option id for chosen(); default option1, option2, …"}
    )
    when: str = field(default="", metadata={"doc": "Condition for the option to be offered."})
    effects: list[EffectEntry] = field(factory=list, metadata={"doc": "Effects of choosing it."})
    ai_weight: float = field(
        default=1.0,
        metadata={"doc": "Multiplier on the AI's liking for it; 0: never chosen by the AI."},
    )
    historical: bool = field(
        default=False, metadata={"doc": "What really happened; the historical-mode AI chooses it."}
    )
    follow: list[FollowUp] = field(
        factory=list, metadata={"doc": "Events to schedule: a list of {event, delay}."}
    )


@frozen
class EventDef:
    """Something that happens to a country, with two to four options."""

    id: str = field(metadata={"doc": "Event id."})
    title: str = field(metadata={"doc": "Title of the dialog and the news log."})
    country: str = field(
        metadata={"doc": "Country id that decides it (`self` in its expressions)."}
    )
    text: str = field(metadata={"doc": "What happens, for the player."})
    options: list[OptionDef] = field(metadata={"doc": "One to four [[event.options]]."})
    start: str = field(
        default="", metadata={"doc": 'First "YYYY-MM" it may fire; empty: any time.'}
    )
    end: str = field(default="", metadata={"doc": 'Last "YYYY-MM" it may fire; empty: any time.'})
    when: str = field(default="", metadata={"doc": "Condition for it to fire."})
    chance: float | str = field(
        default=1.0, metadata={"doc": "Chance per turn, a number 0–1 or an expression."}
    )
    once: bool = field(default=True, metadata={"doc": "Fires at most once per game."})
    triggered_only: bool = field(
        default=False, metadata={"doc": "Fires only through trigger() or an option's follow."}
    )
    history: str = field(default="", metadata={"doc": "What really happened, shown on request."})
    rare: str = field(
        default="", metadata={"doc": "Why it rarely fires, so balance reports do not flag it."}
    )


@frozen
class ModifierDef:
    """A named, timed set of effects applied every turn while it runs."""

    id: str = field(metadata={"doc": "Modifier id."})
    name: str = field(metadata={"doc": "Display name."})
    effects: list[EffectEntry] = field(
        factory=list,
        metadata={"doc": "Effects applied every turn while it runs (`self`: who started it)."},
    )
    description: str = field(default="", metadata={"doc": "What it is, for the player."})
    duration: int = field(
        default=4, metadata={"doc": "Turns it runs when start_modifier names no length."}
    )
    standing: list[str] = field(
        factory=list,
        metadata={
            "doc": "Country ids it runs for from the first turn to the last (`self` is each): "
            "standing rules such as drift back toward normal."
        },
    )


@frozen
class EndingText:
    """An ending's title and text for one country."""

    title: str = field(default="", metadata={"doc": "Title for this country."})
    text: str = field(default="", metadata={"doc": "Text for this country."})
    score: str = field(default="", metadata={"doc": "Score expression for this country."})


@frozen
class EndingDef:
    """How a game may end for one or more countries, with a score."""

    id: str = field(metadata={"doc": "Ending id, for end_game()."})
    title: str = field(metadata={"doc": "Title."})
    when: str = field(metadata={"doc": "Condition for this ending."})
    text: str = field(default="", metadata={"doc": "What became of the player's country."})
    priority: int = field(default=0, metadata={"doc": "Higher priorities are tried first."})
    early: bool = field(
        default=False, metadata={"doc": "Checked every turn; ends the game as soon as it holds."}
    )
    countries: list[str] = field(
        factory=list, metadata={"doc": "Playable country ids it can apply to; empty: all."}
    )
    score: str = field(
        default="0", metadata={"doc": "Score expression (`self`: the country scored)."}
    )
    texts: dict[str, EndingText] = field(
        factory=dict, metadata={"doc": "Per-country overrides: {COUNTRY = {title, text}}."}
    )
    epilogue: str = field(default="", metadata={"doc": "What happened next in history."})


@frozen
class IfBlock:
    """An effect table: `{ if = "CONDITION", then = [...], else = [...] }`; blocks nest."""

    if_: str = field(metadata={"doc": "Condition that picks the branch.", "key": "if"})
    then: list[EffectEntry] = field(
        factory=list, metadata={"doc": "Effects applied when the condition holds."}
    )
    else_: list[EffectEntry] = field(
        factory=list, metadata={"doc": "Effects applied otherwise.", "key": "else"}
    )


@frozen
class RandomOutcome:
    """One outcome of a random effect: its weight and its effects."""

    weight: float | str = field(
        metadata={"doc": "A number or an expression; chances are weights over their sum."}
    )
    effects: list[EffectEntry] = field(factory=list, metadata={"doc": "Effects of this outcome."})


@frozen
class RandomBlock:
    """An effect table: `{ random = [{ weight = 60, effects = [...] }, ...] }`."""

    random: list[RandomOutcome] = field(
        metadata={"doc": "Outcomes; one is drawn with the game's seeded generator."}
    )


@frozen
class ForEachBlock:
    """An effect table: `{ for_each = "CONDITION", effects = [...] }` with `it` as each country."""

    for_each: str = field(
        metadata={"doc": "Condition on `it`, checked for every country in order."}
    )
    effects: list[EffectEntry] = field(
        factory=list, metadata={"doc": "Effects applied once per country, with `it` bound to it."}
    )


EffectEntry = str | IfBlock | RandomBlock | ForEachBlock


@frozen
class FlagDef:
    """A flag declared as a table: its description, and whether each country has its own."""

    name: str = field(metadata={"doc": "What the flag means, in a player's words."})
    per_country: bool = field(
        default=False,
        metadata={"doc": "Each country has its own: set_flag(name, COUNTRY), COUNTRY.flag.name."},
    )


@frozen
class NamedCondition:
    """A named condition declared as a table, with the words explanations use for it."""

    when: str = field(metadata={"doc": "The condition."})
    name: str = field(default="", metadata={"doc": "How explanations name it; default: the id."})


@frozen
class ScenarioFile:
    """Everything one TOML file of a scenario folder may hold; files are merged after."""

    scenario: Meta | None = field(
        default=None,
        metadata={
            "doc": "[scenario]: what the scenario is and how its clock runs (exactly one file)."
        },
    )
    map: MapDef | None = field(
        default=None,
        metadata={"doc": "[map]: projection, extent and sea colour (exactly one file)."},
    )
    stats: dict[str, StatDef] = field(
        factory=dict, metadata={"doc": "[stats.ID]: per-country stats."}
    )
    globals: dict[str, StatDef] = field(
        factory=dict, metadata={"doc": "[globals.ID]: global variables."}
    )
    flags: dict[str, str | FlagDef] = field(
        factory=dict,
        metadata={
            "doc": '[flags]: ID = "description" (or {name, per_country}) for every flag used.'
        },
    )
    conditions: dict[str, str | NamedCondition] = field(
        factory=dict,
        metadata={"doc": '[conditions]: ID = "CONDITION", usable by bare name in expressions.'},
    )
    effect_groups: dict[str, list[EffectEntry]] = field(
        factory=dict,
        metadata={"doc": "[effect_groups]: ID = [EFFECTS], usable as the effect statement ID()."},
    )
    relations: Relations | None = field(
        default=None, metadata={"doc": "[relations]: bounds, default and starting relations."}
    )
    country: list[CountryDef] = field(factory=list, metadata={"doc": "[[country]]: the countries."})
    region: list[RegionDef] = field(factory=list, metadata={"doc": "[[region]]: map regions."})
    site: list[SiteDef] = field(
        factory=list, metadata={"doc": "[[site]]: named points on the map."}
    )
    action: list[ActionDef] = field(
        factory=list, metadata={"doc": "[[action]]: what countries may do in their turn."}
    )
    event: list[EventDef] = field(
        factory=list, metadata={"doc": "[[event]]: what happens, with [[event.options]]."}
    )
    modifier: list[ModifierDef] = field(
        factory=list, metadata={"doc": "[[modifier]]: timed per-turn effects."}
    )
    ending: list[EndingDef] = field(
        factory=list, metadata={"doc": "[[ending]]: how the game may end, with a score."}
    )
