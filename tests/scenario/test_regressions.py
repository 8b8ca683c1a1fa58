"""Defects of the earlier loader and engine, each kept from coming back."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.commands import TakeAction
from game.engine.eligibility import blockers
from game.rules.compiler import Compiler
from game.rules.statements import EffectCompiler
from game.rules.types import Env
from game.scenario.errors import ScenarioError
from game.scenario.load import load_scenario
from tests.helpers import broken_copy, line_of, mini, mini_game


@pytest.mark.parametrize(
    "src",
    ['log("borders = fixed")', 'rename(CHR, "A=B")', 'log("the target is near")', "tension = 5"],
)
def test_statements_with_equals_signs_and_words_inside_strings_compile(src: str) -> None:
    effect = EffectCompiler(Compiler(mini().lex)).statement(src)
    game = mini_game()
    effect.apply(game.state, Env("ALF"))


def test_statements_with_equals_signs_load_from_a_file(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path,
        "actions.toml",
        'effects = ["self.morale += 8", "self.treasury -= 10"]',
        'effects = ["self.morale += 8", \'log("borders = fixed")\', \'rename(CHR, "A=B")\']',
    )
    scenario = load_scenario(folder)
    assert scenario.actions["festival"].effects[1].src == 'log("borders = fixed")'


def test_unknown_country_in_ending_texts_is_located_by_its_key(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "endings.toml", "texts = { BRV = {", "texts = { BRX = {")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(folder)
    problem = next(p for p in caught.value.problems if "BRX" in p.message)
    assert problem.path == "ending[1].texts.BRX"
    assert problem.message == "unknown country 'BRX' (did you mean 'BRV'?)"
    assert problem.line == line_of(folder, "endings.toml", "texts = { BRX")


def test_eligibility_gives_codes_the_ai_and_the_views_share() -> None:
    game = mini_game()
    game.apply(TakeAction("ALF", "festival"))
    game.apply(TakeAction("ALF", "tax"))
    envoy = mini().actions["envoy"]
    found = blockers(mini(), game.state, envoy, "ALF")
    assert [b.code for b in found] == ["points"]
    view = next(v for v in game.available_actions("ALF") if v.action.d.id == "envoy")
    assert view.blockers == found
    assert [b.code for b in blockers(mini(), game.state, envoy, "ALF", explain=False)] == ["points"]


@pytest.mark.parametrize(
    ("old", "new", "path", "message"),
    [
        ('color = "#8a5a44"', 'color = "brown"', "country[0].color", "'brown' is not a colour"),
        ("capital = [1.0, 46.0]", "capital = [146.0, 91.0]", "country[0].capital", "lat −90…90"),
        ('start = "1900-01"', 'start = "1900-13"', "scenario.start", "YYYY-MM"),
        (
            'orientation = "horizontal"',
            'orientation = "diagonal"',
            "country[0].flag.orientation",
            "expected one of 'horizontal', 'vertical', got 'diagonal'",
        ),
    ],
    ids=["colour", "lon-lat", "year-month", "enum"],
)
def test_named_value_types_are_checked_where_they_are_written(
    tmp_path: Path, old: str, new: str, path: str, message: str
) -> None:
    folder = broken_copy(tmp_path, "scenario.toml", old, new)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(folder)
    problem = next(p for p in caught.value.problems if p.path == path)
    assert message in problem.message
    assert problem.line == line_of(folder, "scenario.toml", new.split(" = ")[0] + " = ")
