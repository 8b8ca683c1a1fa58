"""The map as an atlas plate: every country named on its own land, colours apart, crisp zoom."""

from __future__ import annotations

import math

import pygame
import pytest

from game.ui import geometry, map_fit, map_place, map_style, map_zoom
from game.ui.app import App
from game.ui.map_atlas import load_atlas
from game.ui.map_labels import HALF, Placed
from game.ui.map_view import TOLERANCES, MapView
from tests.ui.driver import Driver

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


def _in_view(view: MapView, rid: str) -> bool:
    """Return True when a region's pole is on the map and clear of the cards over it."""
    centre = view.atlas.centres.get(rid)
    if centre is None:
        return False
    spot = view.to_screen(centre[0])
    return view.rect.collidepoint(spot) and not any(a.collidepoint(spot) for a in view.keep_clear)


def _unnamed(view: MapView, game: object) -> list[str]:
    """Return the countries (and regions named for themselves) in view that carry no name."""
    owners = game.state.owners  # type: ignore[attr-defined]
    named = {owners[p.region] for p in view.placed if p.style == "country"}
    regions = {p.region for p in view.placed}
    missing = []
    for owner, members in view.groups.items():
        if owner not in game.scenario.countries:  # type: ignore[attr-defined]
            continue
        own = [r for r in members if r in view.atlas.own_names]
        missing += [r for r in own if _in_view(view, r) and r not in regions]
        rest = [r for r in members if r not in own]
        if owner not in named and any(_in_view(view, r) for r in rest):
            missing.append(owner)
    return missing


def _letters(view: MapView) -> list[tuple[str, pygame.Rect]]:
    """Return each placed letter's screen box with the text it belongs to."""
    return [
        (p.text, map_fit.glyph_rect(g, p.style, p.size, view.to_screen(g.pos)))
        for p in view.placed
        for g in p.glyphs
    ]


def _assert_readable(view: MapView) -> None:
    """Assert that every name is legible and that no letter lies under another name, a card
    or a point on the map."""
    room, names = map_place.room_of(view)
    shown = [n not in view.covered for n in names]
    dots = room.blocked[: room.cards] + [
        b for b, on in zip(room.blocked[room.cards :], shown, strict=True) if on
    ]
    letters = _letters(view)
    for text, box in letters:
        assert box.collidelist(dots) < 0, f"a letter of {text} lies under a card or a point"
        others = [b for t, b in letters if t != text]
        assert box.collidelist(others) < 0, f"{text} runs into another name"
    assert all(p.size >= 8 * view.scale for p in view.placed)


WINDOWS = [
    pytest.param((1280, 720), "normal", id="1280-normal"),
    pytest.param((1280, 720), "colourblind", id="1280-colourblind", marks=pytest.mark.slow),
    pytest.param((1024, 600), "normal", id="1024-normal", marks=pytest.mark.slow),
    pytest.param((1024, 600), "colourblind", id="1024-colourblind", marks=pytest.mark.slow),
]


@pytest.mark.parametrize("scenario", ["rapallo", "pact"])
@pytest.mark.parametrize(("size", "palette"), WINDOWS)
def test_every_country_with_territory_in_view_has_a_visible_name(
    drive: Driver, scenario: str, size: tuple[int, int], palette: str
) -> None:
    _open(drive, scenario)
    game = drive.app.session.game
    drive.app.settings.palette = palette
    drive.resize(size)
    drive.frames(2)
    view = drive.screen.map
    for zoom in (1.0, 2.5, 2.5):  # the opening zoom, then zoomed in twice
        if zoom == 1.0:
            view.fit()
        view.zoom_at(zoom, view.lonlat_to_screen(15.0, 50.0))
        drive.frames(1)
        where = f"{view.zoom / view.min_zoom:.0f}x"
        drive.shot(f"atlas-{scenario}-{size[0]}-{palette}-{where}")
        assert not _unnamed(view, game), f"in view without a name at {where}"
        _assert_readable(view)
        assert "GER" in {game.state.owners[p.region] for p in view.placed}


@pytest.mark.parametrize("scenario", ["rapallo", "pact"])
def test_a_name_beside_its_land_is_a_last_resort_tied_to_it(drive: Driver, scenario: str) -> None:
    view = _open(drive, scenario)
    game = drive.app.session.game
    beside = [p for p in view.placed if p.leader is not None]
    assert beside, "no land is too small for its name at the opening zoom"
    for label in beside:
        centre, room = view.atlas.centres[label.region]
        rings = _owned(view, game, label)
        start, end = label.leader or (centre, centre)
        assert any(geometry.contains(r, *start) for r in rings), (
            f"{label.text}: leader off its land"
        )
        letters = [view.to_screen(g.pos) for g in label.glyphs]
        width = math.dist(letters[0], letters[-1]) + label.size
        assert 2 * room * view.zoom < width + 12, f"{label.text} would fit in its land"
        near = min(math.dist(view.to_screen(centre), p) for p in letters)
        assert near < room * view.zoom + 60, f"{label.text} is far from its land"
        assert math.dist(view.to_screen(end), view.to_screen(start)) < 70
    zoomed = len(beside)
    view.zoom_at(4.0, view.lonlat_to_screen(6.0, 50.5))
    drive.frames(1)
    assert len([p for p in view.placed if p.leader is not None]) < zoomed


@pytest.mark.parametrize("scenario", ["rapallo", "pact"])
def test_names_lie_on_their_own_land_and_in_view(drive: Driver, scenario: str) -> None:
    view = _open(drive, scenario)
    game = drive.app.session.game
    wx0, wy1 = view.to_world(view.rect.topleft)
    wx1, wy0 = view.to_world(view.rect.bottomright)
    for _ in range(2):
        for label in view.placed:
            if label.leader is not None:
                continue  # a tiny land's name beside it: see the test above
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


def test_outlines_are_thinned_for_each_zoom_once(drive: Driver) -> None:
    view = _open(drive, "rapallo")
    coast = max(view._source().coasts, key=lambda item: len(item.points))
    low = map_zoom.tolerance(view.zoom, TOLERANCES)
    assert low > 0 and len(coast.at(low)) < len(coast.points)
    assert coast.at(low) is coast.at(low)  # thinned once, then kept
    view.zoom_at(12.0)
    drive.frames(1)
    assert map_zoom.tolerance(view.zoom, TOLERANCES) == 0.0
    assert coast.at(0.0) is coast.points  # close in, every point is drawn


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
