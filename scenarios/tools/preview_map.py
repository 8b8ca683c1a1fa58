"""Render a map.toml to a PNG for checking by eye (build-time helper).

Usage::

    SDL_VIDEODRIVER=dummy python scenarios/tools/preview_map.py scenarios/rapallo/map.toml \
        /tmp/map_rapallo.png [--width 1800] [--box lon_min,lat_min,lon_max,lat_max]

Regions are filled with a colour per owner and outlined; labels and sites are drawn.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import os
import tomllib
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame  # noqa: E402

COLOURS = {
    "GER": (120, 120, 120),
    "SOV": (200, 60, 50),
    "WHT": (235, 235, 215),
    "GBR": (210, 90, 100),
    "FRA": (70, 110, 200),
    "ITA": (90, 170, 90),
    "POL": (215, 120, 160),
    "LEA": (250, 250, 120),
    "DAN": (250, 210, 90),
    "OTH": (175, 175, 175),
    "ROM": (220, 200, 70),
}


def colour(owner: str) -> tuple[int, int, int]:
    if owner in COLOURS:
        return COLOURS[owner]
    digest = hashlib.md5(owner.encode()).digest()
    return (90 + digest[0] % 150, 90 + digest[1] % 150, 90 + digest[2] % 150)


def mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("map", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--width", type=int, default=1800)
    parser.add_argument("--box", default="")
    args = parser.parse_args()
    data = tomllib.loads(args.map.read_text(encoding="utf-8"))
    lon0, lat0, lon1, lat1 = data["map"]["extent"]
    if args.box:
        lon0, lat0, lon1, lat1 = (float(v) for v in args.box.split(","))
    y0, y1 = mercator_y(lat0), mercator_y(lat1)
    scale = args.width / math.radians(lon1 - lon0)
    height = int((y1 - y0) * scale)

    def px(lon: float, lat: float) -> tuple[float, float]:
        return (math.radians(lon - lon0) * scale, (y1 - mercator_y(lat)) * scale)

    pygame.font.init()
    surf = pygame.Surface((args.width, height))
    sea = data["map"]["sea"].lstrip("#")
    surf.fill(tuple(int(sea[i : i + 2], 16) for i in (0, 2, 4)))
    for region in data["region"]:
        for ring in region["polygons"]:
            pts = [px(lon, lat) for lon, lat in ring]
            pygame.draw.polygon(surf, colour(region["owner"]), pts)
    for region in data["region"]:
        for ring in region["polygons"]:
            pts = [px(lon, lat) for lon, lat in ring]
            pygame.draw.polygon(surf, (30, 30, 30), pts, 1)
    font = pygame.font.Font(None, 18)
    for region in data["region"]:
        if region.get("label"):
            text = font.render(f"{region['id']} [{region['owner']}]", True, (0, 0, 0))
            x, y = px(*region["label"])
            surf.blit(text, (x - text.get_width() / 2, y - text.get_height() / 2))
    for site in data.get("site", []):
        x, y = px(site["lon"], site["lat"])
        pygame.draw.circle(surf, (0, 0, 160), (x, y), 4)
        surf.blit(font.render(site["id"], True, (0, 0, 160)), (x + 5, y - 6))
    pygame.image.save(surf, str(args.png))


if __name__ == "__main__":
    main()
