"""Map projections from longitude/latitude to flat world units and back."""

from __future__ import annotations

import math

MAX_LAT = 85.0


def mercator(lon: float, lat: float) -> tuple[float, float]:
    """Project lon/lat degrees to mercator world units (degrees east, degrees 'north', y up)."""
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    y = math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))
    return lon, y


def inverse_mercator(x: float, y: float) -> tuple[float, float]:
    """Return lon/lat degrees for mercator world units."""
    lat = math.degrees(2 * math.atan(math.exp(math.radians(y))) - math.pi / 2)
    return x, lat


def equirectangular(lon: float, lat: float) -> tuple[float, float]:
    """Project lon/lat as they are (plate carrée)."""
    return lon, lat


def project_fn(name: str) -> tuple:  # type: ignore[type-arg]
    """Return (forward, inverse) functions for a projection name; unknown names fall back."""
    if name == "equirectangular":
        return equirectangular, equirectangular
    return mercator, inverse_mercator
