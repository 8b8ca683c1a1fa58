"""The one error the language raises, and the did-you-mean hint it carries."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

MAX_SUGGEST_CANDIDATES = 2_000


class ExprError(Exception):
    """An expression is malformed or names something the scenario does not have."""


def suggest(name: str, candidates: Iterable[str]) -> str:
    """Return a ' (did you mean …?)' hint for a misspelt name, or ''."""
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
