"""Action headings, capitals, refusals and save names in German and Russian; screenshots."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest
from pygame_gui.elements import UILabel

from game import locale
from game.engine import diplomacy
from game.model.state import LogEntry, Proposal
from game.ui import map_style, saves
from game.ui.app import App
from game.ui.news_log import entry_html
from game.ui.panels.actions_panel import ActionsPanel
from game.ui.screens.load import LoadScreen
from game.ui.session import Session
from game.ui.settings import Settings
from tests.ui.driver import SHOTS, Driver
from tests.ui.flows import take_first_action
from tests.ui.layout_check import problems
from tests.ui.text_fit import overflows

SIZE = (1280, 720)
CAPITALS = {"de": ("Athen", "Warschau"), "ru": ("Афины", "Варшава")}
REFUSED = {"de": "von Sowjetrussland abgelehnt", "ru": "отклонён (Советская Россия)"}
OWN_SAVES = {
    "en": ("Quick save", "Autosave"),
    "de": ("Schnellspeicherung", "Autospeicherung"),
    "ru": ("Быстрое сохранение", "Автосохранение"),
}


@pytest.fixture(autouse=True)
def _source_language() -> Iterator[None]:
    yield
    locale.set_language(locale.SOURCE)
    saves.DIR_OVERRIDE = None


def _app(code: str, tmp: Path, scenario: str = "rapallo") -> tuple[App, Session]:
    saves.DIR_OVERRIDE = tmp / "saves"
    locale.set_language(code)
    app = App(settings=Settings(autosave=False, language=code), size=SIZE)
    app.session = Session.start(scenario, ["GER"], seed=5)
    app.session.game.state.pending = {}  # no event dialog over the game screen
    app.open_game()
    app.frame()
    return app, app.session


def _shot(app: App, name: str) -> None:
    folder = SHOTS / "languages"
    folder.mkdir(parents=True, exist_ok=True)
    app.screenshot(folder / f"{name}.png")


SLOW = pytest.mark.slow  # a second language or scenario repeats what the quick one checks


@pytest.mark.parametrize(
    ("code", "scenario"),
    [
        ("de", "rapallo"),
        ("ru", "pact"),
        pytest.param("de", "pact", marks=SLOW),
        pytest.param("ru", "rapallo", marks=SLOW),
    ],
)
def test_the_actions_tab_and_the_map_speak_the_language(
    code: str, scenario: str, tmp_path: Path
) -> None:
    app, session = _app(code, tmp_path, scenario)
    try:
        screen = app.screen
        screen.open_tab("actions")
        app.frame()
        panel = screen.panel
        assert isinstance(panel, ActionsPanel)
        sc = session.scenario
        headings = [
            e.text
            for e in panel.list_box.get_container().elements
            if isinstance(e, UILabel) and "#category" in e.object_ids
        ]
        wanted = [sc.categories[v.action.d.category] for v in panel.views]
        assert headings == list(dict.fromkeys(wanted)) and len(headings) >= 2
        assert not {h.lower() for h in headings} & set(sc.categories)  # no id shows
        found = overflows(screen) + problems(screen, SIZE)
        _shot(app, f"{code}-{scenario}-actions-headings")
        word = headings[1].split()[0].lower()  # typing a heading's word finds its actions
        drive = Driver(app)
        for char in word:
            drive.key(0, unicode=char)
        panel = screen.panel
        assert isinstance(panel, ActionsPanel) and panel.filter == word
        chosen = {sc.categories[v.action.d.category] for v in panel.views}
        assert headings[1] in chosen
        found += overflows(screen)  # (a list that no longer scrolls parks its bar off-window)
        _shot(app, f"{code}-{scenario}-actions-filtered")
        names = {m.name for m in map_style.markers(screen.map, session.game, "GER")}
        assert set(CAPITALS[code]) <= names, sorted(names)
        assert not {"Athens", "Warsaw"} & names
        assert not found, "\n".join(found)
    finally:
        app.close()


@pytest.mark.parametrize("code", ["ru", pytest.param("de", marks=SLOW)])
def test_a_refusal_reads_in_the_language_and_old_entries_keep_their_title(
    code: str, tmp_path: Path
) -> None:
    app, session = _app(code, tmp_path)
    try:
        game, st = session.game, session.game.state
        treaty = game.scenario.treaties["provisional_trade"]
        proposal = Proposal(99, treaty.d.id, "GER", ["SOV"], {}, st.month)
        assert not diplomacy.conclude(game.scenario, st, proposal)
        entry = st.log[-1]
        assert (entry.kind, entry.id, entry.text) == ("refusal", treaty.d.id, "GER,SOV")
        line = entry_html(game, len(st.log) - 1, entry)
        assert REFUSED[code] in line and treaty.d.name in line and "refused by" not in line
        old = LogEntry(st.turn, st.month, "refusal", treaty.d.id, "GER", "Old: refused by X")
        assert "Old: refused by X" in entry_html(game, 0, old)
        screen = app.screen
        screen.version = ()
        screen.sync()
        assert REFUSED[code] in screen.log.html
    finally:
        app.close()


@pytest.mark.parametrize("code", ["de", pytest.param("ru", marks=SLOW)])
def test_the_games_own_saves_are_named_in_the_language_they_are_read_in(
    code: str, tmp_path: Path
) -> None:
    app, session = _app(code, tmp_path)
    try:
        session.save(saves.folder().slot(saves.QUICK_SAVE), saves.QUICK_SAVE)
        auto = saves.autosave(session.game, session.campaign)
        assert json.loads(auto.read_text())["name"] == "Autosave"
        old = auto.with_name("autosave-1-001.json")  # an older autosave kept its date
        data = json.loads(auto.read_text())
        old.write_text(json.dumps({**data, "name": f"Autosave, {data['date_text']}"}))
        session.save(saves.slot_for("Quick save 2"), "Quick save 2")  # a name the player typed
        app.push(LoadScreen(app))
        app.frame()
        load = app.screen
        assert isinstance(load, LoadScreen)
        quick, autosave = OWN_SAVES[code]
        names = sorted(info.name for info in load.infos)
        assert names == sorted([quick, autosave, autosave, "Quick save 2"])
        date = session.game.date_text()
        assert all(info.date_text == date for info in load.infos)
        found = overflows(load) + problems(load, SIZE)
        _shot(app, f"{code}-load-own-saves")
        assert not found, "\n".join(found)
        for other in ("en", "ru" if code == "de" else "de"):
            locale.set_language(other)
            shown = {saves.describe(p).name for p in saves.list_saves()}
            assert shown == {*OWN_SAVES[other], "Quick save 2"}
            month = session.game.state.month
            assert saves.describe(auto).date_text == locale.month_year(month)
    finally:
        app.close()


@pytest.mark.parametrize(
    ("code", "question"),
    [("de", "Trotzdem zum Hauptmenü?"), ("ru", "Всё равно выйти в главное меню?")],
)
def test_leaving_unsaved_asks_one_whole_question(code: str, question: str, tmp_path: Path) -> None:
    """Main menu after a move asks in one translated sentence, not an English frame round a verb."""
    app, _session = _app(code, tmp_path)
    try:
        drive = Driver(app)
        assert take_first_action(drive)
        drive.key(pygame.K_ESCAPE)
        assert drive.screen.name == "pause"
        drive.click(drive.screen.buttons["Main menu"])
        assert drive.screen.name == "confirm"
        assert drive.screen.text.endswith(question), drive.screen.text
        assert "anyway" not in drive.screen.text and "trotzdem?" not in drive.screen.text
    finally:
        app.close()
