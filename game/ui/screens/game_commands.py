"""What the game screen's keys do: one method per command of the key table (`cmd_<name>`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui import keys
from game.ui.screens import game_paths, game_summary

if TYPE_CHECKING:
    from game.ui.screens.game_screen import GameScreen

PAN_STEP = 60
PANS = {"left": (1, 0), "right": (-1, 0), "up": (0, 1), "down": (0, -1)}


def on_key(screen: GameScreen, event: pygame.event.Event) -> None:
    """Give a key press to the open tab first, then run the game or map command it means."""
    if screen.panel is not None and screen.panel.on_key(event):
        return
    name = keys.command("game", event) or keys.command("map", event)
    if name:
        run(screen, name)


def run(screen: GameScreen, name: str) -> None:
    """Run one command of the key table by its name ('verb' or 'verb:argument')."""
    verb, _, arg = name.partition(":")
    handler = COMMANDS[verb]
    handler(screen, arg)


def _pan(screen: GameScreen, arg: str) -> None:
    dx, dy = PANS[arg]
    step = screen.px(PAN_STEP)
    screen.map.pan(dx * step, dy * step)


def _escape(screen: GameScreen, arg: str) -> None:
    if game_summary.close(screen) or game_paths.close(screen):
        return
    if screen.selected is not None:
        screen.select(None)
    else:
        screen.open_pause()


def _next_tab(screen: GameScreen, arg: str) -> None:
    order = list(keys.TABS)
    screen.open_tab(order[(order.index(screen.tab) + 1) % len(order)])


def _step_country(screen: GameScreen, step: int) -> None:
    """Select the country before or after the selected one, in the scenario's order."""
    order = list(screen.session.game.scenario.countries)
    current = screen.selected or screen.session.viewer
    index = order.index(current) if current in order else 0
    screen.select(order[(index + step) % len(order)])


COMMANDS = {
    "end_turn": lambda s, a: s.end_turn(),
    "escape": _escape,
    "tab": lambda s, a: s.open_tab(a),
    "next_tab": _next_tab,
    "next_mode": lambda s, a: s.next_mode(),
    "paths": lambda s, a: game_paths.toggle(s),
    "prev_country": lambda s, a: _step_country(s, -1),
    "next_country": lambda s, a: _step_country(s, 1),
    "pause": lambda s, a: s.open_pause(),
    "quick_save": lambda s, a: s.quick_save(),
    "reload": lambda s, a: s.reload(),
    "pan": _pan,
    "zoom_in": lambda s, a: s.map.zoom_at(1.25),
    "zoom_out": lambda s, a: s.map.zoom_at(1 / 1.25),
    "fit": lambda s, a: s.map.fit(),
}
