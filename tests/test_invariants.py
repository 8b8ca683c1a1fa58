"""The architecture's invariants: layers, no scenario names in code, no code execution."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GAME = ROOT / "game"


def _sources(*layers: str) -> list[Path]:
    return [p for layer in layers for p in (GAME / layer).rglob("*.py")]


@pytest.mark.parametrize("layer", ["model", "scenario", "engine"])
def test_lower_layers_never_import_pygame(layer: str) -> None:
    for path in _sources(layer):
        text = path.read_text()
        assert not re.search(r"^\s*(import|from)\s+pygame", text, re.M), path


def test_model_imports_nothing_above_it() -> None:
    for path in _sources("model"):
        assert not re.search(r"from game\.(scenario|engine|ui)", path.read_text()), path


def test_engine_and_scenario_never_import_the_ui() -> None:
    for path in _sources("scenario", "engine", "model"):
        assert "game.ui" not in path.read_text(), path


def _scenario_ids() -> set[str]:
    ids: set[str] = set()
    folders = [p for p in (ROOT / "scenarios").iterdir() if p.is_dir()]
    folders.append(ROOT / "tests" / "data" / "mini")
    for folder in folders:
        for path in folder.glob("*.toml"):
            data = tomllib.loads(path.read_text())
            for key in ("stats", "globals", "flags"):
                ids.update(data.get(key, {}))
            for key in ("country", "event", "action", "modifier", "ending", "region", "site"):
                ids.update(item["id"] for item in data.get(key, []) if "id" in item)
    # The program itself is called Rapallo, after the treaty; that name may appear.
    return {i for i in ids if len(i) >= 3} - {"rapallo"}


def test_no_scenario_id_appears_in_game_code() -> None:
    ids = _scenario_ids()
    assert ids, "no scenario ids found"
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, ids))) + r")\b")
    offenders = []
    for path in GAME.rglob("*.py"):
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            code = line.split("#", 1)[0]
            if "example=" in code:  # reference examples name the new-scenario template's ids
                continue
            for match in pattern.finditer(code):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {match.group(0)}")
    assert offenders == []


def test_nothing_is_ever_executed() -> None:
    for path in GAME.rglob("*.py"):
        text = path.read_text()
        assert not re.search(r"\b(eval|exec)\(|pickle|__import__|importlib\.import_module", text), (
            path
        )
