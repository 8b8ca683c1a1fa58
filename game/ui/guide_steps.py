"""The guided first game's steps: read from assets/guide.toml; what each points at and awaits."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

import cattrs
import pygame
from attrs import frozen

from game.locale import _
from game.paths import assets_dir

if TYPE_CHECKING:
    from game.ui.app import App


@frozen
class Step:
    """One card of the guide: what it says, which widget it points at, what moves it on."""

    id: str
    title: str
    text: str
    advance: str = "next"
    target: str = ""
    only: str = ""


@cache
def steps() -> tuple[Step, ...]:
    """Return the guide's steps in order, checked against the targets and advances known."""
    with (assets_dir() / "guide.toml").open("rb") as fh:
        data = tomllib.load(fh)
    found = tuple(cattrs.structure(data["step"], list[Step]))
    for step in found:
        if step.target and target_kind(step.target) not in TARGETS:
            raise ValueError(f"guide step {step.id}: unknown target {step.target!r}")
        if advance_kind(step.advance) not in ADVANCES:
            raise ValueError(f"guide step {step.id}: unknown advance {step.advance!r}")
    return found


def target_kind(name: str) -> str:
    """Return a target's kind: 'tab' for 'tab:actions'."""
    return name.split(":")[0]


def advance_kind(name: str) -> str:
    """Return an advance's kind: 'open_tab' for 'open_tab:ledger'."""
    return name.split(":")[0]


def _on_game(app: App) -> Any:
    """Return the game screen when nothing covers it."""
    return app.screen if app.screen.name == "game" else None


def _panel_part(app: App, part: str) -> pygame.Rect | None:
    """Return a widget's rect inside the actions panel (its list or its detail)."""
    game = _on_game(app)
    panel = getattr(game, "panel", None) if game is not None else None
    widget = getattr(panel, part, None)
    return pygame.Rect(widget.rect) if widget is not None else None


def _tab(app: App, key: str) -> pygame.Rect | None:
    game = _on_game(app)
    return pygame.Rect(game.tab_buttons[key].rect) if game is not None else None


def _rect_of(app: App, attr: str) -> pygame.Rect | None:
    game = _on_game(app)
    if game is None:
        return None
    value = getattr(game, attr)
    return pygame.Rect(getattr(value, "rect", value))


def _event_card(app: App) -> pygame.Rect | None:
    """Return the event dialog's card when an event is on top."""
    card = getattr(app.screen, "card", None)
    return pygame.Rect(card) if app.screen.name == "event" and card is not None else None


TARGETS: dict[str, Callable[[App, str], pygame.Rect | None]] = {
    "top_bar": lambda app, _: _rect_of(app, "bar_rect"),
    "event": lambda app, _: _event_card(app),
    "tab": lambda app, arg: _tab(app, arg),
    "actions_list": lambda app, _: _panel_part(app, "list_box"),
    "action_detail": lambda app, _: _panel_part(app, "detail"),
    "panel": lambda app, _: _rect_of(app, "panel_rect"),
    "end_turn": lambda app, _: _rect_of(app, "end_button"),
    "map": lambda app, _: _rect_of(app, "map"),
}


def target_rect(app: App, name: str) -> pygame.Rect | None:
    """Return the screen rect of a named target, or None when it is not on screen."""
    if not name:
        return None
    kind, _, arg = name.partition(":")
    return TARGETS[kind](app, arg)


def _tab_open(app: App, key: str) -> bool:
    game = _on_game(app)
    return game is not None and game.tab == key


def _action_chosen(app: App) -> bool:
    game = _on_game(app)
    panel = getattr(game, "panel", None)
    chosen = getattr(panel, "current", None) is not None
    return chosen and getattr(panel, "detail", None) is not None


ADVANCES: dict[str, Callable[[App, str, int], bool]] = {
    "next": lambda app, arg, turn: False,
    "answer_events": lambda app, arg, turn: _on_game(app) is not None,
    "open_tab": lambda app, arg, turn: _tab_open(app, arg),
    "choose_action": lambda app, arg, turn: _action_chosen(app),
    "end_turn": lambda app, arg, turn: bool(app.session and app.session.game.state.turn > turn),
}


def done(app: App, step: Step, turn: int) -> bool:
    """Return whether the player did what the step asks (turn: the turn when it began)."""
    kind, _, arg = step.advance.partition(":")
    return ADVANCES[kind](app, arg, turn)


def shown(app: App, step: Step) -> bool:
    """Return whether a step applies now (an 'only = event' step needs an event waiting)."""
    if step.only == "event":
        return app.screen.name == "event"
    return True


def words(app: App, step: Step) -> str:
    """Return the step's text in the player's language with {country}, {scenario}, {ap} filled."""
    text = _(step.text)
    session = app.session
    if session is None:
        return text
    game = session.game
    fields = {
        "country": game.name(session.viewer),
        "scenario": game.scenario.meta.title,
        "ap": str(game.state.ap.get(session.viewer, 0)),
    }
    return text.format(**fields)
