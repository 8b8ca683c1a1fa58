"""All-AI games in bulk: endings, scores, event and action counts for balance reports."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from game.engine.balance import BalanceProbe
from game.engine.commands import EndTurn
from game.engine.game import Game, new_game
from game.engine.strategies import policy_for
from game.engine.tally import Tally, aggregate, report
from game.model.state import GameState
from game.rules.lexicon import fmt_month
from game.rules.types import Env, Fn
from game.scenario.compiled import Event, Scenario


class ConditionProbe:
    """Counts, for every event check, whether its condition held and which parts failed."""

    def __init__(self) -> None:
        self.checks: Counter[str] = Counter()
        self.held: Counter[str] = Counter()
        self.failed: dict[str, Counter[str]] = {}
        self._atoms: dict[str, list[tuple[Fn, str]]] = {}  # each event's condition, split once

    def __call__(self, event: Event, st: GameState, env: Env, holds: bool) -> None:
        eid = event.d.id
        self.checks[eid] += 1
        if holds:
            self.held[eid] += 1
            return
        counts = self.failed.setdefault(eid, Counter())
        atoms = self._atoms.get(eid)
        if atoms is None:
            atoms = self._atoms[eid] = [(atom.fn, atom.src) for atom in event.when.atoms()]
        for fn, src in atoms:
            if not fn(st, env):
                counts[src] += 1

    def as_dict(self) -> dict[str, Any]:
        """Return the counts as JSON-ready data."""
        return {
            eid: {
                "checks": n,
                "held": self.held.get(eid, 0),
                "failed": dict(self.failed.get(eid, {})),
            }
            for eid, n in self.checks.items()
        }


def play_out(
    scenario: Scenario,
    seed: int,
    historical: bool = False,
    difficulty: int = 1,
    probe: ConditionProbe | None = None,
    verified: bool = True,
    play_as: tuple[str, str] | None = None,
) -> Game:
    """Play one all-AI game to its end (`verified=False`: without per-turn state hashes).

    `play_as` is (country, strategy): that country plays the strategy, the others their AI.
    """
    game = new_game(
        scenario, seed=seed, humans=[], difficulty=difficulty, historical=historical, probe=probe
    )
    game.verified = verified
    if probe is not None:
        game.balance = BalanceProbe()
    if play_as is not None:
        game.policies[play_as[0]] = policy_for(scenario, *play_as)
    end = EndTurn()
    while not game.state.over:
        game.apply(end)
    return game


def historical_game(scenario: Scenario, seed: int = 0) -> Game:
    """Return the game the historical-mode AI plays: what really happened, turn by turn."""
    key = (scenario.content_hash, scenario.language, seed)  # its log reads in that language
    if key not in _HISTORICAL:
        _HISTORICAL.clear()
        _HISTORICAL[key] = play_out(scenario, seed, historical=True)
    return _HISTORICAL[key]


_HISTORICAL: dict[tuple[str, str, int], Game] = {}


def summarize(game: Game, probe: ConditionProbe | None = None) -> dict[str, Any]:
    """Reduce a finished game to what the balance report counts."""
    st = game.state
    return {
        "conditions": probe.as_dict() if probe else {},
        "seed": st.seed,
        "endings": dict(st.endings),
        "scores": dict(st.scores),
        "events": sorted({e.id for e in st.log if e.kind == "event"}),
        "event_months": _firings(st),
        "actions": dict(Counter(e.id for e in st.log if e.kind == "action")),
        "turns": st.turn + 1,
        "series": st.series,
        "dropped": dict(game.dropped),
        "treaties": dict(Counter(e.id for e in st.log if e.kind == "treaty")),
        "refusals": [[tid, why, n] for (tid, why), n in game.refusals.items()],
        **_balance(game),
    }


def _balance(game: Game) -> dict[str, Any]:
    """Return a game's dominated options and dead turns, when they were counted."""
    probe = game.balance
    if probe is None:
        return {}
    return {
        "offered": dict(probe.offered),
        "beaten": {k: n for k, n in probe.beaten.items() if n},
        "dead": probe.dead,
        "thin": probe.thin.turns,
    }


def _firings(st: GameState) -> dict[str, list[int]]:
    """Return the month of every firing of every event in a game."""
    out: dict[str, list[int]] = {}
    for e in st.log:
        if e.kind == "event":
            out.setdefault(e.id, []).append(e.month)
    return out


def timeline(game: Game) -> list[dict[str, Any]]:
    """Return a finished game's dated events, actions and endings."""
    sc = game.scenario
    return [
        {
            "date": fmt_month(e.month),
            "kind": e.kind,
            "id": e.id,
            "title": e.title,
            "country": e.country,
            "option": e.option,
            **({"parties": e.text.split(",")} if e.kind == "treaty" else {}),
        }
        for e in game.state.log
        if e.kind in ("event", "action", "ending", "complete", "treaty")
        and e.id
        and (e.kind != "event" or e.id in sc.events)
    ]


_WORKER: dict[str, Any] = {}


def _start_worker(path: str) -> None:
    """Load the scenario once in a worker process."""
    from game.scenario.load import load_scenario

    _WORKER["scenario"] = load_scenario(path)


def _play_chunk(args: tuple[list[int], bool, int, tuple[str, str] | None]) -> Tally:
    """Play a run of seeds in a worker and return their tally."""
    seeds, historical, difficulty, play_as = args
    return _play(_WORKER["scenario"], seeds, historical, difficulty, play_as=play_as)


def _play(
    scenario: Scenario,
    seeds: list[int],
    historical: bool,
    difficulty: int,
    progress: Callable[[int], None] | None = None,
    play_as: tuple[str, str] | None = None,
) -> Tally:
    """Play one game per seed, folding each into a tally as soon as it ends."""
    tally = Tally(tuple(scenario.meta.playable))
    for s in seeds:
        probe = ConditionProbe()
        game = play_out(scenario, s, historical, difficulty, probe, False, play_as)
        tally.add(summarize(game, probe))
        if progress:
            progress(tally.games)
    return tally


def simulate(
    scenario: Scenario,
    games: int,
    seed: int = 0,
    historical: bool = False,
    difficulty: int = 1,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
    play_as: tuple[str, str] | None = None,
) -> dict[str, Any]:
    """Play `games` all-AI games with seeds seed, seed+1, …; aggregate the results."""
    seeds = [seed + i for i in range(games)]
    if jobs > 1 and games > 1:
        size = max(1, games // (jobs * 8))
        chunks = [
            (seeds[i : i + size], historical, difficulty, play_as) for i in range(0, games, size)
        ]
        tally = Tally(tuple(scenario.meta.playable))
        with ProcessPoolExecutor(
            max_workers=jobs, initializer=_start_worker, initargs=(str(scenario.path),)
        ) as pool:
            for part in pool.map(_play_chunk, chunks):
                tally.merge(part)
                if progress:
                    progress(tally.games, games)
    else:
        step = (lambda done: progress(done, games)) if progress else None
        tally = _play(scenario, seeds, historical, difficulty, step, play_as)
    return report(scenario, tally, seed, historical)


__all__ = ["ConditionProbe", "Tally", "aggregate", "play_out", "report", "simulate", "summarize"]
