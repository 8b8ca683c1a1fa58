"""An event that names a place shows a map inset centred on it; the history note opens beside."""

from __future__ import annotations

import pygame

from game.ui.inset import place_of
from game.ui.settings import Settings
from tests.ui.driver import Driver


def _event_with(drive: Driver, key: str) -> str:
    """Start the first bundled game whose first event names a place of this kind."""
    app = drive.app
    app.apply_settings(Settings(autosave=False, guide_offered=True), save=False)
    assert app.start_game("rapallo", ["GER"], seed=1) is None
    drive.frames(3)
    sc = app.session.game.scenario
    while drive.screen.name == "event" and not getattr(sc.events[drive.screen.event_id].d, key):
        dialog = drive.screen
        drive.click(dialog.option_buttons[next(v for v in dialog.options if v.ok).option.id])
        drive.frames(2)
    assert drive.screen.name == "event"
    return str(drive.screen.event_id)


def _near(a: pygame.Color, b: pygame.Color, within: int) -> bool:
    """Return True when two colours differ by at most `within` in each channel."""
    return all(abs(x - y) <= within for x, y in zip(a[:3], b[:3], strict=True))


def test_the_event_dialog_maps_its_site_and_opens_the_history_beside(drive: Driver) -> None:
    event_id = _event_with(drive, "site")
    dialog = drive.screen
    game = drive.app.session.game
    place = place_of(game, event_id)
    assert place is not None and dialog.inset is not None
    inset = dialog.inset
    assert dialog.card.contains(inset.rect)
    assert not inset.rect.colliderect(dialog.text.rect)
    x, y = inset.spot()
    r = inset.rect
    assert abs(x - r.centerx) < r.w / 4 and abs(y - r.centery) < r.h / 4
    drive.frames(1)
    drive.shot("event-inset")
    # The map's own colours fill the inset: most of it is land in the owners' fills, or the
    # sea in its shades from the coast outwards.
    fills = [pygame.Color(c) for c in inset.view.fills.values()]
    sea = pygame.Color(inset.view.sea)
    grid = [(r.x + i * r.w // 12, r.y + j * r.h // 9) for i in range(1, 12) for j in range(1, 9)]
    pixels = [drive.app.surface.get_at(p) for p in grid]
    hits = sum(any(_near(px, c, 4) for c in fills) or _near(px, sea, 40) for px in pixels)
    assert hits > len(grid) // 2
    card = dialog.card.copy()
    drive.key(pygame.K_h)
    dialog = drive.screen
    assert dialog.note_card is not None
    assert dialog.note_card.left >= dialog.card.right
    assert not dialog.note_card.colliderect(dialog.card)
    assert drive.app.surface.get_rect().contains(dialog.note_card.union(dialog.card))
    assert dialog.card.w <= card.w
    assert game.scenario.events[event_id].d.history[:30] in dialog.note_text.html_text
    drive.shot("event-inset-history")
    drive.key(pygame.K_h)
    assert drive.screen.note_card is None


def test_a_region_event_outlines_its_region(drive: Driver) -> None:
    from game.ui.screens.event_dialog import EventDialog

    _event_with(drive, "site")
    session = drive.app.session
    event_id = next(e.d.id for e in session.game.scenario.events.values() if e.d.region)
    drive.app.push(EventDialog(drive.app, session, event_id))
    drive.frames(2)
    dialog = drive.screen
    place = place_of(drive.app.session.game, event_id)
    assert place is not None and place.region
    assert dialog.inset is not None and place.region in dialog.inset.view.by_id
    drive.shot("event-inset-region")


def test_the_inset_rings_its_place_in_paper_and_names_it_clear_of_the_ring(drive: Driver) -> None:
    from game.ui import theme

    event_id = _event_with(drive, "site")
    drive.frames(1)
    inset = drive.screen.inset
    place = place_of(drive.app.session.game, event_id)
    assert inset is not None and place is not None
    # The site's own marker (its name beside the dot) would lie under the ring: it is left out
    # and the inset writes the name under the ring instead.
    assert all(m.name != place.name for m in inset.view.markers)
    x, y = inset.spot()
    box = inset._name_box()
    assert inset.rect.contains(box) and box.top > y + 9 * inset.scale
    # A paper edge runs round the accent ring, so the ring shows on land of any colour.
    edge = (round(x), round(y - 9 * inset.scale - 1))
    assert tuple(drive.app.surface.get_at(edge))[:3] == tuple(theme.PAPER)[:3]
    drive.shot("event-inset-ring")
