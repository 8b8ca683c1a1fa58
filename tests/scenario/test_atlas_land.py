"""The plain land of the bundled atlases is land: no strip drawn across a sea.

A ring that crossed the antimeridian once gave Eurasia a false band of land round the globe
from 65°N to 69°N, drawn as paper over the Norwegian Sea, the Gulf of Bothnia and the White Sea.
"""

from __future__ import annotations

import json
from itertools import pairwise

import pytest

from game.scenario.load import resolve

# The longest straight east–west edge a shore keeps after simplification, in degrees.
LONGEST_PARALLEL = 3.0


@pytest.mark.parametrize("scenario", ["rapallo", "pact"])
def test_no_plain_land_edge_runs_along_a_parallel_across_the_sea(scenario: str) -> None:
    atlas = json.loads((resolve(scenario) / "atlas.json").read_text("utf-8"))
    x0, y0, x1, y1 = atlas["frame"]
    for ring in atlas["land"]:
        points = list(zip(ring[0::2], ring[1::2], strict=True))
        for (ax, ay), (bx, by) in pairwise([*points, points[0]]):
            if ay == by and ay not in (y0, y1):  # the frame's edges are cuts the map fades at
                assert abs(bx - ax) <= LONGEST_PARALLEL, (scenario, (ax, ay), (bx, by))
        assert min(x for x, _ in points) >= x0 and max(x for x, _ in points) <= x1
