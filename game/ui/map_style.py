"""Turn the game state into map colours, labels and markers for one viewer and map mode."""

from __future__ import annotations

import pygame

from game.engine.game import Game
from game.engine.view import view_of
from game.locale import _
from game.model.state import relation_key
from game.rules.types import Env
from game.ui import theme
from game.ui.map_atlas import load_atlas
from game.ui.map_labels import LabelRequest
from game.ui.map_view import Link, MapView, Marker

MODES = ["political", "relations", "treaties"]
CHANGE_TURNS = 4  # turns for which a region that changed hands keeps a dashed outline
MUTE = 0.3  # how far country colours are mixed towards the paper, as on a printed plate
TONES = (0.04, 0.36, 0.2, 0.52)  # paper-to-ink mixes of the lands that are not powers


def mode_title(game: Game, mode: str) -> str:
    """Return the name shown for a map mode ('stat:<id>' paints one per-country stat)."""
    if mode.startswith("stat:") and mode[5:] in game.scenario.stats:
        return game.scenario.stats[mode[5:]].name
    return {"relations": _("Relations"), "treaties": _("Treaties")}.get(mode, _("Political"))


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
    tone = TONES[_tones(game).get(cid, 0) % len(TONES)]
    return theme.blend(theme.PAPER, theme.INK_MUTED, tone)


_TONE_CACHE: dict[tuple[int, tuple[tuple[str, str], ...]], dict[str, int]] = {}


def _tones(game: Game) -> dict[str, int]:
    """Give each land that is not a power a grey tone that none of its neighbours has."""
    owners = tuple(sorted(game.state.owners.items()))
    key = (id(game.scenario), owners)
    found = _TONE_CACHE.get(key)
    if found is not None:
        return found
    atlas = load_atlas(game.scenario.path, lambda x, y: (x, y))
    owner = dict(owners)
    near: dict[str, set[str]] = {}
    for a, b in atlas.neighbours:
        oa, ob = owner.get(a, ""), owner.get(b, "")
        if oa != ob:
            near.setdefault(oa, set()).add(ob)
            near.setdefault(ob, set()).add(oa)
    playable = set(game.scenario.meta.playable)
    tones: dict[str, int] = {}
    for cid in game.scenario.countries:
        if cid in playable:
            continue
        used = {tones[n] for n in near.get(cid, ()) if n in tones}
        tones[cid] = next(t for t in range(len(TONES) + len(used)) if t not in used)
    if len(_TONE_CACHE) > 8:
        _TONE_CACHE.clear()
    _TONE_CACHE[key] = tones
    return tones


def country_colour(game: Game, cid: str, palette: str) -> pygame.Color:
    """Return a country's map colour in the chosen palette."""
    if palette == "colourblind":
        return colourblind_colour(game, cid)
    country = game.scenario.countries.get(cid)
    base = theme.parse_colour(country.color if country else "#a0a0a0")
    return theme.blend(base, theme.PAPER, MUTE)


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
    """Colour the view's regions, group them by owner, and place names and markers."""
    st, sc = game.state, game.scenario
    if view.atlas_source != sc.path:
        view.use_atlas(load_atlas(sc.path, view.forward), sc.path)
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
            theme.parse_colour(border) if border else theme.blend(fills[shape.id], theme.INK, 0.5)
        )
        edges[shape.id] = edge
    view.changed = changed_regions(view, game)
    view.set_style(
        fills, edges, groups, label_requests(view, game, groups), markers(view, game, viewer)
    )
    view.links = treaty_links(view, game, viewer) if mode == "treaties" else []


def changed_regions(view: MapView, game: Game) -> list[str]:
    """Return the regions that changed hands in the last few turns (seen by this view)."""
    st = game.state
    for rid, region in game.scenario.regions.items():
        now = st.owners.get(rid, region.owner)
        if now == region.owner:
            view.handovers.pop(rid, None)
        elif view.handovers.get(rid, ("", 0))[0] != now:
            view.handovers[rid] = (now, st.turn)
    return sorted(r for r, (_, t) in view.handovers.items() if st.turn - t < CHANGE_TURNS)


def label_requests(view: MapView, game: Game, groups: dict[str, list[str]]) -> list[LabelRequest]:
    """Return the names to write: each country in its largest region, then other regions."""
    sc = game.scenario
    own = view.atlas.own_names
    out: list[LabelRequest] = []
    regional: list[LabelRequest] = []
    for owner, members in groups.items():
        if owner not in sc.countries:
            continue
        ranked = sorted((m for m in members if m not in own), key=lambda m: -view.by_id[m].area)
        name = game.name(owner)
        if ranked:
            host = sc.regions[ranked[0]].name
            base = host if len(host) < len(name) else name  # "Yugoslavia" for a long style
            forms = [base, abbreviation(base), abbreviation(base, 3)]
            shorter = [f for k, f in enumerate(forms) if f != name and f not in forms[:k]]
            out.append(LabelRequest(name, ranked, "country", shorter))
        for rid in members:
            region = sc.regions[rid]
            if rid in own:
                short = [abbreviation(region.name)]
                out.append(LabelRequest(region.name, [rid], "country", short))
            elif rid != ranked[0] and region.name.lower() not in name.lower():
                regional.append(LabelRequest(region.name, [rid], "region"))
    return out + regional


def abbreviation(name: str, letters: int = 4) -> str:
    """Return the short form an atlas writes on a small land: its first letters and a dot."""
    word = name.split()[0] if name.split() else name
    return word if len(word) <= letters + 1 else word[:letters] + "."


def markers(view: MapView, game: Game, viewer: str) -> list[Marker]:
    """Return the capitals, the sites the viewer may see, and the viewer's projects."""
    st, sc = game.state, game.scenario
    out: list[Marker] = []
    for site in sc.sites.values():
        if site.d.when and not site.when.holds(st, Env(viewer, None)):
            continue
        kind = "capital" if site.d.id in view.atlas.capital_sites else "site"
        out.append(Marker(site.d.name, view.forward(site.d.lon, site.d.lat), kind))
    names = sc.place_names
    out += [
        Marker(names.get(p.id, p.name), p.pos, "capital")
        for p in view.atlas.places
        if p.country in sc.countries
    ]
    for project in view_of(game, viewer).projects():
        action = sc.actions.get(project.action)
        if action is None or not action.d.site:
            continue
        at = sc.sites.get(action.d.site)
        if at is not None:
            name = f"{action.d.name} ({project.turns_left})"
            out.append(Marker(name, view.forward(at.d.lon, at.d.lat), "project"))
    return out


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
