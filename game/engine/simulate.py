"""All-AI games in bulk: endings, scores, event and action counts for balance reports."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from game.engine.balance import BalanceProbe
from game.engine.commands import EndTurn
from game.engine.game import Game, new_game
from game.engine.strategies import can_act, policy_for
from game.model.state import GameState
from game.rules.lexicon import fmt_month
from game.rules.types import Env
from game.scenario.compiled import Event, Scenario


class ConditionProbe:
    """Counts, for every event check, whether its condition held and which parts failed."""

    def __init__(self) -> None:
        self.checks: Counter[str] = Counter()
        self.held: Counter[str] = Counter()
        self.failed: dict[str, Counter[str]] = {}

    def __call__(self, event: Event, st: GameState, env: Env, holds: bool) -> None:
        eid = event.d.id
        self.checks[eid] += 1
        if holds:
            self.held[eid] += 1
            return
        counts = self.failed.setdefault(eid, Counter())
        for atom in event.when.atoms():
            if not atom.fn(st, env):
                counts[atom.src] += 1

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
        game.balance = BalanceProbe(can_act)
    if play_as is not None:
        game.policies[play_as[0]] = policy_for(scenario, *play_as)
    end = EndTurn()
    while not game.state.over:
        game.apply(end)
    return game


def historical_game(scenario: Scenario, seed: int = 0) -> Game:
    """Return the game the historical-mode AI plays: what really happened, turn by turn."""
    key = (scenario.content_hash, seed)
    if key not in _HISTORICAL:
        _HISTORICAL.clear()
        _HISTORICAL[key] = play_out(scenario, seed, historical=True)
    return _HISTORICAL[key]


_HISTORICAL: dict[tuple[str, int], Game] = {}


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
    }


# An option counts as dominated when another option of its event beat it this often.
DOMINATED_SHARE = 0.9
# A turn counts as dead for a power when it had no usable action in this share of games.
DEAD_SHARE = 0.1


def balance_figures(scenario: Scenario, results: list[dict[str, Any]]) -> dict[str, Any]:
    """Return options dominated nearly always, and per power the turns too often dead."""
    offered: Counter[str] = Counter()
    beaten: Counter[str] = Counter()
    dead: dict[str, Counter[int]] = {c: Counter() for c in scenario.meta.playable}
    for r in results:
        offered.update(r.get("offered", {}))
        beaten.update(r.get("beaten", {}))
        for cid, turns in r.get("dead", {}).items():
            dead.setdefault(cid, Counter()).update(turns)
    n = max(len(results), 1)
    return {
        "dominated_options": {
            key: round(beaten[key] / offered[key], 2)
            for key in sorted(offered)
            if beaten[key] >= DOMINATED_SHARE * offered[key] and offered[key]
        },
        "dead_turns": {
            cid: {
                "worst_share": round(max(counts.values(), default=0) / n, 3),
                "turns_over_limit": sorted(t for t, k in counts.items() if k / n > DEAD_SHARE),
            }
            for cid, counts in dead.items()
        },
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


def _one(args: tuple[str, int, bool, int, tuple[str, str] | None]) -> dict[str, Any]:
    from game.scenario.load import load_scenario

    path, seed, historical, difficulty, play_as = args
    probe = ConditionProbe()
    sc = load_scenario(path)
    game = play_out(sc, seed, historical, difficulty, probe, verified=False, play_as=play_as)
    return summarize(game, probe)


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
    results: list[dict[str, Any]] = []
    if jobs > 1 and games > 1:
        args = [(str(scenario.path), s, historical, difficulty, play_as) for s in seeds]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for i, result in enumerate(pool.map(_one, args, chunksize=max(1, games // (jobs * 8)))):
                results.append(result)
                if progress:
                    progress(i + 1, games)
    else:
        for i, s in enumerate(seeds):
            probe = ConditionProbe()
            game = play_out(
                scenario, s, historical, difficulty, probe, verified=False, play_as=play_as
            )
            results.append(summarize(game, probe))
            if progress:
                progress(i + 1, games)
    return aggregate(scenario, results, seed, historical)


def treaty_figures(scenario: Scenario, results: list[dict[str, Any]]) -> dict[str, Any]:
    """Return times each treaty was signed, those never signed, and why refusals happened."""
    signed: Counter[str] = Counter()
    refusals: dict[str, Counter[str]] = {}
    for r in results:
        signed.update(r.get("treaties", {}))
        for tid, why, n in r.get("refusals", []):
            refusals.setdefault(tid, Counter())[why] += n
    return {
        "treaties": {tid: signed.get(tid, 0) for tid in scenario.treaties},
        "never_signed": [t for t in scenario.treaties if not signed.get(t)],
        "refused_because": {
            tid: counts.most_common(1)[0][0] for tid, counts in sorted(refusals.items())
        },
    }


def _firings_and_endings(
    scenario: Scenario, results: list[dict[str, Any]], endings: dict[str, dict[str, int]]
) -> dict[str, Any]:
    """Return the dates of all firings, the games without an ending and endings never reached."""
    months: dict[str, list[int]] = {}
    no_ending: Counter[str] = Counter()
    for r in results:
        for eid, fired in r["event_months"].items():
            months.setdefault(eid, []).extend(fired)
        no_ending.update(c for c in scenario.meta.playable if c not in r["endings"])
    return {
        # The median of all firings is one that happened (median_low), not an average month.
        "event_dates": {eid: fmt_month(statistics.median_low(m)) for eid, m in months.items()},
        "event_first": {eid: fmt_month(min(m)) for eid, m in months.items()},
        "firings": {eid: len(m) for eid, m in months.items()},
        "no_ending": {cid: no_ending[cid] for cid in scenario.meta.playable},
        "endings_never": [
            e.d.id for e in scenario.endings if not any(e.d.id in c for c in endings.values())
        ],
    }


def aggregate(
    scenario: Scenario, results: list[dict[str, Any]], seed: int, historical: bool
) -> dict[str, Any]:
    """Combine per-game summaries into the report's figures."""
    n = len(results)
    endings: dict[str, dict[str, int]] = {c: {} for c in scenario.meta.playable}
    scores: dict[str, list[float]] = {c: [] for c in scenario.meta.playable}
    events: Counter[str] = Counter()
    actions: Counter[str] = Counter()
    checks: Counter[str] = Counter()
    held: Counter[str] = Counter()
    failed: dict[str, Counter[str]] = {}
    dropped: Counter[str] = Counter()
    for r in results:
        dropped.update(r.get("dropped", {}))
        for eid, c in r["conditions"].items():
            checks[eid] += c["checks"]
            held[eid] += c["held"]
            failed.setdefault(eid, Counter()).update(c["failed"])
        for cid, ending in r["endings"].items():
            endings[cid][ending] = endings[cid].get(ending, 0) + 1
        for cid, score in r["scores"].items():
            scores[cid].append(score)
        events.update(r["events"])
        for aid, count in r["actions"].items():
            actions[aid] += count
    return {
        "scenario": scenario.meta.id,
        "games": n,
        "seed": seed,
        "historical": historical,
        "endings": endings,
        "scores": {c: _spread(v) for c, v in scores.items()},
        "events": {eid: events.get(eid, 0) for eid in scenario.events},
        **_firings_and_endings(scenario, results, endings),
        "actions": {aid: actions.get(aid, 0) for aid in scenario.actions},
        "never_fired": [e for e in scenario.events if not events.get(e)],
        "never_used": [a for a in scenario.actions if not actions.get(a)],
        "rare": {e.d.id: e.d.rare for e in scenario.events.values() if e.d.rare},
        "dropped": dict(sorted(dropped.items())),
        **treaty_figures(scenario, results),
        **balance_figures(scenario, results),
        "why": {
            eid: {
                "checks": checks[eid],
                "held": held[eid],
                "failed": {
                    src: round(k / checks[eid], 4)
                    for src, k in failed.get(eid, Counter()).most_common(3)
                },
            }
            for eid in scenario.events
            if checks[eid]
        },
        "stat_series": _series(results),
    }


def _series(results: list[dict[str, Any]]) -> dict[str, list[list[float]]]:
    """Return, per stat column, the 10th, 50th and 90th percentile at every turn."""
    if not results:
        return {}
    columns = [k for k in results[0]["series"][0] if k != "month"] if results[0]["series"] else []
    out: dict[str, list[list[float]]] = {}
    longest = max(len(r["series"]) for r in results)
    for col in columns:
        rows = []
        for t in range(longest):
            values = sorted(r["series"][t][col] for r in results if len(r["series"]) > t)
            rows.append(
                [
                    values[len(values) // 10],
                    statistics.median(values),
                    values[(len(values) * 9) // 10],
                ]
            )
        out[col] = rows
    return out


def _spread(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(values)
    return {
        "min": ordered[0],
        "p10": ordered[len(ordered) // 10],
        "median": statistics.median(ordered),
        "p90": ordered[(len(ordered) * 9) // 10],
        "max": ordered[-1],
        "mean": round(statistics.fmean(ordered), 2),
    }
