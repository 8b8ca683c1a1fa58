"""Plain values of scenario files: numbers in range and text without control characters."""

from __future__ import annotations

import math
import re
from typing import Any

MAX_NUMBER = 1e12
# Control characters other than tab and line ends, and unpaired surrogates.
_REFUSED_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


class TypeProblem(ValueError):
    """A value of the wrong type or out of range; the message says which, without the path."""


def strict(kind: type, name: str) -> Any:
    """Return the hook for a plain type: float, int, or one checked by isinstance (text too)."""
    if kind is float:
        return _strict_float
    if kind is int:
        return _strict_int

    def hook(value: Any, _: Any) -> Any:
        if not isinstance(value, kind):
            raise TypeProblem(f"expected {name}, got {show(value)}")
        if isinstance(value, str):
            check_text(value)
        return value

    return hook


def _strict_float(value: Any, _: Any) -> float:
    """A finite number within ±MAX_NUMBER (true and false are not numbers)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeProblem(f"expected a number, got {show(value)}")
    if isinstance(value, int) and abs(value) > MAX_NUMBER:
        raise TypeProblem(f"number {_clip_number(value)} is out of range")
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise TypeProblem(f"number {value} is out of range")
    return float(value)


def _strict_int(value: Any, _: Any) -> int:
    """A whole number within ±1e9 (true and false are not numbers)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeProblem(f"expected a whole number, got {show(value)}")
    if abs(value) > 1_000_000_000:
        raise TypeProblem(f"number {_clip_number(value)} is out of range")
    return value


def _clip_number(value: int) -> str:
    """Show a huge whole number by its size, not all its digits."""
    digits = len(str(abs(value))) if abs(value) < 10**4000 else 4000
    return str(value) if digits <= 20 else f"with {digits} digits"


def check_text(value: str) -> None:
    """Refuse text holding control characters or unpaired surrogates."""
    if value.isprintable():  # the usual text, at once: printable holds neither
        return
    found = _REFUSED_TEXT.search(value)
    if found is not None:
        raise TypeProblem(f"text holds the control character U+{ord(found.group()):04X}")


def show(value: Any) -> str:
    """Name a parsed value's kind as authors know it."""
    kinds = {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a table",
    }
    return kinds.get(type(value), type(value).__name__)
