"""The guided first game: a card over the game's own screens that points at one widget a step."""

from __future__ import annotations

import logging
import warnings
from typing import TYPE_CHECKING

import attrs
import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel, UITextBox

from game.locale import _
from game.ui import keys, paper, theme
from game.ui.guide_steps import Step, done, shown, steps, target_rect, words
from game.ui.text_wrap import wrap

if TYPE_CHECKING:
    from game.ui.app import App

log = logging.getLogger(__name__)
CARD_W = 380
MIN_W = 200
SHADE = (30, 22, 14, 140)
SHOWN_OVER = ("game", "event")  # the screens the card shows over; it waits behind any other


def start_guided_game(app: App) -> str | None:
    """Start the default bundled scenario as its default country, with the guide on top."""
    from game.scenario.load import load_scenario
    from game.scenario.read import bundled_ids

    ids = bundled_ids()
    if not ids:
        return _("No scenario is installed.")
    remember_offered(app)
    meta = load_scenario(ids[0]).meta
    error = app.start_game(ids[0], [meta.default_country or meta.playable[0]])
    if error is None:
        app.guide = Guide(app)
    return error


def remember_offered(app: App) -> None:
    """Note in the settings that the guided game was offered, so it is offered only once."""
    if not app.settings.guide_offered:
        app.apply_settings(attrs.evolve(app.settings, guide_offered=True))


class Guide:
    """Show the steps in turn: shade all but the target, frame it, and explain it on a card."""

    def __init__(self, app: App, plan: tuple[Step, ...] | None = None) -> None:
        self.app = app
        self.steps = plan if plan is not None else steps()
        self.index = -1
        self.turn = 0
        self.target: pygame.Rect | None = None
        self.avoided: list[pygame.Rect] = []
        self.card = pygame.Rect(0, 0, 0, 0)
        self.manager = self._manager()
        self.next_button: UIButton | None = None
        self.leave_button: UIButton | None = None
        self.go(0)

    def _manager(self) -> pygame_gui.UIManager:
        """Return a widget manager with the game's theme at the current scale."""
        manager = pygame_gui.UIManager(
            self.app.size, theme.build_theme(self.app.scale), enable_live_theme_updates=False
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            manager.preload_fonts(
                [{"name": "dejavu_sans", "point_size": self.px(13), "style": "regular"}]
            )
        return manager

    def px(self, value: float) -> int:
        """Scale a reference size to the screen."""
        return round(value * self.app.scale)

    @property
    def step(self) -> Step | None:
        """Return the step shown now, or None once the guide has ended."""
        return self.steps[self.index] if 0 <= self.index < len(self.steps) else None

    @property
    def text(self) -> str:
        """Return the text the card shows now."""
        step = self.step
        return words(self.app, step) if step is not None else ""

    def go(self, index: int) -> None:
        """Show step index (skipping steps that do not apply now); past the last, end."""
        while index < len(self.steps) and not shown(self.app, self.steps[index]):
            index += 1
        self.index = index
        if self.step is None:
            self.end()
            return
        session = self.app.session
        self.turn = session.game.state.turn if session is not None else 0
        self.target = None
        self.rebuild()

    def end(self) -> None:
        """Leave the guide; the game goes on."""
        self.index = len(self.steps)
        self.manager.clear_and_reset()
        if self.app.guide is self:
            self.app.guide = None

    def rebuild(self) -> None:
        """Lay the card out again beside the target (after a step change or a resize)."""
        step = self.step
        if step is None:
            return
        self.manager = self._manager()
        self.target = target_rect(self.app, step.target)
        self.avoided = self._dialog()
        pad = self.px(16)
        self.card, text_h = self._layout()
        narrow = self.card.w < self.px(300)  # the buttons go one above the other
        c = self.card
        count_w = 0 if narrow else self.px(60)
        UILabel(
            pygame.Rect(c.x + pad, c.y + pad, c.w - 2 * pad - count_w, self.px(30)),
            _(step.title),
            self.manager,
            object_id="#category",
        )
        if count_w:
            UILabel(
                pygame.Rect(c.right - pad - count_w, c.y + pad, count_w, self.px(30)),
                f"{self.index + 1} / {len(self.steps)}",
                self.manager,
                object_id="#muted",
            )
        self.text_box = UITextBox(
            self.text.replace("\n", "<br>"),
            pygame.Rect(c.x + pad, c.y + pad + self.px(30), c.w - 2 * pad, text_h),
            self.manager,
            object_id="#detail_text",
        )
        by = c.bottom - pad - self.px(36)
        inner = c.w - 2 * pad
        leave_rect = pygame.Rect(c.x + pad, by, self.px(130), self.px(36))
        next_rect = pygame.Rect(c.right - pad - self.px(120), by, self.px(120), self.px(36))
        if narrow:
            next_rect = pygame.Rect(c.x + pad, by - self.px(44), inner, self.px(36))
            leave_rect = pygame.Rect(c.x + pad, by, inner, self.px(36))
        last = self.index == len(self.steps) - 1
        self.leave_button = None
        if not last:
            self.leave_button = UIButton(leave_rect, _("Leave guide"), self.manager)
        self.next_button = None
        if step.advance == "next":
            self.next_button = UIButton(
                next_rect,
                _("Play on") if last else _("Next"),
                self.manager,
                object_id="#accent_button",
            )

    def _dialog(self) -> list[pygame.Rect]:
        """Return the cards of a dialog over the game (an event and its history note), if any."""
        screen = self.app.screen
        if screen.opaque:
            return []
        cards = [getattr(screen, "card", None), getattr(screen, "note_card", None)]
        return [pygame.Rect(c) for c in cards if c is not None]

    def _height(self, width: int) -> tuple[int, int]:
        """Return the card's height at a width, and its text's height."""
        pad = self.px(16)
        small = theme.font("sans", self.px(13))
        line = round(small.get_linesize() * 1.35)
        lines = len(wrap(self.text, small, width - 2 * pad - self.px(28))) + 1
        text_h = lines * line + self.px(18)
        buttons_h = self.px(36 + 8 + 36) if width < self.px(300) else self.px(36)
        return pad + self.px(30) + text_h + self.px(10) + buttons_h + pad, text_h

    def _layout(self) -> tuple[pygame.Rect, int]:
        """Return the card's rect and text height: beside the target and any dialog, not over."""
        w, h = self.app.size
        screen = pygame.Rect(0, 0, w, h).inflate(-self.px(8), -self.px(8))
        avoid = ([self.target] if self.target is not None else []) + self.avoided
        gap = self.px(12)
        for width in (self.px(CARD_W), self.px(300), self.px(MIN_W)):
            height, text_h = self._height(width)
            for t in avoid:
                tries = [
                    pygame.Rect(t.right + gap, t.y, width, height),
                    pygame.Rect(t.x - gap - width, t.y, width, height),
                    pygame.Rect(t.right - width, t.bottom + gap, width, height),
                    pygame.Rect(t.x, t.y - gap - height, width, height),
                ]
                for rect in tries:
                    moved = rect.clamp(screen)
                    if screen.contains(moved) and not any(moved.colliderect(a) for a in avoid):
                        return moved, text_h
        height, text_h = self._height(self.px(CARD_W))
        corner = pygame.Rect(self.px(24), h - height - self.px(24), self.px(CARD_W), height)
        return corner.clamp(screen), text_h

    # --- input, update, drawing ---------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Let the card's buttons take the event; return True when the game must not see it."""
        if self.step is None or self.hidden:
            return False
        self.manager.process_events(event)
        space = keys.command("guide", event) == "guide_next"
        if space and self.next_button is not None and self._space_is_free():
            self.go(self.index + 1)
            return True
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.next_button:
                self.go(self.index + 1)
                return True
            if event.ui_element is self.leave_button:
                self.end()
                return True
        pos = getattr(event, "pos", None)
        clicks = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL)
        return event.type in clicks and pos is not None and self.card.collidepoint(pos)

    @property
    def hidden(self) -> bool:
        """Return whether the card steps aside: a menu or a question covers the game."""
        return self.app.screen.name not in SHOWN_OVER

    def _space_is_free(self) -> bool:
        """Return whether Space may turn the card: over the game or an event, not while typing."""
        panel = getattr(self.app.screen, "panel", None)
        return not self.hidden and not getattr(panel, "filter", "")

    def update(self, dt: float) -> None:
        """Move on when the player did what the step asks; follow the target if it moved."""
        step = self.step
        if step is None:
            return
        if done(self.app, step, self.turn):
            self.go(self.index + 1)
            return
        if (target_rect(self.app, step.target), self._dialog()) != (self.target, self.avoided):
            self.rebuild()
        self.manager.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        """Shade everything but the target, frame the target, and draw the card."""
        if self.step is None or self.hidden:
            return
        t = self.target
        if t is not None:
            shade = pygame.Surface(self.app.size, pygame.SRCALPHA)
            shade.fill(SHADE)
            # A dialog pointed at keeps its side cards (the history note) in the light too.
            holes = [t, *self.avoided] if t in self.avoided else [t]
            for hole in holes:
                shade.fill((0, 0, 0, 0), hole.inflate(self.px(8), self.px(8)))
            surface.blit(shade, (0, 0))
            frame = t.inflate(self.px(8), self.px(8))
            pygame.draw.rect(surface, theme.ACCENT, frame, max(2, self.px(3)), self.px(6))
        paper.card(surface, self.card, self.app.scale)
        self.manager.draw_ui(surface)
