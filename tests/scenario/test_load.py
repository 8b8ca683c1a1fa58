"""Loading scenarios: the test scenario loads; broken copies report exact locations."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.errors import ScenarioError
from game.scenario.load import load_scenario
from tests.helpers import MINI, broken_copy, line_of, mini


def test_test_scenario_loads_without_warnings() -> None:
    sc = mini()
    assert sc.meta.id == "mini"
    assert set(sc.countries) == {"ALF", "BRV", "CHR"}
    assert sc.turns == 20
    assert sc.warnings == []


def test_content_hash_is_stable() -> None:
    assert load_scenario(MINI).content_hash == load_scenario(MINI).content_hash


# (file, old text, new text, text on the expected line, expected message part, key path)
BROKEN = [
    (
        "events.toml",
        'effects = ["self.treasury += 20"]',
        'effects = ["self.tresury += 20"]',
        "self.tresury",
        "did you mean 'treasury'",
        "event[0].options[0].effects[0]",
    ),
    (
        "events.toml",
        'country = "BRV"',
        'country = "BRX"',
        'country = "BRX"',
        "unknown country 'BRX' (did you mean 'BRV'?)",
        "event[1].country",
    ),
    (
        "events.toml",
        "chance = 0.5",
        "chance = true",
        "chance = true",
        "expected a number",
        "event[0].chance",
    ),
    (
        "actions.toml",
        "cooldown = 2",
        "coldown = 2",
        "coldown = 2",
        "unknown key 'coldown' (did you mean 'cooldown'?)",
        "action[0].coldown",
    ),
    (
        "actions.toml",
        'when = "owner(high_pass) == self',
        'when = "owner(high_pas) == self',
        "owner(high_pas)",
        "unknown region 'high_pas'",
        "action[2].when",
    ),
    (
        "scenario.toml",
        'start = "1900-01"',
        'start = "1900-13"',
        'start = "1900-13"',
        "not a date",
        "scenario.start",
    ),
    (
        "map.toml",
        "polygons = [[[2.0, 46.0], [2.5, 46.0], [2.5, 47.0], [2.0, 47.0]]]",
        "polygons = [[[2.0, 46.0], [2.5, 46.0]]]",
        "polygons = [[[2.0, 46.0], [2.5, 46.0]]]",
        "at least three points",
        "region[1].polygons[0]",
    ),
    (
        "endings.toml",
        'score = "10"',
        'score = "10 +"',
        'score = "10 +"',
        "syntax error",
        "ending[0].score",
    ),
    (
        "events.toml",
        'start = "1900-04"',
        'start = "1899-04"',
        'start = "1899-04"',
        "outside the scenario",
        "event[0].start",
    ),
    (
        "actions.toml",
        'effects = ["set_flag(pact)"',
        'effects = ["set_flg(pact)"',
        "set_flg",
        "unknown effect 'set_flg' (did you mean 'set_flag'?)",
        "action[3].effects[0]",
    ),
    (
        "events.toml",
        'id = "audit"',
        'id = "harvest"  # again',
        "# again",
        "duplicate event id 'harvest'",
        "event[5].id",
    ),
    (
        "events.toml",
        '[[event]]\nid = "harvest"',
        '[[event]]\nid = "harvest\nbad',
        'id = "harvest',
        "TOML syntax",
        "",
    ),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "needle", "message", "path"), BROKEN, ids=[b[5] or b[4] for b in BROKEN]
)
def test_broken_copy_reports_file_line_and_path(
    tmp_path: Path, file: str, old: str, new: str, needle: str, message: str, path: str
) -> None:
    folder = broken_copy(tmp_path, file, old, new)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(folder)
    problems = [p for p in caught.value.problems if message in p.message]
    assert problems, [str(p) for p in caught.value.problems]
    problem = problems[0]
    assert problem.file == str(folder / file)
    assert problem.line == line_of(folder, file, needle)
    assert problem.path == path
    assert str(problem).startswith(f"{folder / file}:{problem.line}: error: ")


@pytest.mark.parametrize(
    ("events_fix", "actions_fix"),
    [
        (('country = "BRV"', 'country = "BRX"'), ("owner(high_pass)", "owner(hi_pass)")),
        (("chance = 0.5", "chance = 'x'x"), ("cooldown = 2", "coldown = 2")),
    ],
    ids=["meaning", "structure"],
)
def test_every_error_is_reported_in_one_run(
    tmp_path: Path, events_fix: tuple[str, str], actions_fix: tuple[str, str]
) -> None:
    folder = broken_copy(tmp_path, "events.toml", *events_fix)
    text = (folder / "actions.toml").read_text().replace(*actions_fix)
    (folder / "actions.toml").write_text(text)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(folder)
    files = {Path(p.file).name for p in caught.value.problems}
    assert {"events.toml", "actions.toml"} <= files


def test_missing_folder_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="no scenario folder"):
        load_scenario(tmp_path / "nope")
    with pytest.raises(ScenarioError, match="no .toml files"):
        load_scenario(tmp_path)


def test_non_utf8_file_is_located(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "events.toml", "Feast", "Feast")
    (folder / "events.toml").write_bytes(b"# ok\n\xff\xfe = 1\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(folder)
    assert any(p.line == 2 and "UTF-8" in p.message for p in caught.value.problems)


def test_unreachable_triggered_event_is_a_warning(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "events.toml", 'follow = [{ event = "pass_lost", delay = 0 }]', "follow = []"
    )
    sc = load_scenario(folder, thorough=True)
    assert any("nothing triggers this event" in w for w in sc.warnings)
