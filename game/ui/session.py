"""One game being played in the window: scenario, engine game, seats, saving and loading."""

from __future__ import annotations

import random
from pathlib import Path

from game.engine.commands import Command, EndTurn, GameError
from game.engine.game import Game, new_game
from game.engine.review import rebuild_review
from game.engine.saves import Loaded, SaveError, open_save, write_save
from game.locale import _
from game.scenario.compiled import Scenario
from game.scenario.load import load_scenario


class Session:
    """A running game plus who sits at the controls; the only place the UI applies commands."""

    def __init__(self, scenario: Scenario, game: Game, source: str, difficulty: int = 1) -> None:
        self.scenario = scenario
        self.game = game
        game.changes.on = True
        if game.commands:  # a restored game: note its earlier turns for the turn in review
            rebuild_review(game)
        self.source = source
        self.difficulty = difficulty
        self.campaign = f"{game.state.seed:x}"
        self.saved_at = len(game.commands)  # the moves a save holds; fewer means unsaved
        self.viewer = self.seat() or (game.state.humans or [scenario.meta.playable[0]])[0]

    @classmethod
    def start(
        cls,
        source: str,
        humans: list[str] | None = None,
        seed: int | None = None,
        difficulty: int = 1,
    ) -> Session:
        """Load a scenario by id or folder and start a game on its first turn."""
        scenario = load_scenario(source)
        if humans is None:
            meta = scenario.meta
            humans = [meta.default_country or meta.playable[0]]
        if seed is None:
            seed = random.randrange(1, 1_000_000)
        game = new_game(scenario, seed=seed, humans=humans, difficulty=difficulty)
        session = cls(scenario, game, source, difficulty)
        from game.ui.saves import new_campaign

        session.campaign = new_campaign(seed)
        return session

    @classmethod
    def from_game(cls, game: Game) -> Session:
        """Wrap a restored game in a session."""
        path = game.scenario.path
        return cls(game.scenario, game, str(path), game.state.difficulty)

    @staticmethod
    def open(path: Path) -> Loaded:
        """Read a save and restore its game; raise SaveError with a one-line reason."""
        try:
            return open_save(path, load=load_scenario)
        except SaveError:
            raise
        except (OSError, ValueError, TypeError, KeyError, GameError) as exc:
            raise SaveError(
                _("{name}: cannot be restored ({exc})").format(name=path.name, exc=exc)
            ) from None

    def save(self, path: Path, name: str = "") -> None:
        """Write the game to a save file atomically; raise SaveError if the disk refuses."""
        write_save(path, self.game, name or path.stem)
        self.saved_at = len(self.game.commands)

    def mark_saved(self) -> None:
        """Note that the game as it stands is in a save (an autosave, say)."""
        self.saved_at = len(self.game.commands)

    @property
    def unsaved(self) -> bool:
        """Return True when moves were made since the game was last saved."""
        return len(self.game.commands) != self.saved_at and not self.game.state.over

    def swap(self, game: Game) -> None:
        """Carry on with another version of the same game (after a reload)."""
        self.game = game
        self.scenario = game.scenario
        game.changes.on = True
        rebuild_review(game)  # in the scenario's texts as they are now

    def seat(self) -> str | None:
        """Return the human country whose turn it is now, if any."""
        waiting = self.game.waiting_for()
        return waiting[0] if waiting and not self.game.state.over else None

    def apply(self, cmd: Command) -> str | None:
        """Apply a command; return the engine's message if it was refused."""
        try:
            self.game.apply(cmd)
        except GameError as exc:
            return str(exc)
        return None

    def end_turn(self) -> str | None:
        """End the viewer's turn; return a message if refused."""
        return self.apply(EndTurn(country=self.viewer))

    @property
    def hot_seat(self) -> bool:
        """Return True when more than one person plays."""
        return len(self.game.state.humans) > 1
