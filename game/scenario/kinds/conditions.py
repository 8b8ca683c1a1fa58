"""Look at every condition where it is written: report those that can never hold."""

from __future__ import annotations

from collections.abc import Iterator

from game.rules.effects import Effect, ForEach, IfEffect, walk
from game.rules.errors import ExprError
from game.rules.nodes import Node
from game.scenario.build import Build
from game.scenario.compiled import Action, Ending, Event, Site, Treaty
from game.scenario.kinds.groups import ANYWHERE
from game.scenario.kinds.logic import Bounds, never

Place = tuple[str, int, str]  # kind, index, key path


def _tests(place: Place, effects: list[Effect]) -> Iterator[tuple[Place, Node]]:
    kind, i, sub = place
    for k, effect in enumerate(effects):
        for inner in walk([effect]):
            if isinstance(inner, IfEffect | ForEach):
                yield (kind, i, f"{sub}[{k}]"), inner.test


def _events(b: Build, events: dict[str, Event]) -> Iterator[tuple[Place, Node]]:
    for i, d in enumerate(b.m.event):
        event = events[d.id]
        yield ("event", i, "when"), event.when
        for j, option in enumerate(event.options):
            yield ("event", i, f"options[{j}].when"), option.when
            yield from _tests(("event", i, f"options[{j}].effects"), option.effects)


def _actions(b: Build, actions: dict[str, Action]) -> Iterator[tuple[Place, Node]]:
    for i, d in enumerate(b.m.action):
        action = actions[d.id]
        yield ("action", i, "when"), action.when
        yield ("action", i, "target.when"), action.target_when
        for key in ("effects", "per_turn", "on_complete"):
            yield from _tests(("action", i, key), getattr(action, key))


def _treaties(b: Build, treaties: dict[str, Treaty]) -> Iterator[tuple[Place, Node]]:
    for i, d in enumerate(b.m.treaty):
        t = treaties[d.id]
        for key, node in (("when", t.when), ("target_when", t.target_when)):
            yield ("treaty", i, key), node
        for key in ("on_sign", "on_refused", "per_turn", "on_break"):
            yield from _tests(("treaty", i, key), getattr(t, key))


def check_conditions(
    b: Build,
    events: dict[str, Event],
    actions: dict[str, Action],
    endings: list[Ending],
    sites: dict[str, Site],
    treaties: dict[str, Treaty],
) -> None:
    """Warn of conditions, and parts of them, that can never hold."""
    bounds = Bounds(b)
    found = [*_events(b, events), *_actions(b, actions), *_treaties(b, treaties)]
    by_id = {en.d.id: en for en in endings}
    found += [(("ending", i, "when"), by_id[d.id].when) for i, d in enumerate(b.m.ending)]
    found += [(("site", i, "when"), sites[d.id].when) for i, d in enumerate(b.m.site)]
    for (kind, i, sub), node in found:
        for words in dict.fromkeys(never(bounds, node)):
            b.report.at(kind, i, sub, words, "warning")
    for name in b.lex.conditions:
        try:
            with b.comp.within(ANYWHERE), b.comp.uses.owner(("condition", name)):
                node = b.comp.named(name)
        except ExprError:
            continue  # reported where the named condition is checked
        for words in dict.fromkeys(never(bounds, node.parts[0])):
            b.report.table(f"conditions.{name}", "", words, "warning")
