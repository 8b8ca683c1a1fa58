"""Treaty proposals in the window: the invited person reads the terms and their reasons, then
accepts or refuses with real input."""

from __future__ import annotations

import pygame

from game.engine.commands import ProposeTreaty
from tests.rules.test_language import LANG
from tests.ui import flows
from tests.ui.driver import Driver


def _to_proposal(drive: Driver) -> None:
    """Start a hot-seat game, let Nordia propose the accord, and hand over to Sudland."""
    drive.app.extra_scenarios.append(LANG)
    flows.new_game(drive, "The Northern Accord", ["NOR", "SUD"])
    for _ in range(6):
        if drive.screen.name == "handover":
            drive.click(drive.screen.ready)
        flows.answer_events(drive)
        if drive.screen.name == "game" and drive.app.session.viewer == "NOR":
            break
    session = drive.app.session
    assert session.apply(ProposeTreaty("NOR", "northern_accord", ("SUD",))) is None
    flows.end_turn(drive)
    for _ in range(6):
        if drive.screen.name == "handover":
            drive.click(drive.screen.ready)
        flows.answer_events(drive)
        if drive.screen.name == "proposal":
            return
        drive.frames(2)
    raise AssertionError(f"no proposal dialog, screen is {drive.screen.name}")


def _text(drive: Driver) -> str:
    return " ".join(
        getattr(e, "html_text", "") or getattr(e, "text", "") or ""
        for e in drive.screen.manager.get_root_container().elements
    )


def test_the_invited_person_sees_terms_and_reasons_and_accepts(drive: Driver) -> None:
    _to_proposal(drive)
    shown = _text(drive)
    assert "The Northern Accord" in shown
    assert "proposed by Nordia" in shown
    assert "Relations Nordia–Sudland +10" in shown
    assert "Sudland would accept (+20): Relations +15, Trust in the proposer +10" in shown
    assert "If you refuse:</b> Nordia: Prestige −3" in shown
    drive.shot("proposal-dialog")
    drive.click(drive.screen.accept_button)
    game = drive.app.session.game
    assert [t.parties for t in game.state.treaties] == [["NOR", "SUD"]]
    assert drive.screen.name != "proposal"


def test_the_invited_person_may_refuse_with_a_key(drive: Driver) -> None:
    _to_proposal(drive)
    drive.key(pygame.K_2)
    game = drive.app.session.game
    assert game.state.treaties == []
    assert any(e.kind == "refusal" for e in game.state.log)
    assert game.state.stats["NOR"]["prestige"] == 17
