"""The paths a country can take: each ending it can reach, its requirements and progress now.

Read from the same compiled conditions the engine checks at the end, through the country's
view: a requirement on a number the country only estimates says so instead of telling.
"""

from __future__ import annotations

from attrs import frozen

from game.engine.view import CountryView
from game.locale import N_, _
from game.rules.functions import NEVER
from game.rules.nodes import Check, show
from game.rules.ranges import value_range
from game.rules.types import Env

NEVER_WORDS = N_("never so far")


@frozen
class Step:
    """One requirement: its words, whether it holds (None: the country cannot tell), the value."""

    text: str
    met: bool | None
    now: str = ""


@frozen
class PathView:
    """One ending a country can reach and how far it is from it."""

    id: str
    title: str
    early: bool
    steps: tuple[Step, ...]
    score_now: float
    score_max: float | None

    @property
    def met(self) -> bool:
        """Return True when every requirement holds now."""
        return all(s.met for s in self.steps)


def _step(view: CountryView, check: Check, env: Env) -> Step:
    """Return a requirement as the viewer may know it."""
    node = check.measured
    if node is None:
        return Step(check.text, check.met)
    st, lex = view.game.state, view.game.scenario.lex
    if node.kind == "stat" and node.parts:
        reading = view.stat(str(node.parts[0].fn(st, env)), node.name)
    elif node.kind == "global":
        reading = view.global_(node.name)
    else:
        value = node.fn(st, env)
        return Step(
            check.text, check.met, _(NEVER_WORDS) if value == NEVER else show(value, lex, st)
        )
    return Step(check.text, check.met if reading.exact else None, reading.text())


def paths(view: CountryView) -> list[PathView]:
    """Return the endings the viewer can reach, in the order the engine checks them.

    Endings that end the game early come last; the others are checked in order at the end
    and the first whose requirements hold is the country's.
    """
    game, me = view.game, view.viewer
    sc, st = game.scenario, game.state
    env = Env(me, None)
    out: list[PathView] = []
    for ending in sc.endings:
        if me not in ending.countries:
            continue
        steps = tuple(_step(view, c, env) for c in ending.when.checklist(st, env, sc.lex))
        if ending.when.kind == "const" and not ending.when.holds(st, env):
            steps = (Step(_("Only an event can bring it about"), False),)
        score = ending.score_for(me)
        span = value_range(score, sc.lex, env)
        title = ending.title_for(me).render(st, env, sc.lex)
        out.append(
            PathView(
                ending.d.id,
                title,
                ending.d.early,
                steps,
                round(score.number(st, env), 1),
                round(span[1], 1) if span else None,
            )
        )
    return [p for p in out if not p.early] + [p for p in out if p.early]


def leading(found: list[PathView]) -> PathView | None:
    """Return the ending the country would reach if the game ended now, if one holds."""
    return next((p for p in found if not p.early and p.met), None)
