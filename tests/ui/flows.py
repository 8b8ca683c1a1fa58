"""Reusable player moves for the frontend tests: menus, lists, events, actions, turns."""

from __future__ import annotations

import pygame
from pygame_gui.elements import UIDropDownMenu, UISelectionList

from tests.ui.driver import Driver


def pick(drive: Driver, ui_list: UISelectionList, text: str) -> None:
    """Click the list item showing text."""
    for item in ui_list.item_list:
        if item["text"] == text and item["button_element"] is not None:
            drive.click(item["button_element"])
            return
    raise AssertionError(f"no list item {text!r}")


def choose(drive: Driver, menu: UIDropDownMenu, text: str) -> None:
    """Open a drop-down by clicking it and click one of its options."""
    drive.click(menu)
    drive.frames(2)
    options = menu.current_state.options_selection_list  # type: ignore[attr-defined]
    pick(drive, options, text)
    selected = menu.selected_option
    assert (selected[0] if isinstance(selected, tuple) else selected) == text


def new_game(drive: Driver, title: str, humans: list[str]) -> None:
    """From the main menu, start a game of the titled scenario with the given human seats."""
    assert drive.screen.name == "menu"
    drive.click(drive.screen.buttons["new"])
    setup = drive.screen
    assert setup.name == "setup"
    pick(drive, setup.list, title)
    setup = drive.screen
    for cid, menu in setup.seat_menus.items():
        want = "Human" if cid in humans else "Computer"
        if setup.seats[cid] != want:
            choose(drive, menu, want)
    drive.click(setup.start_button)


def answer_proposals(drive: Driver, accept: bool = True) -> int:
    """Answer every treaty proposal waiting in a dialog, by click; return how many."""
    answered = 0
    while drive.screen.name == "proposal":
        before = len(drive.app.session.game.commands)
        button = drive.screen.accept_button if accept else drive.screen.refuse_button
        drive.click(button)
        assert len(drive.app.session.game.commands) == before + 1
        answered += 1
        drive.frames(2)
    return answered


def answer_events(drive: Driver, shot: str | None = None) -> int:
    """Answer every waiting event by clicking its first possible option; return how many."""
    answered = 0
    while drive.screen.name == "event":
        dialog = drive.screen
        if shot and answered == 0:
            drive.shot(shot)
        ok = [v for v in dialog.options if v.ok]
        assert ok, "an event with no possible option"
        before = len(drive.app.session.game.commands)
        if answered % 2:
            index = dialog.options.index(ok[0])
            drive.key(pygame.K_1 + index)
        else:
            drive.click(dialog.option_buttons[ok[-1].option.id])
        assert len(drive.app.session.game.commands) == before + 1
        answered += 1
        drive.frames(2)
    return answered


def take_first_action(drive: Driver) -> bool:
    """Open the actions tab, choose the first possible action and take it; return True if done."""
    screen = drive.screen
    drive.click(screen.tab_buttons["actions"])
    panel = screen.panel
    area = panel.list_box.rect
    ok = [v for v in panel.views if v.ok and area.contains(panel.buttons[v.action.d.id].rect)]
    if not ok:
        return False
    drive.click(panel.buttons[ok[0].action.d.id])
    assert panel.current == ok[0].action.d.id
    panel = screen.panel
    before = len(drive.app.session.game.commands)
    drive.click(panel.take_button)
    return len(drive.app.session.game.commands) == before + 1


def end_turn(drive: Driver) -> None:
    """End the turn with the Enter key, confirming when asked about unused action points."""
    drive.key(pygame.K_RETURN)
    drive.frames(2)
    if drive.screen.name == "confirm":
        drive.key(pygame.K_RETURN)
        drive.frames(2)


RAPALLO = "Rapallo: The Outsiders' Pact, 1918–1933"


def rapallo_as_germany(drive: Driver) -> None:
    """Start Rapallo with Germany played by a person and answer what waits at the start."""
    new_game(drive, RAPALLO, ["GER"])
    drive.frames(2)
    answer_events(drive)
    answer_proposals(drive)


def open_pause(drive: Driver) -> None:
    """Open the pause menu with Esc; a first Esc closes the turn summary when it is open."""
    for _ in range(3):
        drive.key(pygame.K_ESCAPE)
        if drive.screen.name != "game":
            return


def hold_key(drive: Driver, key: int, repeats: int) -> None:
    """Hold a key down: one press, then key-repeat presses, then the release."""
    for _ in range(1 + repeats):
        drive.post(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0)
        drive.frames(2)
    drive.post(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0)


def play_to_end(drive: Driver, tag: str, max_turns: int = 80) -> None:
    """Answer events, take an action and end turns until the ending screen shows."""
    for turn in range(max_turns):
        name = drive.screen.name
        if name == "ending":
            return
        if name == "handover":
            drive.click(drive.screen.ready)
            continue
        answer_events(drive, shot=f"{tag}-event" if turn == 0 else None)
        answer_proposals(drive)
        if drive.screen.name != "game":
            continue
        if turn < 3:
            take_first_action(drive)
        if turn == 1:
            drive.shot(f"{tag}-game-actions")
        end_turn(drive)
    raise AssertionError("the game did not reach its ending")


def leave_to_menu(drive: Driver) -> None:
    """From the pause menu, leave for the main menu, saying yes if asked about unsaved moves."""
    drive.click(drive.screen.buttons["Main menu"])
    if drive.screen.name == "confirm":
        assert "not saved" in drive.screen.title
        assert drive.screen.text.endswith("will be lost. Leave for the main menu anyway?")
        drive.key(pygame.K_RETURN)
    assert drive.screen.name == "menu"
