"""The overlay that lists a scenario's errors after a failed hot reload (F5)."""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
from pygame_gui.elements import UILabel, UITextBox

from game.locale import _, ngettext
from game.ui import layout, paper
from game.ui.screens.base import Screen

if TYPE_CHECKING:
    from game.ui.app import App


def problems_html(problems: Sequence[object], root: Path | None = None) -> str:
    """Return the problems as markup, one per line, errors in red and warnings in brown.

    File names are shown relative to the scenario's parent folder when they lie inside it.
    """
    prefix = f"{root.parent}{os.sep}" if root is not None else None
    parts: list[str] = []
    for problem in problems:
        colour = "#6b5842" if getattr(problem, "severity", "error") == "warning" else "#9b2a1c"
        raw = str(problem)
        if prefix and raw.startswith(prefix):
            raw = raw[len(prefix) :]
        text = html.escape(raw, quote=False)
        file, sep, rest = text.partition(": ")
        line = f"<b>{file}</b>{sep}{rest}" if sep else text
        parts.append(f"<font color='{colour}'>{line}</font><br>")
    return "".join(parts) or _("No details were given.")


class ReloadErrors(Screen):
    """A scrollable card of FILE:LINE: error lines; the game keeps running on the old data."""

    opaque = False
    name = "reload_errors"

    def __init__(self, app: App, problems: Sequence[object], root: Path | None = None) -> None:
        self.problems = list(problems)
        self.root = root
        super().__init__(app)

    def build(self) -> None:
        """Lay out the heading, the note, the list and the Close button."""
        w, h = self.app.size
        self.card = layout.centred(self.app.size, min(w - self.px(40), self.px(960)), h * 3 // 4)
        c = self.card
        pad = self.px(24)
        errors = sum(1 for p in self.problems if getattr(p, "severity", "error") != "warning")
        UILabel(
            pygame.Rect(c.x + pad, c.y + pad, c.w - 2 * pad, self.px(34)),
            ngettext("The scenario has {n} error", "The scenario has {n} errors", errors).format(
                n=errors
            ),
            self.manager,
            object_id="#heading",
        )
        UILabel(
            pygame.Rect(c.x + pad, c.y + pad + self.px(36), c.w - 2 * pad, self.px(24)),
            _(
                "Nothing was reloaded: the game goes on with the files as they were. "
                "Fix these and press F5 again."
            ),
            self.manager,
            object_id="#muted",
        )
        top = c.y + pad + self.px(68)
        bottom = c.bottom - pad - self.px(56)
        self.box = UITextBox(
            problems_html(self.problems, self.root),
            pygame.Rect(c.x + pad, top, c.w - 2 * pad, bottom - top),
            self.manager,
            object_id="#detail_text",
        )
        self.close_button = self.close_button_for(c, pad, 42)

    def on_event(self, event: pygame.event.Event) -> None:
        """Close on the button, Esc or F5 (which the game screen then handles anew)."""
        if self.closes(event, self.close_button, (pygame.K_ESCAPE, pygame.K_RETURN)):
            self.app.pop(self)

    def draw_background(self, surface: pygame.Surface) -> None:
        """Dim the game and draw the card."""
        surface.blit(paper.veil(self.app.size), (0, 0))
        paper.card(surface, self.card, self.scale)
