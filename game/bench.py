"""`python -m game bench`: load, turn, game and frame timings, as medians."""

from __future__ import annotations

import gc
import os
import resource
import statistics
import subprocess
import sys
import time
from typing import Any

from game.engine.commands import EndTurn
from game.engine.game import new_game
from game.scenario.compiled import Scenario
from game.scenario.load import bundled_ids, load_scenario, resolve


def _largest() -> str:
    ids = bundled_ids()
    return max(ids, key=lambda i: sum(p.stat().st_size for p in resolve(i).glob("*.toml")))


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def run(scenario: str | None = None, games: int = 20, ui: bool = True) -> dict[str, Any]:
    """Measure the engine (and the frontend, when available); return the figures."""
    name = scenario or _largest()
    from game.scenario import toml_cache

    toml_cache.ENABLED = False
    start = time.perf_counter()
    load_scenario(name)
    cold = time.perf_counter() - start
    toml_cache.ENABLED = True
    load_scenario(name)  # make sure the parsed copies exist
    loads = []
    for _ in range(5):
        start = time.perf_counter()
        sc = load_scenario(name)
        loads.append(time.perf_counter() - start)
    turns: list[float] = []
    game_times: list[float] = []
    gc.collect()
    for seed in range(games):
        start_game = time.perf_counter()
        game = new_game(sc, seed=seed)
        end = EndTurn()
        while not game.state.over:
            t0 = time.perf_counter()
            game.apply(end)
            turns.append(time.perf_counter() - t0)
        game_times.append(time.perf_counter() - start_game)
    turns.sort()
    out: dict[str, Any] = {
        "scenario": sc.meta.id,
        "load_ms": _ms(statistics.median(loads)),
        "load_cold_ms": _ms(cold),
        "turn_ms_median": _ms(statistics.median(turns)),
        "turn_ms_p95": _ms(turns[int(len(turns) * 0.95)]),
        "game_ms": _ms(statistics.median(game_times)),
        "games_per_s": round(1 / statistics.median(game_times), 1),
        "turns_measured": len(turns),
        "validate_ms": _ms(_validate_time(name)),
        "sim_games_per_s": _sim_rate(sc, games),
    }
    if ui:
        out.update(_ui_figures())
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out


def _validate_time(name: str) -> float:
    """Median time of what `validate` does (load with every check), parse cache warm."""
    times = []
    for _ in range(5):
        start = time.perf_counter()
        load_scenario(name, thorough=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _sim_rate(sc: Scenario, games: int, runs: int = 3) -> float:
    """Games per second of `simulate` (with its balance probes) on one process, median of runs."""
    from game.engine.simulate import simulate

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        simulate(sc, games=games, seed=1000)
        times.append(time.perf_counter() - start)
    return round(games / statistics.median(times), 1)


def _ui_figures() -> dict[str, Any]:
    """Frame time of the game screen and start-up time to the main menu, if the UI exists."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    try:
        from game.ui import benchmark
    except ImportError:
        return {}
    figures: dict[str, Any] = {}
    bench_frame = getattr(benchmark, "bench_frame", None)
    if bench_frame is not None:
        figures["frame_ms_median"] = round(bench_frame(120), 3)
        from game.bench_map import map_zoom_ms

        figures["map_zoom_ms"] = round(map_zoom_ms(), 3)
    startups = []
    for _ in range(3):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "game", "--startup-probe"],
            capture_output=True,
            text=True,
            env={**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"},
            check=False,
        )
        if done.returncode == 0:
            startups.append(time.perf_counter() - start)
    if startups:
        figures["startup_ms"] = _ms(statistics.median(startups))
    return figures
