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


def _app(
    code: str, tmp: Path, scenario: str = "rapallo", country: str = "GER"
) -> tuple[App, Session]:
    saves.DIR_OVERRIDE = tmp / "saves"
    locale.set_language(code)
    app = App(settings=Settings(autosave=False, language=code), size=SIZE)
    app.session = Session.start(scenario, [country], seed=5)
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
        pytest.param("ru", "pact", marks=SLOW),
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
    [
        ("de", "Trotzdem zum Hauptmenü?"),
        pytest.param("ru", "Всё равно выйти в главное меню?", marks=SLOW),
    ],
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


def test_the_compact_top_bar_abbreviates_like_a_printer(tmp_path: Path) -> None:
    """Russian labels in the compact bar are whole, the short forms, or cut on a consonant."""
    from game.ui.top_bar import VOWELS, short_label

    assert short_label("Стабильность", "") == "Стабильность"
    assert short_label("Умиротворение", "") == "Умиротвор."
    assert short_label("Kriegsbereitschaft", "") == "Kriegsber."
    app, _session = _app("ru", tmp_path, "pact", "SOV")
    try:
        bar = app.screen.bar
        labels = [item.short if bar.style.short else item.name for item in bar.items]
        assert "Колл. безоп." in labels or "Коллективная безопасность" in labels
        for label in labels:
            if label.endswith("."):
                assert label[-2] not in VOWELS, f"{label!r} is cut after a vowel"
        _shot(app, "ru-pact-top-bar")
    finally:
        app.close()


def test_an_option_too_long_for_its_button_is_written_out_below_it(tmp_path: Path) -> None:
    """A long German option keeps its whole text: the button shows the start, the note all."""
    from pygame_gui.elements import UITextBox

    from game.ui.screens.event_dialog import EventDialog

    app, session = _app("de", tmp_path, "pact")
    try:
        app.push(EventDialog(app, session, "the_pact"))
        app.frame()
        dialog = app.screen
        assert isinstance(dialog, EventDialog) and dialog.options_box is not None
        notes = [
            e.html_text
            for e in dialog.options_box.get_container().elements
            if isinstance(e, UITextBox)
        ]
        cut = 0
        for i, view in enumerate(dialog.options):
            button = dialog.option_buttons[view.option.id].text
            if button != f"{i + 1}.  {view.text}":
                cut += 1
                assert view.text.split()[-1] in notes[i], (button, notes[i])
        assert cut >= 1, "no option was long enough to need the note"
        assert not overflows(dialog), overflows(dialog)
        _shot(app, "de-pact-long-option")
    finally:
        app.close()


@pytest.mark.parametrize(
    ("code", "span"),
    [
        pytest.param("de", "November 1918 bis Januar 1933", marks=SLOW),
        ("ru", "С ноября 1918 по январь 1933"),
    ],
)
def test_the_new_game_screen_words_a_scenarios_dates(code: str, span: str, tmp_path: Path) -> None:
    """The scenario's span reads as months of the language, with the cases a phrase needs."""
    saves.DIR_OVERRIDE = tmp_path / "saves"
    locale.set_language(code)
    app = App(settings=Settings(autosave=False, language=code, guide_offered=True), size=SIZE)
    try:
        app.to_main_menu()
        drive = Driver(app)
        drive.frames(2)
        drive.click(drive.screen.buttons["new"])
        setup = drive.screen
        assert setup.name == "setup"
        title = next(i["text"] for i in setup.list.item_list if "1918" in i["text"])
        from tests.ui.flows import pick

        pick(drive, setup.list, title)
        assert span in drive.screen.summary.html_text, drive.screen.summary.html_text[:200]
        assert "1918-11" not in drive.screen.summary.html_text
    finally:
        app.close()
