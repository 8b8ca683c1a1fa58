"""The author console: conditions and values evaluated on their own; completion by context."""

from __future__ import annotations

import pytest

from game.engine.console import complete, report
from tests.helpers import mini_game


@pytest.mark.parametrize(
    ("line", "answer"),
    [
        ("tension >= 50", "false (tension is 20)"),
        ("tension < 50 and ALF.morale > 10", "true (tension is 20, ALF.morale is 60)"),
        ("not flag.pact", "true"),
        ("ALF.morale + 5", "65"),
        ("owner(high_pass)", "Alfland"),
        ("self.treasury >= 20", "true (self.treasury is 50)"),
    ],
    ids=["false", "and", "flag", "value", "country", "self"],
)
def test_a_condition_or_value_typed_alone_is_evaluated(line: str, answer: str) -> None:
    assert report(mini_game(), line, "ALF") == answer


@pytest.mark.parametrize(
    "line", ["ALF.morale = 3", "set_flag(pact)", "fire harvest", "tension += 1"]
)
def test_commands_are_not_mistaken_for_queries(line: str) -> None:
    assert report(mini_game(), line) is None


# (line typed, a completion that must be offered, one that must not)
CASES = [
    ("fire harv", "fire harvest", "fire ALF"),
    ("fire harvest ", "fire harvest BRV", "fire harvest harvest"),
    ("set_flag(pa", "set_flag(pact", "set_flag(pass_lost"),
    ("trigger(pa", "trigger(pass_lost", "trigger(pact"),
    ("set_owner(high_pass, B", "set_owner(high_pass, BRV", "set_owner(high_pass, BRV.morale"),
    ("chosen(harvest, s", "chosen(harvest, sell", "chosen(harvest, self"),
    ("ALF.m", "ALF.morale", "ALF.mint"),
    ("flag.p", "flag.pact", "flag.pass_lost"),
    ("tension > 5 and ALF.t", "tension > 5 and ALF.treasury", "tension > 5 and ALF.tax"),
    ("start_modifier(v", "start_modifier(vigil", "start_modifier(vale"),
]


@pytest.mark.parametrize(("line", "offered", "not_offered"), CASES, ids=[c[0] for c in CASES])
def test_tab_offers_only_what_fits_where_the_cursor_is(
    line: str, offered: str, not_offered: str
) -> None:
    found = complete(mini_game(), line)
    assert offered in found
    assert not_offered not in found
