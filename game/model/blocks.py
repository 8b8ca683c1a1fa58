"""Effect tables and the table forms of flags and named conditions."""

from __future__ import annotations

from attrs import field, frozen


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
