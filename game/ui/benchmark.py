"""Measurements of the window: start-up to the main menu and the game screen's frame time."""

from __future__ import annotations

import os
import statistics
import time

import pygame

from game.locale import _
from game.ui.app import App
from game.ui.settings import Settings


def _default_scenario() -> str | None:
    """Return the id of a bundled scenario to benchmark, if any."""
    from game.paths import scenarios_dir

    root = scenarios_dir()
    if not root.is_dir():
        return None
    ids = sorted(p.name for p in root.iterdir() if (p / "scenario.toml").is_file())
    return "rapallo" if "rapallo" in ids else (ids[0] if ids else None)


def _headless() -> None:
    """Use SDL's dummy drivers so measuring needs no display."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


def bench_startup() -> float:
    """Return milliseconds from creating the app to its first drawn frame of the main menu."""
    _headless()
    start = time.perf_counter()
    app = App(settings=Settings(), size=(1280, 720))
    app.step([])
    elapsed = (time.perf_counter() - start) * 1000
    app.close()
    return elapsed


def bench_frame(n: int = 300, scenario: str | None = None) -> float:
    """Return the median milliseconds per frame of the game screen at 1280x720 (dummy driver)."""
    _headless()
    source = scenario or _default_scenario()
    if source is None:
        raise RuntimeError(_("no scenario to benchmark"))
    app = App(settings=Settings(autosave=False), size=(1280, 720))
    error = app.start_game(source, [], seed=1)
    if error:
        app.close()
        raise RuntimeError(error)
    for _skip in range(3):
        app.step([])
    times: list[float] = []
    for i in range(max(1, n)):
        pos = (200 + (i * 7) % 600, 200 + (i * 3) % 300)
        event = pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0))
        pygame.mouse.set_pos(pos)
        t = time.perf_counter()
        app.step([event])
        times.append((time.perf_counter() - t) * 1000)
    app.close()
    return statistics.median(times)
