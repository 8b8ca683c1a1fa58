"""Files that structured without a problem, by their text: a scenario loaded again (a reload,
the bench, tests) skips the work. Definitions are frozen and nothing changes them once made."""

from __future__ import annotations

from typing import Any

from game.model.defs import ScenarioFile

Known = tuple[ScenarioFile, dict[str, Any], tuple[int, int]]  # structured, parsed, size

_KNOWN: dict[str, Known] = {}
KEPT_FILES = 64  # a few scenarios' worth; past this, or past KEPT_TEXT, memory starts afresh
KEPT_TEXT = 8_000_000


def recall(text: str) -> Known | None:
    """Return what a file of this text structured into, when it is remembered."""
    return _KNOWN.get(text)


def remember(
    text: str, structured: ScenarioFile, raw: dict[str, Any], size: tuple[int, int]
) -> None:
    """Keep a file that structured without a problem (not a very large one)."""
    kept = sum(map(len, _KNOWN))
    if len(_KNOWN) >= KEPT_FILES or kept + len(text) > KEPT_TEXT:
        _KNOWN.clear()
    if len(text) <= KEPT_TEXT // 4:
        _KNOWN[text] = (structured, raw, size)
