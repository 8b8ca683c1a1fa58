"""The Pact scenario gives every playable power a game of its own."""

from collections import Counter

from game.scenario.load import load_scenario


def test_britain_and_france_have_ten_events_each() -> None:
    sc = load_scenario("pact")
    events = Counter(e.d.country for e in sc.events.values())
    assert events["GBR"] >= 10 and events["FRA"] >= 10, events


def test_every_playable_power_has_three_strategies() -> None:
    sc = load_scenario("pact")
    strategies = Counter(s.country for s in sc.strategies.values())
    assert all(strategies[c] >= 3 for c in sc.meta.playable), strategies
