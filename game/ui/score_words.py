"""An ending score with its scale: the most possible, and the best computer-played game."""

from __future__ import annotations

from game.engine.score_scale import possible_max, recorded_best
from game.rules.lexicon import fmt_num
from game.scenario.compiled import Scenario


def scale_words(sc: Scenario, cid: str) -> str:
    """Return 'of a possible 450 at most; the best score in 500 computer games was 178'."""
    out = ""
    most = possible_max(sc, cid)
    if most is not None:
        out += f"of a possible {fmt_num(most)} at most (every number it counts at its best)"
    best = recorded_best(sc, cid)
    if best is not None:
        out += f"; the best score in {best.games} computer-played games was {fmt_num(best.score)}"
        if not best.current:
            out += ", measured on an earlier version of this scenario"
    return out.removeprefix("; ")
