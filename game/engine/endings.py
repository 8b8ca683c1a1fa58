"""How a game ends: early endings every turn, and an ending for every playable country.

When time ends the game while proposals made in its last turn still wait for people, it
ends only after their answers: the game holds for them (`closing`) and ends the turn after.
"""

from __future__ import annotations

from game.model.state import GameState, LogEntry
from game.rules.types import Env
from game.scenario.compiled import Ending, Scenario


def early(sc: Scenario, st: GameState) -> Ending | None:
    """Return the ending that ends the game before its time now (a forced one first), if any."""
    if st.forced_ending:
        return next(e for e in sc.endings if e.d.id == st.forced_ending)
    for ending in sc.endings:
        if ending.d.early and ending.when.holds(st, Env(ending.countries[0], None)):
            return ending
    return None


def time_up(sc: Scenario, st: GameState) -> bool:
    """Return True when the current turn is the scenario's last."""
    return st.month + sc.meta.months_per_turn > sc.end_month


def awaits(st: GameState, cid: str) -> bool:
    """Return True when a proposal waits for this country's answer."""
    return any(cid in p.invited and cid not in p.answers for p in st.proposals)


def answers_due(sc: Scenario, st: GameState) -> bool:
    """Return True when time would end the game now while a proposal waits for a person.

    An early ending ends the game at once, as in any turn: it drops what waits.
    """
    if not time_up(sc, st) or not any(awaits(st, cid) for cid in st.humans):
        return False
    return early(sc, st) is None


def hold_for_answers(st: GameState) -> None:
    """Hold the game after its last turn: only the people with proposals to answer act."""
    st.closing = True
    st.pending = {}  # no events are asked any more, as when the game ends
    st.ap = dict.fromkeys(st.ap, 0)
    st.done = [cid for cid in st.humans if not awaits(st, cid)]


def check(sc: Scenario, st: GameState) -> bool:
    """Give every playable country its ending when the game ends now; True when it does."""
    found = early(sc, st)
    if found is None and not time_up(sc, st):
        return False
    for cid in sc.meta.playable:
        chosen = found if found is not None and cid in found.countries else None
        if chosen is None:
            chosen = next(
                (
                    e
                    for e in sc.endings
                    if not e.d.early and cid in e.countries and e.when.holds(st, Env(cid, None))
                ),
                None,
            )
        if chosen is None:
            continue
        st.endings[cid] = chosen.d.id
        env = Env(cid, None)
        st.scores[cid] = round(chosen.score_for(cid).number(st, env), 1)
        title = chosen.title_for(cid).render(st, env, sc.lex)
        st.log.append(LogEntry(st.turn, st.month, "ending", chosen.d.id, cid, title))
    st.over = True
    st.closing = False
    st.pending = {}
    st.proposals = []
    return True
