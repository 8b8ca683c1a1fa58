"""A loaded scenario: its definitions with every expression compiled once."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from attrs import field, frozen

from game.model.defs import (
    ActionDef,
    CountryDef,
    EndingDef,
    EventDef,
    MapDef,
    Meta,
    ModifierDef,
    OptionDef,
    RegionDef,
    Relations,
    SiteDef,
    StatDef,
    StrategyDef,
    TreatyDef,
)
from game.model.state import GameState
from game.rules.effects import Effect, walk
from game.rules.lexicon import Lexicon
from game.rules.nodes import Node
from game.rules.text import Text
from game.rules.types import Env


@frozen
class Description:
    """A country's description: the plain text and the later ones with their conditions."""

    text: Text
    later: tuple[tuple[Node, Text], ...] = ()

    def render(self, cid: str, st: GameState, lex: Lexicon) -> str:
        """Return the first later text whose condition holds, else the plain one, filled in."""
        env = Env(cid, None)
        chosen = next((text for when, text in self.later if when.holds(st, env)), self.text)
        return chosen.render(st, env, lex)


@frozen
class Action:
    """An action definition with its compiled conditions and effects."""

    d: ActionDef
    when: Node
    target_when: Node
    effects: list[Effect]
    per_turn: list[Effect]
    on_complete: list[Effect]
    historical_month: int | None


@frozen
class Option:
    """An event option with its compiled condition and effects."""

    d: OptionDef
    id: str
    when: Node
    effects: list[Effect]
    text: Text


@frozen
class Event:
    """An event definition with its compiled condition, chance and options."""

    d: EventDef
    when: Node
    chance: Node
    start: int | None
    end: int | None
    options: list[Option]
    title: Text
    text: Text


@frozen
class Modifier:
    """A modifier with its compiled per-turn effects."""

    d: ModifierDef
    effects: list[Effect]


@frozen
class Ending:
    """An ending with its compiled condition and score."""

    d: EndingDef
    when: Node
    score: Node
    countries: list[str]
    scores: dict[str, Node]
    words: dict[str, tuple[Text, Text]]

    def score_for(self, country: str) -> Node:
        """Return the score expression for a country."""
        return self.scores.get(country, self.score)

    def title_for(self, country: str) -> Text:
        """Return the title a country reads."""
        return self.words.get(country, self.words[""])[0]

    def text_for(self, country: str) -> Text:
        """Return the text a country reads."""
        return self.words.get(country, self.words[""])[1]


@frozen
class Reason:
    """One weighed reason of an invited party, compiled."""

    value: Node
    why: str


@frozen
class Treaty:
    """A treaty with its compiled conditions, reasons and effects."""

    d: TreatyDef
    when: Node
    target_when: Node
    accept: list[Reason]
    on_sign: list[Effect]
    on_refused: list[Effect]
    per_turn: list[Effect]
    ends_when: Node
    on_break: list[Effect]
    historical_month: int | None

    @property
    def bilateral(self) -> bool:
        """True when the proposer picks one partner."""
        return not self.d.parties


@frozen
class Site:
    """A map site with its compiled visibility condition."""

    d: SiteDef
    when: Node


@frozen(slots=False)
class Scenario:
    """Everything one scenario defines, ready for the engine."""

    meta: Meta
    path: Path
    content_hash: str
    stats: dict[str, StatDef]
    globals: dict[str, StatDef]
    flags: dict[str, str]
    relations: Relations
    countries: dict[str, CountryDef]
    map: MapDef
    regions: dict[str, RegionDef]
    sites: dict[str, Site]
    actions: dict[str, Action]
    events: dict[str, Event]
    modifiers: dict[str, Modifier]
    endings: list[Ending]
    lex: Lexicon
    start_month: int
    end_month: int
    warnings: list[str] = field(factory=list)
    treaties: dict[str, Treaty] = field(factory=dict)
    reveals: dict[str, Node] = field(factory=dict)  # revealed_when source -> condition
    strategies: dict[str, StrategyDef] = field(factory=dict)
    descriptions: dict[str, Description] = field(factory=dict)
    language: str = "en"  # the language its texts were loaded in (loc/LANG.toml over the source)
    categories: dict[str, str] = field(factory=dict)  # action category id -> display name
    place_names: dict[str, str] = field(factory=dict)  # atlas place id -> translated name

    def category_name(self, category: str) -> str:
        """Return the heading of an action category ("Secret" where [categories] names none)."""
        return self.categories.get(category) or category.capitalize()

    def description(self, cid: str, st: GameState) -> str:
        """Return a country's description as the state now makes it."""
        found = self.descriptions.get(cid)
        return found.render(cid, st, self.lex) if found is not None else ""

    @property
    def turns(self) -> int:
        """Return the number of turns from start to end."""
        return (self.end_month - self.start_month) // self.meta.months_per_turn + 1

    @cached_property
    def _by_actor(self) -> dict[str, list[Action]]:
        found: dict[str, list[Action]] = {c: [] for c in self.countries}
        for action in self.actions.values():
            for actor in action.d.actors:
                found[actor].append(action)
        return found

    @cached_property
    def _proposable(self) -> dict[str, list[Treaty]]:
        found: dict[str, list[Treaty]] = {c: [] for c in self.countries}
        for treaty in self.treaties.values():
            for cid in treaty.d.proposers or list(self.countries):
                found.setdefault(cid, []).append(treaty)
        return found

    @cached_property
    def landed(self) -> frozenset[str] | None:
        """Return who holds map land at the start or may be given it (None: anyone may)."""
        found = {r.owner for r in self.regions.values()}
        lists = [m.effects for m in self.modifiers.values()]
        lists += [x for a in self.actions.values() for x in (a.effects, a.per_turn, a.on_complete)]
        lists += [o.effects for e in self.events.values() for o in e.options]
        lists += [
            x
            for t in self.treaties.values()
            for x in (t.on_sign, t.on_refused, t.per_turn, t.on_break)
        ]
        for effect in (e for effects in lists for e in walk(effects)):
            for kind, ref in effect.links():
                if kind == "land" and ref == "*":
                    return None
                if kind == "land":
                    found.add(ref)
        return frozenset(found)

    @cached_property
    def movers(self) -> list[str]:
        """Return the countries that can ever act or propose, in scenario order."""
        return [c for c in self.countries if self.actions_for(c) or self.treaties_for(c)]

    def treaties_for(self, country: str) -> list[Treaty]:
        """Return the treaties a country may ever propose, in file order."""
        return self._proposable.get(country, [])

    @cached_property
    def rolled_events(self) -> list[Event]:
        """Return the events that roll for themselves each turn (not triggered_only), in order."""
        return [e for e in self.events.values() if not e.d.triggered_only]

    @cached_property
    def exclusive_partners(self) -> dict[str, tuple[str, ...]]:
        """Return, for each action with partners, the action ids it may not share a turn with."""
        found: dict[str, set[str]] = {}
        for aid, action in self.actions.items():
            for other in action.d.exclusive:
                if other in self.actions and other != aid:
                    found.setdefault(aid, set()).add(other)
                    found.setdefault(other, set()).add(aid)
        return {aid: tuple(sorted(ids)) for aid, ids in found.items()}

    @cached_property
    def others(self) -> dict[str, list[str]]:
        """Return, for each country, every other country id."""
        return {c: [o for o in self.countries if o != c] for c in self.countries}

    def key_stats(self, country: str) -> list[str]:
        """Return the stats shown in the top bar for a country."""
        return self.countries[country].key_stats or self.meta.key_stats

    def actions_for(self, country: str) -> list[Action]:
        """Return the actions a country may ever take, in file order."""
        return self._by_actor.get(country, [])
