"""The news log follows the newest line unless the player scrolled up, and scrolls smoothly."""

from __future__ import annotations

import pytest

from game.model.state import LogEntry
from game.ui.news_log import NewsLog
from game.ui.screens.game_input import on_link
from tests.ui.driver import Driver
from tests.ui.flows import answer_events, new_game

MINI_TITLE = "Mini Test Scenario"


def _news(drive: Driver, n: int, tag: str) -> None:
    """Add n lines of news and let the screen show them."""
    screen = drive.app.screens[0]
    st = drive.app.session.game.state
    for i in range(n):
        st.log.append(LogEntry(st.turn, st.month, "action", "x", "BOR", f"{tag} {i}"))
    screen.version = ()
    drive.frames(3)


def _position(drive: Driver) -> float:
    bar = drive.app.screens[0].log.box.scroll_bar
    assert bar is not None, "the log has no scroll bar with this much news"
    return float(bar.start_percentage)


def _mini_game(drive: Driver) -> NewsLog:
    """Start the mini scenario, answer its first events, and return the news log."""
    new_game(drive, MINI_TITLE, ["BOR"])
    drive.frames(2)
    answer_events(drive)
    return drive.screen.log


def _text_height(drive: Driver) -> float:
    return float(drive.app.screens[0].log.box.text_box_layout.layout_rect.height)


def test_the_log_follows_the_newest_unless_scrolled_up(drive: Driver) -> None:
    log = _mini_game(drive)
    _news(drive, 40, "First")
    assert log.at_newest(), "the newest news is not in sight"
    drive.wheel(log.box.rect.center, 2)
    drive.frames(30)
    up = _position(drive)
    assert not log.at_newest() and up < 1.0
    offset = up * _text_height(drive)
    _news(drive, 10, "Second")
    assert not log.at_newest(), "new news pulled a reader who had scrolled up"
    assert _position(drive) * _text_height(drive) == pytest.approx(offset, abs=3)
    drive.shot("news-scrolled-up")
    for _ in range(20):
        drive.wheel(log.box.rect.center, -3)
    drive.frames(30)
    assert log.at_newest()
    _news(drive, 10, "Third")
    assert log.at_newest(), "the log stopped following the newest news"


def test_the_wheel_scrolls_the_log_by_pixels_over_several_frames(drive: Driver) -> None:
    log = _mini_game(drive)
    _news(drive, 60, "News")
    start = _position(drive)
    drive.wheel(log.box.rect.center, 1)
    seen = [start]
    for _ in range(20):
        drive.frames(1)
        seen.append(_position(drive))
    moved = [b for a, b in zip(seen, seen[1:], strict=False) if b != a]
    assert len(moved) >= 3, "one wheel notch jumped at once instead of gliding"
    text_height = log.box.text_box_layout.layout_rect.height
    step_px = (start - seen[-1]) * text_height
    line_px = log.box.rect.height / 6
    assert 0 < step_px < 3 * line_px, f"one notch moved {step_px:.0f} pixels"


def _shown_text(log: NewsLog) -> str:
    return log.html


def test_years_of_news_keep_following_and_older_pages_are_a_link_away(drive: Driver) -> None:
    """However long the log, the newest line stays in sight and every line can still be read."""
    from game.ui.news_log import EARLIER, LATER

    log = _mini_game(drive)
    for turn in range(22):
        _news(drive, 12, f"Turn{turn}")
        assert log.at_newest(), f"the log stopped following after {turn + 1} turns of news"
    text = _shown_text(log)
    assert "Turn21 11" in text and "Turn0 0" not in text  # one page, the newest
    bar = log.box.scroll_bar
    assert bar is not None
    for _ in range(30):  # the wheel reaches the last line too
        drive.wheel(log.box.rect.center, 3)
    for _ in range(30):
        drive.wheel(log.box.rect.center, -3)
    drive.frames(30)
    assert bar.start_percentage + bar.visible_percentage >= 0.99
    assert EARLIER in text and LATER not in text
    pages = 0
    while EARLIER in _shown_text(log):  # click the link at the top, page after page
        drive.wheel(log.box.rect.center, 40)
        drive.frames(30)
        on_link(drive.app.screens[0], EARLIER)
        drive.frames(2)
        pages += 1
        assert pages < 10
    assert "Turn0 0" in _shown_text(log) and LATER in _shown_text(log)
    _news(drive, 3, "Fresh")
    assert "Fresh" not in _shown_text(log), "new news pulled a reader off an older page"
    while LATER in _shown_text(log):
        on_link(drive.app.screens[0], LATER)
        drive.frames(2)
    assert "Fresh 2" in _shown_text(log)  # back on the newest page, read from its top
    for _ in range(30):
        drive.wheel(log.box.rect.center, -3)
    drive.frames(30)
    assert log.at_newest()
    _news(drive, 3, "Later")
    assert "Later 2" in _shown_text(log) and log.at_newest()
    drive.shot("news-long-log")
