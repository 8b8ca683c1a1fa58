"""`replay --verify` on hostile saves: one line and exit code 2 (or 1 for a mismatch)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from game.engine.commands import EndTurn
from game.engine.saves import write_save
from tests.helpers import MINI, mini_game
from tests.test_cli import run


@pytest.fixture(scope="module")
def save_data(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A small valid save of the test scenario, as JSON data."""
    game = mini_game(seed=5, humans=[])
    for _ in range(3):
        game.apply(EndTurn())
    path = tmp_path_factory.mktemp("save") / "s.json"
    write_save(path, game)
    return dict(json.loads(path.read_text()))


def _edit(data: dict[str, Any], case: str) -> dict[str, Any]:
    data = json.loads(json.dumps(data))
    if case == "huge-seed":
        data["seed"] = int("9" * 4000)
    elif case == "human":
        data["humans"] = ["CEN"]
    elif case == "long-id":
        data["scenario"] = "x" * 5000
    elif case == "console":
        data["commands"].insert(0, {"kind": "console", "line": "x = 1", "country": "ZZZ"})
    elif case == "snapshot":
        data["snapshot"]["stats"]["ALF"] = {k: 100 for k in data["snapshot"]["stats"]["ALF"]}
    return data


@pytest.mark.parametrize(
    ("case", "code"),
    [("huge-seed", 2), ("human", 2), ("long-id", 2), ("console", 1), ("snapshot", 1)],
)
def test_verify_answers_a_bad_save_in_one_line(
    tmp_path: Path, save_data: dict[str, Any], case: str, code: int
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(_edit(save_data, case)))
    done = run("replay", str(path), "--verify", "--scenario", str(MINI))
    output = (done.stdout + done.stderr).strip()
    assert done.returncode == code, output
    assert "Traceback" not in output and len(output.splitlines()) == 1, output


def test_a_save_of_a_scenario_not_installed_names_the_way_out(
    tmp_path: Path, save_data: dict[str, Any]
) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps(save_data))
    done = run("replay", str(path), "--verify")
    assert done.returncode == 2 and "--scenario" in done.stderr
    assert "Traceback" not in done.stderr
