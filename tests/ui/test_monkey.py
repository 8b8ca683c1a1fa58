"""A seeded monkey: thousands of random clicks, keys, wheel turns, resizes and typing."""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from game.ui import saves
from game.ui.app import App
from game.ui.screens.menu import MainMenu
from tests.ui.driver import MINI, Driver
from tests.ui.flows import answer_events, play_to_end

SEED = 1933
EVENTS_PER_PHASE = 520
BATCH = 5
KEYS = [
    pygame.K_RETURN,
    pygame.K_ESCAPE,
    pygame.K_1,
    pygame.K_2,
    pygame.K_3,
    pygame.K_4,
    pygame.K_F1,
    pygame.K_F2,
    pygame.K_F5,
    pygame.K_F6,
    pygame.K_F12,
    pygame.K_BACKQUOTE,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_PLUS,
    pygame.K_EQUALS,
    pygame.K_MINUS,
    pygame.K_m,
    pygame.K_TAB,
    pygame.K_HOME,
    pygame.K_SPACE,
    pygame.K_BACKSPACE,
    pygame.K_h,
    *[getattr(pygame, f"K_{c}") for c in "abcdefgijklnopqrstuvwxyz"],
]


class Monkey:
    """Throw random input at the app, a few events per frame, and keep it on its feet."""

    def __init__(self, app: App, seed: int) -> None:
        self.app = app
        self.rng = random.Random(seed)
        self.count = 0
        self.seen: set[str] = set()

    def event(self) -> pygame.event.Event:
        """Return one random input event."""
        rng, (w, h) = self.rng, self.app.size
        roll = rng.random()
        pos = (rng.randrange(w), rng.randrange(h))
        if roll < 0.30:
            return pygame.event.Event(
                rng.choice((pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP)),
                pos=pos,
                button=rng.choice((1, 1, 1, 3)),
            )
        if roll < 0.42:
            pygame.mouse.set_pos(pos)
            return pygame.event.Event(
                pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(rng.random() < 0.2, 0, 0)
            )
        if roll < 0.47:
            y = rng.choice((-2, -1, 1, 2))
            return pygame.event.Event(
                pygame.MOUSEWHEEL, x=0, y=y, flipped=False, precise_x=0.0, precise_y=float(y)
            )
        if roll < 0.55:
            text = rng.choice(string.ascii_letters + string.digits + " .=+()_`")
            return pygame.event.Event(pygame.TEXTINPUT, text=text)
        if roll < 0.552:
            size = (rng.randrange(1280, 2561), rng.randrange(720, 1441))
            return pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size)
        key = rng.choice(KEYS)
        kind = pygame.KEYDOWN if rng.random() < 0.7 else pygame.KEYUP
        mod = pygame.KMOD_CTRL if rng.random() < 0.03 else 0
        return pygame.event.Event(kind, key=key, mod=mod, unicode="", scancode=0)

    def run(self, n: int) -> None:
        """Post n random events, BATCH per frame, checking the app stays usable."""
        for i in range(0, n, BATCH):
            for _ in range(min(BATCH, n - i)):
                pygame.event.post(self.event())
                self.count += 1
            self.app.frame()
            self.seen.update(self.app.screen_names())
            if not self.app.running or not self.app.screens:
                self.app.running = True
                self.app.replace(MainMenu(self.app))


def _reset(drive: Driver) -> None:
    """Back to a 1280x720 main menu with no game and no key left held down."""
    drive.app.held_keys.clear()
    drive.app.session = None
    drive.app.resize((1280, 720))
    drive.app.replace(MainMenu(drive.app))
    drive.frames(1)


def _game(drive: Driver, humans: list[str] | None = None) -> None:
    """Start a mini game straight away."""
    _reset(drive)
    assert drive.app.start_game(str(MINI), humans or ["BOR"], seed=7) is None
    drive.frames(2)


def _key(drive: Driver, key: int) -> None:
    """Press one key."""
    drive.key(key)


def _phases(drive: Driver) -> list[Callable[[], None]]:
    """Return the set-ups that put the app on each screen before the monkey plays."""

    def menu() -> None:
        _reset(drive)

    def setup() -> None:
        _reset(drive)
        _key(drive, pygame.K_n)

    def game() -> None:
        _game(drive)
        answer_events(drive)

    def event() -> None:
        _game(drive)

    def console() -> None:
        game()
        _key(drive, pygame.K_F12)

    def pause() -> None:
        game()
        _key(drive, pygame.K_ESCAPE)

    def settings() -> None:
        pause()
        drive.click(drive.screen.buttons["Settings"])

    def load() -> None:
        pause()
        drive.click(drive.screen.buttons["Load game"])

    def help_overlay() -> None:
        game()
        _key(drive, pygame.K_F1)

    def ending() -> None:
        _game(drive)
        play_to_end(drive, "monkey")

    def hot_seat() -> None:
        _game(drive, ["BOR", "SYL"])

    return [
        menu,
        setup,
        game,
        event,
        console,
        pause,
        settings,
        load,
        help_overlay,
        ending,
        hot_seat,
    ]


@pytest.mark.slow
def test_random_input_on_every_screen_raises_nothing(app: App, tmp_path: Path) -> None:
    app.dev = True
    app.quit = lambda: None  # type: ignore[method-assign]
    drive = Driver(app)
    folder = saves.save_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "damaged.json").write_text('{"format": "rapallo-save", "vers', encoding="utf-8")
    (folder / "empty.json").write_bytes(b"")
    monkey = Monkey(app, SEED)
    for setup in _phases(drive):
        setup()
        monkey.run(EVENTS_PER_PHASE)
    assert monkey.count >= 5000
    wanted = {"menu", "setup", "game", "event", "console", "pause", "settings", "load", "help"}
    assert wanted | {"ending", "handover"} <= monkey.seen
    assert saves.save_dir() == tmp_path / "saves"
