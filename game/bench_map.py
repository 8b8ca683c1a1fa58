"""`bench` figures of the map: the time to redraw it after a zoom step."""

from __future__ import annotations

import statistics
import time

ZOOM_STEP = 1.15  # one turn of the mouse wheel zooms by about this much


def map_zoom_ms(scenario: str = "rapallo", steps: int = 16) -> float:
    """Return the median ms of one frame after a zoom step to a level not drawn before.

    The game screen at 1280x720 zooms in by one wheel step at a time from the whole map;
    each step builds that zoom level's outlines and names and draws the map again.
    """
    from game.ui.app import App
    from game.ui.benchmark import _headless
    from game.ui.settings import Settings

    _headless()
    app = App(settings=Settings(autosave=False), size=(1280, 720))
    try:
        error = app.start_game(scenario, [], seed=1)
        if error:
            raise RuntimeError(error)
        for _ in range(3):
            app.step([])
        view = app.screen.map  # type: ignore[attr-defined]
        times = []
        for _ in range(steps):
            if view.zoom >= view.min_zoom * 11:
                view.fit()
                view._layouts.clear()
                app.step([])
            t = time.perf_counter()
            view.zoom_at(ZOOM_STEP)
            app.step([])
            times.append((time.perf_counter() - t) * 1000)
        return statistics.median(times)
    finally:
        app.close()
