"""The last answers: proposals a computer makes to a person in the last turn are answered
before the game ends, and the endings read the treaties signed so."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from game.engine.commands import (
    AnswerProposal,
    BreakTreaty,
    ChooseOption,
    Console,
    EndTurn,
    GameError,
    ProposeTreaty,
    TakeAction,
)
from game.engine.game import Game, new_game, replay
from game.engine.save_check import check_state
from game.engine.save_verify import verify
from game.engine.saves import open_save, read_save, write_save
from game.engine.snapshot import state_hash, to_json
from game.engine.view import view_of
from game.paths import scenarios_dir
from game.scenario.compiled import Scenario
from game.scenario.load import load_scenario

PACT = scenarios_dir() / "pact"
CLOSING = "The last turn is over: answer the proposals, then end the turn"


def _pact() -> Scenario:
    return load_scenario(PACT)


def _answer_events(game: Game, me: str) -> None:
    """Choose every waiting event's historical option (else its first open one)."""
    st = game.state
    while st.pending.get(me):
        eid = st.pending[me][0]
        open_ = [o for o in game.event_options(me, eid) if o.ok]
        pick = next((o for o in open_ if o.option.d.historical), open_[0])
        game.apply(ChooseOption(me, eid, pick.option.id))


def play_moscow(done: Callable[[Game], bool], seed: int = 3) -> Game:
    """Play Moscow as history did (Ribbentrop invited in August 1939) until `done` holds."""
    game = new_game(_pact(), seed=seed, humans=["SOV"], historical=True)
    st = game.state
    while not done(game):
        _answer_events(game, "SOV")
        for proposal in game.incoming("SOV"):
            game.apply(AnswerProposal("SOV", proposal.number, True))
        if not st.pending.get("SOV"):
            game.apply(EndTurn("SOV"))
    return game


def _to_last_answers(seed: int = 3) -> Game:
    """Play Moscow as history did to the last answers."""
    return play_moscow(lambda game: game.state.over or game.state.closing, seed)


def _pact_proposal(game: Game) -> int:
    found = [p for p in game.incoming("SOV") if p.treaty == "nazi_soviet_pact"]
    assert len(found) == 1 and found[0].proposer == "GER"
    return found[0].number


def _answer_all(game: Game, accept: bool = True) -> None:
    for proposal in game.incoming("SOV"):
        game.apply(AnswerProposal("SOV", proposal.number, accept))


def test_germany_s_pact_of_the_last_turn_waits_for_moscow_s_answer() -> None:
    game = _to_last_answers()
    st, sc = game.state, game.scenario
    assert st.closing and not st.over
    assert game.date_text() == "August 1939" and st.month + 2 > sc.end_month
    assert st.flags.get("ribbentrop_invited") is not None
    _pact_proposal(game)
    assert st.pending == {} and st.done == [] and st.ap["SOV"] == 0
    assert game.waiting_for() == ["SOV"]
    assert len(st.hashes) == st.turn + 1  # the last turn was resolved and hashed


def test_the_last_answers_allow_answers_only_and_say_why() -> None:
    game = _to_last_answers()
    turn, made = game.state.turn, len(game.commands)
    views = game.available_actions("SOV")
    assert views and all(v.reasons == [CLOSING] for v in views)
    assert game.treaty_view("SOV", "franco_soviet_treaty", "FRA").reasons == [CLOSING]
    sov_treaty = next((t.id for t in game.state.treaties if "SOV" in t.parties), "none")
    refused = [
        (TakeAction("SOV", views[0].action.d.id), CLOSING),
        (ProposeTreaty("SOV", "franco_soviet_treaty", ("FRA",)), CLOSING),
        (BreakTreaty("SOV", sov_treaty), CLOSING),
        (EndTurn("SOV"), "Answer the waiting treaty proposals before ending the turn"),
        (EndTurn(), "People are playing"),
    ]
    for cmd, words in refused:
        with pytest.raises(GameError, match=words):
            game.apply(cmd)
    assert game.state.turn == turn and len(game.commands) == made


def test_signing_in_the_last_answers_gives_the_pact_ending() -> None:
    game = _to_last_answers()
    st = game.state
    turn, rows = st.turn, len(st.series)
    _answer_all(game)
    assert any(t.id == "nazi_soviet_pact" for t in st.treaties)
    assert not st.over  # the person ends the turn, and then the game ends
    game.apply(EndTurn("SOV"))
    assert st.over and not st.closing and st.turn == turn
    assert st.endings["SOV"] == "nazi_soviet_pact" and st.endings["GER"] == "nazi_soviet_pact"
    signed = [e for e in st.log if e.kind == "treaty" and e.id == "nazi_soviet_pact"]
    assert [e.month for e in signed] == [st.month]  # dated in August 1939
    assert len(st.series) == rows  # the last row now reads the signed pact
    assert st.series[-1]["war_danger"] == st.globals["war_danger"]
    assert len(st.hashes) == turn + 2
    with pytest.raises(GameError):
        game.apply(EndTurn("SOV"))


def test_refusing_in_the_last_answers_applies_the_refusal() -> None:
    game = _to_last_answers()
    before = game.relation("GER", "SOV")
    pact = _pact_proposal(game)
    game.apply(AnswerProposal("SOV", pact, False))
    _answer_all(game)
    game.apply(EndTurn("SOV"))
    st = game.state
    assert st.over and st.endings["SOV"] != "nazi_soviet_pact"
    assert any(e.kind == "refusal" and e.id == "nazi_soviet_pact" for e in st.log)
    assert game.relation("GER", "SOV") < before


def test_no_event_is_asked_in_the_last_answers() -> None:
    game = _to_last_answers()
    fired = dict(game.state.fired)
    game.apply(Console("fire the_pact SOV", "SOV"))
    assert game.state.pending == {} and game.state.fired["the_pact"] == fired["the_pact"] + 1


def test_an_early_ending_in_the_last_turn_ends_the_game_at_once() -> None:
    game = new_game(_pact(), seed=3, humans=["SOV"], historical=True)
    st = game.state
    while not st.over:
        _answer_events(game, "SOV")
        for proposal in game.incoming("SOV"):
            game.apply(AnswerProposal("SOV", proposal.number, True))
        if st.pending.get("SOV"):
            continue
        if st.month + 2 > game.scenario.end_month:
            game.apply(Console("end_game(early_war)", "SOV"))
        game.apply(EndTurn("SOV"))
    assert not st.closing and st.proposals == [] and st.endings["SOV"] == "early_war"


def test_the_last_answers_save_and_load(tmp_path: Path) -> None:
    game = _to_last_answers()
    path = tmp_path / "last.json"
    write_save(path, game, "Last")
    saved = json.loads(path.read_text())
    assert saved["snapshot"]["closing"] is True
    loaded = open_save(path, lambda ref: _pact())
    again = loaded.game
    assert loaded.notice == ""
    assert again.state.closing and state_hash(again.state) == state_hash(game.state)
    assert [p.number for p in again.incoming("SOV")] == [p.number for p in game.incoming("SOV")]
    assert verify(read_save(path), _pact())[0]
    for g in (game, again):
        _answer_all(g)
        g.apply(EndTurn("SOV"))
    assert again.state.hashes == game.state.hashes
    assert again.state.endings == game.state.endings


def test_the_hash_tells_the_last_answers_from_the_state_before_them() -> None:
    game = _to_last_answers()
    held = state_hash(game.state)
    game.state.closing = False
    assert state_hash(game.state) != held


def test_a_snapshot_without_the_last_answers_leaves_the_field_out() -> None:
    game = new_game(_pact(), seed=3, humans=["SOV"])
    data = to_json(game.state)
    assert "closing" not in data  # as every snapshot read before the phase existed
    assert check_state(data, game.scenario) == ""
    assert "closing" in check_state({**data, "closing": "yes"}, game.scenario)


def test_the_last_answers_replay_exactly() -> None:
    game = _to_last_answers(seed=5)
    held = replay(game.scenario, 5, ["SOV"], game.commands, historical=True)
    assert held.state.closing and held.state.hashes == game.state.hashes
    _answer_all(game)
    game.apply(EndTurn("SOV"))
    again = replay(game.scenario, 5, ["SOV"], game.commands, historical=True)
    assert again.state.hashes == game.state.hashes
    assert state_hash(again.state) == state_hash(game.state)
    assert again.state.endings == game.state.endings and again.state.scores == game.state.scores


def test_the_view_shows_the_waiting_proposals_in_the_last_answers() -> None:
    game = _to_last_answers()
    view = view_of(game, "SOV")
    assert [p.treaty for p in view.incoming()] == [p.treaty for p in game.incoming("SOV")]
    assert "nazi_soviet_pact" in [p.treaty for p in view.incoming()]
    assert view.closing
