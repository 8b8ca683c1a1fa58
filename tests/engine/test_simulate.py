"""Bulk simulation: totals kept as games end, the same figures whatever the number of jobs."""

from __future__ import annotations

from array import array

import pytest

from game.engine import simulate as sim
from tests.helpers import MINI, mini


def test_jobs_give_the_same_report_as_one_process() -> None:
    one = sim.simulate(mini(), 12, seed=3)
    two = sim.simulate(mini(), 12, seed=3, jobs=2)
    assert one == two and one["games"] == 12


def test_the_tally_keeps_numbers_not_games() -> None:
    seeds = list(range(6))
    tally = sim._play(mini(), seeds, historical=False, difficulty=1)
    assert tally.games == 6
    column = next(iter(tally.series.values()))
    assert all(isinstance(cell, array) and len(cell) <= 6 for cell in column)
    assert not any(isinstance(v, dict | list) and len(v) == 6 for v in vars(tally).values())


def test_merged_tallies_report_like_one_tally() -> None:
    whole = sim._play(mini(), list(range(8)), False, 1)
    first, second = (
        sim._play(mini(), list(range(5)), False, 1),
        sim._play(mini(), [5, 6, 7], False, 1),
    )
    second.merge(first)
    assert sim.report(mini(), whole, 0, False) == sim.report(mini(), second, 0, False)


def test_a_worker_loads_the_scenario_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import game.scenario.load as load

    calls: list[str] = []
    real = load.load_scenario

    def counting(path: str) -> object:
        calls.append(path)
        return real(path)

    monkeypatch.setattr(load, "load_scenario", counting)
    sim._start_worker(str(MINI))
    for chunk in ([0, 1], [2, 3], [4]):
        sim._play_chunk((chunk, False, 1, None))
    assert calls == [str(MINI)]
