"""Exclusive actions: a country never takes two actions that exclude each other in one turn."""

from __future__ import annotations

import pytest

from game.engine.commands import GameError, TakeAction
from game.engine.eligibility import blockers
from game.engine.game import new_game
from game.scenario.load import load_scenario


def test_taking_one_action_blocks_its_exclusive_partner_this_turn() -> None:
    sc = load_scenario("rapallo")
    game = new_game(sc, seed=2, humans=["FRA"])
    game.state.pending = {}
    st = game.state
    st.ap["FRA"] = 5
    press = sc.actions["press_enforcement"]
    conc = sc.actions["conciliation"]
    st.last_used[f"FRA:{press.d.id}"] = st.turn
    view = next(v for v in game.available_actions("FRA") if v.action is conc)
    assert f"Not in the same turn as {press.d.name}" in view.reasons
    assert blockers(sc, st, conc, "FRA", explain=False)
    target = conc.d.target.countries[0] if conc.d.target and conc.d.target.countries else None
    with pytest.raises(GameError, match="same turn"):
        game.apply(TakeAction(country="FRA", action=conc.d.id, target=target))


def test_the_ai_never_plays_exclusive_partners_in_one_turn() -> None:
    sc = load_scenario("rapallo")
    game = new_game(sc, seed=11, humans=[])
    from game.engine.commands import EndTurn

    for _ in range(40):
        if game.state.over:
            break
        game.apply(EndTurn(country=None))
    taken: dict[tuple[int, str], set[str]] = {}
    for entry in game.state.log:
        if entry.kind == "action":
            taken.setdefault((entry.turn, entry.country), set()).add(entry.id)
    for (_, country), ids in taken.items():
        for aid in ids:
            assert not set(sc.actions[aid].d.exclusive) & ids, (country, ids)
