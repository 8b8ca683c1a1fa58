"""Strategies: one country played a given way while the others play their usual AI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.engine.simulate import play_out, simulate
from game.engine.strategies import BUILT_IN, Greedy, RandomPlay, Spam, ending_score, policy_for
from tests.helpers import lang_acting_alone
from tests.rules.test_language import LANG, lang


def test_authored_strategy_replaces_only_that_countrys_profile() -> None:
    sc = lang()
    policy = policy_for(sc, "NOR", "loner")
    assert policy.sc.countries["NOR"].ai.stats == {"prestige": 2.0, "morale": 0.1}
    assert policy.sc.countries["SUD"] is sc.countries["SUD"]
    assert sc.countries["NOR"].ai.stats != policy.sc.countries["NOR"].ai.stats


@pytest.mark.parametrize("name", sorted(BUILT_IN))
def test_built_in_strategies_play_whole_games(name: str) -> None:
    game = play_out(lang(), 4, play_as=("NOR", name))
    assert game.state.over
    assert isinstance(game.policies["NOR"], (Greedy, RandomPlay, Spam))


def test_greedy_takes_only_moves_that_raise_its_score_now() -> None:
    from game.engine.game import new_game
    from game.engine.strategies import _trial
    from game.rules.effects import apply_all
    from game.rules.types import Env

    sc = lang()
    st = new_game(sc, seed=2, humans=[]).state
    picks = Greedy(sc, "NOR").actions(sc, st, "NOR")
    assert picks, "signing the accord raises Nordia's score from 0"
    trial, before = _trial(st), ending_score(sc, st, "NOR")
    for action, target in picks:
        apply_all([*action.effects, *action.per_turn], trial, Env("NOR", target))
        after = ending_score(sc, trial, "NOR")
        assert after > before
        before = after


def test_unknown_strategy_names_the_choices() -> None:
    with pytest.raises(ValueError, match="choose one of greedy, random, spam, loner"):
        policy_for(lang(), "NOR", "hermit")
    with pytest.raises(ValueError, match="no strategy 'loner' for SUD"):
        policy_for(lang(), "SUD", "loner")


def test_simulate_as_a_country_reports_score_spread(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["simulate", str(LANG), "--as", "NOR", "--strategy", "loner", "--games", "6", "--json"]
    )
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["strategy"] == {"country": "NOR", "strategy": "loner"}
    assert set(report["scores"]["NOR"]) >= {"median", "p10", "p90"}


def test_simulate_refuses_a_half_given_strategy(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", str(LANG), "--as", "NOR", "--games", "2"]) == 2
    assert "--as and --strategy go together" in capsys.readouterr().err
    assert main(["simulate", str(LANG), "--as", "EST", "--strategy", "greedy"]) == 2


def test_strategies_are_deterministic() -> None:
    a = simulate(lang(), 4, play_as=("NOR", "random"))
    b = simulate(lang(), 4, play_as=("NOR", "random"))
    assert a["scores"] == b["scores"] and a["endings"] == b["endings"]


def test_balance_report_names_dominated_options_and_dead_turns(tmp_path: Path) -> None:
    report = simulate(lang_acting_alone(tmp_path), 6)
    # Welcoming the reply gives prestige and follow-ups; ignoring it only costs prestige.
    assert report["dominated_options"] == {"reply.ignore": 1.0}
    assert set(report["dead_turns"]) == {"NOR", "SUD"}
    assert all(
        d["turns_over_limit"] == [] or d["worst_share"] > 0.1 for d in report["dead_turns"].values()
    )
