"""Plain polygon geometry: areas, centroids, bounding boxes and point tests."""

from __future__ import annotations

Point = tuple[float, float]
Ring = list[Point]


def area(ring: Ring) -> float:
    """Return the signed area of a ring (shoelace formula)."""
    total = 0.0
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        total += x1 * y2 - x2 * y1
    return total / 2


def centroid(ring: Ring) -> Point:
    """Return the centroid of a ring, or its vertex mean if it has no area."""
    a = area(ring)
    if abs(a) < 1e-12:
        n = len(ring)
        return sum(p[0] for p in ring) / n, sum(p[1] for p in ring) / n
    cx = cy = 0.0
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        cross = x1 * y2 - x2 * y1
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    return cx / (6 * a), cy / (6 * a)


def bbox(rings: list[Ring]) -> tuple[float, float, float, float]:
    """Return (min_x, min_y, max_x, max_y) over all rings."""
    xs = [p[0] for r in rings for p in r]
    ys = [p[1] for r in rings for p in r]
    return min(xs), min(ys), max(xs), max(ys)


def contains(ring: Ring, x: float, y: float) -> bool:
    """Return True when the point lies inside the ring (even-odd rule)."""
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside
