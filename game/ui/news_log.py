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
        body = title
    prefix = f"{html.escape(who)}: " if who else ""
    return f"<font color='#6b5842'>{date}</font>  {prefix}{body}<br>"


class NewsLog:
    """Keep a text box in step with the game log, appending rather than rewriting.

    The whole text is rewritten only when an entry changed (an answer was chosen) or a
    new entry belongs before the last one shown.
    """

    def __init__(self, manager: UIManager, rect: pygame.Rect) -> None:
        self.box = UITextBox("", rect, manager, object_id="#news_text")
        self.viewer = ""
        self.shown: list[tuple[int, str, int]] = []  # (index, option, month) of each line
        self.html = ""

    def sync(self, view: CountryView) -> None:
        """Append new entries, or rewrite all when the viewer or an old entry changed."""
        game, viewer = view.game, view.viewer
        items = view.log()
        keys = [(i, e.option, e.month) for i, e in items]
        if keys == self.shown and viewer == self.viewer:
            return
        n = len(self.shown)
        follow = self.at_newest()
        if viewer == self.viewer and keys[:n] == self.shown:
            text = "".join(entry_html(game, i, e) for i, e in items[n:])
            self.html += text
            self.box.append_html_text(text)
        else:
            self.viewer = viewer
            self.html = _("<b>News</b><br>") + "".join(entry_html(game, i, e) for i, e in items)
            self.box.set_text(self.html)
        self.shown = keys
        bar = self.box.scroll_bar
        if bar is not None and follow:
            bar.set_scroll_from_start_percentage(1.0)

    def at_newest(self) -> bool:
        """Return True when the newest entry is in sight (so new ones should stay in sight)."""
        bar = self.box.scroll_bar
        if bar is None:
            return True
        return bar.start_percentage + bar.visible_percentage >= 0.995

    def kill(self) -> None:
        """Remove the text box."""
        self.box.kill()
