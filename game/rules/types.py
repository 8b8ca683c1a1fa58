"""Value types and the environment an expression runs in."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from attrs import define, frozen

if TYPE_CHECKING:
    from game.model.state import GameState
    from game.rules.lexicon import Lexicon


class VType(enum.Enum):
    """What an expression yields."""

    NUMBER = "number"
    BOOL = "true/false"
    COUNTRY = "country"
    TEXT = "text"
    DATE = "date"


@define
class Env:
    """Who `self`, `target` and `it` are while an expression runs, and the month for the log."""

    me: str = ""
    target: str | None = None
    month: int | None = None
    it: str | None = None

    def with_it(self, country: str) -> Env:
        """Return a copy with `it` bound to a country."""
        return Env(self.me, self.target, self.month, country)


Fn = Callable[["GameState", Env], Any]


def me(st: GameState, env: Env) -> str:
    """Return `self`: the country the expression runs for."""
    return env.me


def target(st: GameState, env: Env) -> str | None:
    """Return `target`: the country an action is aimed at."""
    return env.target


def it(st: GameState, env: Env) -> str | None:
    """Return `it`: the country a for_each or any_country() is at."""
    return env.it


# The functions of `self`, `target` and `it`: closures that know them read `env` in line.
WHO: dict[str, Fn] = {"self": me, "target": target, "it": it}
Words = Callable[["GameState", Env, "Lexicon"], str]


@frozen(cache_hash=True)
class Scope:
    """Which of `target` and `it` an expression may use where it is written."""

    targeted: bool = False
    iterating: bool = False
