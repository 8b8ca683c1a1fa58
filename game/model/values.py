"""Named value types that many keys share: checked in one place, described once in the schema."""

from __future__ import annotations

from typing import Literal, NewType

# A colour "#rrggbb"; "" where a key says that empty means "derived".
Colour = NewType("Colour", str)
# A month "YYYY-MM"; "" where a key says that empty means "none".
YearMonth = NewType("YearMonth", str)
# A point [longitude, latitude] in degrees.
LonLat = NewType("LonLat", list[float])

Projection = Literal["mercator", "equirectangular"]
Orientation = Literal["horizontal", "vertical"]

NAMED = {
    "Colour": Colour,
    "YearMonth": YearMonth,
    "LonLat": LonLat,
}
