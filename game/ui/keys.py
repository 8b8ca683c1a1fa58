"""Every key the game answers to: one table that the handlers look commands up in and help lists.

A handler asks `command(context, event)` for the name of what a key press means on its
screen and dispatches on that name; the help overlay (F1) prints the same table. A binding
with no keys (a mouse gesture) is only listed; one with an empty label is only looked up.
"""

from __future__ import annotations

import attrs
import pygame

CTRL = pygame.KMOD_CTRL
SHIFT = pygame.KMOD_SHIFT
ENTER = (pygame.K_RETURN, pygame.K_KP_ENTER)


@attrs.frozen
class Key:
    """One binding: the command it gives, the keys that give it, and how help shows it."""

    command: str
    keys: tuple[int, ...]
    label: str
    what: str
    mod: int = 0

    def matches(self, key: int, mod: int) -> bool:
        """Return True when a key press with these modifiers gives this binding's command."""
        if key not in self.keys:
            return False
        if self.mod:
            return bool(mod & self.mod)
        return not mod & CTRL


@attrs.frozen
class Section:
    """The bindings of one screen or part of a screen."""

    context: str
    title: str
    keys: tuple[Key, ...]


def _digits(prefix: str, count: int, label: str, what: str) -> list[Key]:
    """Return bindings 1..count (top row and keypad) giving prefix:0 .. prefix:count-1."""
    return [
        Key(f"{prefix}:{i}", (pygame.K_1 + i, pygame.K_KP1 + i), label if i == 0 else "", what)
        for i in range(count)
    ]


TABS = ("country", "actions", "diplomacy", "ledger")
TAB_FKEYS = (pygame.K_F2, pygame.K_F3, pygame.K_F4, pygame.K_F6)

SECTIONS: tuple[Section, ...] = (
    Section(
        "global",
        "Everywhere",
        (
            Key("help", (pygame.K_F1,), "F1", "Show or hide this help"),
            Key("", (), "Esc", "Close an open list, a dialog, or go back"),
            Key("console", (pygame.K_F12, pygame.K_BACKQUOTE), "F12 or `", "Author console"),
        ),
    ),
    Section(
        "menu",
        "Main menu",
        (
            Key("new", (pygame.K_n,), "N", "New game"),
            Key("guided", (pygame.K_g,), "G", "Guided first game"),
            Key("continue", (pygame.K_c,), "C", "Continue the last game"),
            Key("load", (pygame.K_l,), "L", "Load a saved game"),
            Key("settings", (pygame.K_s,), "S", "Settings"),
            Key("quit", (pygame.K_q,), "Q", "Quit"),
        ),
    ),
    Section(
        "game",
        "Game",
        (
            Key("end_turn", ENTER, "Ctrl+Enter", "End the turn (asks if points are left)", CTRL),
            Key("end_turn", ENTER, "Enter", "End the turn (in a list: act on the choice)"),
            Key("escape", (pygame.K_ESCAPE,), "", ""),
            *[
                Key(f"tab:{t}", (pygame.K_1 + i, pygame.K_KP1 + i, TAB_FKEYS[i]), "", "")
                for i, t in enumerate(TABS)
            ],
            Key("", (), "1 - 4 or F2 F3 F4 F6", "Country, Actions, Diplomacy, Ledger tabs"),
            Key("next_tab", (pygame.K_TAB,), "Tab", "Next side-panel tab"),
            Key("next_mode", (pygame.K_m,), "M", "Next map mode (legend at the map's foot)"),
            Key("paths", (pygame.K_g,), "G", "Paths: the endings you can reach, what each needs"),
            Key(
                "prev_country",
                (pygame.K_LEFTBRACKET,),
                "[ / ]",
                "Select the previous or next country",
            ),
            Key("next_country", (pygame.K_RIGHTBRACKET,), "", "Select the next country"),
            Key("pause", (pygame.K_p,), "P or Esc", "Pause menu: save, load, settings, quit"),
            Key("quick_save", (pygame.K_s,), "Ctrl+S", "Quick save", CTRL),
            Key("reload", (pygame.K_F5,), "F5", "Reload the scenario files (authors)"),
        ),
    ),
    Section(
        "map",
        "Map",
        (
            Key("pan:left", (pygame.K_LEFT,), "Arrow keys", "Pan the map (Ctrl+arrows in a list)"),
            Key("pan:right", (pygame.K_RIGHT,), "", ""),
            Key("pan:up", (pygame.K_UP,), "", ""),
            Key("pan:down", (pygame.K_DOWN,), "", ""),
            Key("pan:left", (pygame.K_LEFT,), "", "", CTRL),
            Key("pan:right", (pygame.K_RIGHT,), "", "", CTRL),
            Key("pan:up", (pygame.K_UP,), "", "", CTRL),
            Key("pan:down", (pygame.K_DOWN,), "", "", CTRL),
            Key("zoom_in", (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS), "+ / -", "Zoom"),
            Key("zoom_out", (pygame.K_MINUS, pygame.K_KP_MINUS), "", ""),
            Key("fit", (pygame.K_HOME,), "Home", "Fit the whole map"),
            Key("", (), "Drag, wheel", "Pan and zoom with the mouse"),
            Key("", (), "Click", "Select a country; hover for its values"),
        ),
    ),
    Section(
        "actions",
        "Actions tab",
        (
            Key("list_up", (pygame.K_UP,), "Up / Down", "Choose the previous or next action"),
            Key("list_down", (pygame.K_DOWN,), "", ""),
            Key("target_prev", (pygame.K_LEFT,), "Left / Right", "Change the target country"),
            Key("target_next", (pygame.K_RIGHT,), "", ""),
            Key("list_enter", ENTER, "Enter", "Take the action chosen with the keys"),
            Key("", (), "Letters", "Filter the list by name (M and P too; Backspace erases)"),
            Key("clear", (pygame.K_ESCAPE,), "Esc", "Clear the filter"),
        ),
    ),
    Section(
        "diplomacy",
        "Diplomacy tab",
        (
            Key("list_up", (pygame.K_UP,), "Up / Down", "Go through the treaties listed"),
            Key("list_down", (pygame.K_DOWN,), "", ""),
            Key("list_enter", ENTER, "Enter", "Propose or break the treaty marked"),
        ),
    ),
    Section(
        "event",
        "Event dialog",
        (
            *_digits("option", 4, "1 - 4", "Choose an option (only ever your own choice)"),
            Key("history", (pygame.K_h,), "H", "Show or hide the history note"),
            Key("close", (pygame.K_ESCAPE,), "Esc", "Close an event read again from the news"),
        ),
    ),
    Section(
        "proposal",
        "Treaty proposed to you",
        (
            Key("accept", (pygame.K_1, pygame.K_KP1), "1", "Accept"),
            Key("refuse", (pygame.K_2, pygame.K_KP2), "2", "Refuse"),
        ),
    ),
    Section(
        "pause",
        "Pause menu and other menus",
        (
            Key("up", (pygame.K_UP,), "Up / Down", "Move between the choices"),
            Key("down", (pygame.K_DOWN,), "", ""),
            Key("enter", (*ENTER, pygame.K_SPACE), "Enter", "Take the marked choice"),
            *_digits("item", 7, "1 - 7", "Take a choice by its number"),
            Key("resume", (pygame.K_ESCAPE,), "Esc", "Resume the game"),
        ),
    ),
    Section(
        "settings",
        "Settings",
        (
            Key("up", (pygame.K_UP,), "Up / Down", "Move between the settings"),
            Key("down", (pygame.K_DOWN,), "", ""),
            Key("prev", (pygame.K_LEFT,), "Left / Right", "Change the marked setting"),
            Key("next", (pygame.K_RIGHT,), "", ""),
            Key("apply", ENTER, "Enter", "Apply"),
            Key("reset", (pygame.K_r,), "R", "Reset the display settings"),
            Key("back", (pygame.K_ESCAPE,), "Esc", "Close an open list, else go back"),
        ),
    ),
    Section(
        "guide",
        "Guided first game",
        (Key("guide_next", (pygame.K_SPACE,), "Space", "Next card (where the card has Next)"),),
    ),
    Section(
        "dialog",
        "Questions and messages",
        (
            Key("confirm", ENTER, "Enter", "Confirm, or dismiss a message"),
            Key("cancel", (pygame.K_ESCAPE,), "Esc", "Cancel"),
        ),
    ),
)

BY_CONTEXT = {s.context: s for s in SECTIONS}


def command(context: str, event: pygame.event.Event) -> str | None:
    """Return the command a key press gives in a context, or None."""
    if event.type != pygame.KEYDOWN:
        return None
    mod = getattr(event, "mod", 0)
    for key in BY_CONTEXT[context].keys:
        if key.matches(event.key, mod):
            return key.command
    return None


def label(context: str, name: str) -> str:
    """Return how help names the key of a command ('' when it has none shown)."""
    for key in BY_CONTEXT[context].keys:
        if key.command == name and key.label:
            return key.label
    return ""


def help_sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """Return every section as (title, [(keys, what)]) for the help overlay."""
    return [(s.title, [(k.label, k.what) for k in s.keys if k.label]) for s in SECTIONS]
