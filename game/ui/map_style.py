"""Turn the game state into map colours, labels and markers for one viewer and map mode."""

from __future__ import annotations

import pygame

from game.engine.game import Game
from game.engine.view import view_of
from game.model.state import relation_key
from game.rules.types import Env
from game.ui import theme
from game.ui.map_view import Label, Link, MapView, Marker

MODES = ["political", "relations", "treaties"]


def mode_title(game: Game, mode: str) -> str:
    """Return the name shown for a map mode ('stat:<id>' paints one per-country stat)."""
    if mode.startswith("stat:") and mode[5:] in game.scenario.stats:
        return game.scenario.stats[mode[5:]].name
    return {"relations": "Relations", "treaties": "Treaties"}.get(mode, "Political")


def available_modes(game: Game) -> list[str]:
    """Return the map modes this scenario supports: one per key stat, treaties if any.

    No mode paints a global number: one value over every country would mean nothing.
    """
    sc = game.scenario
    modes = [m for m in MODES if m != "treaties" or sc.treaties]
    return modes + [f"stat:{s}" for s in sc.meta.key_stats if s in sc.stats]


def _far(a: pygame.Color, b: pygame.Color, gap: float = 90) -> bool:
    """Return True when two colours are at least gap apart in RGB."""
    return ((a.r - b.r) ** 2 + (a.g - b.g) ** 2 + (a.b - b.b) ** 2) ** 0.5 >= gap


def colourblind_colour(game: Game, cid: str) -> pygame.Color:
    """Return a colour-blind safe fill: a distinct Okabe-Ito colour for each playable power.

    Colours near the sea are never used; other countries get greys of a few lightnesses.
    """
    sea = theme.parse_colour(game.scenario.map.sea)
    safe = [pygame.Color(c) for c in theme.COLOURBLIND_SET if _far(pygame.Color(c), sea)]
    playable = game.scenario.meta.playable
    if cid in playable and safe:
        return theme.blend(safe[playable.index(cid) % len(safe)], theme.PAPER, 0.25)
    others = [c for c in game.scenario.countries if c not in playable]
    index = others.index(cid) if cid in others else 0
    return theme.blend(theme.INK_FAINT, theme.PAPER, 0.15 + 0.2 * (index % 4))


def country_colour(game: Game, cid: str, palette: str) -> pygame.Color:
    """Return a country's map colour in the chosen palette."""
    if palette == "colourblind":
        return colourblind_colour(game, cid)
    country = game.scenario.countries.get(cid)
    base = theme.parse_colour(country.color if country else "#a0a0a0")
    return theme.blend(base, theme.PAPER, 0.15)


def relation(game: Game, a: str, b: str) -> float:
    """Return the relation value between two countries as the state holds it."""
    default = game.scenario.relations.default
    return game.state.relations.get(relation_key(a, b), default)


def region_fill(game: Game, owner: str, viewer: str, mode: str, palette: str) -> pygame.Color:
    """Return the fill of a region owned by owner in a map mode."""
    sc = game.scenario
    if mode == "relations":
        if owner == viewer:
            return theme.blend(theme.PAPER, theme.INK_FAINT, 0.5)
        top = max(abs(sc.relations.min), abs(sc.relations.max), 1)
        return theme.diverging(relation(game, viewer, owner) / top, palette)
    if mode == "treaties":
        bound = any(owner in t.parties for t in game.treaties_known_to(viewer))
        return theme.blend(
            country_colour(game, owner, palette), theme.PAPER, 0.25 if bound else 0.7
        )
    if mode.startswith("stat:") and mode[5:] in sc.stats and owner in sc.countries:
        d = sc.stats[mode[5:]]
        value = view_of(game, viewer).stat(owner, mode[5:]).value
        return theme.sequential((value - d.min) / max(1e-9, d.max - d.min), palette)
    if mode.startswith("stat:"):
        return theme.blend(theme.PAPER, theme.INK_FAINT, 0.3)
    return country_colour(game, owner, palette)


def apply_style(view: MapView, game: Game, viewer: str, mode: str, palette: str) -> None:
    """Colour the view's regions, group them by owner, and place labels and markers."""
    st, sc = game.state, game.scenario
    fills: dict[str, pygame.Color] = {}
    edges: dict[str, pygame.Color] = {}
    groups: dict[str, list[str]] = {}
    for shape in view.shapes:
        owner = st.owners.get(shape.id, "")
        groups.setdefault(owner, []).append(shape.id)
        fills[shape.id] = region_fill(game, owner, viewer, mode, palette)
        country = sc.countries.get(owner)
        border = country.border if country and country.border else ""
        edge = (
            theme.parse_colour(border) if border else theme.blend(fills[shape.id], theme.INK, 0.55)
        )
        edges[shape.id] = edge
    labels: list[Label] = []
    for owner, members in groups.items():
        if owner not in sc.countries:
            continue
        biggest = max((view.by_id[m] for m in members), key=lambda s: s.area)
        x0, _, x1, _ = biggest.box
        labels.append(Label(game.name(owner), biggest.centre, (x1 - x0) * 0.85))
    markers: list[Marker] = []
    for site in sc.sites.values():
        if site.d.when and not site.when.holds(st, Env(viewer, None)):
            continue
        markers.append(Marker(site.d.name, view.forward(site.d.lon, site.d.lat)))
    for project in view_of(game, viewer).projects():
        action = sc.actions.get(project.action)
        if action is None or not action.d.site:
            continue
        at = sc.sites.get(action.d.site)
        if at is not None:
            name = f"{action.d.name} ({project.turns_left})"
            markers.append(Marker(name, view.forward(at.d.lon, at.d.lat), "project"))
    view.links = treaty_links(view, game, viewer) if mode == "treaties" else []
    view.set_style(fills, edges, groups, labels, markers)


def treaty_links(view: MapView, game: Game, viewer: str) -> list[Link]:
    """Return a line between the capitals of every two parties of each treaty the viewer knows."""
    sc = game.scenario
    out = []
    for found in game.treaties_known_to(viewer):
        first, *others = found.parties
        a = sc.countries[first].capital
        for other in others:
            b = sc.countries[other].capital
            name = sc.treaties[found.id].d.name
            out.append(Link(name, view.forward(a[0], a[1]), view.forward(b[0], b[1])))
    return out
