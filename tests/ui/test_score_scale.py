"""The ending score has a scale: the most its expression can give, and the best computer game."""

from __future__ import annotations

import json

from game.engine.score_scale import AI_SCORES, possible_max, recorded_best
from game.paths import scenarios_dir
from game.rules.lexicon import fmt_num
from game.scenario.load import load_scenario
from game.ui.score_words import scale_words
from tests.ui.driver import Driver
from tests.ui.flows import end_turn, rapallo_as_germany
from tests.ui.texts import widget_texts


def test_the_ending_score_reads_against_the_possible_and_the_best_ai_game(drive: Driver) -> None:
    rapallo_as_germany(drive)
    game = drive.app.session.game
    sc = game.scenario
    game.state.forced_ending = "ger_collapse"  # the next End turn ends the game
    end_turn(drive)
    drive.frames(3)
    assert drive.screen.name == "ending"
    score = game.state.scores["GER"]
    most = possible_max(sc, "GER")
    recorded = json.loads((sc.path / AI_SCORES).read_text())
    best = recorded_best(sc, "GER")
    assert most is not None and best is not None
    assert best.score == recorded["best"]["GER"] and best.games == recorded["games"]
    assert score <= most
    text = drive.screen.score_text
    assert f"Score {fmt_num(score)} of a possible {fmt_num(most)}" in text
    assert f"the best score in {best.games} computer-played games was {fmt_num(best.score)}" in text
    assert ("earlier version" in text) is not best.current
    assert any(fmt_num(most) in t for t in widget_texts(drive.screen))
    drive.shot("ending-score")


def test_without_a_possible_maximum_the_best_game_is_set_apart_from_the_score() -> None:
    sc = load_scenario(scenarios_dir() / "pact")
    assert possible_max(sc, "SOV") is None
    assert recorded_best(sc, "SOV") is not None
    assert scale_words(sc, "SOV").startswith("— the best score in ")
