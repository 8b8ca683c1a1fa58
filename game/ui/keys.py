"""Every key the game answers to: one table that the handlers look commands up in and help lists.

A handler asks `command(context, event)` for the name of what a key press means on its
screen and dispatches on that name; the help overlay (F1) prints the same table. A binding
with no keys (a mouse gesture) is only listed; one with an empty label is only looked up.
"""

from __future__ import annotations

import attrs
import pygame

from game.locale import N_, _

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
        N_("Everywhere"),
        (
            Key("help", (pygame.K_F1,), "F1", N_("Show or hide this help")),
            Key("", (), N_("Esc"), N_("Close an open list, a dialog, or go back")),
            Key(
                "console", (pygame.K_F12, pygame.K_BACKQUOTE), N_("F12 or `"), N_("Author console")
            ),
        ),
    ),
    Section(
        "menu",
        N_("Main menu"),
        (
            Key("new", (pygame.K_n,), "N", N_("New game")),
            Key("guided", (pygame.K_g,), "G", N_("Guided first game")),
            Key("continue", (pygame.K_c,), "C", N_("Continue the last game")),
            Key("load", (pygame.K_l,), "L", N_("Load a saved game")),
            Key("settings", (pygame.K_s,), "S", N_("Settings")),
            Key("quit", (pygame.K_q,), "Q", N_("Quit")),
        ),
    ),
    Section(
        "game",
        N_("Game"),
        (
            Key(
                "end_turn",
                ENTER,
                N_("Ctrl+Enter"),
                N_("End the turn (asks if points are left)"),
                CTRL,
            ),
            Key("end_turn", ENTER, N_("Enter"), N_("End the turn (in a list: act on the choice)")),
            Key("escape", (pygame.K_ESCAPE,), "", ""),
            *[
                Key(f"tab:{t}", (pygame.K_1 + i, pygame.K_KP1 + i, TAB_FKEYS[i]), "", "")
                for i, t in enumerate(TABS)
            ],
            Key("", (), N_("1 - 4 or F2 F3 F4 F6"), N_("Country, Actions, Diplomacy, Ledger tabs")),
            Key("next_tab", (pygame.K_TAB,), N_("Tab"), N_("Next side-panel tab")),
            Key("next_mode", (pygame.K_m,), "M", N_("Next map mode (legend at the map's foot)")),
            Key(
                "paths", (pygame.K_g,), "G", N_("Paths: the endings you can reach, what each needs")
            ),
            Key(
                "prev_country",
                (pygame.K_LEFTBRACKET,),
                "[ / ]",
                N_("Select the previous or next country"),
            ),
            Key("next_country", (pygame.K_RIGHTBRACKET,), "", N_("Select the next country")),
            Key(
                "pause", (pygame.K_p,), N_("P or Esc"), N_("Pause menu: save, load, settings, quit")
            ),
            Key("quick_save", (pygame.K_s,), N_("Ctrl+S"), N_("Quick save"), CTRL),
            Key("reload", (pygame.K_F5,), "F5", N_("Reload the scenario files (authors)")),
        ),
    ),
    Section(
        "map",
        N_("Map"),
        (
            Key(
                "pan:left",
                (pygame.K_LEFT,),
                N_("Arrow keys"),
                N_("Pan the map (Ctrl+arrows in a list)"),
            ),
            Key("pan:right", (pygame.K_RIGHT,), "", ""),
            Key("pan:up", (pygame.K_UP,), "", ""),
            Key("pan:down", (pygame.K_DOWN,), "", ""),
            Key("pan:left", (pygame.K_LEFT,), "", "", CTRL),
            Key("pan:right", (pygame.K_RIGHT,), "", "", CTRL),
            Key("pan:up", (pygame.K_UP,), "", "", CTRL),
            Key("pan:down", (pygame.K_DOWN,), "", "", CTRL),
            Key("zoom_in", (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS), "+ / -", N_("Zoom")),
            Key("zoom_out", (pygame.K_MINUS, pygame.K_KP_MINUS), "", ""),
            Key("fit", (pygame.K_HOME,), N_("Home"), N_("Fit the whole map")),
            Key("", (), N_("Drag, wheel"), N_("Pan and zoom with the mouse")),
            Key("", (), N_("Click"), N_("Select a country; hover for its values")),
        ),
    ),
    Section(
        "actions",
        N_("Actions tab"),
        (
            Key(
                "list_up", (pygame.K_UP,), N_("Up / Down"), N_("Choose the previous or next action")
            ),
            Key("list_down", (pygame.K_DOWN,), "", ""),
            Key(
                "target_prev", (pygame.K_LEFT,), N_("Left / Right"), N_("Change the target country")
            ),
            Key("target_next", (pygame.K_RIGHT,), "", ""),
            Key("list_enter", ENTER, N_("Enter"), N_("Take the action chosen with the keys")),
            Key(
                "", (), N_("Letters"), N_("Filter the list by name (M and P too; Backspace erases)")
            ),
            Key("clear", (pygame.K_ESCAPE,), N_("Esc"), N_("Clear the filter")),
        ),
    ),
    Section(
        "diplomacy",
        N_("Diplomacy tab"),
        (
            Key("list_up", (pygame.K_UP,), N_("Up / Down"), N_("Go through the treaties listed")),
            Key("list_down", (pygame.K_DOWN,), "", ""),
            Key("list_enter", ENTER, N_("Enter"), N_("Propose or break the treaty marked")),
        ),
    ),
    Section(
        "event",
        N_("Event dialog"),
        (
            *_digits("option", 4, "1 - 4", N_("Choose an option (only ever your own choice)")),
            Key("history", (pygame.K_h,), "H", N_("Show or hide the history note")),
            Key(
                "close",
                (pygame.K_ESCAPE,),
                N_("Esc"),
                N_("Close an event read again from the news"),
            ),
        ),
    ),
    Section(
        "proposal",
        N_("Treaty proposed to you"),
        (
            Key("accept", (pygame.K_1, pygame.K_KP1), "1", N_("Accept")),
            Key("refuse", (pygame.K_2, pygame.K_KP2), "2", N_("Refuse")),
        ),
    ),
    Section(
        "pause",
        N_("Pause menu and other menus"),
        (
            Key("up", (pygame.K_UP,), N_("Up / Down"), N_("Move between the choices")),
            Key("down", (pygame.K_DOWN,), "", ""),
            Key("enter", (*ENTER, pygame.K_SPACE), N_("Enter"), N_("Take the marked choice")),
            *_digits("item", 7, "1 - 7", N_("Take a choice by its number")),
            Key("resume", (pygame.K_ESCAPE,), N_("Esc"), N_("Resume the game")),
        ),
    ),
    Section(
        "settings",
        N_("Settings"),
        (
            Key("up", (pygame.K_UP,), N_("Up / Down"), N_("Move between the settings")),
            Key("down", (pygame.K_DOWN,), "", ""),
            Key("prev", (pygame.K_LEFT,), N_("Left / Right"), N_("Change the marked setting")),
            Key("next", (pygame.K_RIGHT,), "", ""),
            Key("apply", ENTER, N_("Enter"), N_("Apply")),
            Key("reset", (pygame.K_r,), "R", N_("Reset the display settings")),
            Key("back", (pygame.K_ESCAPE,), N_("Esc"), N_("Close an open list, else go back")),
        ),
    ),
    Section(
        "guide",
        N_("Guided first game"),
        (
            Key(
                "guide_next",
                (pygame.K_SPACE,),
                N_("Space"),
                N_("Next card (where the card has Next)"),
            ),
        ),
    ),
    Section(
        "dialog",
        N_("Questions and messages"),
        (
            Key("confirm", ENTER, N_("Enter"), N_("Confirm, or dismiss a message")),
            Key("cancel", (pygame.K_ESCAPE,), N_("Esc"), N_("Cancel")),
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
    return [(_(s.title), [(_(k.label), _(k.what)) for k in s.keys if k.label]) for s in SECTIONS]
