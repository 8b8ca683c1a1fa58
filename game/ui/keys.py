"""Every key the game answers to, listed once for the handlers and the help overlay."""

from __future__ import annotations

KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Everywhere",
        [
            ("F1", "Show or hide this help"),
            ("Esc", "Close a dialog, go back, or open the pause menu"),
        ],
    ),
    (
        "Main menu",
        [
            ("N", "New game"),
            ("C", "Continue the last game"),
            ("L", "Load a saved game"),
            ("S", "Settings"),
            ("Q", "Quit"),
        ],
    ),
    (
        "Event dialog",
        [
            ("1 - 4", "Choose an option"),
            ("H", "Show or hide the history note"),
        ],
    ),
    (
        "Map",
        [
            ("Arrow keys", "Pan the map"),
            ("+ / -", "Zoom in and out (also the mouse wheel)"),
            ("Drag", "Pan with the mouse"),
            ("Click", "Select a country"),
            ("M", "Next map mode: political, relations, key global"),
            ("Home", "Fit the whole map"),
        ],
    ),
    (
        "Game",
        [
            ("Enter", "End the turn"),
            ("Tab", "Next side-panel tab"),
            ("F2 F3 F4 F6", "Country, Actions, Diplomacy, Ledger tabs"),
            ("Ctrl+S", "Quick save"),
        ],
    ),
    (
        "Scenario authors",
        [
            ("F5", "Reload the scenario files"),
            ("F12 or `", "Author console (--dev or Settings)"),
            ("Tab", "Complete a name in the console"),
        ],
    ),
]
