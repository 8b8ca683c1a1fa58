"""The turn summary on the game screen: offered after each turn, reopened from the news log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.summary import turn_summary
from game.locale import _
from game.ui.summary_panel import SummaryPanel

if TYPE_CHECKING:
    from game.ui.screens.game_screen import GameScreen
    from game.ui.session import Session


def seen_before(session: Session) -> set[tuple[str, int]]:
    """Return the summaries a game screen need not offer: a loaded game's last turn for all.

    A game restored from a save reviews its earlier turns from the news log, but opens on
    the map rather than on the review of a turn played in an earlier sitting.
    """
    turns = session.game.changes.turns
    if not turns:
        return set()
    return {(cid, max(turns)) for cid in {*session.game.state.humans, session.viewer}}


def offer(screen: GameScreen) -> None:
    """Open the latest turn's summary once for each player, when the game noted that turn.

    In hot seat another player's summary never stays open for the one who sits down.
    """
    if screen.summary is not None and screen.summary.summary.country != screen.session.viewer:
        close(screen)
    turns = screen.session.game.changes.turns
    if not turns or screen.session.game.state.over:
        return
    seen = (screen.session.viewer, max(turns))
    if seen not in screen.summaries_seen:
        screen.summaries_seen.add(seen)
        show(screen, seen[1])


def show(screen: GameScreen, turn: int) -> None:
    """Open one turn's summary over the map (replacing one already open)."""
    summary = turn_summary(screen.view, turn)
    close(screen)
    if summary is None:
        screen.set_status(_("That turn was played before this game was opened."))
        return
    game = screen.session.game
    screen.summary = SummaryPanel(screen.manager, screen.window_area(), game, summary, screen.scale)
    screen.summary_turn = turn


def close(screen: GameScreen) -> bool:
    """Close the open summary; return True if one was open."""
    panel = screen.summary
    screen.summary, screen.summary_turn = None, None
    if panel is not None and panel.alive:
        panel.kill()
        return True
    return False


def follow(screen: GameScreen) -> None:
    """Forget a summary whose window the player closed with its × button."""
    if screen.summary is not None and not screen.summary.alive:
        screen.summary, screen.summary_turn = None, None


def restore(screen: GameScreen) -> None:
    """Reopen the summary that was open before the layout was rebuilt."""
    turn = screen.summary_turn
    screen.summary = None
    if turn is not None:
        show(screen, turn)
