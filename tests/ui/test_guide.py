"""The guided first game, offered once and driven to its end with real clicks and keys."""

from __future__ import annotations

import json
from pathlib import Path

import pygame

from game.ui.app import App
from game.ui.guide_steps import steps, target_rect, words
from game.ui.settings import Settings
from tests.ui.driver import Driver
from tests.ui.flows import answer_events


def _first_start(tmp_path: Path) -> tuple[App, Driver]:
    path = tmp_path / "settings.json"
    app = App(settings=Settings(autosave=False), settings_path=path, size=(1280, 720))
    app.frame()
    return app, Driver(app)


def _expect(drive: Driver, step_id: str) -> None:
    """Check the guide shows this step: its words, and the frame around its widget."""
    guide = drive.app.guide
    assert guide is not None and guide.step is not None, f"the guide ended before {step_id}"
    step = guide.step
    assert step.id == step_id
    assert guide.text == words(drive.app, step)
    assert step.title
    assert guide.text_box.html_text.startswith(guide.text[:40])
    want = target_rect(drive.app, step.target)
    assert guide.target == want
    if step.target:
        assert want is not None, f"{step_id}: its widget {step.target} is not on screen"
        assert not guide.card.colliderect(want), f"{step_id}: the card hides its widget"
    assert drive.app.surface.get_rect().contains(guide.card)
    dialog = getattr(drive.screen, "card", None)
    if dialog is not None and not drive.screen.opaque:
        assert not guide.card.colliderect(dialog), f"{step_id}: the card hides the dialog"
    drive.shot(f"guide-{guide.index + 1:02d}-{step_id}")


def _next(drive: Driver) -> None:
    guide = drive.app.guide
    assert guide is not None and guide.next_button is not None
    drive.click(guide.next_button)
    drive.frames(2)


def test_the_guide_is_offered_once_and_walks_through_a_first_turn(tmp_path: Path) -> None:
    app, drive = _first_start(tmp_path)
    try:
        menu = drive.screen
        assert menu.name == "menu" and menu.offer is not None
        drive.shot("guide-offer")
        drive.click(menu.buttons["offer_yes"])
        drive.frames(3)
        assert json.loads((tmp_path / "settings.json").read_text())["guide_offered"] is True
        assert drive.screen.name == "event"
        game = app.session.game
        assert "{" not in "".join(s.text.format(country="", scenario="", ap="") for s in steps())
        names = [c.name for c in game.scenario.countries.values()]
        assert not any(n in s.text for s in steps() for n in names)

        _expect(drive, "welcome")
        assert game.name(app.session.viewer) in app.guide.text
        _next(drive)
        _expect(drive, "event")
        drive.key(pygame.K_h)
        drive.frames(2)
        note = drive.screen.note_card
        assert note is not None and not app.guide.card.colliderect(note), "the card hides the note"
        assert not app.guide.card.colliderect(drive.screen.card)
        drive.shot("guide-02-event-history")
        drive.key(pygame.K_h)
        drive.frames(2)
        # A click on the shaded map does not move the guide on; answering the events does.
        answer_events(drive)
        _expect(drive, "top_bar")
        _next(drive)
        _expect(drive, "actions_tab")
        screen = drive.screen
        drive.click(screen.tab_buttons["actions"])
        _expect(drive, "choose_action")
        panel = screen.panel
        first = panel.views[0].action.d.id
        drive.click(panel.buttons[first])
        drive.frames(2)
        _expect(drive, "preview")
        _next(drive)
        _expect(drive, "diplomacy_tab")
        drive.key(pygame.K_3)
        _expect(drive, "diplomacy")
        _next(drive)
        _expect(drive, "ledger_tab")
        drive.click(screen.tab_buttons["ledger"])
        _expect(drive, "ledger")
        _next(drive)
        _expect(drive, "end_turn")
        turn = game.state.turn
        drive.click(screen.end_button)
        drive.frames(2)
        if drive.screen.name == "confirm":
            drive.key(pygame.K_RETURN)
            drive.frames(2)
        assert game.state.turn == turn + 1
        _expect(drive, "farewell")
        _next(drive)
        assert app.guide is None
        drive.frames(2)
        assert drive.screen.name in ("game", "event", "proposal")
    finally:
        app.close()


def test_no_thanks_is_remembered_and_the_menu_still_offers_the_guide(tmp_path: Path) -> None:
    app, drive = _first_start(tmp_path)
    try:
        drive.click(drive.screen.buttons["offer_no"])
        drive.frames(2)
        assert drive.screen.offer is None
        assert Settings.load(tmp_path / "settings.json").guide_offered
        drive.click(drive.screen.buttons["guided"])
        drive.frames(2)
        assert app.guide is not None and app.guide.step.id == "welcome"
        drive.click(app.guide.leave_button)
        drive.frames(2)
        assert app.guide is None and drive.screen.name == "event"
    finally:
        app.close()
    again = App(settings_path=tmp_path / "settings.json", size=(1280, 720))
    try:
        assert again.screen.offer is None
    finally:
        again.close()


def _country_spot(drive: Driver, avoid: pygame.Rect) -> tuple[tuple[int, int], str]:
    """Return a point on the map over another country, clear of a rect, and that country."""
    screen = drive.screen
    view = screen.map
    r = view.rect
    for i in range(1, 30):
        for j in range(1, 20):
            pos = (r.x + i * r.w // 30, r.y + j * r.h // 20)
            cid = view.group_of(view.region_at(pos))
            if (
                cid
                and cid != drive.app.session.viewer
                and not avoid.inflate(20, 20).collidepoint(pos)
            ):
                return pos, cid
    raise AssertionError("no other country on the map")


def test_the_guide_goes_on_with_space_and_its_map_takes_clicks(tmp_path: Path) -> None:
    app, drive = _first_start(tmp_path)
    try:
        drive.key(pygame.K_g)
        drive.frames(3)
        _expect(drive, "welcome")
        assert "Space" in app.guide.text
        drive.key(pygame.K_SPACE)
        drive.frames(2)
        _expect(drive, "event")
        drive.key(pygame.K_SPACE)  # a step awaiting an answer has no Next: Space does nothing
        drive.frames(2)
        _expect(drive, "event")
        answer_events(drive)
        _expect(drive, "top_bar")
        drive.key(pygame.K_SPACE)
        drive.frames(2)
        _expect(drive, "actions_tab")
        drive.key(pygame.K_2)
        _expect(drive, "choose_action")
        drive.key(pygame.K_DOWN)
        drive.frames(2)
        _expect(drive, "preview")
        drive.key(pygame.K_SPACE)
        drive.frames(2)
        _expect(drive, "diplomacy_tab")
        drive.key(pygame.K_F4)
        _expect(drive, "diplomacy")
        drive.key(pygame.K_SPACE)
        drive.key(pygame.K_F6)
        drive.frames(2)
        _expect(drive, "ledger")
        # The ledger's card asks for a click on the map: the shaded map still takes it.
        pos, cid = _country_spot(drive, app.guide.card)
        drive.move(pos)
        drive.click_at(pos)
        drive.frames(2)
        assert cid in drive.screen.chart_picks
        drive.shot("guide-ledger-click")
        drive.key(pygame.K_SPACE)
        drive.frames(2)
        _expect(drive, "end_turn")
    finally:
        app.close()


def test_loading_a_saved_game_leaves_the_guide(tmp_path: Path) -> None:
    from game.ui import saves

    saves.DIR_OVERRIDE = tmp_path / "saves"
    app, drive = _first_start(tmp_path)
    try:
        drive.key(pygame.K_g)
        drive.frames(3)
        drive.key(pygame.K_SPACE)
        answer_events(drive)
        _expect(drive, "top_bar")
        drive.key(pygame.K_s, mod=pygame.KMOD_CTRL)
        drive.frames(2)
        assert saves.list_saves()
        drive.key(pygame.K_p)
        drive.key(pygame.K_3)
        drive.frames(2)
        assert drive.screen.name == "load"
        drive.key(pygame.K_RETURN)
        drive.frames(3)
        assert app.guide is None
        assert drive.screen.name in ("game", "event")
    finally:
        app.close()
        saves.DIR_OVERRIDE = None


def test_the_guide_steps_aside_for_the_pause_menu_and_settings(tmp_path: Path) -> None:
    app, drive = _first_start(tmp_path)
    try:
        drive.key(pygame.K_g)
        drive.frames(3)
        drive.key(pygame.K_SPACE)
        answer_events(drive)
        _expect(drive, "top_bar")
        drive.key(pygame.K_ESCAPE)
        drive.key(pygame.K_4)
        drive.frames(2)
        settings = drive.screen
        assert settings.name == "settings" and app.guide.hidden
        drive.shot("guide-behind-settings")
        # Every button of the settings takes its click: the guide's card is not in the way.
        for button in (settings.reset_button, settings.apply_button, settings.back_button):
            assert not app.guide.handle_event(
                pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=button.rect.center, button=1)
            )
        old = settings.reset_button
        drive.click(settings.reset_button)
        drive.frames(2)
        assert drive.screen is settings and settings.reset_button is not old
        drive.key(pygame.K_ESCAPE)
        drive.key(pygame.K_ESCAPE)
        drive.frames(2)
        _expect(drive, "top_bar")
    finally:
        app.close()


def test_every_guide_text_is_marked_for_the_catalogues() -> None:
    from game.ui.guide_words import WORDS

    texts = {t for step in steps() for t in (step.title, step.text)}
    assert sorted(texts - set(WORDS)) == []


def test_the_guide_speaks_the_players_language(tmp_path: Path) -> None:
    from game import locale

    app, _drive = _first_start(tmp_path)
    try:
        locale.set_language("de")
        said = [words(app, step) for step in steps()]
    finally:
        locale.set_language(locale.SOURCE)
    english = [words(app, step) for step in steps()]
    assert all(d != e for d, e in zip(said, english, strict=True))
