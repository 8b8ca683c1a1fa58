"""How the game screen draws: bar, map, legend, side panel, widgets and the hovered card."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui import paper, theme
from game.ui.legend import mode_value
from game.ui.tooltip import country_tooltip, text_card
from game.ui.top_bar import TopBar

if TYPE_CHECKING:
    from game.ui.screens.game_screen import GameScreen


def draw(screen: GameScreen, surface: pygame.Surface) -> None:
    """Draw bar, map, side panel backdrop, widgets, the panel's drawing and the tooltip."""
    if screen._bar is None:
        screen.bar = TopBar(screen.session.game, screen.view, screen.bar_rect.size, screen.scale)
        screen._bar = screen.bar.render(screen.app.size[0] - screen.menu_button.rect.left)
    surface.blit(screen._bar, (0, 0))
    over = [screen.mode_button.rect.union(screen.paths_button.rect)]
    if screen.legend is not None:
        over.append(screen.legend_rect())
    screen.map.set_keep_clear(over)  # names give way to the cards drawn over the map
    screen.map.draw(surface)
    if screen.legend is not None:
        surface.blit(screen.legend, screen.legend_rect())
    surface.blit(paper.sheet(screen.side_rect.size), screen.side_rect.topleft)
    pygame.draw.line(
        surface,
        theme.INK,
        screen.side_rect.topleft,
        screen.side_rect.bottomleft,
        max(1, round(screen.scale)),
    )
    if screen.panel is not None:
        screen.panel.draw(surface)
    screen.manager.draw_ui(surface)
    draw_tooltip(screen, surface)


def draw_tooltip(screen: GameScreen, surface: pygame.Surface) -> None:
    """Draw the hovered top-bar item's, panel number's or region's card by the mouse."""
    if screen.bar is not None and screen.bar_rect.collidepoint(screen.mouse):
        tip_text = screen.bar.tip_at(screen.mouse)
        if tip_text:
            card = text_card(tip_text, screen.scale, screen.px(360))
            x = min(screen.mouse[0], screen.app.size[0] - card.get_width() - 2)
            surface.blit(card, (x, screen.bar_rect.bottom + 2))
        return
    if screen.panel is not None and screen.panel_rect.collidepoint(screen.mouse):
        tip_text = screen.panel.tip_at(screen.mouse)
        if tip_text:
            card = text_card(tip_text, screen.scale, screen.px(340))
            x = max(2, screen.panel_rect.x - card.get_width() - screen.px(6))
            y = min(screen.mouse[1] + screen.px(12), screen.app.size[1] - card.get_height() - 2)
            surface.blit(card, (x, y))
        return
    if screen.hovered is None or screen.drag_from is not None:
        return
    if screen.manager.get_hovering_any_element():
        return  # a button or a window over the map
    key = f"{screen.hovered}:{screen.hover_region}"
    if screen._tip[0] != key:
        screen._tip = (
            key,
            country_tooltip(
                screen.view,
                screen.hovered,
                screen.hover_region,
                screen.scale,
                mode_value(screen.view, screen.mode, screen.hovered),
            ),
        )
    tip = screen._tip[1]
    if tip is None:
        return
    x, y = screen.mouse
    x = min(x + screen.px(16), screen.map.rect.right - tip.get_width() - 2)
    y = min(y + screen.px(16), screen.map.rect.bottom - tip.get_height() - 2)
    surface.blit(tip, (x, y))
