"""Starting from a terminal: no display is explained; bad --scenario and --load open a dialog."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ui import launch
from game.ui.app import App
from game.ui.display import display_problem
from game.ui.launch import start_from_command_line
from game.ui.settings import Settings


def test_no_display_is_detected_and_explained() -> None:
    text = display_problem({}, "linux")
    assert "desktop session" in text and "SDL_VIDEODRIVER" in text
    assert display_problem({"DISPLAY": ":0"}, "linux") == ""
    assert display_problem({"SDL_VIDEODRIVER": "x11"}, "linux") == ""
    assert display_problem({}, "win32") == ""


def test_run_app_without_a_display_says_how_to_run_and_returns(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("SDL_VIDEODRIVER", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(launch.sys, "platform", "linux")
    assert launch.run_app() == 1
    assert "desktop session" in capsys.readouterr().err


@pytest.fixture
def bare(tmp_path: Path) -> App:
    application = App(settings=Settings(autosave=False), size=(1280, 720))
    yield application
    application.close()


def test_a_missing_scenario_opens_the_menu_with_a_dialog(bare: App) -> None:
    start_from_command_line(bare, "no_such_scenario", None)
    assert bare.screen_names() == ["menu", "message"]
    assert bare.screen.title == "Cannot start the scenario"
    assert "no_such_scenario" in bare.screen.text


@pytest.mark.parametrize("kind", ["folder", "missing"])
def test_a_bad_load_path_opens_the_menu_with_a_dialog(bare: App, tmp_path: Path, kind: str) -> None:
    path = tmp_path if kind == "folder" else tmp_path / "nothing.json"
    start_from_command_line(bare, None, str(path))
    assert bare.screen_names() == ["menu", "message"]
    assert str(path) in bare.screen.text
    assert ("folder" if kind == "folder" else "not there") in bare.screen.text
