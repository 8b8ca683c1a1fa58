"""Thin turns: a power's choices are its open actions and treaties plus answerable events."""

from __future__ import annotations

from game.engine import simulate as sim
from game.engine.eligibility import blockers
from game.engine.thin_turns import ThinTurns, choices
from game.sim_cli import format_report
from tests.helpers import mini, mini_game


def test_choices_count_open_actions_and_answerable_events() -> None:
    sc, game = mini(), mini_game(humans=[])
    st = game.state
    open_actions = sum(not blockers(sc, st, a, "ALF", explain=False) for a in sc.actions_for("ALF"))
    assert choices(sc, st, "ALF") >= open_actions
    assert choices(sc, st, "ALF", answerable=1) == choices(sc, st, "ALF") + 1


def test_a_turn_is_thin_below_two_choices_and_an_event_with_two_options_counts() -> None:
    sc, game = mini(), mini_game(humans=[])
    st = game.state
    st.ap["ALF"] = 0  # no action point: no action or treaty is open
    thin = ThinTurns()
    thin.turn(sc, st)
    assert st.turn in thin.turns["ALF"]
    thin = ThinTurns()
    thin.event(st, sc.events["harvest"], "ALF")  # sell or feast: two options
    thin.answerable[(st.turn, "ALF")] += 1  # and a second event
    thin.turn(sc, st)
    assert "ALF" not in thin.turns


def test_the_report_gives_every_playable_power_its_thin_turns() -> None:
    report = sim.simulate(mini(), 6, seed=2)
    assert set(report["thin_turns"]) == {"ALF", "BRV"}
    for figures in report["thin_turns"].values():
        assert 0 <= figures["worst_share"] <= 1
        assert all(isinstance(t, int) for t in figures["turns_over_limit"])
    text = format_report(mini(), report)
    assert "ALF: fewer than two choices in at most" in text
