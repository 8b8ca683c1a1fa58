"""Play whole games through the real window: menus, events, actions, turns, the ending."""

from __future__ import annotations

import pytest

from game.scenario.load import load_scenario
from game.ui import saves
from tests.ui.driver import Driver
from tests.ui.flows import (
    end_turn,
    leave_to_menu,
    new_game,
    open_pause,
    play_to_end,
    take_first_action,
)

MINI_TITLE = "Mini Test Scenario"


@pytest.mark.parametrize("country", ["BOR", "SYL"], ids=["first-side", "second-side"])
def test_a_game_runs_from_menu_to_ending(drive: Driver, country: str) -> None:
    drive.shot("menu")
    new_game(drive, MINI_TITLE, [country])
    assert drive.app.session is not None
    assert drive.app.session.viewer == country
    drive.frames(2)
    play_to_end(drive, f"mini-{country}")
    assert drive.screen.name == "ending"
    game = drive.app.session.game
    assert game.state.over
    assert country in game.state.endings
    drive.shot(f"mini-{country}-ending")
    drive.click(drive.screen.menu_button)
    assert drive.screen.name == "menu"


def test_taking_an_action_spends_points_and_logs_it(drive: Driver) -> None:
    new_game(drive, MINI_TITLE, ["BOR"])
    drive.frames(2)
    from tests.ui.flows import answer_events

    answer_events(drive)
    state = drive.app.session.game.state
    before = state.ap["BOR"]
    assert take_first_action(drive)
    assert state.ap["BOR"] < before
    assert state.log[-1].kind == "action"
    assert "AP left" in drive.screen.end_button.text or state.ap["BOR"] == 0


def test_an_unavailable_action_shows_the_engines_reason(drive: Driver) -> None:
    new_game(drive, MINI_TITLE, ["BOR"])
    drive.frames(2)
    from tests.ui.flows import answer_events

    answer_events(drive)
    screen = drive.screen
    drive.click(screen.tab_buttons["actions"])
    panel = screen.panel
    blocked = next(v for v in panel.views if not v.ok)
    drive.click(panel.buttons[blocked.action.d.id])
    assert not screen.panel.take_button.is_enabled
    assert blocked.reasons[0].split("(")[0].strip()[:20] in screen.panel.detail.html_text
    drive.shot("actions-unavailable")


def test_hot_seat_hands_over_between_people(drive: Driver) -> None:
    new_game(drive, MINI_TITLE, ["BOR", "SYL"])
    assert drive.screen.name == "handover"
    assert drive.screen.opaque
    drive.shot("hotseat-handover")
    first = drive.app.session.viewer
    drive.click(drive.screen.ready)
    seen = {first}
    for _ in range(6):
        from tests.ui.flows import answer_events

        answer_events(drive)
        if drive.screen.name == "handover":
            seen.add(drive.app.session.viewer)
            drive.click(drive.screen.ready)
            continue
        if drive.screen.name == "ending":
            break
        end_turn(drive)
        if drive.screen.name == "handover":
            assert drive.app.session.viewer != first or len(seen) > 1
            seen.add(drive.app.session.viewer)
            drive.click(drive.screen.ready)
    assert seen == {"BOR", "SYL"}
    assert drive.app.session.game.state.turn >= 2


def test_autosave_then_continue_restores_the_game(drive: Driver) -> None:
    new_game(drive, MINI_TITLE, ["BOR"])
    drive.frames(2)
    from tests.ui.flows import answer_events

    answer_events(drive)
    end_turn(drive)
    answer_events(drive)
    turn = drive.app.session.game.state.turn
    assert turn == 1
    assert saves.latest() is not None
    open_pause(drive)
    assert drive.screen.name == "pause"
    drive.shot("pause")
    leave_to_menu(drive)
    drive.click(drive.screen.buttons["continue"])
    assert drive.screen.name in ("game", "event")
    assert drive.app.session.game.state.turn == turn


@pytest.mark.slow
@pytest.mark.parametrize("country", ["GER", "SOV"])
def test_the_bundled_scenario_plays_to_its_ending(drive: Driver, country: str) -> None:
    """Play one whole game of the main scenario through the window, as either side."""
    scenario = load_scenario("rapallo")
    assert country in scenario.meta.playable
    new_game(drive, scenario.meta.title, [country])
    drive.frames(2)
    play_to_end(drive, f"main-{country}", max_turns=scenario.turns + 5)
    assert drive.screen.name == "ending"
    drive.shot(f"main-{country}-ending")
