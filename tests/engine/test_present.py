"""Who is on the stage: an annexed state leaves the lists, a new one joins them when it is made."""

from __future__ import annotations

from game.engine.commands import EndTurn
from game.engine.game import new_game
from game.engine.view import view_of
from game.scenario.load import load_scenario


def test_austria_leaves_and_the_slovak_state_arrives_in_the_historical_pact() -> None:
    sc = load_scenario("pact")
    assert sc.landed is not None and "SLO" in sc.landed and "JPN" not in sc.landed
    game = new_game(sc, seed=1, historical=True)
    seen: dict[int, list[str]] = {}
    while not game.state.over:
        seen[game.state.month] = view_of(game, "SOV").present()
        game.apply(EndTurn())
    first, last = seen[min(seen)], seen[max(seen)]
    assert "AUT" in first and "CZE" in first and "SLO" not in first
    assert "JPN" in first and "JPN" in last  # off the map, but there all along
    assert "AUT" not in last and "CZE" not in last and "SLO" in last
    assert all(c in last for c in sc.meta.playable)
    made = min(m for m, present in seen.items() if "SLO" in present)
    assert 1939 * 12 + 2 <= made <= 1939 * 12 + 4  # made in March 1939, listed from then on


def test_every_country_of_rapallo_is_present_at_the_start() -> None:
    sc = load_scenario("rapallo")
    game = new_game(sc, seed=1)
    assert view_of(game, "GER").present() == list(sc.countries)
