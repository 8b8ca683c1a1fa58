"""The new-game screen: scenario, who plays which country, difficulty and seed."""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pygame
import pygame_gui
from attrs import define, field
from pygame_gui.elements import (
    UIButton,
    UIDropDownMenu,
    UILabel,
    UISelectionList,
    UITextBox,
    UITextEntryLine,
)

from game.locale import N_, _, language
from game.paths import scenarios_dir, user_scenario_folders, user_scenarios_dir
from game.scenario.compiled import Scenario
from game.scenario.errors import ScenarioError
from game.scenario.load import bundled_ids, load_scenario
from game.scenario.loc import translated
from game.scenario.read import MAX_FILE_BYTES, FileRefused, read_regular
from game.ui import paper
from game.ui.screens.base import Screen

DIFFICULTIES: list[str | tuple[str, str]] = [N_("Easy"), N_("Normal"), N_("Hard")]
MAX_SHOWN = 30  # problems of a broken scenario shown in the summary


@define
class Entry:
    """One scenario in the list: its title, folder, whether it is the player's, its problems."""

    title: str
    folder: Path
    mine: bool = False
    problems: list[str] = field(factory=list)

    @property
    def label(self) -> str:
        """Return the text the list shows."""
        if not self.mine:
            return self.title
        return (
            _("{title} (yours, broken)").format(title=self.title)
            if self.problems
            else _("{title} (yours)").format(title=self.title)
        )


def _title(folder: Path) -> str:
    try:
        raw = read_regular(folder / "scenario.toml", MAX_FILE_BYTES, folder)
        meta = tomllib.loads(raw.decode("utf-8")).get("scenario", {})
        title = translated(folder, language(), "scenario.title") or meta.get("title", folder.name)
        return str(title)[:80]
    except (FileRefused, ValueError, RecursionError, AttributeError):
        return _("{name} (unreadable)").format(name=folder.name)


def _problems(folder: Path) -> list[str]:
    """Return a scenario's errors, with paths relative to its folder."""
    try:
        load_scenario(folder)
    except ScenarioError as exc:
        errors = [p for p in exc.problems if p.severity == "error"] or exc.problems
        return [str(p).replace(f"{folder}/", "").replace(str(folder), ".") for p in errors]
    return []


def find_scenarios(extra: list[Path]) -> list[Entry]:
    """Return the bundled scenarios, then extra folders, then the player's own (checked)."""
    folders = [scenarios_dir() / name for name in bundled_ids()] if scenarios_dir().is_dir() else []
    folders += [p for p in extra if (p / "scenario.toml").is_file()]
    found = [Entry(_title(f), f) for f in folders]
    found += [Entry(_title(f), f, True, _problems(f)) for f in user_scenario_folders()]
    seen: set[str] = set()
    for entry in found:  # the list tells entries apart by their text
        if entry.label in seen:
            entry.title = f"{entry.title} [{entry.folder.name}]"
        seen.add(entry.label)
    return found


def open_folder(path: Path) -> bool:
    """Show a folder in the desktop's file manager; False when there is none to ask."""
    path.mkdir(parents=True, exist_ok=True)
    if sys.platform == "win32":
        os.startfile(path)  # type: ignore[attr-defined]  # noqa: S606
        return True
    command = "open" if sys.platform == "darwin" else "xdg-open"
    if shutil.which(command) is None:
        return False
    subprocess.Popen([command, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return True


class SetupScreen(Screen):
    """Choose a scenario and seats, then start."""

    name = "setup"
    opener: Callable[[Path], bool] = staticmethod(open_folder)

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        self.found = find_scenarios(getattr(app, "extra_scenarios", []))
        self.index = 0
        self.scenario: Scenario | None = None
        self.error = ""
        self.seats: dict[str, str] = {}
        self._load(0)
        super().__init__(app)

    def _load(self, index: int) -> None:
        """Load the chosen scenario to show its summary and countries."""
        self.index = index
        self.scenario, self.error = None, ""
        if not self.found:
            self.error = _("No scenarios found.")
            return
        entry = self.found[index]
        try:
            self.scenario = load_scenario(entry.folder)
        except ScenarioError:
            problems = entry.problems or _problems(entry.folder)
            more = len(problems) - MAX_SHOWN
            shown = problems[:MAX_SHOWN] + (
                [_("… and {more} more").format(more=more)] if more > 0 else []
            )
            self.error = "\n".join(
                [
                    _("{title} cannot be played yet: {value} problem(s) in").format(
                        title=entry.title, value=len(problems)
                    ),
                    f"{entry.folder}",
                    "",
                    *shown,
                    "",
                    _("Fix them, then press Rescan."),
                ]
            )
            return
        meta = self.scenario.meta
        first = meta.default_country or meta.playable[0]
        self.seats = {cid: _("Human") if cid == first else _("Computer") for cid in meta.playable}

    def build(self) -> None:
        """Lay out the scenario list, summary, seats, difficulty, seed and buttons."""
        w, h = self.app.size
        m = self.manager
        pad = self.px(24)
        UILabel(
            pygame.Rect(pad, pad, w - 2 * pad, self.px(40)), _("New game"), m, object_id="#heading"
        )
        top = pad + self.px(50)
        list_w = max(self.px(300), w // 4)
        bottom = h - pad - self.px(60)
        titles: list[str | tuple[str, str]] = [e.label for e in self.found]
        button_h = self.px(36)
        self.list = UISelectionList(
            pygame.Rect(pad, top, list_w, bottom - top - button_h - self.px(8)),
            titles,
            m,
            default_selection=str(titles[self.index]) if titles else None,
        )
        half = (list_w - self.px(8)) // 2
        under = pygame.Rect(pad, bottom - button_h, half, button_h)
        self.folder_button = UIButton(
            under, _("My scenarios…"), m, tool_tip_text=str(user_scenarios_dir())
        )
        self.rescan_button = UIButton(under.move(half + self.px(8), 0), _("Rescan"), m)
        x = pad * 2 + list_w
        rw = w - x - pad
        row = self.px(44)
        seats = len(self.scenario.meta.playable) if self.scenario is not None else 0
        note_top = bottom - self.px(30)
        rows_top = note_top - self.px(6) - (seats + 2) * row
        summary_h = max(self.px(60), rows_top - pad - top)
        self.summary = UITextBox(
            self._summary_html(), pygame.Rect(x, top, rw, summary_h), m, object_id="#detail_text"
        )
        y = top + summary_h + pad
        self.seat_menus: dict[str, UIDropDownMenu] = {}
        label_w = self.px(220)
        if self.scenario is not None:
            for cid in self.scenario.meta.playable:
                name = self.scenario.countries[cid].name
                UILabel(pygame.Rect(x, y, label_w, self.px(36)), name, m)
                self.seat_menus[cid] = UIDropDownMenu(
                    list[str | tuple[str, str]]([_("Human"), _("Computer")]),
                    self.seats[cid],
                    pygame.Rect(x + label_w, y, self.px(200), self.px(36)),
                    m,
                )
                y += self.px(44)
        UILabel(pygame.Rect(x, y, label_w, self.px(36)), _("Difficulty"), m)
        self.difficulty = UIDropDownMenu(
            list[str | tuple[str, str]]([_(str(d)) for d in DIFFICULTIES]),
            _("Normal"),
            pygame.Rect(x + label_w, y, self.px(200), self.px(36)),
            m,
        )
        y += self.px(44)
        UILabel(pygame.Rect(x, y, label_w, self.px(36)), _("Seed (optional)"), m)
        self.seed = UITextEntryLine(
            pygame.Rect(x + label_w, y, self.px(200), self.px(36)), m, placeholder_text=_("random")
        )
        self.seed.set_allowed_characters("numbers")
        self.note = UILabel(pygame.Rect(x, note_top, rw, self.px(28)), "", m, object_id="#muted")
        by = h - pad - self.px(46)
        self.start_button = UIButton(
            pygame.Rect(w - pad - self.px(200), by, self.px(200), self.px(46)),
            _("Start"),
            m,
            object_id="#accent_button",
        )
        self.back_button = UIButton(
            pygame.Rect(w - 2 * pad - self.px(360), by, self.px(160), self.px(46)), _("Back"), m
        )
        if self.scenario is None:
            self.start_button.disable()

    def _summary_html(self) -> str:
        """Return the chosen scenario's title, dates and summary, or its load errors."""
        if self.scenario is None:
            return f"<font color='#9b2a1c'>{html.escape(self.error)}</font>".replace("\n", "<br>")
        meta = self.scenario.meta
        text = html.escape(meta.summary).replace("\n", "<br>")
        names = ", ".join(self.scenario.countries[c].name for c in meta.playable)
        return _(
            "<b>{value}</b><br><i>{start} to {end}, {turns} turns of {months_per_turn} months. "
            "Playable: {value2}.</i><br><br>{text}"
        ).format(
            value=html.escape(meta.title),
            start=meta.start,
            end=meta.end,
            turns=self.scenario.turns,
            months_per_turn=meta.months_per_turn,
            value2=html.escape(names),
            text=text,
        )

    def start(self) -> None:
        """Start the game with the chosen seats."""
        if self.scenario is None:
            return
        humans = [c for c, menu in self.seat_menus.items() if self._value(menu) == _("Human")]
        if not humans:
            self.note.set_text(_("Choose at least one country for a person to play."))
            return
        seed_text = self.seed.get_text().strip()
        seed = int(seed_text) if seed_text.isdigit() else None
        difficulty = [_(str(d)) for d in DIFFICULTIES].index(str(self._value(self.difficulty)))
        self.app.start_game(str(self.found[self.index].folder), humans, seed, difficulty)

    def rescan(self) -> None:
        """Look for scenarios again, keeping the chosen one where it is still there."""
        folder = self.found[self.index].folder if self.found else None
        self.found = find_scenarios(getattr(self.app, "extra_scenarios", []))
        folders = [e.folder for e in self.found]
        self._load(folders.index(folder) if folder in folders else 0)
        self.rebuild()
        self.note.set_text(_("{value} scenario(s) found.").format(value=len(self.found)))

    def show_folder(self) -> None:
        """Open the player's scenario folder in the file manager (creating it)."""
        where = user_scenarios_dir()
        try:
            opened = self.opener(where)
        except OSError:
            opened = False
        self.note.set_text(
            _("Opened {where}").format(where=where)
            if opened
            else _("Put your scenario folders in {where}").format(where=where)
        )

    @staticmethod
    def _value(menu: UIDropDownMenu) -> str:
        """Return a drop-down's chosen text."""
        value = menu.selected_option
        return str(value[0] if isinstance(value, tuple) else value)

    def on_event(self, event: pygame.event.Event) -> None:
        """Answer the list, the menus and the buttons."""
        if (
            event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION
            and event.ui_element is self.list
        ):
            titles = [e.label for e in self.found]
            if event.text in titles:
                self._load(titles.index(event.text))
                self.rebuild()
        elif event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED:
            for cid, menu in self.seat_menus.items():
                if event.ui_element is menu:
                    self.seats[cid] = event.text
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.start_button:
                self.start()
            elif event.ui_element is self.back_button:
                self.app.pop(self)
            elif event.ui_element is self.rescan_button:
                self.rescan()
            elif event.ui_element is self.folder_button:
                self.show_folder()
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.app.pop(self)
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and not self.seed.is_focused:
                self.start()

    def draw_background(self, surface: pygame.Surface) -> None:
        """Draw the paper sheet."""
        surface.blit(paper.sheet(self.app.size), (0, 0))
