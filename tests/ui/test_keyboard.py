"""The whole game from the keyboard, read from one key table that help prints correctly."""

from __future__ import annotations

import pygame

from game.ui import keys
from game.ui.screens import game_commands
from game.ui.screens.help import HelpOverlay
from tests.ui.driver import Driver
from tests.ui.flows import hold_key, new_game
from tests.ui.texts import widget_texts

MINI_TITLE = "Mini Test Scenario"


def _start(drive: Driver) -> None:
    new_game(drive, MINI_TITLE, ["BOR"])
    drive.frames(2)


def _answer_with_keys(drive: Driver) -> int:
    """Answer every waiting event with its number key; return how many."""
    answered = 0
    while drive.screen.name == "event":
        dialog = drive.screen
        index = next(i for i, v in enumerate(dialog.options) if v.ok)
        drive.key(pygame.K_1 + index)
        drive.frames(2)
        answered += 1
    return answered


def test_a_whole_turn_with_the_keyboard_alone(drive: Driver) -> None:
    _start(drive)
    game = drive.app.session.game
    assert _answer_with_keys(drive) >= 1, "the mini scenario opens with an event"
    screen = drive.screen
    assert screen.name == "game"
    drive.key(pygame.K_2)
    assert screen.tab == "actions"
    panel = screen.panel
    drive.key(pygame.K_DOWN)
    assert panel.current is not None
    while not panel.view().ok:
        drive.key(pygame.K_DOWN)
    taken = len(game.commands)
    drive.shot("keyboard-actions")
    drive.key(pygame.K_RETURN)
    assert len(game.commands) == taken + 1, screen.status_text
    drive.key(pygame.K_3)
    assert screen.tab == "diplomacy"
    turn = game.state.turn
    drive.key(pygame.K_RETURN)
    if drive.screen.name == "confirm":
        drive.key(pygame.K_RETURN)
    drive.frames(2)
    assert game.state.turn == turn + 1


def test_help_lists_every_section_of_the_key_table(drive: Driver) -> None:
    drive.key(pygame.K_F1)
    assert isinstance(drive.screen, HelpOverlay)
    shown = "\n".join(widget_texts(drive.screen))
    for section in keys.SECTIONS:
        assert section.title in shown
        for key in section.keys:
            if key.label:
                assert key.what in shown, key.what
    drive.shot("help")
    drive.key(pygame.K_F1)
    assert drive.screen.name == "menu"


def test_every_game_and_map_command_has_a_handler() -> None:
    for context in ("game", "map"):
        for key in keys.BY_CONTEXT[context].keys:
            if key.command:
                assert key.command.partition(":")[0] in game_commands.COMMANDS, key.command


def test_typing_filters_the_actions_and_esc_clears_the_filter(drive: Driver) -> None:
    _start(drive)
    _answer_with_keys(drive)
    screen = drive.screen
    drive.key(pygame.K_2)
    panel = screen.panel
    everything = len(panel.views)
    first = panel.views[0].action.d.name
    for char in first[:3].lower():
        drive.key(pygame.key.key_code(char), unicode=char)
    panel = screen.panel
    assert 0 < len(panel.views) <= everything
    assert all(first[:3].lower() in v.action.d.name.lower() for v in panel.views)
    assert "Filter: " + first[:3].lower() in panel.filter_label.text
    drive.shot("actions-filtered")
    drive.key(pygame.K_ESCAPE)
    assert len(screen.panel.views) == everything
    assert drive.screen.name == "game", "Esc cleared the filter, it did not open the menu"


def test_esc_closes_an_open_drop_down_before_it_leaves_settings(drive: Driver) -> None:
    drive.key(pygame.K_s)
    settings = drive.screen
    assert settings.name == "settings"
    drive.click(settings.menus["palette"])
    drive.frames(2)
    assert settings.open_lists()
    drive.key(pygame.K_ESCAPE)
    assert not settings.open_lists()
    assert drive.screen is settings
    drive.key(pygame.K_ESCAPE)
    assert drive.screen.name == "menu"


def test_settings_change_with_the_arrows_and_apply_with_enter(drive: Driver) -> None:
    drive.key(pygame.K_s)
    settings = drive.screen
    autosave = drive.app.settings.autosave
    row = list(settings.menus).index("autosave")
    for _ in range(row):
        drive.key(pygame.K_DOWN)
    drive.key(pygame.K_RIGHT)
    drive.key(pygame.K_RETURN)
    assert drive.app.settings.autosave is not autosave


def test_the_pause_menu_answers_arrows_enter_and_numbers(drive: Driver) -> None:
    _start(drive)
    _answer_with_keys(drive)
    drive.key(pygame.K_ESCAPE)
    pause = drive.screen
    assert pause.name == "pause"
    drive.key(pygame.K_DOWN)
    drive.key(pygame.K_DOWN)
    drive.key(pygame.K_DOWN)
    drive.key(pygame.K_RETURN)
    assert drive.screen.name == "settings"
    drive.key(pygame.K_ESCAPE)
    drive.key(pygame.K_5)
    assert drive.screen.name == "help"
    drive.key(pygame.K_ESCAPE)
    drive.key(pygame.K_1)
    assert drive.screen.name == "game"


def test_quit_asks_when_the_game_is_unsaved(drive: Driver) -> None:
    _start(drive)
    _answer_with_keys(drive)
    assert drive.app.session.unsaved
    drive.key(pygame.K_ESCAPE)
    drive.key(pygame.K_7)
    assert drive.screen.name == "confirm"
    assert drive.app.running
    drive.shot("quit-unsaved")
    drive.key(pygame.K_ESCAPE)
    assert drive.app.running and drive.screen.name == "pause"
    drive.key(pygame.K_7)
    drive.click(drive.screen.extra_button)
    assert not drive.app.running, "Save first saves, then quits"
    assert not drive.app.session.unsaved


def test_a_held_enter_never_answers_a_waiting_event(drive: Driver) -> None:
    drive.app.settings.confirm_end_turn = False
    _start(drive)
    game = drive.app.session.game
    waiting = list(game.state.pending.get("BOR", []))
    assert waiting and drive.screen.name == "event"
    hold_key(drive, pygame.K_RETURN, repeats=20)
    for _ in range(5):
        hold_key(drive, pygame.K_RETURN, repeats=0)
    assert game.state.pending["BOR"] == waiting
    assert drive.screen.name == "event" and drive.screen.event_id == waiting[0]
    assert game.state.turn == 0
    assert all(type(c).__name__ != "ChooseOption" for c in game.commands)


def test_a_held_enter_through_a_turn_leaves_the_next_event_waiting(drive: Driver) -> None:
    drive.app.settings.confirm_end_turn = False
    _start(drive)
    _answer_with_keys(drive)
    game = drive.app.session.game
    for _ in range(6):
        hold_key(drive, pygame.K_RETURN, repeats=8)
        if game.state.pending.get("BOR"):
            break
    waiting = game.state.pending.get("BOR", [])
    assert waiting, "no event came up for the person in six turns"
    for _ in range(4):
        hold_key(drive, pygame.K_RETURN, repeats=8)
    assert game.state.pending["BOR"] == waiting
    assert drive.screen.name == "event"
