"""Messages for the mistakes authors make most, each at its FILE:LINE."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.errors import ScenarioError
from game.scenario.load import load_scenario
from tests.helpers import MINI, broken_copy, line_of

# (id, file, old text, new text, text on the expected line, message part)
CASES = [
    (
        "unclosed-string",
        "events.toml",
        'text = "Shots are fired at the High Pass."',
        'text = "Shots are fired at the High Pass.',
        'text = "Shots are fired',
        'TOML syntax: unclosed string "…" opened at line',
    ),
    (
        "unclosed-long-string",
        "events.toml",
        'The granaries of the Upper Vale overflow."""',
        "The granaries of the Upper Vale overflow.",
        'text = """',
        'TOML syntax: unclosed string """…""" opened at line',
    ),
    (
        "unclosed-list",
        "actions.toml",
        'effects = ["self.morale += 8", "self.treasury -= 10"]',
        'effects = ["self.morale += 8", "self.treasury -= 10"',
        'effects = ["self.morale += 8"',
        "TOML syntax: unclosed list [ ] opened at line",
    ),
    (
        "change-in-condition",
        "events.toml",
        'when = "tension >= 30 or flag.feud"',
        'when = "self.morale += 5"',
        "self.morale += 5",
        "a condition compares: use ==, <, >",
    ),
    (
        "c-and",
        "events.toml",
        'when = "regions(CHR) >= 3 and tension < 50"',
        'when = "regions(CHR) >= 3 && tension < 50"',
        "&&",
        "write `and` instead of &&",
    ),
    (
        "c-or",
        "events.toml",
        'when = "tension >= 30 or flag.feud"',
        'when = "tension >= 30 || flag.feud"',
        "||",
        "write `or` instead of ||",
    ),
    (
        "single-equals",
        "events.toml",
        'when = "BRV.morale >= 70"',
        'when = "BRV.morale = 70"',
        "BRV.morale = 70",
        "to compare, write ==",
    ),
    (
        "multiply-change",
        "events.toml",
        'effects = ["self.morale -= 3"]',
        'effects = ["self.morale *= 3"]',
        "self.morale *= 3",
        "to multiply, write X = X * 2",
    ),
    (
        "quotes-not-doubled",
        "events.toml",
        'chance = "0.1 + tension / 200"',
        "chance = \"'two'\"",
        "'two'",
        "in “'two'”: “'two'” must be a number",
    ),
    (
        "unknown-table-line",
        "events.toml",
        '[[event]]\nid = "golden_age"',
        '[[evnet]]\nid = "golden_age"',
        "[[evnet]]",
        "unknown key 'evnet' (did you mean 'event'?)",
    ),
    (
        "country-case",
        "events.toml",
        'country = "BRV"',
        'country = "Brv"',
        'country = "Brv"',
        "unknown country 'Brv' (did you mean 'BRV'?)",
    ),
    (
        "multi-line-condition",
        "actions.toml",
        'when = "owner(high_pass) == self and self.treasury >= 20"',
        'when = """owner(high_pass) == self\n    and self.tresury >= 20"""',
        'when = """owner(high_pass)',
        "in 'owner(high_pass) == self and self.tresury >= 20': unknown stat 'tresury'",
    ),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "needle", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_mistake_gets_its_message_at_its_line(
    tmp_path: Path, file: str, old: str, new: str, needle: str, message: str
) -> None:
    folder = broken_copy(tmp_path, file, old, new)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(folder)
    shown = [str(p) for p in caught.value.problems]
    found = [s for s in shown if message in s]
    assert found, shown
    line = line_of(folder, file, needle)
    assert found[0].startswith(f"{folder / file}:{line}: error: "), found[0]
    assert "\n" not in found[0] and "''" not in found[0]


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "map.toml", "[map]", "[map]")
    path = folder / "map.toml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_scenario(folder).warnings == []


def test_multi_line_condition_works(tmp_path: Path) -> None:
    old = 'when = "owner(high_pass) == self and self.treasury >= 20"'
    new = 'when = """owner(high_pass) == self\n    and self.treasury >= 20"""'
    sc = load_scenario(broken_copy(tmp_path, "actions.toml", old, new))
    assert sc.actions["fortify"].when.src == "owner(high_pass) == self and self.treasury >= 20"


def test_folder_level_problems_name_the_folder_without_a_line(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(tmp_path)
    assert str(caught.value.problems[0]) == f"{tmp_path}: error: the folder holds no .toml files"
    assert MINI.is_dir()
