"""Hooks that structure single values (numbers, text, colours, dates, points), with words."""

from __future__ import annotations

import math
import re
import typing
from typing import Any

from game.locale import N_, _
from game.model import values
from game.rules.lexicon import month_of

MAX_NUMBER = 1e12
# Control characters other than tab and line ends, and unpaired surrogates.
_REFUSED_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


class TypeProblem(ValueError):
    """A value is not of the type its key needs; the message says what was expected."""


def strict(kind: type, name: str) -> Any:
    """Return a hook that accepts only `kind` (`name`, marked with N_, says it in messages)."""
    if kind is float:
        return _strict_float
    if kind is int:
        return _strict_int

    def hook(value: Any, _unused: Any) -> Any:
        if not isinstance(value, kind):
            raise TypeProblem(expected(name, value))
        if isinstance(value, str):
            check_text(value)
        return value

    return hook


def _strict_float(value: Any, _unused: Any) -> float:
    """Accept a finite number within ±MAX_NUMBER (true and false are not numbers)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeProblem(expected(N_("a number"), value))
    if isinstance(value, int) and abs(value) > MAX_NUMBER:
        raise TypeProblem(_out_of_range(_clip_number(value)))
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise TypeProblem(_out_of_range(str(value)))
    return float(value)


def _strict_int(value: Any, _unused: Any) -> int:
    """Accept a whole number within ±1e9 (true and false are not numbers)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeProblem(expected(N_("a whole number"), value))
    if abs(value) > 1_000_000_000:
        raise TypeProblem(_out_of_range(_clip_number(value)))
    return value


def _clip_number(value: int) -> str:
    """Show a huge whole number by its size, not all its digits."""
    digits = len(str(abs(value))) if abs(value) < 10**4000 else 4000
    return str(value) if digits <= 20 else _("with {digits} digits").format(digits=digits)


def check_text(value: str) -> None:
    """Refuse text holding control characters or unpaired surrogates."""
    if value.isprintable():  # the usual text, at once: printable text holds neither
        return
    found = _REFUSED_TEXT.search(value)
    if found is not None:
        code = f"U+{ord(found.group()):04X}"
        raise TypeProblem(_("text holds the control character {code}").format(code=code))


def show(value: Any) -> str:
    """Name the kind of a value for a message: "a number", "text", "a table"."""
    kinds = {
        bool: N_("true/false"),
        int: N_("a number"),
        float: N_("a number"),
        str: N_("text"),
        list: N_("a list"),
        dict: N_("a table"),
    }
    found = kinds.get(type(value))
    return _(found) if found else type(value).__name__


def expected(what: str, value: Any) -> str:
    """Say what a value should have been and what it is: "expected a number, got text"."""
    return _("expected {what}, got {found}").format(what=_(what), found=show(value))


def _out_of_range(number: str) -> str:
    """Say that a number is out of range."""
    return _("number {number} is out of range").format(number=number)


def number_or_text(value: Any, _unused: Any) -> float | str:
    """Accept a number or a text (an expression)."""
    if isinstance(value, str):
        check_text(value)
        return value
    return float(strict(float, N_("a number"))(value, None))


def bounded(kind: Any) -> Any:
    """Return a hook for a number type with bounds (values.BOUNDS)."""
    base, low, high = values.BOUNDS[kind]
    as_number = strict(base, N_("a number"))

    def hook(value: Any, _unused: Any) -> Any:
        number = as_number(value, None)
        if (low is not None and number < low) or (high is not None and number > high):
            raise TypeProblem(_out_of_bounds(base is int, low, high, number))
        return number

    return hook


def _out_of_bounds(whole: bool, low: float | None, high: float | None, number: float) -> str:
    """Say that a number lies outside its type's bounds: "expected a number from 0 to 1, got 2"."""
    what = _("a whole number") if whole else _("a number")
    if high is None:
        words = _("{low} or more").format(low=f"{low:g}")
    else:
        words = _("from {low} to {high}").format(low=f"{low:g}", high=f"{high:g}")
    return _("expected {what} {words}, got {number}").format(
        what=what, words=words, number=f"{number:g}"
    )


def checked(kind: type, what: str, check: Any) -> Any:
    """Return a hook that accepts `kind` and passes the value through `check`."""

    def hook(value: Any, _unused: Any) -> Any:
        if not isinstance(value, kind):
            raise TypeProblem(expected(what, value))
        return check(value)

    return hook


def colour(value: str) -> str:
    """Accept "" or a colour like "#a1b2c3"."""
    ok = len(value) == 7 and value[0] == "#" and all(c in _HEX for c in value[1:])
    if value and not ok:
        shown = f"'{value[:40]}'"
        raise TypeProblem(_('{value} is not a colour like "#a1b2c3"').format(value=shown))
    return value


_HEX = frozenset("0123456789abcdefABCDEF")


def year_month(value: str) -> str:
    """Accept "" or a date "YYYY-MM"."""
    if value:
        try:
            month_of(value)
        except ValueError as exc:
            raise TypeProblem(str(exc)[:120]) from None
    return value


def lon_lat(value: Any, _unused: Any) -> list[float]:
    """Accept a point [lon, lat] on the globe."""
    if not isinstance(value, list) or len(value) != 2:
        raise TypeProblem(_("expected [lon, lat], two numbers"))
    lon, lat = (strict(float, N_("a number"))(v, None) for v in value)
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        point = f"[{lon}, {lat}]"
        raise TypeProblem(
            _("{point} is not [lon, lat] (lon −180…180, lat −90…90)").format(point=point)
        )
    return [lon, lat]


def one_of(value: Any, kind: Any) -> Any:
    """Accept one of the texts a Literal type allows."""
    allowed = typing.get_args(kind)
    if value not in allowed or not isinstance(value, str):
        names = ", ".join(f"'{a}'" for a in allowed)
        shown = f"'{value[:40]}'" if isinstance(value, str) else show(value)
        raise TypeProblem(
            _("expected one of {names}, got {found}").format(names=names, found=shown)
        )
    return value


def parse_ring(text: str) -> list[list[float]]:
    """Parse a compact ring "lon lat, lon lat, …" into [lon, lat] points."""
    try:  # the usual well-formed ring at once; a faulty one is read again, point by point
        points = [[float(lon), float(lat)] for lon, lat in map(str.split, text.split(","))]
    except ValueError:
        points = []
    if points and math.isfinite(sum(map(sum, points))):  # a NaN or an infinity shows here
        return points
    for pair in text.split(","):
        parts = pair.split()
        if len(parts) != 2:
            raise TypeProblem(_not_a_point(pair))
        try:
            lon, lat = float(parts[0]), float(parts[1])
        except ValueError:
            raise TypeProblem(_not_a_point(pair)) from None
        if not (math.isfinite(lon) and math.isfinite(lat)):
            raise TypeProblem(_("points must be finite numbers"))
    return points  # finite points whose sum alone ran out of range


def _not_a_point(pair: str) -> str:
    """Say that a part of a compact ring is not a point."""
    shown = f"'{pair.strip()[:30]}'"
    return _('{pair} is not a point "lon lat"').format(pair=shown)
