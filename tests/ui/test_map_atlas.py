"""The map as an atlas plate: every country named on its own land, colours apart, crisp zoom."""

from __future__ import annotations

import math

import pygame
import pytest

from game.ui import geometry, map_style
from game.ui.app import App
from game.ui.map_atlas import load_atlas
from game.ui.map_labels import HALF, Placed
from game.ui.map_view import MapView
from tests.ui.driver import Driver

ROOM = 11.0  # pixels: a land whose centre has this much room in view must carry its name
GAP = 35.0  # least RGB distance between the colours of two neighbouring countries


def _open(drive: Driver, scenario: str) -> MapView:
    """Start a scenario's game at 1280x720 and return its map after the first frame."""
    app: App = drive.app
    assert app.start_game(scenario, [], seed=1) is None
    drive.frames(2)
    return drive.screen.map


def _owned(view: MapView, game: object, label: Placed) -> list[list[tuple[float, float]]]:
    """Return the rings a name may lie on: its country's regions, or its own region."""
    if label.style == "region" or label.region in view.atlas.own_names:
        return view.by_id[label.region].rings
    owner = game.state.owners[label.region]  # type: ignore[attr-defined]
    return [r for rid in view.groups[owner] for r in view.by_id[rid].rings]


def _corners(view: MapView, label: Placed) -> list[tuple[float, float]]:
    """Return each letter's centre and the four points a letter's room reaches, in world."""
    reach = HALF * label.size / view.zoom * 0.9
    out = []
    for g in label.glyphs:
        a = math.radians(g.angle)
        for dx, dy in ((0, 0), (1, 0), (-1, 0), (0, 1), (0, -1)):
            along, across = dx * reach * 0.6, dy * reach
            out.append(
                (
                    g.pos[0] + along * math.cos(a) - across * math.sin(a),
                    g.pos[1] + along * math.sin(a) + across * math.cos(a),
                )
            )
    return out


def _room_in_view(view: MapView, rid: str) -> float:
    """Return the pixels of room at a region's centre, if that room is in view and clear of
    the cards and buttons drawn over the map."""
    centre = view.atlas.centres.get(rid)
    if centre is None:
        return 0.0
    x, y = view.to_screen(centre[0])
    if not view.rect.inflate(-40, -40).collidepoint(x, y):
        return 0.0
    room = centre[1] * view.zoom
    disc = pygame.Rect(round(x - room), round(y - room), round(2 * room), round(2 * room))
    if disc.collidelist(view.keep_clear) >= 0:
        return 0.0
    return room


@pytest.mark.parametrize("scenario", ["rapallo", "pact"])
def test_every_country_with_land_in_view_is_named(drive: Driver, scenario: str) -> None:
    view = _open(drive, scenario)
    game = drive.app.session.game
    for zoom in (1.0, 2.5):
        view.fit()
        view.zoom_at(zoom, view.lonlat_to_screen(15.0, 50.0))
        drive.frames(1)
        named = {game.state.owners[p.region] for p in view.placed if p.style == "country"}
        missing = []
        for owner, members in view.groups.items():
            if owner not in game.scenario.countries or owner in named:
                continue
            if any(_room_in_view(view, rid) >= ROOM for rid in members):
                missing.append(owner)
        assert not missing, f"countries in view without a name at zoom {zoom}: {missing}"
        assert "GER" in named
        if zoom == 1.0:
            assert game.state.owners["russia"] in named


@pytest.mark.parametrize("scenario", ["rapallo", "pact"])
def test_names_lie_on_their_own_land_and_in_view(drive: Driver, scenario: str) -> None:
    view = _open(drive, scenario)
    game = drive.app.session.game
    wx0, wy1 = view.to_world(view.rect.topleft)
    wx1, wy0 = view.to_world(view.rect.bottomright)
    for _ in range(2):
        for label in view.placed:
            rings = _owned(view, game, label)
            for x, y in _corners(view, label):
                assert wx0 <= x <= wx1 and wy0 <= y <= wy1, f"{label.text} leaves the view"
                assert any(geometry.contains(r, x, y) for r in rings), (
                    f"{label.text} leaves its land at {view.inverse(x, y)}"
                )
        view.zoom_at(2.5, (view.rect.centerx, view.rect.centery))
        drive.frames(1)


@pytest.mark.parametrize("scenario", ["rapallo", "pact"])
@pytest.mark.parametrize("palette", ["normal", "colourblind"])
def test_neighbours_have_colours_apart(drive: Driver, scenario: str, palette: str) -> None:
    _open(drive, scenario)
    game = drive.app.session.game
    atlas = load_atlas(game.scenario.path, lambda x, y: (x, y))
    own = game.state.owners
    pairs = {tuple(sorted((own[a], own[b]))) for a, b in atlas.neighbours if own[a] != own[b]}
    assert pairs
    close = []
    for a, b in sorted(pairs):
        ca = map_style.country_colour(game, a, palette)
        cb = map_style.country_colour(game, b, palette)
        if math.dist(ca[:3], cb[:3]) < GAP:
            close.append((a, b))
    assert not close


def test_a_region_that_changes_hands_is_outlined_for_a_few_turns(drive: Driver) -> None:
    view = _open(drive, "rapallo")
    game = drive.app.session.game
    game.state.owners["ruhr"] = "FRA"
    map_style.apply_style(view, game, "GER", "political", "normal")
    assert view.changed == ["ruhr"]
    view.zoom_at(4.0, view.lonlat_to_screen(7.3, 51.5))
    drive.frames(1)
    drive.shot("atlas-changed-border")
    game.state.turn += map_style.CHANGE_TURNS
    map_style.apply_style(view, game, "GER", "political", "normal")
    assert view.changed == []


def test_zoom_redraws_the_outlines_at_each_level(drive: Driver) -> None:
    view = _open(drive, "rapallo")
    first = view.level()
    view.zoom_at(2.0)
    second = view.level()
    assert second is not first and second.zoom == pytest.approx(view.zoom)
    view.zoom_at(0.5)
    assert view.level() is first  # each zoom level is kept once drawn


@pytest.mark.parametrize("palette", ["normal", "colourblind"])
def test_screenshots_at_three_zooms(drive: Driver, palette: str) -> None:
    view = _open(drive, "rapallo")
    drive.app.settings.palette = palette
    drive.frames(1)
    drive.shot(f"atlas-{palette}-whole")
    for name, factor, lonlat in (("central", 2.2, (14.0, 51.0)), ("rhine", 5.5, (8.0, 50.5))):
        view.fit()
        view.zoom_at(factor)
        view.centre = view.forward(*lonlat)
        view.pan(0, 0)
        drive.frames(1)
        drive.shot(f"atlas-{palette}-{name}")
        assert view.placed


def test_names_give_way_to_the_cards_over_the_map(drive: Driver) -> None:
    view = _open(drive, "rapallo")
    assert len(view.keep_clear) == 2  # the map's buttons and its legend card
    for zoom in (1.0, 2.5, 2.5):
        view.zoom_at(zoom, view.lonlat_to_screen(15.0, 50.0))
        drive.frames(1)
        for label in view.placed:
            for g in label.glyphs:
                spot = view.to_screen(g.pos)
                assert all(not a.collidepoint(spot) for a in view.keep_clear), label.text
