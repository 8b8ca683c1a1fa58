"""Running totals of simulated games, and the balance report's figures they give."""

from __future__ import annotations

import statistics
from array import array
from collections import Counter
from typing import Any

from game.rules.lexicon import fmt_month
from game.scenario.compiled import Scenario

# An option counts as dominated when another option of its event beat it this often.
DOMINATED_SHARE = 0.9
# A turn counts as dead for a power when it had no usable action in this share of games.
DEAD_SHARE = 0.1
# A turn counts as thin for a power when it had fewer than two choices in this share of games.
THIN_SHARE = 0.25


class Tally:
    """Running totals of finished games: what the balance report needs, kept as games end.

    Per-game summaries are folded in and dropped, so memory holds only the totals and, for
    the percentile charts, one number per stat column, turn and game.
    """

    def __init__(self, playable: tuple[str, ...] = ()) -> None:
        self.playable = playable
        self.games = 0
        self.endings: dict[str, Counter[str]] = {}
        self.scores: dict[str, array[float]] = {}
        self.events: Counter[str] = Counter()
        self.actions: Counter[str] = Counter()
        self.months: dict[str, array[int]] = {}
        self.no_ending: Counter[str] = Counter()
        self.checks: Counter[str] = Counter()
        self.held: Counter[str] = Counter()
        self.failed: dict[str, Counter[str]] = {}
        self.dropped: Counter[str] = Counter()
        self.treaties: Counter[str] = Counter()
        self.refusals: dict[str, Counter[str]] = {}
        self.offered: Counter[str] = Counter()
        self.beaten: Counter[str] = Counter()
        self.dead: dict[str, Counter[int]] = {}
        self.thin: dict[str, Counter[int]] = {}
        self.columns: list[str] | None = None
        self.series: dict[str, list[array[float]]] = {}

    def add(self, r: dict[str, Any]) -> None:
        """Fold one game's summary into the totals."""
        self.games += 1
        for eid, c in r["conditions"].items():
            self.checks[eid] += c["checks"]
            self.held[eid] += c["held"]
            self.failed.setdefault(eid, Counter()).update(c["failed"])
        for cid, ending in r["endings"].items():
            self.endings.setdefault(cid, Counter())[ending] += 1
        for cid, score in r["scores"].items():
            self.scores.setdefault(cid, array("d")).append(score)
        self.events.update(r["events"])
        for eid, fired in r["event_months"].items():
            self.months.setdefault(eid, array("q")).extend(fired)
        self.no_ending.update(c for c in self.playable if c not in r["endings"])
        self.actions.update(r["actions"])
        self.dropped.update(r.get("dropped", {}))
        self.treaties.update(r.get("treaties", {}))
        for tid, why, n in r.get("refusals", []):
            self.refusals.setdefault(tid, Counter())[why] += n
        self.offered.update(r.get("offered", {}))
        self.beaten.update(r.get("beaten", {}))
        for cid, turns in r.get("dead", {}).items():
            self.dead.setdefault(cid, Counter()).update(turns)
        for cid, turns in r.get("thin", {}).items():
            self.thin.setdefault(cid, Counter()).update(turns)
        rows = r["series"]
        if self.columns is None and rows:
            self.columns = [k for k in rows[0] if k != "month"]
        for col in self.columns or []:
            cells = self.series.setdefault(col, [])
            cells.extend(array("d") for _ in range(len(rows) - len(cells)))
            # One number per turn, into that turn's cell (a longer game made more cells).
            for cell, row in zip(cells, rows, strict=False):
                cell.append(row[col])

    def merge(self, other: Tally) -> None:
        """Add another tally's games (from another process) to this one."""
        self.games += other.games
        self.checks.update(other.checks)
        self.held.update(other.held)
        for eid, counts in other.failed.items():
            self.failed.setdefault(eid, Counter()).update(counts)
        for cid, ends in other.endings.items():
            self.endings.setdefault(cid, Counter()).update(ends)
        for cid, values in other.scores.items():
            self.scores.setdefault(cid, array("d")).extend(values)
        self.events.update(other.events)
        for eid, months in other.months.items():
            self.months.setdefault(eid, array("q")).extend(months)
        self.no_ending.update(other.no_ending)
        self.actions.update(other.actions)
        self.dropped.update(other.dropped)
        self.treaties.update(other.treaties)
        for tid, counts in other.refusals.items():
            self.refusals.setdefault(tid, Counter()).update(counts)
        self.offered.update(other.offered)
        self.beaten.update(other.beaten)
        for cid, idle in other.dead.items():
            self.dead.setdefault(cid, Counter()).update(idle)
        for cid, few in other.thin.items():
            self.thin.setdefault(cid, Counter()).update(few)
        if self.columns is None:
            self.columns = other.columns
        for col, turns in other.series.items():
            cells = self.series.setdefault(col, [])
            for t, values in enumerate(turns):
                if t == len(cells):
                    cells.append(array("d"))
                cells[t].extend(values)


def aggregate(
    scenario: Scenario, results: list[dict[str, Any]], seed: int, historical: bool
) -> dict[str, Any]:
    """Combine per-game summaries into the report's figures."""
    tally = Tally(tuple(scenario.meta.playable))
    for r in results:
        tally.add(r)
    return report(scenario, tally, seed, historical)


def report(scenario: Scenario, t: Tally, seed: int, historical: bool) -> dict[str, Any]:
    """Turn a tally into the report's figures; the same games give the same figures."""
    playable = scenario.meta.playable
    endings = {c: dict(sorted(t.endings.get(c, Counter()).items())) for c in playable}
    return {
        "scenario": scenario.meta.id,
        "games": t.games,
        "seed": seed,
        "historical": historical,
        "endings": endings,
        "scores": {c: _spread(list(t.scores.get(c, []))) for c in playable},
        "events": {eid: t.events.get(eid, 0) for eid in scenario.events},
        **_firings_and_endings(scenario, t, endings),
        "actions": {aid: t.actions.get(aid, 0) for aid in scenario.actions},
        "never_fired": [e for e in scenario.events if not t.events.get(e)],
        "never_used": [a for a in scenario.actions if not t.actions.get(a)],
        "rare": {e.d.id: e.d.rare for e in scenario.events.values() if e.d.rare},
        "dropped": dict(sorted(t.dropped.items())),
        "treaties": {tid: t.treaties.get(tid, 0) for tid in scenario.treaties},
        "never_signed": [tid for tid in scenario.treaties if not t.treaties.get(tid)],
        "refused_because": {
            tid: _commonest(counts) for tid, counts in sorted(t.refusals.items()) if counts
        },
        **balance_figures(scenario, t),
        "thin_turns": thin_figures(scenario, t),
        "why": {
            eid: {
                "checks": t.checks[eid],
                "held": t.held[eid],
                "failed": {
                    src: round(k / t.checks[eid], 4)
                    for src, k in _ranked(t.failed.get(eid, Counter()))[:3]
                },
            }
            for eid in scenario.events
            if t.checks[eid]
        },
        "stat_series": _series(t),
    }


def balance_figures(scenario: Scenario, t: Tally) -> dict[str, Any]:
    """Return options dominated nearly always, and per power the turns too often dead."""
    dead: dict[str, Counter[int]] = {c: Counter() for c in scenario.meta.playable}
    for cid, counts in t.dead.items():
        dead.setdefault(cid, Counter()).update(counts)
    n = max(t.games, 1)
    return {
        "dominated_options": {
            key: round(t.beaten[key] / t.offered[key], 2)
            for key in sorted(t.offered)
            if t.beaten[key] >= DOMINATED_SHARE * t.offered[key] and t.offered[key]
        },
        "dead_turns": {
            cid: {
                "worst_share": round(max(counts.values(), default=0) / n, 3),
                "turns_over_limit": sorted(k for k, v in counts.items() if v / n > DEAD_SHARE),
            }
            for cid, counts in dead.items()
        },
    }


def thin_figures(scenario: Scenario, t: Tally) -> dict[str, dict[str, Any]]:
    """Return per power the worst share of games with a thin turn, and the turns over the limit."""
    n = max(t.games, 1)
    out = {}
    for cid in scenario.meta.playable:
        counts = t.thin.get(cid, Counter())
        out[cid] = {
            "worst_share": round(max(counts.values(), default=0) / n, 3),
            "turns_over_limit": sorted(k for k, v in counts.items() if v / n > THIN_SHARE),
        }
    return out


def _firings_and_endings(
    scenario: Scenario, t: Tally, endings: dict[str, dict[str, int]]
) -> dict[str, Any]:
    """Return the dates of all firings, the games without an ending and endings never reached."""
    months = {eid: sorted(m) for eid, m in t.months.items()}
    return {
        # The median of all firings is one that happened (median_low), not an average month.
        "event_dates": {eid: fmt_month(statistics.median_low(m)) for eid, m in months.items()},
        "event_first": {eid: fmt_month(m[0]) for eid, m in months.items()},
        "firings": {eid: len(m) for eid, m in months.items()},
        "no_ending": {cid: t.no_ending[cid] for cid in scenario.meta.playable},
        "endings_never": [
            e.d.id for e in scenario.endings if not any(e.d.id in c for c in endings.values())
        ],
    }


def _ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    """Return counts commonest first, ties by name, so that any order of games agrees."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _commonest(counts: Counter[str]) -> str:
    """Return the commonest key, the first by name among ties."""
    return _ranked(counts)[0][0]


def _series(t: Tally) -> dict[str, list[list[float]]]:
    """Return, per stat column, the 10th, 50th and 90th percentile at every turn."""
    out: dict[str, list[list[float]]] = {}
    for col in t.columns or []:
        rows = []
        for cell in t.series.get(col, []):
            values = sorted(cell)
            rows.append(
                [
                    values[len(values) // 10],
                    _median(values),
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
        "median": _median(ordered),
        "p90": ordered[(len(ordered) * 9) // 10],
        "max": ordered[-1],
        "mean": round(statistics.fmean(ordered), 2),
    }


def _median(ordered: list[float]) -> float:
    """Return the median of sorted values, as `statistics.median` does, without sorting again."""
    n = len(ordered)
    if n % 2:
        return ordered[n // 2]
    return (ordered[n // 2 - 1] + ordered[n // 2]) / 2
