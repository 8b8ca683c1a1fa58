"""Fixtures for frontend tests: a headless app with settings and saves in a temp folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from game.ui import saves
from game.ui.app import App
from game.ui.settings import Settings
from tests.ui.driver import MINI, Driver


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    """Return a 1280x720 app on the main menu, with the test scenario listed."""
    saves.DIR_OVERRIDE = tmp_path / "saves"
    application = App(
        settings=Settings(autosave=True), settings_path=tmp_path / "settings.json", size=(1280, 720)
    )
    application.extra_scenarios = [MINI]
    application.frame()
    yield application
    application.close()
    saves.DIR_OVERRIDE = None


@pytest.fixture
def drive(app: App) -> Driver:
    """Return a driver for the app."""
    return Driver(app)
