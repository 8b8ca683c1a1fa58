"""The bundled scenarios' treaties: historical runs sign them at their dates, and a person
on the other side of Rapallo is asked and may refuse."""

from __future__ import annotations

import pytest

from game.engine.commands import AnswerProposal, ChooseOption, EndTurn, ProposeTreaty
from game.engine.game import Game, new_game, replay
from game.engine.simulate import play_out
from game.model.state import LogEntry
from game.rules.types import Env
from game.scenario.compiled import Scenario
from game.scenario.load import load_scenario

_games: dict[str, Game] = {}


def _historical(scenario_id: str) -> Game:
    """Play the scenario once in historical mode (each a fraction of a second)."""
    if scenario_id not in _games:
        _games[scenario_id] = play_out(load_scenario(scenario_id), 0, True, verified=False)
    return _games[scenario_id]


def _entries(game: Game, kind: str, item: str) -> list[LogEntry]:
    return [e for e in game.state.log if e.kind == kind and e.id == item]


def _date(game: Game, kind: str, item: str) -> str:
    found = _entries(game, kind, item)
    assert found, f"no {kind} {item} in the log"
    return game.date_text(found[0].month)


def _before(game: Game, first: tuple[str, str], then: tuple[str, str]) -> bool:
    log = game.state.log
    a = next(i for i, e in enumerate(log) if (e.kind, e.id) == first)
    b = next(i for i, e in enumerate(log) if (e.kind, e.id) == then)
    return a < b


@pytest.mark.parametrize("scenario_id", ["rapallo", "pact"])
def test_historical_mode_signs_every_historical_treaty_in_its_month(scenario_id: str) -> None:
    game = _historical(scenario_id)
    for tid, treaty in game.scenario.treaties.items():
        if treaty.d.historical:
            assert _date(game, "treaty", tid) == game.date_text(treaty.historical_month), tid


@pytest.mark.parametrize(
    ("kind", "item", "date"),
    [
        ("treaty", "treaty_of_rapallo", "April 1922"),
        ("treaty", "treaty_of_berlin", "April 1926"),
        ("treaty", "locarno_treaties", "October 1925"),
        ("treaty", "dawes_settlement", "August 1924"),
        ("event", "dawes_reichstag", "August 1924"),
        ("event", "locarno_soviet_alarm", "September 1925"),
        ("treaty", "kellogg_briand", "August 1928"),
        ("event", "kellogg_signing", "August 1928"),
    ],
    ids=lambda v: str(v),
)
def test_rapallo_history_keeps_its_dates(kind: str, item: str, date: str) -> None:
    assert _date(_historical("rapallo"), kind, item) == date


def test_rapallo_history_keeps_its_order() -> None:
    game = _historical("rapallo")
    assert _before(game, ("event", "genoa_conference"), ("treaty", "treaty_of_rapallo"))
    assert _before(game, ("event", "locarno_soviet_alarm"), ("treaty", "locarno_treaties"))
    assert _before(game, ("treaty", "commercial_treaty_1925"), ("treaty", "locarno_treaties"))
    assert _before(game, ("treaty", "lipetsk_agreement"), ("action", "lipetsk_school"))
    (locarno,) = _entries(game, "treaty", "locarno_treaties")
    assert locarno.text == "GER,FRA,BEL,GBR,ITA"


@pytest.mark.parametrize(
    ("kind", "item", "date"),
    [
        ("treaty", "nazi_soviet_pact", "August 1939"),
        ("treaty", "secret_protocol", "August 1939"),
        ("treaty", "munich_agreement", "September 1938"),
        ("treaty", "polish_guarantee", "March 1939"),
        ("event", "rhineland_crisis", "March 1936"),
        ("event", "prague_reaction", "March 1939"),
        ("treaty", "credit_1935", "April 1935"),
        ("event", "hugenberg_memorandum", "June 1933"),
        ("action", "baltic_protocol", "March 1934"),
        ("event", "stavisky_riots", "February 1934"),
        ("event", "marseille_murder", "October 1934"),
        ("event", "pact_ratification", "February 1936"),
        ("event", "rapallo_in_the_dock", "January 1937"),
        ("action", "runciman_mission", "July 1938"),
        ("event", "political_basis", "May 1939"),
        ("event", "peacetime_conscription", "April 1939"),
    ],
    ids=lambda v: str(v),
)
def test_pact_history_keeps_its_dates(kind: str, item: str, date: str) -> None:
    assert _date(_historical("pact"), kind, item) == date


def test_pact_history_keeps_its_order_and_its_secret() -> None:
    game = _historical("pact")
    assert _before(game, ("event", "prague_reaction"), ("treaty", "polish_guarantee"))
    assert _before(game, ("treaty", "german_soviet_credit"), ("treaty", "nazi_soviet_pact"))
    assert game.state.over and "pact_signed" in game.state.flags
    known = {t.id for t in game.treaties_known_to("GBR")}
    assert "nazi_soviet_pact" in known and "secret_protocol" not in known
    assert "secret_protocol" in {t.id for t in game.treaties_known_to("SOV")}


def _person_answers(game: Game, cid: str) -> None:
    """Answer a person's events (the historical option where there is one) and proposals."""
    st = game.state
    for event_id in list(st.pending.get(cid, [])):
        event = game.scenario.events[event_id]
        options = [o for o in event.options if o.when.holds(st, Env(cid, None))]
        option = next((o for o in options if o.d.historical), options[0])
        game.apply(ChooseOption(cid, event_id, option.id))
    for proposal in game.incoming(cid):
        game.apply(AnswerProposal(cid, proposal.number, True))


def _hot_seat_until_rapallo(scenario: Scenario) -> Game:
    """Play Germany and Soviet Russia as people until Germany may propose Rapallo."""
    game = new_game(scenario, seed=4, humans=["GER", "SOV"])
    for _ in range(scenario.turns):
        for cid in ("GER", "SOV"):
            _person_answers(game, cid)
        if game.treaty_view("GER", "treaty_of_rapallo", "SOV").ok:
            return game
        for cid in ("GER", "SOV"):
            game.apply(EndTurn(cid))
    raise AssertionError("Germany never could propose Rapallo")


def test_in_hot_seat_the_soviet_player_is_asked_and_may_accept_or_refuse_rapallo() -> None:
    scenario = load_scenario("rapallo")
    game = _hot_seat_until_rapallo(scenario)
    assert "genoa_talks" in game.state.flags
    view = game.treaty_view("GER", "treaty_of_rapallo", "SOV")
    (verdict,) = view.verdicts
    reasons = dict(verdict.reasons)
    assert reasons["Recognition by a great power"] > 0
    assert reasons["A common enemy in Poland"] > 0
    game.apply(ProposeTreaty("GER", "treaty_of_rapallo", ("SOV",)))
    (proposal,) = game.incoming("SOV")
    assert proposal.proposer == "GER" and "rapallo" not in game.state.flags
    refused = replay(scenario, game.state.seed, ["GER", "SOV"], list(game.commands))
    prestige = game.state.stats["GER"]["prestige"]

    game.apply(AnswerProposal("SOV", proposal.number, True))
    assert "rapallo" in game.state.flags
    assert [t.parties for t in game.state.treaties if t.id == "treaty_of_rapallo"] == [
        ["GER", "SOV"]
    ]

    refused.apply(AnswerProposal("SOV", proposal.number, False))
    assert "rapallo" not in refused.state.flags
    assert _entries(refused, "refusal", "treaty_of_rapallo")
    assert refused.state.stats["GER"]["prestige"] == prestige - 2
