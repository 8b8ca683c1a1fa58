"""How a game ends: early endings every turn, and an ending for every playable country."""

from __future__ import annotations

from game.model.state import GameState, LogEntry
from game.rules.types import Env
from game.scenario.compiled import Scenario


def check(sc: Scenario, st: GameState) -> bool:
    """Give every playable country its ending when the game ends now; True when it does."""
    early = None
    if st.forced_ending:
        early = next(e for e in sc.endings if e.d.id == st.forced_ending)
    else:
        for ending in sc.endings:
            if ending.d.early and ending.when.holds(st, Env(ending.countries[0], None)):
                early = ending
                break
    if early is None and st.month + sc.meta.months_per_turn <= sc.end_month:
        return False
    for cid in sc.meta.playable:
        chosen = early if early is not None and cid in early.countries else None
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
    st.pending = {}
    st.proposals = []
    return True
