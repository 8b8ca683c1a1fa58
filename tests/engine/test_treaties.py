"""Treaties: proposals the other side accepts or refuses, for reasons shown before asking."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from game.engine.commands import (
    AnswerProposal,
    BreakTreaty,
    EndTurn,
    GameError,
    ProposeTreaty,
    command_from_json,
    command_to_json,
)
from game.engine.game import Game, new_game, replay
from game.engine.snapshot import from_json, state_hash, to_json
from game.rules.compiler import Compiler
from game.rules.types import Env
from tests.rules.test_language import lang


def game(humans: list[str], seed: int = 2) -> Game:
    return new_game(lang(), seed=seed, humans=humans)


def test_the_proposer_sees_each_reason_and_the_answer_to_expect() -> None:
    g = game(["NOR", "SUD"])
    view = g.treaty_view("NOR", "northern_accord", "SUD")
    assert view.ok
    (verdict,) = view.verdicts
    # relations 30 / 2 = 15, trust +10 (Nordia proposes), fear −5
    assert verdict.reasons == (
        ("Relations", 15.0),
        ("Trust in the proposer", 10.0),
        ("Fear of entanglement", -5.0),
    )
    assert verdict.total == 20 and verdict.accepts
    assert view.on_sign == ["Relations Nordia–Sudland +10", "Sets: The accord is signed"]
    assert view.per_turn == ["Nordia: Morale +1", "Sudland: Morale +1"]
    sudland = g.treaty_view("SUD", "northern_accord", "NOR")
    assert sudland.verdicts[0].total == -10  # 15 − 20 − 5: Nordia distrusts other proposers


def test_a_person_is_asked_and_their_yes_signs_the_treaty() -> None:
    g = game(["NOR", "SUD"])
    g.apply(ProposeTreaty("NOR", "northern_accord", ("SUD",)))
    assert g.state.ap["NOR"] == 2
    (proposal,) = g.incoming("SUD")
    assert proposal.proposer == "NOR" and proposal.invited == ["SUD"]
    with pytest.raises(GameError, match="treaty proposals"):
        g.apply(EndTurn("SUD"))
    g.apply(AnswerProposal("SUD", proposal.number, True))
    assert [t.parties for t in g.state.treaties] == [["NOR", "SUD"]]
    assert g.state.relations["NOR|SUD"] == 40
    assert g.state.log[-1].kind == "treaty" and g.state.log[-1].text == "NOR,SUD"
    assert Compiler(lang().lex).value("treaty(northern_accord, SUD, NOR)").fn(g.state, Env("NOR"))


def test_a_person_may_refuse_and_the_proposer_pays_for_it() -> None:
    g = game(["NOR", "SUD"])
    g.apply(ProposeTreaty("NOR", "northern_accord", ("SUD",)))
    g.apply(AnswerProposal("SUD", g.incoming("SUD")[0].number, False))
    assert g.state.treaties == []
    assert g.state.stats["NOR"]["prestige"] == 17
    assert g.state.log[-1].kind == "refusal"
    assert g.state.ap["NOR"] == 2  # a refused proposal still costs its points


def test_a_computer_party_answers_at_once_by_its_reasons() -> None:
    g = game(["SUD"])
    g.apply(ProposeTreaty("SUD", "northern_accord", ("NOR",)))
    assert g.state.treaties == []  # Nordia's reasons add up to −10: a clear no
    g = game(["NOR"])
    g.apply(ProposeTreaty("NOR", "northern_accord", ("SUD",)))
    assert len(g.state.treaties) == 1  # +20: a clear yes


@pytest.mark.parametrize(
    ("cmd", "message"),
    [
        (ProposeTreaty("NOR", "eastern_league", ()), "cannot propose it"),
        (ProposeTreaty("NOR", "northern_accord", ()), "Choose a country"),
        (ProposeTreaty("NOR", "northern_accord", ("NOR",)), "cannot be proposed to Nordia"),
        (ProposeTreaty("NOR", "no_such", ("SUD",)), "There is no treaty"),
        (AnswerProposal("NOR", 99, True), "not waiting for your answer"),
        (BreakTreaty("NOR", "northern_accord"), "not party to that treaty"),
    ],
)
def test_illegal_proposals_are_refused_with_a_reason(cmd: object, message: str) -> None:
    g = game(["NOR", "SUD"])
    with pytest.raises(GameError, match=message):
        g.apply(cmd)  # type: ignore[arg-type]
    assert g.state.proposals == [] and g.commands == []


def test_the_proposers_condition_and_points_are_checked() -> None:
    g = game(["NOR", "SUD"])
    g.state.flags["dawes"] = 0
    view = g.treaty_view("NOR", "northern_accord", "SUD")
    assert not view.ok
    assert view.reasons == ["Requires not so: “The loan plan is accepted”"]
    g.state.flags.pop("dawes")
    g.state.ap["NOR"] = 0
    assert g.treaty_view("NOR", "northern_accord", "SUD").reasons == [
        "Needs 1 action point (you have 0)"
    ]


def test_breaking_applies_on_break_to_the_breaker_and_ends_the_treaty() -> None:
    g = game(["NOR", "SUD"])
    g.apply(ProposeTreaty("NOR", "northern_accord", ("SUD",)))
    g.apply(AnswerProposal("SUD", g.incoming("SUD")[0].number, True))
    g.apply(BreakTreaty("SUD", "northern_accord"))
    assert g.state.treaties == []
    assert g.state.stats["SUD"]["prestige"] == 10
    assert g.state.relations["NOR|SUD"] == 10
    assert g.state.log[-1].kind == "broken"


def test_multilateral_secret_treaty_is_known_only_to_its_parties_until_exposed() -> None:
    g = game(["NOR", "SUD", "EST"][:2])
    g.state.humans.append("EST")
    g.apply(ProposeTreaty("EST", "eastern_league", ()))
    for who in ("NOR", "SUD"):
        g.apply(AnswerProposal(who, g.incoming(who)[0].number, who == "SUD"))
    (signed,) = g.state.treaties
    assert signed.parties == ["EST", "SUD"]  # two signatories are enough
    assert g.treaties_known_to("SUD") == [signed]
    assert g.treaties_known_to("NOR") == []
    with pytest.raises(GameError, match="cannot be broken"):
        g.apply(BreakTreaty("SUD", "eastern_league"))
    g.state.flags.clear()
    from game.rules import treaties

    treaties.expose(g.state, "eastern_league")
    assert g.treaties_known_to("NOR") == [signed]


def test_exclusive_treaties_cannot_coexist_for_a_party() -> None:
    g = game(["NOR", "SUD"])
    g.state.humans.append("EST")
    g.apply(ProposeTreaty("EST", "eastern_league", ()))
    for who in ("NOR", "SUD"):
        g.apply(AnswerProposal(who, g.incoming(who)[0].number, True))
    view = g.treaty_view("NOR", "northern_accord", "SUD")
    assert "Nordia is bound by “The Eastern League”" in view.reasons


def test_treaties_run_each_turn_and_a_timed_one_ends() -> None:
    g = game(["NOR", "SUD"])
    g.state.humans.append("EST")
    g.apply(ProposeTreaty("EST", "eastern_league", ()))
    for who in ("NOR", "SUD"):
        g.apply(AnswerProposal(who, g.incoming(who)[0].number, True))
    for _ in range(2):
        for who in ("NOR", "SUD", "EST"):
            while g.state.pending.get(who):
                eid = g.state.pending[who][0]
                from game.engine.commands import ChooseOption

                opt = g.event_options(who, eid)[0].option.id
                g.apply(ChooseOption(who, eid, opt))
            g.apply(EndTurn(who))
    assert g.state.treaties == []  # duration 2


def test_sign_treaty_effect_records_an_agreement_without_asking() -> None:
    g = game(["NOR"])
    effect = lang().events["league_exposed"].options[1].effects[0]
    assert effect.describe(g.state, Env("NOR"), lang().lex) == (
        "Signs “The Northern Accord” (Nordia, Sudland)"
    )
    effect.apply(g.state, Env("NOR"))
    assert g.state.treaties[0].parties == ["NOR", "SUD"]


def test_treaty_state_survives_the_snapshot_round_trip() -> None:
    g = game(["NOR", "SUD"])
    g.apply(ProposeTreaty("NOR", "northern_accord", ("SUD",)))
    back = from_json(to_json(g.state))
    assert back.proposals == g.state.proposals
    assert state_hash(back) == state_hash(g.state)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=hs.integers(0, 2**32), picks=hs.lists(hs.integers(0, 60), max_size=30))
def test_proposals_in_the_command_log_replay_bit_for_bit(seed: int, picks: list[int]) -> None:
    humans = ["NOR", "SUD"]
    g = game(humans, seed)
    for pick in picks:
        if g.state.over:
            break
        who = g.waiting_for()[pick % len(g.waiting_for())]
        waiting = g.incoming(who)
        if waiting:
            g.apply(AnswerProposal(who, waiting[0].number, pick % 2 == 0))
            continue
        other = "SUD" if who == "NOR" else "NOR"
        view = g.treaty_view(who, "northern_accord", other)
        if view.ok and pick % 3 == 0:
            g.apply(ProposeTreaty(who, "northern_accord", (other,)))
        elif g.state.pending.get(who):
            from game.engine.commands import ChooseOption

            eid = g.state.pending[who][0]
            g.apply(ChooseOption(who, eid, g.event_options(who, eid)[0].option.id))
        else:
            g.apply(EndTurn(who))
    commands = [command_from_json(command_to_json(c)) for c in g.commands]
    again = replay(lang(), seed, humans, commands)
    assert again.state.hashes == g.state.hashes
    assert state_hash(again.state) == state_hash(g.state)


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_noise_never_flips_a_clear_answer(difficulty: int) -> None:
    from game.engine.negotiation import ai_accepts

    sc = lang()
    treaty = sc.treaties["northern_accord"]
    for seed in range(200):
        g = new_game(sc, seed=seed, humans=[], difficulty=difficulty)
        assert ai_accepts(sc, g.state, treaty, "SUD", "NOR")  # +20
        assert not ai_accepts(sc, g.state, treaty, "NOR", "SUD")  # −10


def test_a_near_balance_is_decided_by_noise_both_ways() -> None:
    from game.engine.negotiation import ai_accepts

    sc = lang()
    treaty = sc.treaties["northern_accord"]
    answers = set()
    for seed in range(60):
        g = new_game(sc, seed=seed, humans=[])
        g.state.relations["NOR|SUD"] = -8  # −4 + 10 − 5 = +1: within the noise
        answers.add(ai_accepts(sc, g.state, treaty, "SUD", "NOR"))
    assert answers == {True, False}


def test_the_computer_proposes_only_what_enough_parties_would_accept() -> None:
    from game.engine import ai

    sc = lang()
    for seed in range(30):
        g = new_game(sc, seed=seed, humans=[])
        for treaty, _invited in ai.choose_proposals(sc, g.state, "SUD"):
            assert treaty.d.id != "northern_accord", "Nordia would refuse Sudland's accord"
        picks = ai.choose_proposals(sc, g.state, "EST")
        for _treaty, invited in picks:
            assert invited == ["NOR", "SUD"]


def test_historical_mode_forces_only_treaties_marked_historical() -> None:
    from game.engine.negotiation import ai_accepts

    sc = lang()
    g = new_game(sc, seed=1, humans=[], historical=True)
    treaty = sc.treaties["northern_accord"]
    assert not treaty.d.historical
    assert not ai_accepts(sc, g.state, treaty, "NOR", "SUD")


def test_a_secret_treaty_stays_out_of_other_powers_news_until_public() -> None:
    from game.engine.view import view_of

    g = game(["NOR", "SUD"])
    g.state.humans.append("EST")
    g.apply(ProposeTreaty("EST", "eastern_league", ()))
    for who in ("NOR", "SUD"):
        g.apply(AnswerProposal(who, g.incoming(who)[0].number, who == "SUD"))
    signed = [e for _, e in view_of(g, "SUD").log() if e.kind == "treaty"]
    assert [e.id for e in signed] == ["eastern_league"]
    assert [e for _, e in view_of(g, "NOR").log() if e.kind == "treaty"] == []
    from game.rules import treaties

    treaties.expose(g.state, "eastern_league")
    assert [e.id for _, e in view_of(g, "NOR").log() if e.kind == "treaty"] == ["eastern_league"]
