"""Render a scenario's map as the game draws it, with region ids, to an image file."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.engine.game import new_game
from game.scenario.compiled import Scenario
from game.ui import theme
from game.ui.map_style import apply_style
from game.ui.map_view import MapView

ID_SIZE = 11


def _write_ids(view: MapView, surf: pygame.Surface) -> None:
    """Write every region's id at its label point, ink on a paper halo."""
    ink, paper = tuple(theme.INK)[:3], tuple(theme.PAPER)[:3]
    for shape in view.shapes:
        x, y = view.to_screen(shape.centre)
        image = theme.text("sans", ID_SIZE, shape.id, ink)
        box = image.get_rect(center=(round(x - view.rect.x), round(y - view.rect.y + 14)))
        halo = theme.text("sans", ID_SIZE, shape.id, paper)
        for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            surf.blit(halo, box.move(dx, dy))
        surf.blit(image, box)


def render_map(sc: Scenario, width: int, height: int) -> pygame.Surface:
    """Return the map at the start of a game, political mode, with every region's id."""
    pygame.font.init()
    game = new_game(sc, seed=0, humans=[])
    view = MapView(sc.map, list(sc.regions.values()), pygame.Rect(0, 0, width, height))
    viewer = sc.meta.default_country or sc.meta.playable[0]
    apply_style(view, game, viewer, "political", "normal")
    surf = view.render()
    _write_ids(view, surf)
    return surf


def save_preview(sc: Scenario, out: Path, width: int = 1600, height: int = 1000) -> None:
    """Render the map and save it as PNG (or any format pygame writes by the file's suffix)."""
    pygame.image.save(render_map(sc, width, height), str(out))
