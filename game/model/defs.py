"""Scenario definitions as authors write them: frozen attrs classes, one per TOML table.

The frame, the map and the effect tables live in their own modules and are re-exported here.
"""

from __future__ import annotations

from attrs import field, frozen

from game.model.blocks import EffectEntry as EffectEntry
from game.model.blocks import FlagDef as FlagDef
from game.model.blocks import ForEachBlock as ForEachBlock
from game.model.blocks import IfBlock as IfBlock
from game.model.blocks import NamedCondition as NamedCondition
from game.model.blocks import RandomBlock as RandomBlock
from game.model.blocks import RandomOutcome as RandomOutcome
from game.model.frame_defs import DescriptionWhen as DescriptionWhen
from game.model.frame_defs import Meta as Meta
from game.model.frame_defs import RelationInit as RelationInit
from game.model.frame_defs import Relations as Relations
from game.model.frame_defs import StatDef as StatDef
from game.model.map_defs import FlagDesign as FlagDesign
from game.model.map_defs import MapDef as MapDef
from game.model.map_defs import RegionDef as RegionDef
from game.model.map_defs import SiteDef as SiteDef
from game.model.treaty_defs import AcceptReason as AcceptReason
from game.model.treaty_defs import TreatyDef as TreatyDef
from game.model.values import Colour, Count, Id, LonLat, Probability, Turns, YearMonth


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

    id: Id = field(metadata={"doc": "Country id used in expressions, e.g. NORTH."})
    name: str = field(metadata={"doc": "Display name (rename() may change it in play)."})
    color: Colour = field(metadata={"doc": 'Map colour, "#rrggbb".'})
    capital: LonLat = field(metadata={"doc": "[lon, lat] of the capital."})
    adjective: str = field(default="", metadata={"doc": 'Adjective, e.g. "Northern".'})
    border: Colour = field(
        default=Colour(""), metadata={"doc": "Border colour; darker fill colour when empty."}
    )
    flag: FlagDesign = field(
        default=FlagDesign(stripes=[Colour("#808080")]),
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
    description: str = field(
        default="",
        metadata={"doc": "A sentence for the country panel; may hold `{…}` values."},
    )
    description_when: list[DescriptionWhen] = field(
        factory=list,
        metadata={
            "doc": "Descriptions for later states, [{when, text}]: the first that holds "
            "replaces `description`."
        },
    )
    key_stats: list[str] = field(
        factory=list,
        metadata={"doc": "Stats in the top bar for this country; empty: the scenario's key_stats."},
    )


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

    id: Id = field(metadata={"doc": "Action id."})
    name: str = field(metadata={"doc": "Display name."})
    actors: list[str] = field(metadata={"doc": "Country ids that may take it."})
    category: str = field(
        default="domestic",
        metadata={"doc": 'Group in the actions panel, an id of [categories], e.g. "secret".'},
    )
    description: str = field(default="", metadata={"doc": "What it is, for the player."})
    target: TargetDef | None = field(
        default=None, metadata={"doc": "Present when the action is aimed at another country."}
    )
    when: str = field(
        default="", metadata={"doc": "Condition for it to be available (`self`: the actor)."}
    )
    cost: Count = field(default=Count(1), metadata={"doc": "Action points it costs."})
    effects: list[EffectEntry] = field(
        factory=list, metadata={"doc": "Effects applied when it is taken."}
    )
    duration: Count = field(
        default=Count(0), metadata={"doc": "Turns a project runs; 0 for a one-shot action."}
    )
    per_turn: list[EffectEntry] = field(
        factory=list, metadata={"doc": "Effects applied each turn while the project runs."}
    )
    on_complete: list[EffectEntry] = field(
        factory=list, metadata={"doc": "Effects applied when the project completes."}
    )
    once: bool = field(default=False, metadata={"doc": "Each actor may take it only once."})
    cooldown: Count = field(
        default=Count(0), metadata={"doc": "Turns before the same actor may take it again."}
    )
    ai_weight: float = field(
        default=1.0,
        metadata={"doc": "Multiplier on the AI's liking for it; 0: the AI never takes it."},
    )
    historical: bool = field(
        default=False, metadata={"doc": "What really happened; the historical-mode AI takes it."}
    )
    historical_date: YearMonth = field(
        default=YearMonth(""),
        metadata={"doc": '"YYYY-MM" from which the historical-mode AI takes it.'},
    )
    tags: list[str] = field(factory=list, metadata={"doc": "Labels counted by running(tag)."})
    site: str = field(
        default="", metadata={"doc": "Site id where the running project is marked on the map."}
    )
    secret: bool = field(
        default=False,
        metadata={"doc": "Seen only by its actor, its target and `known_to` until revealed."},
    )
    known_to: list[str] = field(
        factory=list, metadata={"doc": "Country ids that always see this secret action."}
    )
    revealed_when: str = field(
        default="", metadata={"doc": "Condition under which every country sees this secret action."}
    )
    exclusive: list[str] = field(
        factory=list,
        metadata={"doc": "Action ids the same country may not also take in the same turn."},
    )
    history: str = field(default="", metadata={"doc": "What really happened, for the player."})


@frozen
class FollowUp:
    """An event that an option schedules, `delay` turns later."""

    event: str = field(metadata={"doc": "Event id to schedule."})
    delay: Count = field(
        default=Count(0),
        metadata={"doc": "Turns to wait; 0: this same turn, right after the answer."},
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

    id: Id = field(metadata={"doc": "Event id."})
    title: str = field(metadata={"doc": "Title of the dialog and the news log."})
    country: str = field(
        metadata={"doc": "Country id that decides it (`self` in its expressions)."}
    )
    text: str = field(metadata={"doc": "What happens, for the player."})
    options: list[OptionDef] = field(metadata={"doc": "One to four [[event.options]]."})
    start: YearMonth = field(
        default=YearMonth(""), metadata={"doc": 'First "YYYY-MM" it may fire; empty: any time.'}
    )
    end: YearMonth = field(
        default=YearMonth(""), metadata={"doc": 'Last "YYYY-MM" it may fire; empty: any time.'}
    )
    when: str = field(default="", metadata={"doc": "Condition for it to fire."})
    chance: Probability | str = field(
        default=Probability(1.0),
        metadata={"doc": "Chance per turn, a number 0–1 or an expression."},
    )
    once: bool = field(default=True, metadata={"doc": "Fires at most once per game."})
    triggered_only: bool = field(
        default=False, metadata={"doc": "Fires only through trigger() or an option's follow."}
    )
    history: str = field(default="", metadata={"doc": "What really happened, shown on request."})
    rare: str = field(
        default="", metadata={"doc": "Why it rarely fires, so balance reports do not flag it."}
    )
    site: str = field(
        default="", metadata={"doc": "Site id where it happens, mapped in the dialog."}
    )
    region: str = field(default="", metadata={"doc": "Region id where it happens (if no site)."})


@frozen
class ModifierDef:
    """A named, timed set of effects applied every turn while it runs."""

    id: Id = field(metadata={"doc": "Modifier id."})
    name: str = field(metadata={"doc": "Display name."})
    effects: list[EffectEntry] = field(
        factory=list,
        metadata={"doc": "Effects applied every turn while it runs (`self`: who started it)."},
    )
    description: str = field(default="", metadata={"doc": "What it is, for the player."})
    duration: Turns = field(
        default=Turns(4), metadata={"doc": "Turns it runs when start_modifier names no length."}
    )
    standing: list[str] = field(
        factory=list,
        metadata={
            "doc": "Country ids it runs for from the first turn to the last (`self` is each): "
            "standing rules such as drift back toward normal."
        },
    )
    secret: bool = field(
        default=False, metadata={"doc": "Seen only by the country it runs for until revealed."}
    )
    known_to: list[str] = field(
        factory=list, metadata={"doc": "Country ids that always see this secret modifier."}
    )
    revealed_when: str = field(
        default="", metadata={"doc": "Condition under which every country sees it."}
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

    id: Id = field(metadata={"doc": "Ending id, for end_game()."})
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
class StrategyDef:
    """A way to play one country, for balance runs: `simulate --as COUNTRY --strategy ID`."""

    id: str = field(metadata={"doc": "Strategy id, for --strategy."})
    name: str = field(metadata={"doc": "Display name."})
    country: str = field(metadata={"doc": "The playable country it plays."})
    ai: AIProfile = field(
        metadata={
            "doc": "Weights in the same form as a country's `ai`: what this way of play wants."
        }
    )
    description: str = field(default="", metadata={"doc": "One line: the idea of the strategy."})


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
    categories: dict[str, str] = field(
        factory=dict, metadata={"doc": '[categories]: ID = "heading" for each action category.'}
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
    treaty: list[TreatyDef] = field(
        factory=list, metadata={"doc": "[[treaty]]: agreements proposed, accepted or refused."}
    )
    strategy: list[StrategyDef] = field(
        factory=list, metadata={"doc": "[[strategy]]: ways to play a side, for balance runs."}
    )
