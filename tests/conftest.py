"""Shared test setup: run pygame headless, before anything imports it."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# Tests read the source language unless they choose another: not the machine's locale.
os.environ["LANGUAGE"] = "en"


def pytest_configure(config: object) -> None:
    """Keep parsed-scenario copies and the player's scenarios out of the user's folders."""
    import tempfile
    from pathlib import Path

    from game.scenario import toml_cache

    toml_cache.FOLDER = Path(tempfile.mkdtemp(prefix="rapallo-toml-"))
    # The player's own scenario folder: empty, and never the real one.
    os.environ["RAPALLO_SCENARIOS"] = tempfile.mkdtemp(prefix="rapallo-scenarios-")
