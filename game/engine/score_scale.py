"""The scale of an ending score: the most any ending could give, and the best computer game.

The most possible is read from the ending score expressions and the bounds of what they add
up. The best computer game comes from `simulate --record-scores`, which writes the scenario's
`ai_scores.json` with the scenario's content hash, so a figure from an older version says so.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from attrs import frozen

from game.engine.save_files import write_atomic
from game.rules.ranges import value_range
from game.rules.types import Env
from game.scenario.compiled import Scenario
from game.scenario.read import FileRefused, read_regular

AI_SCORES = "ai_scores.json"
MAX_BYTES = 64_000


@frozen
class BestGame:
    """The best score a country reached in a recorded run of computer-played games."""

    score: float
    games: int
    current: bool  # recorded for the scenario files as they are now


def possible_max(sc: Scenario, cid: str) -> float | None:
    """Return the highest score any of a country's endings could give; None if unknown."""
    env = Env(cid, None)
    highs = [value_range(e.score_for(cid), sc.lex, env) for e in sc.endings if cid in e.countries]
    if not highs or any(h is None for h in highs):
        return None
    return round(max(h[1] for h in highs if h is not None), 1)


def recorded_best(sc: Scenario, cid: str) -> BestGame | None:
    """Return the best computer-played score the scenario carries for a country, if any."""
    folder = Path(sc.path)
    try:
        data = json.loads(read_regular(folder / AI_SCORES, MAX_BYTES, folder))
        best = float(data["best"][cid])
        games = int(data["games"])
    except (FileRefused, OSError, ValueError, KeyError, TypeError):
        return None
    return BestGame(best, games, data.get("content_hash") == sc.content_hash)


def record(sc: Scenario, report: dict[str, Any], difficulty: int) -> Path:
    """Write the best score of each country in a simulate report into the scenario folder."""
    best = {cid: s["max"] for cid, s in sorted(report["scores"].items())}
    data = {
        "what": "best ending score of each country in computer-played games",
        "made_by": f"python -m game simulate {sc.meta.id} --games {report['games']} "
        f"--seed {report['seed']} --difficulty {difficulty} --record-scores",
        "games": report["games"],
        "seed": report["seed"],
        "difficulty": difficulty,
        "content_hash": sc.content_hash,
        "best": best,
    }
    path = Path(sc.path) / AI_SCORES
    write_atomic(path, json.dumps(data, indent=2, sort_keys=True) + "\n")
    return path
