"""Whether a country may take an action now: one function, structured reasons."""

from __future__ import annotations

from attrs import frozen

from game.engine.exclusive import clash
from game.locale import N_, _, ngettext
from game.model.state import GameState
from game.rules.types import Env
from game.scenario.compiled import Action, Scenario


@frozen
class Blocker:
    """One reason an action cannot be taken: a code for programs, a message for players."""

    # over, closing, actor, points, once, cooldown, running, condition, target, no_target;
    # "standing" stands for any of once/cooldown/running/over/actor when not worded.
    code: str
    message: str


CLOSING = N_("The last turn is over: answer the proposals, then end the turn")


def closing() -> Blocker:
    """Return the blocker of every move made after the last turn, while its answers wait."""
    return Blocker("closing", _(CLOSING))


def points(cost: int, have: int) -> Blocker:
    """Return the blocker of a country short of action points."""
    pattern = ngettext(
        "Needs {n} action point (you have {have})",
        "Needs {n} action points (you have {have})",
        cost,
    )
    return Blocker("points", pattern.format(n=cost, have=have))


def standing(
    sc: Scenario, st: GameState, action: Action, me: str, explain: bool = True
) -> list[Blocker]:
    """Return the reasons that hold whatever the target: the game, the actor, points, repeats.

    With `explain=False` it stops at the first reason and leaves it unworded (for the AI).
    """
    d = action.d
    if not explain:
        return _first_standing(sc, st, action, me)
    if st.over:
        return [Blocker("over", _("The game is over"))]
    if st.closing:
        return [closing()]
    if me not in d.actors:
        return [
            Blocker(
                "actor",
                _("{country} cannot take this action").format(country=sc.lex.country(me, st)),
            )
        ]
    out = []
    have = st.ap.get(me, 0)
    if d.cost > have:
        out.append(points(d.cost, have))
    last = st.last_used.get(f"{me}:{d.id}")
    if last is not None:
        if d.once:
            out.append(Blocker("once", _("Already done; it can be done only once")))
        elif d.cooldown and last + d.cooldown > st.turn:
            wait = last + d.cooldown - st.turn
            again = ngettext("Available again in {n} turn", "Available again in {n} turns", wait)
            out.append(Blocker("cooldown", again.format(n=wait)))
    if any(p.action == d.id and p.country == me for p in st.projects):
        out.append(Blocker("running", _("Already under way")))
    other = clash(sc, st, action, me)
    if other:
        out.append(Blocker("exclusive", _("Not in the same turn as {action}").format(action=other)))
    return out


_SILENT = {
    code: Blocker(code, "") for code in ("points", "condition", "target", "standing", "no_target")
}
_SHUT = [_SILENT["standing"]]


def _first_standing(sc: Scenario, st: GameState, action: Action, me: str) -> list[Blocker]:
    """Return [] when nothing but the target stands in the way, else one unworded reason."""
    d = action.d
    if st.over or st.closing or me not in d.actors:
        return _SHUT
    if d.cost > st.ap.get(me, 0):
        return [_SILENT["points"]]
    last = st.last_used.get(f"{me}:{d.id}")
    if last is not None and (d.once or last + d.cooldown > st.turn):
        return _SHUT
    for p in st.projects:
        if p.action == d.id and p.country == me:
            return _SHUT
    if d.id in sc.exclusive_partners and clash(sc, st, action, me):
        return _SHUT
    return []


def target_blockers(
    sc: Scenario, st: GameState, action: Action, me: str, target: str, explain: bool = True
) -> list[Blocker]:
    """Return why an action cannot be aimed at one country now ([] when it can)."""
    assert action.d.target is not None
    allowed = action.d.target.countries or sc.others[me]
    if target not in allowed:
        name = sc.lex.country(target, st)
        return [Blocker("target", _("It cannot be aimed at {country}").format(country=name))]
    env = Env(me, target)
    out: list[Blocker] = []
    for node in (action.target_when, action.when):
        if not node.fn(st, env):
            if not explain:
                return [_SILENT["target"]]
            reasons = node.explain(st, env, sc.lex)
            out += [Blocker("target", r) for r in reasons if all(r != b.message for b in out)]
    return out


def blockers(
    sc: Scenario,
    st: GameState,
    action: Action,
    me: str,
    target: str | None = None,
    explain: bool = True,
) -> list[Blocker]:
    """Return why a country cannot take an action now, at a target if given ([] when it can).

    A targeted action without a target is open when some target is valid. With
    `explain=False` conditions are checked but not put into words (for the AI).
    """
    out = standing(sc, st, action, me) if explain else _first_standing(sc, st, action, me)
    if out and (not explain or out[0].code in ("over", "closing", "actor")):
        return out
    if action.d.target is None:
        if target is not None:
            return [
                *out,
                Blocker("target", _("{action} takes no target").format(action=action.d.name)),
            ]
        env = Env(me, None)
        if not action.when.fn(st, env):
            if not explain:
                return [_SILENT["condition"]]
            out += [Blocker("condition", r) for r in action.when.explain(st, env, sc.lex)]
        return out
    if target is not None:
        return out + target_blockers(sc, st, action, me, target, explain)
    if has_target(sc, st, action, me):
        return out
    ids = action.d.target.countries or sc.others[me]
    if not explain:
        return [_SILENT["no_target"]]
    if len(ids) == 1:
        return out + target_blockers(sc, st, action, me, ids[0])
    return [*out, Blocker("no_target", _("No country is a valid target now"))]


def open_targets(sc: Scenario, st: GameState, action: Action, me: str) -> list[str | None]:
    """Return where an action may be aimed now: [None] when it takes no target, [] when shut.

    The checks of `blockers(..., explain=False)`, made once for all targets (for the AI).
    """
    if _first_standing(sc, st, action, me):
        return []
    if action.d.target is None:
        return [None] if action.when.fn(st, Env(me, None)) else []
    return list(valid_targets(sc, st, action, me))


def valid_targets(sc: Scenario, st: GameState, action: Action, me: str) -> list[str]:
    """Return the countries an action may be aimed at now, in scenario order."""
    assert action.d.target is not None
    when, aim = action.when.fn, action.target_when.fn
    found = []
    for cid in action.d.target.countries or sc.others[me]:
        env = Env(me, cid)
        if aim(st, env) and when(st, env):
            found.append(cid)
    return found


def has_target(sc: Scenario, st: GameState, action: Action, me: str) -> bool:
    """Return whether `valid_targets` would find any, stopping at the first."""
    assert action.d.target is not None
    when, aim = action.when.fn, action.target_when.fn
    for cid in action.d.target.countries or sc.others[me]:
        env = Env(me, cid)
        if aim(st, env) and when(st, env):
            return True
    return False
