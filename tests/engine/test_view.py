"""The per-country view: estimates, reveal conditions, and the references secrets make."""

from __future__ import annotations

import pytest

from game.engine.game import new_game
from game.engine.view import bucket, view_of
from game.rules.compiler import Compiler
from game.scenario.load import bundled_ids, load_scenario


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, (0, 20)), (17, (0, 20)), (37.3, (20, 40)), (100, (80, 100)), (99.9, (80, 100))],
    ids=["bottom", "low", "middle", "top", "near-top"],
)
def test_an_estimate_is_a_fixed_range_that_holds_the_value(
    value: float, expected: tuple[float, float]
) -> None:
    assert bucket(value, 20, 0, 100) == expected


@pytest.mark.parametrize("scenario_id", bundled_ids())
def test_secret_references_name_real_things(scenario_id: str) -> None:
    sc = load_scenario(scenario_id)
    comp = Compiler(sc.lex)
    defs = [
        *(a.d for a in sc.actions.values()),
        *(m.d for m in sc.modifiers.values()),
        *sc.stats.values(),
        *sc.globals.values(),
    ]
    for d in defs:
        assert set(d.known_to) <= set(sc.countries), d
        if d.revealed_when:
            comp.condition(d.revealed_when)
    for action in sc.actions.values():
        assert set(action.d.exclusive) <= set(sc.actions), action.d.id


def test_a_secret_global_is_exact_for_insiders_and_a_range_for_others() -> None:
    sc = load_scenario("rapallo")
    game = new_game(sc, seed=1, humans=["FRA"])
    game.state.globals["cooperation"] = 37.3
    assert view_of(game, "GER").global_("cooperation").text() == "37.3"
    outside = view_of(game, "FRA").global_("cooperation")
    assert outside.estimate and outside.text() == "20–40"
    game.state.flags["exposed"] = game.state.turn
    assert view_of(game, "FRA").global_("cooperation").exact
