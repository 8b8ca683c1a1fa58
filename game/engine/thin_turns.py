"""Thin turns for simulate: turns in which a playable power had fewer than two real choices.

A power's choices at the start of a turn are counted as: every action it may take now, plus
every treaty it may propose now to at least one partner, plus one for each event that fired
for it this turn offering two or more options. A turn with fewer than two is thin.
"""

from __future__ import annotations

from collections import Counter

from game.engine import diplomacy
from game.engine.eligibility import blockers
from game.model.state import GameState
from game.rules.types import Env
from game.scenario.compiled import Event, Scenario, Treaty

# A turn is thin when a power had fewer choices than this.
MIN_CHOICES = 2


def _may_propose(sc: Scenario, st: GameState, treaty: Treaty, me: str) -> bool:
    """Return True when the country may propose the treaty now to some partner."""
    if not treaty.when.fn(st, Env(me, None)):
        return False
    if not treaty.bilateral:
        invited = diplomacy.invitees(sc, treaty, me, None)
        return not diplomacy.blockers(sc, st, treaty, me, invited, explain=False)
    return any(
        not diplomacy.blockers(sc, st, treaty, me, [p], explain=False)
        for p in diplomacy.candidates(sc, treaty, me)
    )


def choices(sc: Scenario, st: GameState, me: str, answerable: int = 0) -> int:
    """Return a power's usable actions and proposable treaties, plus `answerable` events."""
    acts = sum(not blockers(sc, st, a, me, explain=False) for a in sc.actions_for(me))
    pacts = sum(_may_propose(sc, st, t, me) for t in sc.treaties_for(me))
    return acts + pacts + answerable


def open_actions(sc: Scenario, st: GameState, me: str, most: int = MIN_CHOICES) -> int:
    """Return how many actions a power may take now, counting no further than `most`."""
    found = 0
    for action in sc.actions_for(me):
        if not blockers(sc, st, action, me, explain=False):
            found += 1
            if found >= most:
                break
    return found


def _treaties_reach(sc: Scenario, st: GameState, me: str, need: int) -> bool:
    """Return True when the power may propose at least `need` treaties now."""
    found = 0
    for treaty in sc.treaties_for(me):
        if found >= need:
            break
        found += _may_propose(sc, st, treaty, me)
    return found >= need


class ThinTurns:
    """Records, in one game, the turns in which a playable power had fewer than two choices."""

    def __init__(self) -> None:
        self.answerable: Counter[tuple[int, str]] = Counter()  # (turn, country): events
        self.turns: dict[str, list[int]] = {}

    def event(self, st: GameState, event: Event, me: str) -> None:
        """Count a firing event as one choice when it offers its country two or more options."""
        env = Env(me, None)
        if sum(bool(o.when.fn(st, env)) for o in event.options) >= MIN_CHOICES:
            self.answerable[(st.turn, me)] += 1

    def turn(self, sc: Scenario, st: GameState) -> dict[str, int]:
        """Record the playable powers whose choices at the start of this turn are too few.

        Counting stops once a power has enough; return each power's open actions, so
        counted (0 means none).
        """
        acts: dict[str, int] = {}
        for cid in sc.meta.playable:
            acts[cid] = found = open_actions(sc, st, cid)
            found += self.answerable[(st.turn, cid)]
            if found < MIN_CHOICES and not _treaties_reach(sc, st, cid, MIN_CHOICES - found):
                self.turns.setdefault(cid, []).append(st.turn)
        return acts
