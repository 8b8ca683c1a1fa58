"""A loaded game keeps its turns in review: the news log reopens an earlier turn's summary."""

from __future__ import annotations

import pygame

from game.engine.summary import turn_summary
from game.engine.view import view_of
from game.ui.summary_text import summary_html, title
from tests.ui.driver import Driver
from tests.ui.flows import answer_events, end_turn, leave_to_menu
from tests.ui.test_saves import _play_a_turn, _save_as
from tests.ui.texts import widget_texts


def _link_spot(drive: Driver, target: str) -> tuple[int, int] | None:
    """Return the screen point of a log link while it is in sight, else None."""
    box = drive.screen.log.box
    base_x, base_y = box._calculate_hyperlinks_offsets()
    for chunk in box.link_hover_chunks:
        spot = pygame.Rect((base_x + chunk.x, base_y + chunk.y), chunk.size)
        if chunk.href == target and box.rect.contains(spot):
            return spot.center
    return None


def _scroll_to(drive: Driver, target: str) -> tuple[int, int]:
    """Scroll the news log up with the mouse wheel until a link is in sight."""
    box = drive.screen.log.box
    for _ in range(60):
        found = _link_spot(drive, target)
        if found is not None:
            return found
        drive.wheel(box.rect.center, 1)
        drive.frames(3)
    raise AssertionError(f"{target} never came into sight in the news log")


def test_a_loaded_save_reopens_an_earlier_turns_review_from_the_log(drive: Driver) -> None:
    _play_a_turn(drive)
    drive.key(pygame.K_ESCAPE)  # the first turn's summary
    end_turn(drive)
    answer_events(drive)
    game = drive.app.session.game
    first = min(game.changes.turns)
    summary = turn_summary(view_of(game, "BOR"), first)
    assert summary is not None and not summary.empty
    words, heading = summary_html(game, summary), title(game, summary)
    _save_as(drive, "Two turns")
    drive.key(pygame.K_ESCAPE)
    leave_to_menu(drive)
    drive.key(pygame.K_l)
    assert drive.screen.name == "load"
    drive.click(drive.screen.load_button)
    answer_events(drive)
    screen = drive.screen
    assert screen.name == "game" and drive.app.session.game is not game
    assert max(drive.app.session.game.changes.turns) > first
    assert screen.summary is None, "a loaded game opens on a review instead of the map"
    assert f"summary:{first}" in screen.log.html, "the loaded game lost its turns in review"
    drive.click_at(_scroll_to(drive, f"summary:{first}"))
    assert screen.summary is not None and screen.summary.alive, "the link opened nothing"
    assert screen.summary_turn == first
    shown = widget_texts(screen)
    assert heading in shown and words in shown
    for number in summary.stats:
        assert any(number.name in text for text in shown)
    drive.shot("review-after-load")
