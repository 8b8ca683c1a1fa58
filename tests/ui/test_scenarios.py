"""Smoke tests of the bundled scenarios through the real window: pact, and rapallo in hot seat."""

from __future__ import annotations

import pytest

from game.scenario.compiled import Scenario
from game.scenario.load import load_scenario
from tests.ui.driver import Driver
from tests.ui.flows import answer_events, answer_proposals, end_turn, new_game, take_first_action


def _bundled(scenario_id: str) -> Scenario:
    """Return a bundled scenario; a broken one fails the test."""
    return load_scenario(scenario_id)


@pytest.mark.slow
def test_pact_plays_a_few_turns_as_germany(drive: Driver) -> None:
    scenario = _bundled("pact")
    assert "GER" in scenario.meta.playable
    new_game(drive, scenario.meta.title, ["GER"])
    drive.frames(2)
    session = drive.app.session
    assert session.scenario.meta.id == "pact" and session.viewer == "GER"
    answered = taken = 0
    for turn in range(4):
        answered += answer_events(drive, shot="pact-event" if turn == 0 else None)
        answer_proposals(drive)
        if drive.screen.name != "game":
            break
        taken += take_first_action(drive)
        if turn == 2:
            drive.shot("pact-game")
        end_turn(drive)
    assert session.game.state.turn >= 3
    assert taken >= 1
    assert drive.screen.name in ("game", "event", "ending")


@pytest.mark.slow
def test_rapallo_hot_seat_hands_over_and_keeps_secrets(drive: Driver) -> None:
    scenario = _bundled("rapallo")
    humans = ["GER", "SOV"]
    assert set(humans) <= set(scenario.meta.playable)
    new_game(drive, scenario.meta.title, humans)
    seen: set[str] = set()
    for _ in range(12):
        if drive.screen.name == "handover":
            seen.add(drive.app.session.viewer)
            if len(seen) == 1:
                drive.shot("rapallo-hotseat-handover")
            drive.click(drive.screen.ready)
            continue
        answer_events(drive)
        answer_proposals(drive)
        if drive.screen.name != "game":
            continue
        take_first_action(drive)
        game, viewer = drive.app.session.game, drive.app.session.viewer
        from game.engine.view import view_of

        readable = [e for _, e in view_of(game, viewer).log()]
        exposed = "exposed" in game.state.flags
        for entry in game.state.log:
            action = game.scenario.actions.get(entry.id)
            if entry.kind == "action" and action is not None and action.d.secret:
                known = (
                    entry.country == viewer
                    or viewer in action.d.known_to
                    or entry.title.endswith(f"({game.name(viewer)})")
                    or exposed
                )
                assert (entry in readable) == known
        end_turn(drive)
    assert seen == set(humans)
    assert drive.app.session.game.state.turn >= 2
    drive.shot("rapallo-hotseat-game")
