"""Treaty proposals in the window: the invited person reads the terms and their reasons, then
accepts or refuses with real input."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game import locale
from game.engine.commands import ProposeTreaty
from game.ui.panels.diplomacy_panel import DiplomacyPanel
from tests.rules.test_language import LANG
from tests.ui import flows
from tests.ui.driver import Driver


def _until(drive: Driver, screen: str, viewer: str | None = None) -> None:
    """Hand over and answer events until a screen shows (for a given viewer, if named)."""
    for _ in range(6):
        if drive.screen.name == "handover":
            drive.click(drive.screen.ready)
        flows.answer_events(drive)
        if drive.screen.name == screen and viewer in (None, drive.app.session.viewer):
            return
        drive.frames(2)
    raise AssertionError(f"no {screen} screen, the screen is {drive.screen.name}")


def _to_proposal(drive: Driver) -> None:
    """Start a hot-seat game, let Nordia propose the accord, and hand over to Sudland."""
    drive.app.extra_scenarios.append(LANG)
    flows.new_game(drive, "The Northern Accord", ["NOR", "SUD"])
    _until(drive, "game", "NOR")
    session = drive.app.session
    assert session.apply(ProposeTreaty("NOR", "northern_accord", ("SUD",))) is None
    flows.end_turn(drive)
    _until(drive, "proposal")


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


def _start(drive: Driver, humans: list[str]) -> None:
    drive.app.extra_scenarios.append(LANG)
    flows.new_game(drive, "The Northern Accord", humans)
    _until(drive, "game")


def _select(drive: Driver, region: str) -> None:
    view = drive.screen.map
    x, y = view.to_screen(view.by_id[region].centre)
    drive.click_at((round(x), round(y)))


def test_the_diplomacy_tab_shows_the_answer_to_expect_and_proposes(drive: Driver) -> None:
    _start(drive, ["NOR"])
    screen = drive.screen
    _select(drive, "south")
    assert screen.selected == "SUD"
    drive.click(screen.tab_buttons["diplomacy"])
    drive.frames(2)
    panel = screen.panel
    rows = [r for r in panel.rows if r[1] == "propose" and r[2] == "northern_accord"]
    assert rows, panel.rows
    drive.shot("diplomacy-treaties")
    rect = rows[0][0]
    drive.click_at((panel.rect.x + rect.centerx, panel.rect.y + rect.centery - panel.scroll))
    dialog = drive.screen
    assert dialog.name == "treaty"
    shown = _text(drive)
    assert "Sudland would accept (+20)" in shown and "Cost:</b> 1 AP" in shown
    drive.shot("treaty-propose")
    drive.key(pygame.K_RETURN)
    game = drive.app.session.game
    assert [t.parties for t in game.state.treaties] == [["NOR", "SUD"]]
    drive.frames(2)
    assert any(r[1] == "break" for r in drive.screen.panel.rows)


def test_breaking_a_treaty_asks_first_and_shows_what_it_costs(drive: Driver) -> None:
    _start(drive, ["NOR"])
    drive.app.session.apply(ProposeTreaty("NOR", "northern_accord", ("SUD",)))
    screen = drive.screen
    drive.click(screen.tab_buttons["diplomacy"])
    drive.frames(2)
    panel = screen.panel
    rect = next(r[0] for r in panel.rows if r[1] == "break")
    drive.click_at((panel.rect.x + rect.centerx, panel.rect.y + rect.centery - panel.scroll))
    assert drive.screen.name == "treaty"
    assert "If you break it:</b> Nordia: Prestige −10" in _text(drive)
    drive.key(pygame.K_ESCAPE)
    assert drive.app.session.game.state.treaties, "Esc keeps the treaty"
    drive.click_at((panel.rect.x + rect.centerx, panel.rect.y + rect.centery - panel.scroll))
    drive.click(drive.screen.confirm_button)
    assert drive.app.session.game.state.treaties == []


def test_treaties_show_on_the_map_and_in_the_news(drive: Driver) -> None:
    _start(drive, ["NOR"])
    drive.app.session.apply(ProposeTreaty("NOR", "northern_accord", ("SUD",)))
    screen = drive.screen
    drive.frames(2)
    assert "The Northern Accord</b> signed by Nordia, Sudland" in screen.log.html
    for _ in range(6):
        if screen.mode == "treaties":
            break
        drive.key(pygame.K_m)
    assert screen.mode == "treaties"
    drive.frames(2)
    links = screen.map.links
    assert [(link.name) for link in links] == ["The Northern Accord"]
    drive.shot("map-treaties")


def _rapallo_in_the_window(drive: Driver, tmp_path: Path) -> None:
    """Open a hot-seat game at the turn Germany may propose Rapallo, and propose it by clicks."""
    from game.engine.saves import write_save
    from game.scenario.load import load_scenario
    from tests.scenario.test_bundled_treaties import _hot_seat_until_rapallo

    game = _hot_seat_until_rapallo(load_scenario("rapallo"))
    path = tmp_path / "rapallo-1922.json"
    write_save(path, game, "Before Rapallo")
    assert drive.app.load_game(path) is None
    drive.frames(2)
    _until(drive, "game", "GER")
    screen = drive.screen
    assert screen.name == "game" and drive.app.session.viewer == "GER"
    view = screen.map
    region = next(s.id for s in view.shapes if drive.app.session.game.state.owners[s.id] == "SOV")
    x, y = view.to_screen(view.by_id[region].centre)
    drive.click_at((round(x), round(y)))
    assert screen.selected == "SOV"
    drive.click(screen.tab_buttons["diplomacy"])
    drive.frames(2)
    panel = screen.panel
    rect = next(r[0] for r in panel.rows if r[1] == "propose" and r[2] == "treaty_of_rapallo")
    drive.click_at((panel.rect.x + rect.centerx, panel.rect.y + rect.centery - panel.scroll))
    assert drive.screen.name == "treaty"
    assert "Soviet Russia would accept" in _text(drive)
    drive.key(pygame.K_RETURN)
    assert drive.app.session.game.incoming("SOV")
    flows.end_turn(drive)
    _until(drive, "proposal", "SOV")


def test_the_soviet_player_is_asked_about_rapallo_and_accepts(
    drive: Driver, tmp_path: Path
) -> None:
    _rapallo_in_the_window(drive, tmp_path)
    assert "Treaty of Rapallo" in _text(drive) and "proposed by Germany" in _text(drive)
    drive.shot("rapallo-proposal")
    drive.click(drive.screen.accept_button)
    game = drive.app.session.game
    assert "rapallo" in game.state.flags
    assert any(t.id == "treaty_of_rapallo" for t in game.state.treaties)


def test_the_soviet_player_may_refuse_rapallo(drive: Driver, tmp_path: Path) -> None:
    _rapallo_in_the_window(drive, tmp_path)
    drive.click(drive.screen.refuse_button)
    game = drive.app.session.game
    assert "rapallo" not in game.state.flags
    assert any(e.kind == "refusal" and e.id == "treaty_of_rapallo" for e in game.state.log)


def test_a_treaty_in_force_dates_its_signing_as_a_phrase_in_russian(
    drive: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    _start(drive, ["NOR"])
    drive.app.session.apply(ProposeTreaty("NOR", "northern_accord", ("SUD",)))
    game = drive.app.session.game
    assert game.state.treaties
    seen: list[str] = []
    line = DiplomacyPanel._line

    def recording(
        panel: DiplomacyPanel, surf: pygame.Surface, y: int, text: str, kind: str = "sans"
    ) -> int:
        seen.append(text)
        return line(panel, surf, y, text, kind)

    monkeypatch.setattr(DiplomacyPanel, "_line", recording)
    try:
        locale.set_language("ru")
        drive.click(drive.screen.tab_buttons["diplomacy"])
        drive.frames(2)
        since = locale.month_in_phrase(game.state.month)  # signed this turn
        assert since != locale.month_year(game.state.month)  # "с января", not "с январь"
        assert any(text.startswith(f"В силе с {since}:") for text in seen), seen
    finally:
        locale.set_language(locale.SOURCE)
