"""[[action]]: actors, targets, costs and the compiled conditions and effects."""

from __future__ import annotations

from game.locale import _
from game.model.defs import ActionDef
from game.rules.errors import unknown
from game.scenario.build import PLAIN, TARGETED, Build
from game.scenario.compiled import Action


def _check(b: Build, i: int, a: ActionDef, sites: set[str]) -> int | None:
    report = b.report
    for j, cid in enumerate(a.actors):
        b.country(cid, b.at("action", i, f"actors[{j}]"))
    if not a.actors:
        report.at("action", i, "actors", _("name at least one actor"))
    if a.target is not None:
        for j, cid in enumerate(a.target.countries):
            b.country(cid, b.at("action", i, f"target.countries[{j}]"))
    if a.site and a.site not in sites:
        report.at("action", i, "site", unknown("site", a.site, sites))
    if a.duration == 0 and (a.per_turn or a.on_complete):
        report.at("action", i, "duration", _("per_turn and on_complete need a duration > 0"))
    if not (a.effects or a.per_turn or a.on_complete):
        report.at("action", i, "effects", _("the action has no effects"), "warning")
    if not a.historical_date:
        return None
    month = b.date(a.historical_date, b.at("action", i, "historical_date"))
    b.in_scenario(month, b.at("action", i, "historical_date"))
    return month


def link_actions(b: Build, sites: set[str]) -> dict[str, Action]:
    """Check and compile every action."""
    out: dict[str, Action] = {}
    for i, a in enumerate(b.m.action):
        hist = _check(b, i, a, sites)
        scope = TARGETED if a.target is not None else PLAIN
        out[a.id] = Action(
            a,
            b.cond("action", i, "when", a.when, scope),
            b.cond("action", i, "target.when", a.target.when if a.target else "", TARGETED),
            b.effects("action", i, "effects", a.effects, scope),
            b.effects("action", i, "per_turn", a.per_turn, scope),
            b.effects("action", i, "on_complete", a.on_complete, scope),
            hist,
        )
    return out
