"""The ledger tab: line charts of stats and globals over the turns played so far."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIDropDownMenu

from game.engine.game import Game
from game.engine.view import CountryView
from game.locale import N_, _, month_short
from game.ui import theme
from game.ui.charts import Series, draw_line_chart
from game.ui.history import chart_rows
from game.ui.panels.base import Panel


def months_labels(game: Game) -> list[str]:
    """Return the date of each charted point: the start of each turn, and now."""
    return [short_date(month) for month, _skip in chart_rows(game)]


def short_date(month: int) -> str:
    """Return a month as 'Nov 1918'."""
    return month_short(month)


def charted_countries(game: Game, viewer: str, picked: list[str]) -> list[str]:
    """Return the countries a per-country chart shows: the playable powers and the picked ones."""
    out = list(game.scenario.meta.playable)
    if viewer not in out:
        out.insert(0, viewer)
    return out + [c for c in picked if c not in out and c in game.scenario.countries]


def stat_series(
    game: Game, view: CountryView, stat: str, palette: str, picked: list[str]
) -> list[Series]:
    """Return one series per charted country for a per-country stat, as the viewer knows it."""
    rows = chart_rows(game)
    out = []
    for i, cid in enumerate(charted_countries(game, view.viewer, picked)):
        key = f"{cid}.{stat}"
        name = game.name(cid) + ("" if view.series_exact(key) else _(" (estimate)"))
        values = [view.series_value(key, row.get(key)) for _skip, row in rows]
        out.append(Series(name, theme.series_colour(i, palette), values))
    return out


def global_series(game: Game, view: CountryView, palette: str) -> list[Series]:
    """Return one series per global variable, as the viewer knows it."""
    rows = chart_rows(game)
    return [
        Series(
            d.name + ("" if view.series_exact(g) else _(" (estimate)")),
            theme.series_colour(i, palette),
            [view.series_value(g, row.get(g)) for _skip, row in rows],
        )
        for i, (g, d) in enumerate(game.scenario.globals.items())
    ]


class LedgerPanel(Panel):
    """Charts: one stat compared across countries, and the globals."""

    title = N_("Ledger")

    def build(self) -> None:
        """Create the stat chooser."""
        sc = self.game.scenario
        self.names = {d.name: sid for sid, d in sc.stats.items()}
        first = sc.meta.key_stats[0] if sc.meta.key_stats else next(iter(sc.stats))
        self.stat = first
        pad = self.px(10)
        self.menu = UIDropDownMenu(
            list(self.names),
            sc.stats[first].name,
            pygame.Rect(self.rect.x + pad, self.rect.y + pad, self.rect.w - 2 * pad, self.px(32)),
            self.screen.manager,
        )
        self.widgets.append(self.menu)

    def on_event(self, event: pygame.event.Event) -> None:
        """Switch the charted stat."""
        if event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED and event.ui_element is self.menu:
            self.stat = self.names.get(event.text, self.stat)
            self.refresh()

    def render(self, surf: pygame.Surface) -> int:
        """Draw the chart of one stat across countries and the chart of the globals."""
        game, s = self.game, self.screen.scale
        palette = self.screen.app.settings.palette
        pad = self.px(10)
        top = self.px(52)
        view = self.screen.view
        labels = months_labels(game)
        d = game.scenario.stats[self.stat]
        hint = theme.text(
            "sans_italic",
            self.px(11),
            _("Click a country on the map to add it."),
            tuple(theme.INK_MUTED)[:3],
        )
        surf.blit(hint, (pad, top))
        top += hint.get_height() + self.px(4)
        h = (self.rect.h - top - 2 * pad) // 2
        self.labels = labels
        self.shown = stat_series(game, view, self.stat, palette, self.screen.chart_picks)
        self.plots = [
            draw_line_chart(
                surf,
                pygame.Rect(pad, top, self.rect.w - 2 * pad, h),
                self.shown,
                labels,
                d.name,
                s,
                (d.min, d.max) if d.max - d.min <= 200 else None,
            )
        ]
        if game.scenario.globals:
            self.plots.append(
                draw_line_chart(
                    surf,
                    pygame.Rect(pad, top + h + pad, self.rect.w - 2 * pad, h),
                    global_series(game, view, palette),
                    labels,
                    _("Across the map"),
                    s,
                )
            )
        return self.rect.h
