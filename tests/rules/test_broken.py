"""Broken copies of the language test scenario: every new construct fails at FILE:LINE."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.scenario.errors import ScenarioError
from game.scenario.load import load_scenario
from tests.rules.test_language import LANG

FILE = "scenario.toml"


def broken(tmp: Path, old: str, new: str) -> Path:
    folder = tmp / "lang"
    shutil.copytree(LANG, folder)
    path = folder / FILE
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))
    return folder


def line_of(folder: Path, needle: str) -> int:
    for number, line in enumerate((folder / FILE).read_text().splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


@pytest.mark.parametrize(
    ("old", "new", "needle", "message", "path"),
    [
        pytest.param(
            'when = "any_friend"',
            'when = "any_frend"',
            "any_frend",
            "unknown name 'any_frend' (did you mean 'any_friend'?)",
            "action[2].when",
            id="misspelt-named-condition",
        ),
        pytest.param(
            'accord_era = "flag.signed and not flag.dawes"',
            'accord_era = "flag.signed and warm_era"',
            "warm_era = ",
            "named condition uses itself: warm_era → accord_era → warm_era",
            "conditions.warm_era",
            id="cycle-of-named-conditions",
        ),
        pytest.param(
            'weight = "40 + self.morale / 2"',
            'weight = "40 + self.moral / 2"',
            "self.moral ",
            "unknown stat 'moral' (did you mean 'morale'?)",
            "action[0].effects[3].random[1].weight",
            id="bad-weight",
        ),
        pytest.param(
            "weight = 60,",
            "weight = -60,",
            "weight = -60",
            "a weight cannot be negative",
            "action[0].effects[3].random[0].weight",
            id="negative-weight",
        ),
        pytest.param(
            '"set_flag(honoured, self)"',
            '"it.morale += 1", "set_flag(honoured, self)"',
            '"it.morale += 1", "set_flag',
            "`it` exists only inside",
            "action[0].effects[5]",
            id="it-outside-an-iterator",
        ),
        pytest.param(
            "Relations stand at {relation(NOR, SUD)}",
            "Relations stand at {relation(NOR, SUX)}",
            "SUX",
            "in {relation(NOR, SUX)}: unknown country 'SUX' (did you mean 'SUD'?)",
            "event[0].text",
            id="unknown-name-in-text",
        ),
        pytest.param(
            "Relations stand at {relation",
            "Relations stand at {{relation",
            "{{relation",
            "a lone '}' at character",
            "event[0].text",
            id="unbalanced-brace-in-text",
        ),
        pytest.param(
            '"self.morale += 5", \'log',
            '"self.morale += 5 / 0", \'log',
            "5 / 0",
            "divides by zero",
            "effect_groups.celebrate",
            id="constant-division-by-zero",
        ),
        pytest.param(
            '{ if = "warm_era", then',
            '{ if = "warm_erra", then',
            "warm_erra",
            "unknown name 'warm_erra' (did you mean 'warm_era'?)",
            "action[0].effects[2].if",
            id="misspelt-if-condition",
        ),
        pytest.param(
            'celebrate = ["self',
            'self = ["self',
            "self = [",
            "'self' is a word of the expression language",
            "effect_groups.self",
            id="reserved-group-name",
        ),
        pytest.param(
            "friendly = {",
            "morale = {",
            "morale = {",
            "named condition 'morale' has the same name as a stat",
            "conditions.morale",
            id="named-condition-clashes-with-a-stat",
        ),
        pytest.param(
            '"double_celebration()"]',
            '"double_celebraton()"]',
            "double_celebraton",
            "unknown effect 'double_celebraton' (did you mean 'double_celebration'?)",
            "action[1].effects[1]",
            id="misspelt-effect-group",
        ),
        pytest.param(
            "NOR.flag.honoured) >= 2",
            "NOR.flag.dawes) >= 2",
            "NOR.flag.dawes",
            "flag 'dawes' is not per country: write flag.dawes",
            "event[3].when",
            id="global-flag-read-per-country",
        ),
        pytest.param(
            'name = "Leak the papers"',
            'name = "Leak the papers"\nsecret = true\nrevealed_when = "flag.signd"',
            'revealed_when = "flag.signd"',
            "unknown flag 'signd' (did you mean 'signed'?)",
            "action[3].revealed_when",
            id="bad-reveal-condition",
        ),
        pytest.param(
            'exclusive = ["eastern_league"]',
            'exclusive = ["eastern_leag"]',
            'exclusive = ["eastern_leag"]',
            "unknown treaty 'eastern_leag' (did you mean 'eastern_league'?)",
            "treaty[0].exclusive[0]",
            id="unknown-exclusive-treaty",
        ),
        pytest.param(
            '{ value = "-5", why = "Fear of entanglement" }',
            '{ value = "-5 + it.morale", why = "Fear of entanglement" }',
            '"-5 + it.morale"',
            "`it` exists only inside",
            "treaty[0].accept[2].value",
            id="treaty-reason-outside-an-iterator",
        ),
    ],
)
def test_new_constructs_fail_at_file_and_line(
    tmp_path: Path, old: str, new: str, needle: str, message: str, path: str
) -> None:
    folder = broken(tmp_path, old, new)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(folder)
    found = [p for p in caught.value.problems if p.path == path]
    assert found, [str(p) for p in caught.value.problems]
    assert message in found[0].message
    assert found[0].line == line_of(folder, needle)
    assert found[0].file.endswith(FILE)
