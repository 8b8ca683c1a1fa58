"""Rapallo: choices that stay made, relief that wears off, and a game of compliance by hand."""

from __future__ import annotations

import contextlib

from game.engine.commands import (
    AnswerProposal,
    ChooseOption,
    EndTurn,
    GameError,
    ProposeTreaty,
    TakeAction,
)
from game.engine.eligibility import blockers
from game.engine.game import Game, new_game
from game.engine.simulate import play_out
from game.engine.strategies import policy_for
from game.model.state import GameState
from game.rules.effects import apply_all
from game.rules.types import Env
from game.scenario.compiled import Scenario
from game.scenario.load import load_scenario

# Each turn, in this order, as far as points and conditions allow.
ACTIONS = [
    ("pay_reparations", None),
    ("accept_inspections", None),
    ("disarm", None),
    ("rentenmark", None),
    ("join_league", None),
    ("lobby_peace_conference", None),
    ("court_the_west", "GBR"),
    ("court_the_west", "FRA"),
]
PROPOSE = ["dawes_settlement", "locarno_treaties", "young_settlement", "kellogg_briand"]
EAST = ("rapallo", "berlin", "lipetsk", "kama", "tomka", "credit", "commercial", "trade")
ANSWERS = {"genoa_conference": "stay_loyal"}


def _try(game: Game, command: TakeAction | ProposeTreaty) -> None:
    with contextlib.suppress(GameError):
        game.apply(command)


def _answer_events(game: Game) -> None:
    sc, st = game.scenario, game.state
    policy = policy_for(sc, "GER", "ger_compliance")
    while st.pending.get("GER"):
        eid = st.pending["GER"][0]
        event = sc.events[eid]
        offered = {o.id for o in event.options if o.when.fn(st, Env("GER", None))}
        chosen = ANSWERS.get(eid) if ANSWERS.get(eid) in offered else None
        if chosen is None:
            pick = policy.option(sc, st, event, "GER")
            chosen = pick.id if pick else sorted(offered)[0]
        game.apply(ChooseOption("GER", eid, chosen))


def _answer_proposals(game: Game) -> None:
    for p in list(game.incoming("GER")):
        game.apply(AnswerProposal("GER", p.number, not any(w in p.treaty for w in EAST)))


def play_compliance(seed: int) -> Game:
    """Play Germany by hand from compliance: pay, disarm, open the depots, go west."""
    game = new_game(load_scenario("rapallo"), seed=seed, humans=["GER"])
    while not game.state.over:
        _answer_events(game)
        _answer_proposals(game)
        for treaty in PROPOSE:
            _try(game, ProposeTreaty("GER", treaty))
        for action, target in ACTIONS:
            _try(game, TakeAction("GER", action, target))
        _answer_events(game)
        _answer_proposals(game)
        game.apply(EndTurn("GER"))
    return game


def test_a_german_game_of_compliance_ends_on_the_western_road() -> None:
    game = play_compliance(3)
    st = game.state
    assert "rapallo" not in st.flags and "secret_contacts" not in st.flags
    assert "fulfilment_rewarded" in st.fired, "fulfilment pays before 1924"
    assert st.endings["GER"] == "ger_western_road"
    eastern = play_out(game.scenario, 3, play_as=("GER", "ger_rapallo")).state.endings["GER"]
    assert eastern != st.endings["GER"]


def _state(*flags: str) -> tuple[Scenario, GameState]:
    sc = load_scenario("rapallo")
    st = new_game(sc, seed=1, humans=[]).state
    for flag in flags:
        st.flags[flag] = st.turn
    return sc, st


def test_striking_out_the_decree_powers_takes_article_48_away() -> None:
    sc, st = _state("versailles")
    emergency = sc.actions["state_of_emergency"]
    assert not blockers(sc, st, emergency, "GER", explain=False)
    st.flags["no_decree_powers"] = st.turn
    assert blockers(sc, st, emergency, "GER", explain=False)


def test_a_party_banned_for_good_wins_no_seats_later() -> None:
    sc, st = _state("depression", "nazis_banned")
    env = Env("GER", None)
    assert not sc.events["nazi_breakthrough"].when.fn(st, env)
    assert sc.events["nationalist_breakthrough"].when.fn(st, env)


def test_moscow_is_not_asked_to_invite_a_germany_that_has_signed() -> None:
    sc, st = _state()
    genoa = sc.events["genoa_soviet"]
    assert genoa.when.fn(st, Env("SOV", None))
    st.flags["rapallo"] = st.turn
    assert not genoa.when.fn(st, Env("SOV", None))


def test_opening_the_depots_again_and_again_gives_less() -> None:
    sc, st = _state("iamcc")
    st.globals["suspicion"] = 50
    gains = []
    for _ in range(4):
        before = st.globals["suspicion"]
        st.used["accept_inspections"] = st.used.get("accept_inspections", 0) + 1
        apply_all(sc.actions["accept_inspections"].effects, st, Env("GER", None))
        gains.append(before - st.globals["suspicion"])
    assert gains == sorted(gains, reverse=True) and gains[0] > gains[-1]
