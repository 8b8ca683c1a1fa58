"""The one error the language raises, and the did-you-mean hint it carries."""

from __future__ import annotations

import contextvars
import difflib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

MAX_SUGGEST_CANDIDATES = 2_000
MAX_SUGGESTIONS = 100  # per load: past it, misspelt names get no hint
_budget: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("budget", default=None)


class ExprError(Exception):
    """An expression is malformed or names something the scenario does not have."""


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
    return f" (did you mean '{close[0]}'?)" if close else ""


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
