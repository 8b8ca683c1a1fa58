"""The author console (F12 or `): type effect lines and queries against the running game."""

from __future__ import annotations

import html
import os
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UILabel, UIPanel, UITextBox, UITextEntryLine

from game.engine.commands import MAX_CONSOLE_LINE, Console, GameError
from game.engine.console import complete, report
from game.locale import N_, _
from game.ui import theme
from game.ui.screens.base import Screen
from game.ui.session import Session

if TYPE_CHECKING:
    from game.ui.app import App

COLOURS = {"echo": "#6b5842", "error": "#9b2a1c", "ok": "#2f6b3a", "text": "#2b2118"}
WELCOME = N_("Author console. Type help for the commands; Tab completes; Esc or F12 closes.")
MAX_LINES = 400


class ConsoleOverlay(Screen):
    """A panel over the lower part of the game screen: an output log and an entry line."""

    opaque = False
    name = "console"

    def __init__(self, app: App, session: Session) -> None:
        self.session = session
        self.history = app.console_history
        self.lines = app.console_lines
        if not self.lines:
            self.lines.append(self._line(_(WELCOME), "echo"))
        self.recall = len(self.history)
        super().__init__(app)

    def build(self) -> None:
        """Lay out the panel, the log and the entry line across the bottom of the window."""
        w, h = self.app.size
        pad = self.px(10)
        height = max(self.px(260), h * 2 // 5)
        self.rect = pygame.Rect(0, h - height, w, height)
        self.panel = UIPanel(self.rect, starting_height=1, manager=self.manager)
        inner_w = self.rect.w - 2 * pad - 6
        UILabel(
            pygame.Rect(pad, pad, inner_w, self.px(24)),
            _("Author console"),
            self.manager,
            container=self.panel,
            object_id="#heading",
        )
        entry_h = self.px(36)
        top = pad + self.px(28)
        self.log = UITextBox(
            "".join(self.lines),
            pygame.Rect(pad, top, inner_w, self.rect.h - top - entry_h - 2 * pad - 6),
            self.manager,
            container=self.panel,
            object_id="#news_text",
        )
        self._scroll_to_end()
        self.entry = UITextEntryLine(
            pygame.Rect(pad, self.rect.h - entry_h - pad - 6, inner_w, entry_h),
            self.manager,
            container=self.panel,
            placeholder_text=self._example(),
        )
        self.entry.set_text_length_limit(MAX_CONSOLE_LINE)
        self.entry.focus()

    def _example(self) -> str:
        """Return a placeholder hint built from this scenario's own ids."""
        sc = self.session.game.scenario
        stat = next(iter(sc.stats), "stat")
        return _("{viewer}.{stat} = 40, fire EVENT, flags, help …").format(
            viewer=self.session.viewer, stat=stat
        )

    @staticmethod
    def _line(text: str, kind: str = "text") -> str:
        """Return one log line as markup."""
        safe = html.escape(text, quote=False).replace("\n", "<br>")
        return f"<font color='{COLOURS[kind]}'>{safe}</font><br>"

    def echo(self, text: str, kind: str = "text") -> None:
        """Append a line to the output log (never rewriting what is there)."""
        line = self._line(text, kind)
        self.lines.append(line)
        del self.lines[:-MAX_LINES]
        self.log.append_html_text(line)
        self._scroll_to_end()

    def _scroll_to_end(self) -> None:
        """Show the newest lines."""
        bar = self.log.scroll_bar
        if bar is not None:
            bar.set_scroll_from_start_percentage(1.0)

    def run(self, line: str) -> None:
        """Answer a query, or apply the line as a console command through the session."""
        line = line.strip()
        if not line:
            return
        if len(line) > MAX_CONSOLE_LINE:
            self.echo(
                _("The line is longer than {MAX_CONSOLE_LINE} characters.").format(
                    MAX_CONSOLE_LINE=MAX_CONSOLE_LINE
                ),
                "error",
            )
            return
        self.history.append(line)
        self.recall = len(self.history)
        self.echo(f"> {line}", "echo")
        game = self.session.game
        try:
            answer = report(game, line, self.session.viewer)
        except GameError as exc:
            self.echo(str(exc), "error")
            return
        if answer is not None:
            self.echo(answer)
            return
        error = self.session.apply(Console(line=line, country=self.session.viewer))
        if error:
            self.echo(error, "error")
            return
        self.echo(_("Done."), "ok")
        self._refresh_game()

    def _refresh_game(self) -> None:
        """Let the game screen underneath show the change at once."""
        below = self.app.screens[-2] if len(self.app.screens) > 1 else None
        sync = getattr(below, "sync", None)
        if callable(sync):
            sync()

    def tab_complete(self) -> None:
        """Complete the entry's last word; list the choices when there are several."""
        text = self.entry.get_text()
        found = complete(self.session.game, text)
        if not found:
            return
        common = os.path.commonprefix(found)
        if len(found) == 1 or len(common) > len(text):
            self._set_entry(found[0] if len(found) == 1 else common)
        if len(found) > 1:
            shown = [f.rsplit(" ", 1)[-1] for f in found[:24]]
            more = _(" … and {value} more").format(value=len(found) - 24) if len(found) > 24 else ""
            self.echo("  ".join(shown) + more, "echo")

    def _set_entry(self, text: str) -> None:
        """Put text in the entry with the cursor at its end."""
        self.entry.set_text(text)
        self.entry.edit_position = len(text)
        self.entry.focus()

    def handle_event(self, event: pygame.event.Event) -> None:
        """Keep the key that opens the console out of the entry; handle Tab before the entry."""
        if event.type == pygame.TEXTINPUT and event.text == "`":
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_TAB:
            self.tab_complete()
            return
        super().handle_event(event)

    def on_event(self, event: pygame.event.Event) -> None:
        """Run a line on Enter; recall history with the arrows; close on Esc."""
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.entry:
            self.run(self.entry.get_text())
            self._set_entry("")
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.app.pop(self)
            elif event.key in (pygame.K_UP, pygame.K_DOWN) and self.history:
                step = -1 if event.key == pygame.K_UP else 1
                self.recall = max(0, min(len(self.history), self.recall + step))
                recalled = self.history[self.recall] if self.recall < len(self.history) else ""
                self._set_entry(recalled)

    def draw_background(self, surface: pygame.Surface) -> None:
        """Draw a thin rule above the panel."""
        pygame.draw.line(
            surface, theme.INK, self.rect.topleft, self.rect.topright, max(1, self.px(2))
        )
