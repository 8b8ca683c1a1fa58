"""The dated news log: a scrollable text box whose event entries link back to their event."""

from __future__ import annotations

import html

import pygame
from pygame_gui import UIManager
from pygame_gui.elements import UITextBox

from game.engine.game import Game
from game.model.state import LogEntry
from game.ui.secrecy import hidden


def visible(game: Game, entry: LogEntry, viewer: str) -> bool:
    """Return True when the viewer may read this entry (secrets of other people stay hidden)."""
    if entry.kind in ("action", "complete"):
        return not hidden(game, entry.country, entry.id, viewer)
    return True


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
    else:
        body = title
    prefix = f"{html.escape(who)}: " if who else ""
    return f"<font color='#6b5842'>{date}</font>  {prefix}{body}<br>"


class NewsLog:
    """Keep a text box in step with the game log, appending rather than rewriting."""

    def __init__(self, manager: UIManager, rect: pygame.Rect) -> None:
        self.box = UITextBox("", rect, manager, object_id="#news_text")
        self.shown = 0
        self.viewer = ""
        self.options: dict[int, str] = {}
        self.html = ""

    def sync(self, game: Game, viewer: str) -> None:
        """Append new entries (or rewrite all when the viewer changed)."""
        log = game.state.log
        if viewer != self.viewer or self.shown > len(log):
            self.viewer, self.shown = viewer, 0
            self.html = "<b>News</b><br>"
            self.box.set_text(self.html)
        if self.shown == len(log):
            return
        text = "".join(
            entry_html(game, i, e)
            for i, e in enumerate(log[self.shown :], start=self.shown)
            if visible(game, e, viewer)
        )
        self.shown = len(log)
        if text:
            self.html += text
            self.box.append_html_text(text)
            bar = self.box.scroll_bar
            if bar is not None:
                bar.set_scroll_from_start_percentage(1.0)

    def kill(self) -> None:
        """Remove the text box."""
        self.box.kill()
