"""How the game screen answers the mouse and its widgets: buttons, links, map drag and hover."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.ui.screens import game_commands, game_paths, game_summary
from game.ui.screens.base import keep_choice

if TYPE_CHECKING:
    from game.ui.screens.game_screen import GameScreen

DRAG_SLOP = 4


def handle_event(screen: GameScreen, event: pygame.event.Event) -> None:
    """Let widgets take the event first; the map gets what they leave."""
    keep_choice(event)
    consumed = screen.manager.process_events(event)
    if screen.panel is not None:
        screen.panel.on_event(event)
    if not consumed:
        screen.on_event(event)


def on_event(screen: GameScreen, event: pygame.event.Event) -> None:
    """Answer buttons, map input and keys."""
    if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        screen.mouse = event.pos
    if event.type == pygame_gui.UI_BUTTON_PRESSED:
        on_button(screen, event.ui_element)
    elif event.type == pygame_gui.UI_TEXT_BOX_LINK_CLICKED:
        on_link(screen, str(event.link_target))
    elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
        if screen.map.rect.collidepoint(event.pos) and not over_widget(screen):
            screen.drag_from, screen.dragged = event.pos, False
    elif event.type == pygame.MOUSEMOTION:
        on_motion(screen, event)
    elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
        if screen.drag_from is not None and not screen.dragged:
            region = screen.map.region_at(event.pos)
            screen.select(screen.map.group_of(region))
        screen.drag_from = None
    elif event.type == pygame.MOUSEWHEEL:
        pos = screen.mouse
        if screen.map.rect.collidepoint(pos) and not over_widget(screen):
            screen.map.zoom_at(1.2**event.y, pos)
    elif event.type == pygame.KEYDOWN:
        game_commands.on_key(screen, event)


def over_widget(screen: GameScreen) -> bool:
    """Return True when the mouse is over any widget."""
    return bool(screen.manager.get_hovering_any_element())


def on_button(screen: GameScreen, element: object) -> None:
    """Act on one of the screen's own buttons."""
    if element is screen.end_button:
        screen.end_turn()
    elif element is screen.menu_button:
        screen.open_pause()
    elif element is screen.mode_button:
        screen.next_mode()
    elif element is screen.paths_button:
        game_paths.toggle(screen)
    for key, button in screen.tab_buttons.items():
        if element is button:
            screen.open_tab(key)


def on_link(screen: GameScreen, target: str) -> None:
    """Reread an event or a turn's summary from the news log, or turn its page."""
    if screen.log.turn_page(target):
        return
    if target.startswith("summary:"):
        game_summary.show(screen, int(target.split(":")[1]))
        return
    if not target.startswith("event:"):
        return
    index = int(target.split(":")[1])
    log = screen.session.game.state.log
    if 0 <= index < len(log):
        from game.ui.screens.event_dialog import EventDialog

        entry = log[index]
        screen.app.push(EventDialog(screen.app, screen.session, entry.id, reread=entry))


def on_motion(screen: GameScreen, event: pygame.event.Event) -> None:
    """Pan while dragging; otherwise update the hovered country."""
    screen.mouse = event.pos
    if screen.drag_from is not None:
        dx, dy = event.pos[0] - screen.drag_from[0], event.pos[1] - screen.drag_from[1]
        if screen.dragged or abs(dx) + abs(dy) > DRAG_SLOP:
            screen.dragged = True
            screen.map.pan(dx, dy)
            screen.drag_from = event.pos
        return
    region = None if over_widget(screen) else screen.map.region_at(event.pos)
    screen.hover_region = region
    group = screen.map.group_of(region)
    if group != screen.hovered:
        screen.hovered = group
        screen.map.hover = group
