"""Locate the bundled scenarios and assets, in a checkout or an installed wheel."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import platformdirs

_ROOT = Path(__file__).resolve().parent.parent


def _bundled(folder: str, package: str) -> Path:
    """Return the checkout folder when present, else the installed package folder."""
    local = _ROOT / folder
    if local.is_dir() and (_ROOT / "pyproject.toml").is_file():
        return local
    spec = importlib.util.find_spec(package)
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return local


def scenarios_dir() -> Path:
    """Return the folder holding the bundled scenarios."""
    return _bundled("scenarios", "game._scenarios")


def assets_dir() -> Path:
    """Return the folder holding fonts, themes and icons."""
    return _bundled("assets", "game._assets")


def user_scenarios_dir() -> Path:
    """Return the folder for the player's own scenarios; RAPALLO_SCENARIOS names another."""
    override = os.environ.get("RAPALLO_SCENARIOS")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("rapallo")) / "scenarios"


def user_scenario_folders(limit: int = 100) -> list[Path]:
    """Return the player's scenario folders (those with a scenario.toml), by name."""
    root = user_scenarios_dir()
    if not root.is_dir():
        return []
    try:
        found = sorted(p for p in root.iterdir() if (p / "scenario.toml").is_file())
    except OSError:
        return []
    return found[:limit]
