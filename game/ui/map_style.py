"""Turn the game state into map colours, labels and markers for one viewer and map mode."""

from __future__ import annotations

import pygame

from game.engine.game import Game
from game.model.state import relation_key
from game.rules.types import Env
from game.ui import theme
from game.ui.map_view import Label, MapView, Marker
from game.ui.secrecy import hidden

MODES = ["political", "relations", "stat", "global"]


def mode_title(game: Game, mode: str) -> str:
    """Return the name shown for a map mode."""
    meta = game.scenario.meta
    if mode == "relations":
        return "Relations"
    if mode == "stat" and meta.key_stats:
        return game.scenario.stats[meta.key_stats[0]].name
    if mode == "global" and meta.key_globals:
        return game.scenario.globals[meta.key_globals[0]].name
    return "Political"


def available_modes(game: Game) -> list[str]:
    """Return the map modes this scenario supports."""
    meta = game.scenario.meta
    return [
        m for m in MODES if (m != "stat" or meta.key_stats) and (m != "global" or meta.key_globals)
    ]


def country_colour(game: Game, cid: str, palette: str) -> pygame.Color:
    """Return a country's map colour in the chosen palette."""
    if palette == "colourblind":
        ids = list(game.scenario.countries)
        index = ids.index(cid) if cid in ids else 0
        base = pygame.Color(theme.COLOURBLIND_SET[index % len(theme.COLOURBLIND_SET)])
        return theme.blend(base, theme.PAPER, 0.3)
    country = game.scenario.countries.get(cid)
    base = theme.parse_colour(country.color if country else "#a0a0a0")
    return theme.blend(base, theme.PAPER, 0.15)


def relation(game: Game, a: str, b: str) -> float:
    """Return the relation value between two countries as the state holds it."""
    default = game.scenario.relations.default
    return game.state.relations.get(relation_key(a, b), default)


def region_fill(game: Game, owner: str, viewer: str, mode: str, palette: str) -> pygame.Color:
    """Return the fill of a region owned by owner in a map mode."""
    sc, st = game.scenario, game.state
    if mode == "relations":
        if owner == viewer:
            return theme.blend(theme.PAPER, theme.INK_FAINT, 0.5)
        top = max(abs(sc.relations.min), abs(sc.relations.max), 1)
        return theme.diverging(relation(game, viewer, owner) / top, palette)
    if mode == "stat" and sc.meta.key_stats:
        stat = sc.meta.key_stats[0]
        d = sc.stats[stat]
        value = st.stats.get(owner, {}).get(stat, d.default)
        return theme.sequential((value - d.min) / max(1e-9, d.max - d.min), palette)
    if mode == "global" and sc.meta.key_globals:
        g = sc.meta.key_globals[0]
        d = sc.globals[g]
        value = st.globals.get(g, d.default)
        tint = theme.sequential((value - d.min) / max(1e-9, d.max - d.min), palette)
        return theme.blend(country_colour(game, owner, palette), tint, 0.75)
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
    for project in st.projects:
        action = sc.actions.get(project.action)
        if action is None or not action.d.site:
            continue
        if hidden(game, project.country, action.d.id, viewer):
            continue
        at = sc.sites.get(action.d.site)
        if at is not None:
            name = f"{action.d.name} ({project.turns_left})"
            markers.append(Marker(name, view.forward(at.d.lon, at.d.lat), "project"))
    view.set_style(fills, edges, groups, labels, markers)
