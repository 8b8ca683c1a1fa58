"""The language setting: Settings row, saved choice, a running game switched without restart."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from game import locale
from game.scenario.loc import source_hash
from game.ui.screens.settings_screen import SettingsScreen
from tests.ui.driver import MINI, Driver
from tests.ui.flows import choose


@pytest.fixture(autouse=True)
def _source_language() -> Iterator[None]:
    yield
    locale.set_language(locale.SOURCE)


def _mini_with_german(tmp: Path) -> Path:
    folder = tmp / "mini_de"
    shutil.copytree(MINI, folder)
    (folder / "loc").mkdir()
    (folder / "loc" / "de.toml").write_text(
        f'[country.BOR]\nname = "Borduria auf Deutsch"\nname_hash = "{source_hash("Borduria")}"\n'
    )
    return folder


def test_changing_the_language_keeps_the_game_and_translates_its_texts(
    drive: Driver, tmp_path: Path
) -> None:
    app = drive.app
    assert app.start_game(str(_mini_with_german(tmp_path)), ["BOR"], seed=3) is None
    drive.frames(2)
    before = app.session.game.commands[:]
    app.apply_settings(attrs.evolve(app.settings, language="de"))
    drive.frames(2)
    assert locale.language() == "de"
    assert app.session.scenario.language == "de"
    assert app.session.game.scenario.lex.countries["BOR"] == "Borduria auf Deutsch"
    assert app.session.game.commands == before
    assert json.loads(app.settings_path.read_text())["language"] == "de"
    app.apply_settings(attrs.evolve(app.settings, language="en"))
    assert app.session.scenario.lex.countries["BOR"] == "Borduria"


def test_the_settings_screen_offers_every_language(drive: Driver) -> None:
    app = drive.app
    app.push(SettingsScreen(app))
    drive.frames(2)
    screen = app.screens[-1]
    assert isinstance(screen, SettingsScreen)
    assert screen.options["language"] == ["English", "Deutsch", "Русский"]
    choose(drive, screen.menus["language"], "Русский")
    screen.apply()
    drive.frames(2)
    assert app.settings.language == "ru"
    assert locale.language() == "ru"
    drive.shot("settings_language_ru")
