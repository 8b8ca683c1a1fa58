"""The dated news log: a scrollable text box whose event entries link back to their event."""

from __future__ import annotations

import html

import pygame
from pygame_gui import UIManager
from pygame_gui.elements import UITextBox

from game.engine.game import Game
from game.engine.view import CountryView
from game.locale import _
from game.model.state import LogEntry


def entry_html(game: Game, index: int, entry: LogEntry) -> str:
    """Return one log line as markup; event lines link to 'event:<index>'."""
    date = html.escape(game.date_text(entry.month))
    title = html.escape(entry.title)
    who = game.name(entry.country) if entry.country in game.scenario.countries else ""
    if entry.kind == "event":
        body = f"<a href='event:{index}'>{title}</a>"
        if entry.option:
            body += f" — <i>{html.escape(entry.option)}</i>"
    elif entry.kind == "ending":
        body = f"<b>{title}</b>"
    elif entry.kind == "treaty":
        names = ", ".join(game.name(p) for p in entry.text.split(",") if p)
        body = _("<b>{title}</b> signed by {value}").format(title=title, value=html.escape(names))
        who = ""
    else:
        body = html.escape(_recorded(game, entry))
    prefix = f"{html.escape(who)}: " if who else ""
    return f"<font color='#6b5842'>{date}</font>  {prefix}{body}<br>"


def _recorded(game: Game, entry: LogEntry) -> str:
    """Return a completed project or a broken or refused treaty in the player's language."""
    sc = game.scenario
    if entry.kind == "complete" and entry.id in sc.actions:
        return _("{action} completed").format(action=sc.actions[entry.id].d.name)
    if entry.kind == "broken" and entry.id in sc.treaties and entry.country in sc.countries:
        return _("{treaty} broken by {country}").format(
            treaty=sc.treaties[entry.id].d.name, country=game.name(entry.country)
        )
    if entry.kind == "refusal" and entry.id in sc.treaties and entry.text:
        return _refusal(game, entry)
    return entry.title


def _refusal(game: Game, entry: LogEntry) -> str:
    """Return a refused proposal from its treaty and parties (the proposer, then who refused)."""
    treaty = game.scenario.treaties[entry.id].d.name
    refuser = entry.text.split(",")[1:2]
    if refuser and refuser[0] in game.scenario.countries:
        who = game.name(refuser[0])
        return _("{treaty}: refused by {country}").format(treaty=treaty, country=who)
    return _("{treaty}: refused by the others").format(treaty=treaty)


def summary_html(game: Game, turn: int) -> str:
    """Return the line that reopens a turn's summary: 'January 1919  The turn in review'."""
    found = game.changes.turns[turn]
    date = html.escape(game.date_text(found.month + game.scenario.meta.months_per_turn - 1))
    words = _("The turn in review")
    link = f"<a href='summary:{turn}'>{words}</a>"
    return f"<font color='#6b5842'>{date}</font>  <i>{link}</i><br>"


Line = tuple[tuple[object, ...], str]  # a key that changes when the line does, and its markup


def log_lines(view: CountryView) -> list[Line]:
    """Return the log lines the viewer may read, each finished turn's summary after its news."""
    game = view.game
    turns = sorted(game.changes.turns)
    out: list[Line] = []
    for i, entry in view.log():
        while turns and turns[0] < entry.turn:
            out.append((("summary", turns[0]), summary_html(game, turns.pop(0))))
        out.append(((i, entry.option, entry.month), entry_html(game, i, entry)))
    out += [(("summary", t), summary_html(game, t)) for t in turns]
    return out


# The box holds one page of lines: pygame_gui's scroll bar keeps a slider of a few pixels, so in a
# very long text its last lines could not be scrolled to. Older lines are a link away.
PAGE = 120  # lines at most on a page
STEP = 40  # the newest page starts on a multiple of this, so it is rewritten only now and then
EARLIER, LATER = "news:earlier", "news:later"


def newest_start(total: int) -> int:
    """Return where the newest page begins in a log of total lines."""
    return 0 if total <= PAGE else ((total - PAGE) // STEP + 1) * STEP


class NewsLog:
    """Keep a text box in step with the game log, appending rather than rewriting.

    The whole text is rewritten only when an entry changed (an answer was chosen), a new entry
    belongs before the last one shown, or the page moved.
    """

    def __init__(self, manager: UIManager, rect: pygame.Rect) -> None:
        self.box = UITextBox("", rect, manager, object_id="#news_text")
        self.viewer = ""
        self.shown: list[tuple[object, ...]] = []  # the key of each line shown
        self.html = ""
        self.start = 0  # the first line shown
        self.older: tuple[int, int] | None = None  # an earlier page being read: (start, end)
        self.view: CountryView | None = None

    def sync(self, view: CountryView) -> None:
        """Append new entries, or rewrite all when the viewer, an old entry or the page changed."""
        self.view = view
        viewer = view.viewer
        lines = log_lines(view)
        if viewer != self.viewer:
            self.older = None
        start, end = self.older or (newest_start(len(lines)), len(lines))
        keys = [key for key, _ in lines[start:end]]
        if keys == self.shown and viewer == self.viewer and start == self.start:
            return
        n = len(self.shown)
        follow = self.at_newest() and self.older is None
        offset = self.offset()
        if viewer == self.viewer and start == self.start and keys[:n] == self.shown:
            text = "".join(markup for _, markup in lines[start + n : end])
            self.html += text
            self.box.append_html_text(text)
        else:
            follow = follow or viewer != self.viewer or self.start < start
            self.viewer, self.start = viewer, start
            self.html = self._page_html(lines, start, end)
            self.box.set_text(self.html)
        self.shown = keys
        self._scroll(1.0 if follow else None, offset)

    def _page_html(self, lines: list[Line], start: int, end: int) -> str:
        """Return a page's markup with its heading and links to the pages before and after it."""
        head = _("<b>News</b><br>")
        if start > 0:
            more = _("« Earlier news ({count} lines)").format(count=start)
            head += f"<a href='{EARLIER}'>{html.escape(more)}</a><br>"
        body = "".join(markup for _m, markup in lines[start:end])
        if end < len(lines):
            later = html.escape(_("Later news »"))
            body += f"<a href='{LATER}'>{later}</a><br>"
        return head + body

    def turn_page(self, target: str) -> bool:
        """Show the page before or after the one shown, for a link's target; True if it was one."""
        if target not in (EARLIER, LATER) or self.view is None:
            return False
        total = len(log_lines(self.view))
        start, end = self.older or (newest_start(total), total)
        if target == EARLIER:
            self.older = (max(0, start - PAGE), start)
        else:
            later = (end, min(total, end + PAGE))
            self.older = (
                None if later[1] >= newest_start(total) + PAGE or later[1] == total else later
            )
        self.shown = []
        self.sync(self.view)
        self._scroll(1.0 if target == EARLIER else 0.0, 0.0)
        return True

    def _scroll(self, place: float | None, offset: float) -> None:
        """Scroll to a share of the text, or keep the reader's offset in pixels."""
        bar = self.box.scroll_bar
        if bar is None:
            return
        height = self._text_height()
        if place is None:
            place = offset / height if height else 1.0
        bar.set_scroll_from_start_percentage(place)

    def _text_height(self) -> float:
        """Return the height of the whole text in pixels."""
        layout = self.box.text_box_layout
        return float(layout.layout_rect.height) if layout is not None else 0.0

    def offset(self) -> float:
        """Return how far, in pixels, the reader has scrolled down from the top."""
        bar = self.box.scroll_bar
        return float(bar.start_percentage) * self._text_height() if bar is not None else 0.0

    def at_newest(self) -> bool:
        """Return True when the newest entry is in sight (so new ones should stay in sight)."""
        bar = self.box.scroll_bar
        if bar is None:
            return True
        if bar.start_percentage + bar.visible_percentage >= 0.995:
            return True
        # The slider has a least height, so its lowest place may sit a little short of the end.
        slider = bar.sliding_button.rect.height if bar.sliding_button is not None else 0
        lowest = (bar.bottom_limit - slider) / max(bar.scrollable_height, 1)
        return bar.start_percentage >= lowest - 0.002

    def kill(self) -> None:
        """Remove the text box."""
        self.box.kill()
