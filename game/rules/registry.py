"""The registry of functions and effects: each declares its parameter kinds and its words."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from attrs import frozen

if TYPE_CHECKING:
    from game.rules.lexicon import Lexicon


class Param(enum.Enum):
    """What an argument of a function or effect must be; the compiler checks and converts it."""

    COUNTRY = "country"
    NUMBER = "number"
    EACH = "condition on `it`"
    TEXT = "text"
    REGION = "region"
    ACTION = "action"
    EVENT = "event"
    OPTION = "option"
    FLAG = "flag"
    TAG = "tag"
    MODIFIER = "modifier"
    ENDING = "ending"
    SINCE = "flag, event, action or treaty"
    TREATY = "treaty"
    ANY = "number"


class Context(Protocol):
    """What a builder may ask of the compiler."""

    lex: Lexicon

    def flag(self, name: str, per_country: bool) -> str:
        """Check a flag is used as declared."""

    def text(self, src: str) -> Any:
        """Compile a text with `{…}` fields."""


@frozen
class Function:
    """A function callable from expressions: its parameters, its docstring and its builder."""

    name: str
    params: tuple[Param, ...]
    doc: str
    example: str
    build: Callable[..., Any]
    optional: int = 0

    def arity(self) -> tuple[int, int]:
        """Return the least and most arguments it takes."""
        return len(self.params) - self.optional, len(self.params)


FUNCTIONS: dict[str, Function] = {}
EFFECTS: dict[str, Function] = {}


def _register(table: dict[str, Function], name: str, params: tuple[Param, ...], **kw: Any) -> Any:
    def register(build: Callable[..., Any]) -> Callable[..., Any]:
        doc = (build.__doc__ or "").strip()
        table[name] = Function(name, params, doc, build=build, **kw)
        return build

    return register


def function(name: str, *params: Param, optional: int = 0, example: str = "") -> Any:
    """Register a condition/value function under the name scenario files use."""
    return _register(FUNCTIONS, name, params, optional=optional, example=example)


def effect(name: str, *params: Param, optional: int = 0, example: str = "") -> Any:
    """Register an effect function under the name scenario files use."""
    return _register(EFFECTS, name, params, optional=optional, example=example)
