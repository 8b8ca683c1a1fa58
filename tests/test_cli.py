"""The command line, run as a user runs it: exit codes, one-line errors, determinism."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import jsonschema
import pytest

from game.cli import main
from game.paths import assets_dir, scenarios_dir
from game.scenario.errors import ScenarioError
from game.scenario.load import bundled_ids, load_scenario
from tests.helpers import MINI, broken_copy


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_validate_accepts_the_test_scenario(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(MINI)]) == 0
    assert "ok — “Three Valleys”" in capsys.readouterr().out


def test_validate_reports_broken_copy_with_location(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = broken_copy(tmp_path, "events.toml", 'country = "BRV"', 'country = "BRX"')
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert f"{folder / 'events.toml'}:" in out
    assert "error: unknown country 'BRX' (did you mean 'BRV'?) [event[1].country]" in out


def test_simulate_json_is_deterministic_and_complete() -> None:
    first = run("simulate", str(MINI), "--games", "200", "--seed", "7", "--json")
    second = run("simulate", str(MINI), "--games", "200", "--seed", "7", "--json")
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["games"] == 200 and data["seed"] == 7
    assert set(data["endings"]) == {"ALF", "BRV"}
    assert sum(data["endings"]["ALF"].values()) == 200
    assert set(data["events"]) == set(load_scenario(MINI).events)
    assert set(data["actions"]) == set(load_scenario(MINI).actions)


def test_simulate_jobs_give_the_same_figures() -> None:
    one = run("simulate", str(MINI), "--games", "40", "--json")
    two = run("simulate", str(MINI), "--games", "40", "--json", "--jobs", "2")
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_simulate_one_game_has_a_timeline_and_can_be_saved(tmp_path: Path) -> None:
    save = tmp_path / "sim.json"
    done = run("simulate", str(MINI), "--games", "1", "--json", "--historical", "--save", str(save))
    timeline = json.loads(done.stdout)["timeline"]
    assert timeline and set(timeline[0]) == {"date", "kind", "id", "title", "country", "option"}
    assert {"kind": "action", "id": "envoy", "date": "April 1900"}.items() <= timeline[0].items()
    verified = run("replay", str(save), "--verify", "--scenario", str(MINI))
    assert verified.returncode == 0 and "turn hashes match" in verified.stdout


def test_report_names_the_failing_condition(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    done = run("simulate", str(MINI), "--games", "30", "--report", str(report))
    assert done.returncode == 0
    assert "golden_age: fired in 0.0% of games — regions(CHR) >= 3 was false in" in done.stdout
    page = report.read_text()
    assert "regions(CHR) &gt;= 3 was false in" in page and "<svg" in page


@pytest.mark.parametrize(
    "args",
    [
        ["simulate", "--games", "x"],
        ["simulate", "nowhere"],
        ["bogus"],
        ["replay", "/nonexistent"],
        ["simulate", str(MINI), "--games", "0"],
        ["new-scenario", "bad name!"],
    ],
    ids=["bad-int", "bad-scenario", "bad-command", "missing-save", "zero-games", "bad-name"],
)
def test_bad_arguments_get_a_message_not_a_traceback(args: list[str]) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.strip()


def test_new_scenario_is_valid_and_playable(tmp_path: Path) -> None:
    assert main(["new-scenario", "river_kingdoms", "--dir", str(tmp_path)]) == 0
    folder = tmp_path / "river_kingdoms"
    scenario = load_scenario(folder)
    assert scenario.meta.id == "river_kingdoms" and scenario.warnings == []
    assert main(["new-scenario", "river_kingdoms", "--dir", str(tmp_path)]) == 2
    done = run("simulate", str(folder), "--games", "20", "--json")
    assert json.loads(done.stdout)["games"] == 20


def test_guide_and_schema_are_up_to_date() -> None:
    assert main(["docs", "--check"]) == 0, "run `python -m game docs` and commit the result"


def test_guide_lists_every_function_and_effect() -> None:
    from game.rules.registry import EFFECTS, FUNCTIONS

    guide = (scenarios_dir() / "README.md").read_text()
    for name in [*FUNCTIONS, *EFFECTS]:
        assert f"`{name}(" in guide


def _schema_cases() -> list[Path]:
    folders = [scenarios_dir() / i for i in bundled_ids()] + [MINI, assets_dir() / "template"]
    return [p for folder in folders for p in sorted(folder.glob("*.toml"))]


@pytest.mark.parametrize("path", _schema_cases(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_bundled_scenario_files_pass_the_editor_schema(path: Path) -> None:
    schema = json.loads((assets_dir() / "scenario.schema.json").read_text())
    jsonschema.validate(tomllib.loads(path.read_text()), schema)


def test_schema_rejects_an_unknown_key() -> None:
    schema = json.loads((assets_dir() / "scenario.schema.json").read_text())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(
            {"action": [{"id": "a", "name": "A", "actors": [], "coldown": 1}]}, schema
        )


def test_bench_prints_one_json_object_with_the_figures() -> None:
    done = run("bench", "--json", "--no-ui", "--scenario", str(MINI))
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    for key in (
        "load_ms",
        "turn_ms_median",
        "turn_ms_p95",
        "game_ms",
        "games_per_s",
        "peak_rss_mb",
    ):
        assert figures[key] > 0


def test_new_scenario_goes_to_the_players_folder_and_validate_finds_it_by_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from game.paths import user_scenarios_dir

    monkeypatch.chdir(tmp_path)
    assert main(["new-scenario", "own_valleys"]) == 0
    folder = user_scenarios_dir() / "own_valleys"
    try:
        assert (folder / "scenario.schema.json").is_file()
        for path in folder.glob("*.toml"):
            assert path.read_text().startswith("#:schema ./scenario.schema.json\n"), path
        capsys.readouterr()
        assert main(["validate", "own_valleys"]) == 0
        assert "own_valleys: ok" in capsys.readouterr().out
    finally:
        shutil.rmtree(folder)


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"scenario": {"months_per_turn": 13}}, "months_per_turn"),
        ({"event": [{"chance": 1.5}]}, "chance"),
        ({"action": [{"cost": -1}]}, "cost"),
        ({"country": [{"color": "red"}]}, "color"),
        ({"scenario": {"start": "1924-13"}}, "start"),
        ({"region": [{"id": "1st_region"}]}, "id"),
        ({"map": {"projection": "lambert"}}, "projection"),
        ({"site": [{"lat": 149.0}]}, "lat"),
    ],
    ids=["months", "chance", "cost", "colour", "date", "id", "projection", "latitude"],
)
def test_schema_checks_values(data: dict, where: str) -> None:
    schema = json.loads((assets_dir() / "scenario.schema.json").read_text())
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert any(where in e.json_path and e.validator != "required" for e in errors), [
        (e.json_path, e.message) for e in errors
    ]


def test_loader_and_schema_share_the_bounds(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "scenario.toml", "months_per_turn = 3", "months_per_turn = 13")
    with pytest.raises(ScenarioError, match="expected a whole number from 1 to 12, got 13"):
        load_scenario(folder)
