"""An ending score with its scale: the most possible, and the best computer-played game."""

from __future__ import annotations

from game.engine.score_scale import possible_max, recorded_best
from game.locale import _
from game.rules.lexicon import fmt_num
from game.scenario.compiled import Scenario


def scale_words(sc: Scenario, cid: str) -> str:
    """Return 'of a possible 450 at most; the best score in 500 computer games was 178'.

    With no possible maximum the words start with a dash: 'Score 34 — the best score …'.
    """
    parts = []
    most = possible_max(sc, cid)
    if most is not None:
        words = _("of a possible {most} at most (every number it counts at its best)")
        parts.append(words.format(most=fmt_num(most)))
    best = recorded_best(sc, cid)
    if best is not None:
        if best.current:
            words = _("the best score in {games} computer-played games was {score}")
        else:
            words = _(
                "the best score in {games} computer-played games was {score}, measured on an"
                " earlier version of this scenario"
            )
        parts.append(words.format(games=fmt_num(best.games), score=fmt_num(best.score)))
    joined = "; ".join(parts)
    # "Score 34 of a possible 90" reads on; without the possible, the best game is set apart
    return joined if most is not None or not joined else f"— {joined}"
