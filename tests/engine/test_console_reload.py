"""The author console and hot reload, at the engine level."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.engine.commands import Console, EndTurn, GameError
from game.engine.console import complete, report
from game.engine.game import new_game, replay
from game.engine.reload import reload_game
from game.scenario.errors import ScenarioError
from game.scenario.load import load_scenario
from tests.helpers import MINI, mini, mini_game


def test_console_sets_values_and_fires_events_through_commands() -> None:
    game = mini_game(seed=3)
    game.apply(Console("ALF.morale = 12"))
    game.apply(Console("relation(ALF, CHR) = 70"))
    game.apply(Console("fire border_clash ALF"))
    assert game.state.stats["ALF"]["morale"] == 12
    assert game.state.relations["ALF|CHR"] == 70
    assert "border_clash" in game.state.pending["ALF"]
    again = replay(mini(), 3, ["ALF"], game.commands)
    assert again.state.stats == game.state.stats


@pytest.mark.parametrize(
    "line",
    [
        "fire nope",
        "ALF.nope = 1",
        "import os",
        "target.morale = 1",
        "fire harvest ZZZ",
        "__import__('os').system('x')",
    ],
)
def test_console_refuses_bad_lines(line: str) -> None:
    game = mini_game()
    with pytest.raises(GameError):
        game.apply(Console(line))


def test_console_completes_ids_and_reports() -> None:
    game = mini_game()
    assert "ALF.morale" in complete(game, "ALF.m")
    assert "fire harvest" in complete(game, "fire harv")
    assert "set_flag(pact" in complete(game, "set_flag(pa")
    assert report(game, "flags") == "No flags are set."
    assert report(game, "ALF.morale") == "Alfland's Morale = 60"
    assert report(game, "tension") == "Tension = 20"
    assert report(game, "ALF.morale = 3") is None


def test_reload_replays_the_game_on_edited_files(tmp_path: Path) -> None:
    folder = tmp_path / "live"
    shutil.copytree(MINI, folder)
    game = new_game(load_scenario(folder), seed=4, humans=[])
    for _ in range(3):
        game.apply(EndTurn())
    same = reload_game(game)
    assert same.game.state.hashes == game.state.hashes and same.notice == ""
    text = (folder / "events.toml").read_text().replace("Sell the surplus", "Sell it all")
    (folder / "events.toml").write_text(text)
    edited = reload_game(game)
    assert edited.game.state.turn == game.state.turn
    assert edited.game.scenario.events["harvest"].options[0].d.text == "Sell it all"
    (folder / "events.toml").write_text(text.replace('country = "BRV"', 'country = "BRX"'))
    with pytest.raises(ScenarioError):
        reload_game(game)
