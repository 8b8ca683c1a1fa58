"""The recorded turns as charts and deltas use them: dated rows, the last one live."""

from __future__ import annotations

from game.engine.game import Game
from game.rules.lexicon import fmt_num


def live_row(game: Game) -> dict[str, float]:
    """Return the current values in the shape of a recorded series row."""
    st = game.state
    row: dict[str, float] = {"month": float(st.month)}
    for cid, stats in st.stats.items():
        for stat, value in stats.items():
            row[f"{cid}.{stat}"] = value
    row.update(st.globals)
    return row


def chart_rows(game: Game) -> list[tuple[int, dict[str, float]]]:
    """Return (month, values) for the start of each turn so far and for now.

    Row k of the series holds the values at the start of turn k; while a turn is played
    its row shows the values as they are now.
    """
    st, sc = game.state, game.scenario
    mpt = sc.meta.months_per_turn
    rows = list(st.series)
    if not st.over:
        rows = rows[: st.turn] + [live_row(game)]
    return [(sc.start_month + k * mpt, row) for k, row in enumerate(rows)]


def turn_start(game: Game, key: str, fallback: float) -> float:
    """Return a series value ('CID.stat' or a global) at the start of the current turn."""
    series = game.state.series
    if series and len(series) > game.state.turn:
        return series[game.state.turn].get(key, fallback)
    return series[-1].get(key, fallback) if series else fallback


def good_colour_sign(direction: str, delta: float) -> int:
    """Return +1 when a change is good for the country, -1 when bad, 0 when neither."""
    if direction == "up":
        return 1 if delta > 0 else -1
    if direction == "down":
        return -1 if delta > 0 else 1
    return 0


def delta_text(delta: float) -> str:
    """Return a change as '+2' or '−1.5' ('' when there is none)."""
    if abs(delta) < 0.05:
        return ""
    sign = "+" if delta > 0 else "−"
    return f"{sign}{fmt_num(round(abs(delta), 1))}"
