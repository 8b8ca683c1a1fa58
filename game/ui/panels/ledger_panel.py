"""The ledger tab: line charts of stats and globals over the turns played so far."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIDropDownMenu

from game.engine.game import Game
from game.ui import theme
from game.ui.charts import Series, draw_line_chart
from game.ui.panels.base import Panel


def months_labels(game: Game) -> list[str]:
    """Return the date of each recorded turn."""
    return [game.date_text(int(row.get("month", 0))) for row in game.state.series]


def stat_series(game: Game, stat: str, palette: str) -> list[Series]:
    """Return one series per country for a per-country stat."""
    rows = game.state.series
    return [
        Series(
            game.name(cid),
            theme.series_colour(i, palette),
            [row.get(f"{cid}.{stat}") for row in rows],
        )
        for i, cid in enumerate(game.scenario.countries)
    ]


def global_series(game: Game, palette: str) -> list[Series]:
    """Return one series per global variable."""
    rows = game.state.series
    return [
        Series(d.name, theme.series_colour(i, palette), [row.get(g) for row in rows])
        for i, (g, d) in enumerate(game.scenario.globals.items())
    ]


class LedgerPanel(Panel):
    """Charts: one stat compared across countries, and the globals."""

    title = "Ledger"

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
        """Draw the two charts, or a note when no turn has been recorded yet."""
        game, s = self.game, self.screen.scale
        palette = self.screen.app.settings.palette
        pad = self.px(10)
        top = self.px(52)
        if not game.state.series:
            msg = theme.text(
                "sans_italic",
                self.px(13),
                "The ledger fills in as turns pass.",
                tuple(theme.INK_MUTED)[:3],
            )
            surf.blit(msg, (pad, top))
            return top + msg.get_height()
        labels = months_labels(game)
        h = (self.rect.h - top - 2 * pad) // 2
        d = game.scenario.stats[self.stat]
        draw_line_chart(
            surf,
            pygame.Rect(pad, top, self.rect.w - 2 * pad, h),
            stat_series(game, self.stat, palette),
            labels,
            d.name,
            s,
            (d.min, d.max) if d.max - d.min <= 200 else None,
        )
        if game.scenario.globals:
            draw_line_chart(
                surf,
                pygame.Rect(pad, top + h + pad, self.rect.w - 2 * pad, h),
                global_series(game, palette),
                labels,
                "Across the map",
                s,
            )
        return self.rect.h
