"""The turns in review of a restored game, noted again by replaying its moves from the seed.

A save holds no turn summaries: they are rebuilt exactly, in the reader's language, by
replaying the game's commands with the change tracker on (game/engine/changes.py). The
summaries themselves are built later through each viewer's view, as for turns played live.
"""

from __future__ import annotations

from game.engine.commands import GameError
from game.engine.game import Game, new_game

FAILS = (GameError, ArithmeticError, LookupError, RecursionError, TypeError, ValueError)


def rebuild_review(game: Game) -> bool:
    """Note every turn of a restored game as if it had been played in this window.

    Returns False, leaving the game's notes as they were, when the replay does not reach
    the same state (a scenario changed since): no summary is better than a wrong one.
    """
    st = game.state
    try:
        replay = new_game(game.scenario, st.seed, list(st.humans), st.difficulty, st.historical)
        replay.changes.on = True
        for cmd in game.commands:
            replay.apply(cmd)
    except FAILS:
        return False
    same = replay.state.hashes == st.hashes and replay.state.turn == st.turn
    if not same or replay.state.rng.getstate() != st.rng.getstate():
        return False
    found, notes = replay.changes, game.changes
    notes.turns, notes.start, notes.items = found.turns, found.start, found.items
    return True
