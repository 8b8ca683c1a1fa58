"""The base class of every screen: a pygame_gui manager plus event, update and draw hooks."""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIDropDownMenu, UISelectionList

from game.locale import _, language
from game.ui import theme

if TYPE_CHECKING:
    from game.ui.app import App


def keep_choice(event: pygame.event.Event) -> None:
    """A one-choice list keeps its choice when the chosen row is clicked again."""
    if event.type != pygame_gui.UI_SELECTION_LIST_DROPPED_SELECTION:
        return
    ui_list = event.ui_element
    if not isinstance(ui_list, UISelectionList) or ui_list.allow_multi_select:
        return
    if any(item["selected"] for item in ui_list.item_list):
        return  # another row was chosen: the drop was the old row letting go
    for item in ui_list.item_list:
        button = item["button_element"]
        if item["text"] == event.text and button is not None:
            item["selected"] = True
            button.select()


class Screen:
    """One screen of the state machine; overlays set `opaque` to False."""

    opaque: bool = True
    name: str = "screen"

    def __init__(self, app: App) -> None:
        self.app = app
        self.born = app.frames  # the frame whose key press opened the screen
        self.manager = self._new_manager()
        self.build()

    def _new_manager(self) -> pygame_gui.UIManager:
        """Create a widget manager with the scaled theme and the fonts text boxes use."""
        manager = pygame_gui.UIManager(
            self.app.size,
            theme.build_theme(self.app.scale),
            enable_live_theme_updates=False,
            starting_language=language(),
        )
        fonts: list[dict[str, str | int | float]] = []
        for size in (13, 15):
            for style in ("regular", "bold", "italic", "bold_italic"):
                fonts.append(
                    {
                        "name": "dejavu_sans",
                        "point_size": round(size * self.app.scale),
                        "style": style,
                    }
                )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            manager.preload_fonts(fonts)
        return manager

    @property
    def scale(self) -> float:
        """Return the effective UI scale."""
        return self.app.scale

    def px(self, value: float) -> int:
        """Scale a layout size in reference pixels to screen pixels."""
        return round(value * self.app.scale)

    def build(self) -> None:
        """Create the widgets for the current window size and scale."""

    def rebuild(self) -> None:
        """Recreate the manager and widgets after a resize or a scale change."""
        self.manager = self._new_manager()
        self.build()

    def handle_event(self, event: pygame.event.Event) -> None:
        """Pass an event to the widgets, then to the screen's own handler.

        Esc first closes an open drop-down list; only with none open does the screen see it.
        The text of the key press that opened the screen (the "2" of the pause menu's
        "2. Save game") does not reach its entries.
        """
        if event.type == pygame.TEXTINPUT and self.born == self.app.frames:
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE and self.close_lists():
            return
        keep_choice(event)
        self.manager.process_events(event)
        self.on_event(event)

    def open_lists(self) -> list[UIDropDownMenu]:
        """Return the screen's drop-down menus that are open now."""
        return [
            e
            for e in self.manager.get_sprite_group().sprites()
            if isinstance(e, UIDropDownMenu) and e.current_state is e.menu_states["expanded"]
        ]

    def close_lists(self) -> bool:
        """Close every open drop-down menu; return True if one was open."""
        found = self.open_lists()
        for menu in found:
            state = menu.current_state
            if state is not None:
                state.should_transition = True
                menu.update(0.0)
        return bool(found)

    def on_event(self, event: pygame.event.Event) -> None:
        """React to one event (pygame_gui events included)."""

    def update(self, dt: float) -> None:
        """Advance widgets by dt seconds."""
        self.manager.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the screen's own content, then the widgets."""
        self.draw_background(surface)
        self.manager.draw_ui(surface)

    def draw_background(self, surface: pygame.Surface) -> None:
        """Draw what lies under the widgets."""

    def close_button_for(self, card: pygame.Rect, pad: int, height: float = 40) -> UIButton:
        """Return a centred Close button at the bottom of a card."""
        h = self.px(height)
        rect = pygame.Rect(card.centerx - self.px(80), card.bottom - pad - h, self.px(160), h)
        return UIButton(rect, _("Close"), self.manager)

    @staticmethod
    def closes(event: pygame.event.Event, button: UIButton, keys: tuple[int, ...]) -> bool:
        """Return whether an event presses the button or one of the keys."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            return bool(event.ui_element is button)
        return event.type == pygame.KEYDOWN and event.key in keys

    def close(self) -> None:
        """Release widgets when the screen leaves the stack."""
        self.manager.clear_and_reset()
