"""The one error the language raises, and the did-you-mean hint it carries."""

from __future__ import annotations

import contextvars
import difflib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from game.locale import N_, _

MAX_SUGGEST_CANDIDATES = 2_000
MAX_SUGGESTIONS = 100  # per load: past it, misspelt names get no hint
_budget: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("budget", default=None)


class ExprError(Exception):
    """An expression is malformed or names something the scenario does not have."""


class CycleError(ExprError):
    """A named condition or an effect group uses itself."""


def suggest(name: str, candidates: Iterable[str]) -> str:
    """Return a ' (did you mean …?)' hint for a misspelt name, or '' (also once over budget)."""
    left = _budget.get()
    if left is not None:
        if left[0] <= 0:
            return ""
        left[0] -= 1
    pool = [c for _, c in zip(range(MAX_SUGGEST_CANDIDATES), candidates, strict=False)]
    if len(name) > 64:
        return ""
    same = [c for c in pool if c.lower() == name.lower()]  # "Fra" for FRA
    close = same or difflib.get_close_matches(name, pool, n=1, cutoff=0.6)
    return _(" (did you mean {name}?)").format(name=f"'{close[0]}'") if close else ""


UNKNOWN = {
    "action": N_("unknown action {name}{hint}"),
    "flag, event, action or treaty": N_("unknown flag, event, action or treaty {name}{hint}"),
    "option": N_("unknown option {name}{hint}"),
    "ending": N_("unknown ending {name}{hint}"),
    "modifier": N_("unknown modifier {name}{hint}"),
    "country": N_("unknown country {name}{hint}"),
    "effect": N_("unknown effect {name}{hint}"),
    "event": N_("unknown event {name}{hint}"),
    "flag": N_("unknown flag {name}{hint}"),
    "function": N_("unknown function {name}{hint}"),
    "global": N_("unknown global {name}{hint}"),
    "name": N_("unknown name {name}{hint}"),
    "region": N_("unknown region {name}{hint}"),
    "site": N_("unknown site {name}{hint}"),
    "stat": N_("unknown stat {name}{hint}"),
    "tag": N_("unknown tag {name}{hint}"),
    "treaty": N_("unknown treaty {name}{hint}"),
}


EXPECTED_ID = {
    "action": N_("expected a action id"),
    "ending": N_("expected a ending id"),
    "event": N_("expected a event id"),
    "flag": N_("expected a flag id"),
    "flag, event, action or treaty": N_("expected a flag, event, action or treaty id"),
    "modifier": N_("expected a modifier id"),
    "option": N_("expected a option id"),
    "region": N_("expected a region id"),
    "tag": N_("expected a tag id"),
    "treaty": N_("expected a treaty id"),
}


def unknown(kind: str, name: str, candidates: Iterable[str] | None = None) -> str:
    """Say that a scenario has no such name: "unknown stat 'x' (did you mean 'y'?)"."""
    hint = suggest(name, candidates) if candidates is not None else ""
    return _(UNKNOWN[kind]).format(name=f"'{name}'", hint=hint)


def quoted(src: str) -> str:
    """Quote a source for a message, on one line, without doubling quotes it holds."""
    flat = " ".join(src.split())
    return f"“{flat}”" if "'" in flat else f"'{flat}'"


@contextmanager
def suggestion_budget(limit: int = MAX_SUGGESTIONS) -> Iterator[None]:
    """Within the block, stop suggesting names after `limit` suggestions."""
    token = _budget.set([limit])
    try:
        yield
    finally:
        _budget.reset(token)
