"""Message and confirmation dialogs shown over any screen (pygame_gui windows on a veil)."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextBox, UIWindow
from pygame_gui.windows import UIConfirmationDialog, UIMessageWindow

from game.ui import layout, paper
from game.ui.screens.base import Screen

if TYPE_CHECKING:
    from game.ui.app import App

CLOSE_KEYS = (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER)


def fit_buttons(screen: Screen, window: UIWindow, text: UITextBox, buttons: list[UIButton]) -> None:
    """Give a window's bottom-right buttons the game's scaled size and keep the text above them.

    Each button is anchored to the right edge of the window or of the button after it.
    """
    h, gap = screen.px(38), screen.px(12)
    for button in buttons:
        w = button_width(screen, button)
        button.set_dimensions((w, h))
        button.set_relative_position((-w - gap, -h - gap))
    cw, ch = window.get_container().get_size()
    text.set_dimensions((cw - 10, ch - h - 2 * gap - 5))


def button_width(screen: Screen, button: UIButton, least: float = 120) -> int:
    """Return a dialog button's width: the least, or wider when its words need it."""
    words = button.font.size(button.text)[0] if button.font is not None else 0
    return max(screen.px(least), words + screen.px(28))


def dialog_rect(screen: Screen, text: str, width: float) -> pygame.Rect:
    """Return a centred window rect tall enough for the text."""
    lines = max(1, len(text) // 60 + text.count("\n") + 1)
    height = screen.px(150 + 22 * min(lines, 12))
    return layout.centred(screen.app.size, screen.px(width), height)


def _markup(text: str) -> str:
    """Escape plain text for a pygame_gui text box, keeping line breaks."""
    return html.escape(text, quote=False).replace("\n", "<br>")


class MessageDialog(Screen):
    """A message the player dismisses with OK, Enter or Esc."""

    opaque = False
    name = "message"

    def __init__(self, app: App, title: str, text: str) -> None:
        self.title = title
        self.text = text
        super().__init__(app)

    def build(self) -> None:
        """Open the message window in the middle of the screen."""
        rect = dialog_rect(self, self.text, 540)
        self.window = UIMessageWindow(
            rect, _markup(self.text), self.manager, window_title=self.title
        )
        self.window.set_blocking(True)
        button, text = self.window.dismiss_button, self.window.text_block
        if button is not None and text is not None:
            button.set_text("OK")
            fit_buttons(self, self.window, text, [button])

    def on_event(self, event: pygame.event.Event) -> None:
        """Close when the window closes, or on Enter or Esc."""
        closed = event.type == pygame_gui.UI_WINDOW_CLOSE and event.ui_element is self.window
        keyed = event.type == pygame.KEYDOWN and event.key in CLOSE_KEYS
        if (closed or keyed) and self in self.app.screens:
            self.app.pop(self)

    def draw_background(self, surface: pygame.Surface) -> None:
        """Dim what lies under."""
        surface.blit(paper.veil(self.app.size), (0, 0))


class ConfirmDialog(Screen):
    """A question with a confirm button (named by the caller) and Cancel."""

    opaque = False
    name = "confirm"

    def __init__(
        self,
        app: App,
        title: str,
        text: str,
        confirm: str,
        on_confirm: Callable[[], None],
        extra: tuple[str, Callable[[], None]] | None = None,
    ) -> None:
        self.title = title
        self.text = text
        self.confirm = confirm
        self.on_confirm = on_confirm
        self.extra = extra
        self.extra_button: UIButton | None = None
        super().__init__(app)

    def build(self) -> None:
        """Open the confirmation window in the middle of the screen."""
        rect = dialog_rect(self, self.text, 580)
        self.window = UIConfirmationDialog(
            rect,
            _markup(self.text),
            self.manager,
            window_title=self.title,
            action_short_name=self.confirm,
        )
        window = self.window
        fit_buttons(
            self, window, window.confirmation_text, [window.confirm_button, window.cancel_button]
        )
        if self.extra is not None:
            h, gap = self.px(38), self.px(12)
            self.extra_button = UIButton(
                pygame.Rect(gap, -h - gap, self.px(170), h),
                self.extra[0],
                self.manager,
                container=window,
                anchors={"left": "left", "bottom": "bottom"},
            )
            self.extra_button.set_dimensions((button_width(self, self.extra_button, 170), h))

    def accept_extra(self) -> None:
        """Close the dialog and act on the third choice."""
        assert self.extra is not None
        self.app.pop(self)
        self.extra[1]()

    def accept(self) -> None:
        """Close the dialog and act on the confirmation."""
        self.app.pop(self)
        self.on_confirm()

    def on_event(self, event: pygame.event.Event) -> None:
        """Confirm on the button or Enter; cancel on Cancel, the close box or Esc."""
        if event.type == pygame_gui.UI_CONFIRMATION_DIALOG_CONFIRMED:
            if event.ui_element is self.window:
                self.accept()
        elif event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.extra_button:
            self.accept_extra()
        elif event.type == pygame_gui.UI_WINDOW_CLOSE and event.ui_element is self.window:
            if self in self.app.screens:
                self.app.pop(self)
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.app.pop(self)
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.accept()

    def draw_background(self, surface: pygame.Surface) -> None:
        """Dim what lies under."""
        surface.blit(paper.veil(self.app.size), (0, 0))
