"""When treaties happen: what a signature sets off, and historical treaties at their date."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.engine.commands import AnswerProposal, EndTurn
from game.engine.game import Game, new_game
from game.scenario.compiled import Scenario
from game.scenario.load import load_scenario

LANG = Path(__file__).parent.parent / "data" / "lang"

# Two historical treaties Estland proposes in the same turn, and one whose signature calls
# an event at once; neither costs less than the points a country has left after the first.
EXTRA = """
[[treaty]]
id = "first_pact"
name = "The First Pact"
proposers = ["EST"]
targets = ["NOR"]
cost = 3
accept = [{ value = "-50", why = "Nobody wants it" }]
on_sign = ["unrest += 1", "trigger(echo)"]
historical = true
historical_date = "1924-02"

[[treaty]]
id = "second_pact"
name = "The Second Pact"
proposers = ["EST"]
targets = ["SUD"]
when = "treaty(first_pact)"
cost = 3
accept = [{ value = "-50", why = "Nobody wants it" }]
historical = true
historical_date = "1924-03"
"""


def _scenario(tmp_path: Path) -> Scenario:
    folder = tmp_path / "lang"
    shutil.copytree(LANG, folder)
    (folder / "history.toml").write_text(EXTRA)
    return load_scenario(folder)


def _played(game: Game, turns: int) -> Game:
    for _ in range(turns):
        game.apply(EndTurn())
    return game


def test_historical_mode_signs_every_treaty_due_in_a_turn_whatever_it_costs(
    tmp_path: Path,
) -> None:
    g = _played(new_game(_scenario(tmp_path), seed=1, humans=[], historical=True), 1)
    signed = [(e.id, e.text, e.month) for e in g.state.log if e.kind == "treaty"]
    first, second = g.scenario.treaties["first_pact"], g.scenario.treaties["second_pact"]
    assert signed == [
        ("first_pact", "EST,NOR", first.historical_month),
        ("second_pact", "EST,SUD", second.historical_month),
    ]
    g = _played(g, 3)
    assert sum(e.kind == "treaty" for e in g.state.log) == 2  # never proposed twice


def test_what_a_signature_sets_off_happens_the_same_turn(tmp_path: Path) -> None:
    g = new_game(_scenario(tmp_path), seed=1, humans=["NOR", "SUD"])
    g.state.ap["EST"] = 3
    g.propose(g.scenario.treaties["first_pact"], "EST", ["NOR"])
    (proposal,) = g.incoming("NOR")
    turn = g.state.turn
    g.apply(AnswerProposal("NOR", proposal.number, True))
    assert g.state.turn == turn
    assert [e.id for e in g.state.log[-2:]] == ["first_pact", "echo"]
    assert "echo" in g.state.pending["SUD"]
