"""The scenario's frame as authors write it: [scenario], stats and [relations]."""

from __future__ import annotations

from attrs import field, frozen

from game.model.values import Count, Id, MonthsPerTurn, YearMonth


@frozen
class Meta:
    """The `[scenario]` table: what the scenario is and how its clock runs."""

    id: Id = field(
        metadata={"doc": "Scenario id: letters, digits and _; saves name the scenario by it."}
    )
    title: str = field(metadata={"doc": "Title shown in the scenario list."})
    start: YearMonth = field(metadata={"doc": 'First turn, "YYYY-MM".'})
    end: YearMonth = field(
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
    months_per_turn: MonthsPerTurn = field(
        default=MonthsPerTurn(3), metadata={"doc": "Months one turn lasts, 1 to 12."}
    )
    action_points: Count = field(
        default=Count(2), metadata={"doc": "Action points every country gets each turn."}
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
    good: str = field(
        default="",
        metadata={
            "doc": 'Which way is good: "up", "down" or "none"; unset, a stat is good up and a '
            "global as the country's AI weights it."
        },
    )
    short: str = field(
        default="", metadata={"doc": "Short label for the top bar when space runs out."}
    )
    secret: bool = field(
        default=False,
        metadata={"doc": "Others see an estimate; its own country and `known_to` see it exactly."},
    )
    known_to: list[str] = field(
        factory=list,
        metadata={"doc": "Country ids that always see a secret stat or global exactly."},
    )
    estimate: float = field(
        default=20, metadata={"doc": "Width of the range others see while it is secret."}
    )
    revealed_when: str = field(
        default="", metadata={"doc": "Condition under which a secret is seen by every country."}
    )


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
class DescriptionWhen:
    """A country description that replaces the plain one while its condition holds."""

    when: str = field(metadata={"doc": "Condition (`self`: the country) under which it shows."})
    text: str = field(metadata={"doc": "The description then; may hold `{…}` values."})
