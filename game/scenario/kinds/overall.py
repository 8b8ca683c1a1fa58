"""Checks over the whole scenario, run once every definition is compiled."""

from __future__ import annotations

from game.rules.effects import Effect
from game.scenario.build import Build
from game.scenario.compiled import Action, Ending, Event, Modifier, Site, Treaty
from game.scenario.kinds.conditions import check_conditions
from game.scenario.kinds.events import warn_untriggered
from game.scenario.kinds.graph import check_cycles
from game.scenario.kinds.ignored import check_ignored
from game.scenario.kinds.promises import check_promises
from game.scenario.kinds.reach import check_endings
from game.scenario.kinds.unused import check_unused


def check_all(
    b: Build,
    sites: dict[str, Site],
    modifiers: dict[str, Modifier],
    actions: dict[str, Action],
    events: dict[str, Event],
    endings: list[Ending],
    treaties: dict[str, Treaty],
    thorough: bool = True,
) -> None:
    """Run the checks that can refuse a scenario; `thorough` adds those that only warn.

    A plain load (to play) skips the warnings and the geometry: a file they fault still
    loads and plays as written, and `validate` runs them all.
    """
    check_cycles(b, events)  # a circle of same-turn follow-ups is an error
    if not thorough:
        return
    others: list[Effect] = [e for mo in modifiers.values() for e in mo.effects]
    for a in actions.values():
        others += [*a.effects, *a.per_turn, *a.on_complete]
    for t in treaties.values():
        others += [*t.on_sign, *t.on_refused, *t.per_turn, *t.on_break]
    warn_untriggered(b, events, others)
    options = [e for ev in events.values() for o in ev.options for e in o.effects]
    check_conditions(b, events, actions, endings, sites, treaties)
    check_ignored(b)
    check_endings(b, endings)
    check_unused(b, [*others, *options])
    check_promises(b, events)
    from game.scenario.kinds.geometry import check_geometry  # shapely: for validate only

    check_geometry(b)
