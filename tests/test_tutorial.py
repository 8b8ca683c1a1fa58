"""The guide's tutorial, run as written: its commands work and print what it says."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.cli import main
from game.paths import scenarios_dir

GUIDE = scenarios_dir() / "README.md"


def _tutorial() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    return text[text.index("## Tutorial") : text.index("## Concepts")]


def _toml_blocks() -> list[str]:
    return re.findall(r"```toml\n(.*?)```", _tutorial(), flags=re.S)


def _uses(capsys: pytest.CaptureFixture[str], folder: Path, games: int = 100) -> dict[str, int]:
    capsys.readouterr()
    assert main(["simulate", str(folder), "--games", str(games), "--json"]) == 0
    return json.loads(capsys.readouterr().out)["actions"]


def test_tutorial_steps_run_and_print_what_the_guide_shows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new-scenario", "river_kingdoms", "--dir", str(tmp_path)]) == 0
    folder = tmp_path / "river_kingdoms"
    capsys.readouterr()
    assert main(["validate", str(folder)]) == 0
    assert capsys.readouterr().out.startswith(f"{folder}: ok — “River Kingdoms”, 3 countries, ")
    # Steps 4 and 5: the guide's action and event, appended as the guide says.
    content = folder / "content.toml"
    content.write_text(content.read_text() + "\n" + "\n".join(_toml_blocks()))
    assert main(["validate", str(folder), "--strict"]) == 0
    # Step 2's sample error has the shape validate prints.
    sample = re.search(r"    (river_kingdoms/content\.toml:\d+: error: .*)", _tutorial())
    assert sample and re.fullmatch(
        r"\S+:\d+: error: in '.*': .* \[\w+\[\d+\]\.\w+\[\d+\]\]", sample.group(1)
    )


def test_tutorial_step_six_lowering_the_cost_changes_nothing_raising_the_reward_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new-scenario", "river_kingdoms", "--dir", str(tmp_path)]) == 0
    folder = tmp_path / "river_kingdoms"
    content = folder / "content.toml"
    original = content.read_text()
    assert _uses(capsys, folder)["fortify"] == 0
    content.write_text(original.replace("cost = 2\nduration = 3", "cost = 1\nduration = 3"))
    assert _uses(capsys, folder)["fortify"] == 0
    reward = 'on_complete = ["self.unrest -= 10", "self.wealth += 40"]'
    assert reward in _tutorial()
    content.write_text(original.replace('on_complete = ["self.unrest -= 10"]', reward))
    assert _uses(capsys, folder)["fortify"] > 0
