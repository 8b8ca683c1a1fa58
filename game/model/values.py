"""Named value types that many keys share: checked in one place, described once in the schema."""

from __future__ import annotations

from typing import Any, Literal, NewType

# A colour "#rrggbb"; "" where a key says that empty means "derived".
Colour = NewType("Colour", str)
# A month "YYYY-MM"; "" where a key says that empty means "none".
YearMonth = NewType("YearMonth", str)
# A point [longitude, latitude] in degrees.
LonLat = NewType("LonLat", list[float])

# Numbers with bounds: the loader checks them and the schema states them, from BOUNDS.
Probability = NewType("Probability", float)  # a chance from 0 to 1
MonthsPerTurn = NewType("MonthsPerTurn", int)  # 1 to 12
Count = NewType("Count", int)  # a whole number, 0 or more: costs, turns, delays
Turns = NewType("Turns", int)  # a whole number of turns, 1 or more
Longitude = NewType("Longitude", float)
Latitude = NewType("Latitude", float)
# An id: letters, digits and _, not starting with a digit.
Id = NewType("Id", str)
ID_PATTERN = "^[A-Za-z_][A-Za-z0-9_]{0,63}$"

BOUNDS: dict[Any, tuple[type, float | None, float | None]] = {
    Probability: (float, 0, 1),
    MonthsPerTurn: (int, 1, 12),
    Count: (int, 0, None),
    Turns: (int, 1, None),
    Longitude: (float, -180, 180),
    Latitude: (float, -90, 90),
}


def bounds_words(kind: Any) -> str:
    """Say which values a bounded type allows, e.g. "from 1 to 12" or "0 or more"."""
    _, low, high = BOUNDS[kind]
    if high is None:
        return f"{low:g} or more"
    return f"from {low:g} to {high:g}"


Projection = Literal["mercator", "equirectangular"]
Orientation = Literal["horizontal", "vertical"]

NAMED = {
    "Colour": Colour,
    "YearMonth": YearMonth,
    "LonLat": LonLat,
}
