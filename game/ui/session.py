"""One game being played in the window: scenario, engine game, seats, saving and loading."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from game.engine.commands import (
    Command,
    EndTurn,
    GameError,
    command_from_json,
    command_to_json,
)
from game.engine.game import Game, new_game, replay
from game.scenario.compiled import Scenario
from game.scenario.load import load_scenario

SAVE_FORMAT = 1


class Session:
    """A running game plus who sits at the controls; the only place the UI applies commands."""

    def __init__(self, scenario: Scenario, game: Game, source: str, difficulty: int = 1) -> None:
        self.scenario = scenario
        self.game = game
        self.source = source
        self.difficulty = difficulty
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
        return cls(scenario, game, source, difficulty)

    @classmethod
    def load(cls, path: Path) -> Session:
        """Rebuild a saved game by replaying its commands; raise ValueError if it is unusable."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"cannot read the save {path.name}: {exc}") from None
        if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
            raise ValueError(f"{path.name} is not a Rapallo save")
        try:
            scenario = load_scenario(str(data["scenario"]))
            commands = [command_from_json(c) for c in data["commands"]]
            game = replay(
                scenario,
                int(data["seed"]),
                list(data["humans"]),
                commands,
                difficulty=int(data.get("difficulty", 1)),
            )
        except (KeyError, TypeError, ValueError, GameError) as exc:
            raise ValueError(f"{path.name} cannot be restored: {exc}") from None
        return cls(scenario, game, str(data["scenario"]), int(data.get("difficulty", 1)))

    def to_json(self) -> dict[str, Any]:
        """Return what a save file holds: scenario, seed, seats and the commands so far."""
        st = self.game.state
        return {
            "format": SAVE_FORMAT,
            "scenario": self.source,
            "content_hash": self.scenario.content_hash,
            "title": self.scenario.meta.title,
            "date": self.game.date_text(),
            "seed": st.seed,
            "humans": list(st.humans),
            "difficulty": self.difficulty,
            "commands": [command_to_json(c) for c in self.game.commands],
        }

    def save(self, path: Path) -> None:
        """Write the game to a file, through a temporary file so a crash loses nothing."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.to_json()), encoding="utf-8")
        tmp.replace(path)

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
