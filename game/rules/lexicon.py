"""The names a scenario defines: what expressions may refer to and how to say them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from attrs import define, field

from game.locale import SOURCE, _, language, month_year, number
from game.model.defs import StatDef

if TYPE_CHECKING:
    from game.model.state import GameState

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def month_of(text: str) -> int:
    """Turn "YYYY-MM" into an absolute month number (year * 12 + month - 1)."""
    match = _MONTH.match(text) if len(text) == 7 else None
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(_("{text} is not a date of the form YYYY-MM").format(text=f"'{text}'"))
    return int(match.group(1)) * 12 + int(match.group(2)) - 1


def fmt_month(month: int) -> str:
    """Format an absolute month number as "April 1922" in the player's language."""
    return month_year(month)


def fmt_num(value: float) -> str:
    """Format a number without a useless fraction, by locale; non-finite numbers read as 0."""
    return number(value)


@define
class Lexicon:
    """Ids and display names of everything in one scenario."""

    countries: dict[str, str] = field(factory=dict)
    adjectives: dict[str, str] = field(factory=dict)
    stats: dict[str, StatDef] = field(factory=dict)
    globals: dict[str, StatDef] = field(factory=dict)
    flags: dict[str, str] = field(factory=dict)
    regions: dict[str, str] = field(factory=dict)
    actions: dict[str, str] = field(factory=dict)
    actors: dict[str, list[str]] = field(factory=dict)  # action id -> who may take it
    events: dict[str, str] = field(factory=dict)
    event_country: dict[str, str] = field(factory=dict)
    options: dict[str, dict[str, str]] = field(factory=dict)
    modifiers: dict[str, str] = field(factory=dict)
    modifier_duration: dict[str, int] = field(factory=dict)
    modifier_effects: dict[str, list[Any]] = field(factory=dict)
    endings: dict[str, str] = field(factory=dict)
    tags: dict[str, set[str]] = field(factory=dict)
    per_country: set[str] = field(factory=set)
    conditions: dict[str, str] = field(factory=dict)
    condition_names: dict[str, str] = field(factory=dict)
    groups: dict[str, list[Any]] = field(factory=dict)
    titles: dict[str, Any] = field(factory=dict)  # event titles with {…} fields, as Text
    treaties: dict[str, str] = field(factory=dict)
    treaty_terms: dict[str, Any] = field(factory=dict)  # id -> TreatyTerms, filled when linked
    relation_default: float = 0
    relation_bounds: tuple[float, float] = (-100, 100)
    last_month: int = 0

    def country(self, cid: str, st: GameState | None = None) -> str:
        """Return a country's current display name."""
        if st is not None and cid in st.names:
            return st.names[cid]
        return self.countries.get(cid, cid)

    def possessive(self, cid: str, st: GameState | None = None) -> str:
        """Return "Germany's"."""
        name = self.country(cid, st)
        return f"{name}'" if name.endswith("s") else f"{name}'s"

    def stat_of(self, cid: str, stat: str, st: GameState | None = None) -> str:
        """Return "Germany's Stability", composed as the player's language says it."""
        name = self.stats[stat].name if stat in self.stats else stat
        if language() == SOURCE:
            return f"{self.possessive(cid, st)} {name}"
        return _("{country}'s {stat}").format(country=self.country(cid, st), stat=name)

    def option_text(self, eid: str, oid: str) -> str:
        """Return an option's text, shortened for inline use."""
        text = self.options.get(eid, {}).get(oid, oid)
        return text if len(text) <= 60 else text[:57] + "…"
