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


class NewsLog:
    """Keep a text box in step with the game log, appending rather than rewriting.

    The whole text is rewritten only when an entry changed (an answer was chosen) or a
    new entry belongs before the last one shown.
    """

    def __init__(self, manager: UIManager, rect: pygame.Rect) -> None:
        self.box = UITextBox("", rect, manager, object_id="#news_text")
        self.viewer = ""
        self.shown: list[tuple[object, ...]] = []  # the key of each line shown
        self.html = ""

    def sync(self, view: CountryView) -> None:
        """Append new entries, or rewrite all when the viewer or an old entry changed."""
        viewer = view.viewer
        lines = log_lines(view)
        keys = [key for key, _ in lines]
        if keys == self.shown and viewer == self.viewer:
            return
        n = len(self.shown)
        follow = self.at_newest()
        offset = self.offset()
        if viewer == self.viewer and keys[:n] == self.shown:
            text = "".join(markup for _, markup in lines[n:])
            self.html += text
            self.box.append_html_text(text)
        else:
            follow = follow or viewer != self.viewer
            self.viewer = viewer
            self.html = _("<b>News</b><br>") + "".join(markup for _m, markup in lines)
            self.box.set_text(self.html)
        self.shown = keys
        bar = self.box.scroll_bar
        if bar is not None:
            height = self._text_height()
            place = 1.0 if follow or not height else offset / height
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
        return bar.start_percentage + bar.visible_percentage >= 0.995

    def kill(self) -> None:
        """Remove the text box."""
        self.box.kill()
