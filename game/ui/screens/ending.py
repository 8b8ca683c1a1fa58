"""The ending screen: ending title and text, score, charts of the game, and the two timelines."""

from __future__ import annotations

import html

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel, UITextBox

from game.engine.game import Game
from game.engine.simulate import historical_game
from game.engine.view import view_of
from game.locale import _
from game.rules.lexicon import fmt_num
from game.rules.types import Env
from game.ui import paper, theme
from game.ui.charts import Series, draw_line_chart
from game.ui.history import chart_rows
from game.ui.panels.ledger_panel import global_series, months_labels
from game.ui.score_words import scale_words
from game.ui.screens.base import Screen
from game.ui.session import Session


def esc(text: str) -> str:
    """Escape text for pygame_gui's HTML subset."""
    return html.escape(text, quote=False)


def ending_text(game: Game, cid: str) -> tuple[str, str, str]:
    """Return (title, text, epilogue) of the ending a country reached."""
    eid = game.state.endings.get(cid)
    ending = next((e for e in game.scenario.endings if e.d.id == eid), None)
    if ending is None:
        return (_("The game is over"), "", "")
    env, lex = Env(cid, None), game.scenario.lex
    title = ending.title_for(cid).render(game.state, env, lex)
    text = ending.text_for(cid).render(game.state, env, lex)
    return title, text, ending.d.epilogue


def player_timeline(game: Game, cid: str) -> list[tuple[str, str]]:
    """Return (date, what) for the country's choices and actions in this game."""
    out: list[tuple[int, str]] = []
    for entry in game.state.log:
        if entry.country != cid:
            continue
        if entry.kind == "event" and entry.option:
            out.append((entry.month, f"{entry.title} — {entry.option}"))
        elif entry.kind == "action":
            out.append((entry.month, entry.title))
    out.sort(key=lambda item: item[0])  # stable: same-month items keep the log's order
    return [(game.date_text(month), what) for month, what in out]


def historical_timeline(game: Game, cid: str) -> list[tuple[str, str]]:
    """Return (date, what) for the same country in the game the historical-mode AI plays."""
    return player_timeline(historical_game(game.scenario), cid)


def timeline_html(title: str, items: list[tuple[str, str]]) -> str:
    """Return a timeline as markup."""
    lines = [f"<b>{esc(title)}</b><br>"]
    if not items:
        lines.append(_("<i>Nothing recorded.</i>"))
    for date, what in items:
        lines.append(f"<font color='#8b2e1f'>{esc(date)}</font>  {esc(what)}<br>")
    return "".join(lines)


class EndingScreen(Screen):
    """Show how the game ended for each person playing."""

    name = "ending"

    def __init__(self, app, session: Session) -> None:  # type: ignore[no-untyped-def]
        self.session = session
        st = session.game.state
        self.cid = (
            session.viewer
            if session.viewer in st.endings
            else next(iter(st.endings or {session.viewer: ""}))
        )
        self._charts: pygame.Surface | None = None
        super().__init__(app)

    def build(self) -> None:
        """Lay out the ending text, charts and timelines."""
        w, h = self.app.size
        m = self.manager
        game = self.session.game
        pad = self.px(20)
        title, text, epilogue = ending_text(game, self.cid)
        score = game.state.scores.get(self.cid)
        left_w = int(w * 0.38)
        UILabel(pygame.Rect(pad, pad, left_w, self.px(50)), title, m, object_id="#heading")
        body = f"<b>{esc(game.name(self.cid))}</b>"
        self.score_text = ""
        if score is not None:
            scale = scale_words(game.scenario, self.cid)
            self.score_text = (
                _("Score {value} {scale}").format(value=fmt_num(score), scale=scale).strip()
            )
            body += _("<br>Score <b>{value}</b> {scale}").format(
                value=fmt_num(score), scale=esc(scale)
            )
        body += f"<br><br>{esc(text)}".replace("\n", "<br>")
        if epilogue:
            body += f"<br><br><i>{esc(epilogue)}</i>"
        bottom = h - pad - self.px(48)
        UITextBox(
            body,
            pygame.Rect(pad, pad + self.px(56), left_w, bottom - pad - self.px(56) - pad),
            m,
            object_id="#detail_text",
        )
        self.chart_rect = pygame.Rect(
            left_w + 2 * pad, pad, w - left_w - 3 * pad, int((h - 2 * pad) * 0.42)
        )
        tl_top = self.chart_rect.bottom + pad
        half = (self.chart_rect.w - pad) // 2
        UITextBox(
            timeline_html(_("Your path"), player_timeline(game, self.cid)),
            pygame.Rect(self.chart_rect.x, tl_top, half, bottom - tl_top - pad),
            m,
            object_id="#detail_text",
        )
        UITextBox(
            timeline_html(_("What happened"), historical_timeline(game, self.cid)),
            pygame.Rect(self.chart_rect.x + half + pad, tl_top, half, bottom - tl_top - pad),
            m,
            object_id="#detail_text",
        )
        self.menu_button = UIButton(
            # Centred: never where the game screen's End turn button was.
            pygame.Rect(w // 2 - self.px(110), h - pad - self.px(48), self.px(220), self.px(48)),
            _("Main menu"),
            m,
            object_id="#accent_button",
        )
        self.country_buttons: dict[str, UIButton] = {}
        self._charts = None
        x = pad
        for cid in game.state.endings:
            if len(game.state.humans) < 2 or cid not in game.state.humans:
                continue
            b = UIButton(
                pygame.Rect(x, h - pad - self.px(48), self.px(200), self.px(48)), game.name(cid), m
            )
            if cid == self.cid:
                b.select()
            self.country_buttons[cid] = b
            x += self.px(210)

    def on_event(self, event: pygame.event.Event) -> None:
        """Go back to the menu or show another player's ending."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.menu_button:
                self.to_menu()
            for cid, button in self.country_buttons.items():
                if event.ui_element is button:
                    self.cid = cid
                    self.rebuild()
        elif event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_RETURN):
            self.to_menu()

    def to_menu(self) -> None:
        """Leave the game for the main menu."""
        from game.ui.screens.menu import MainMenu

        self.app.session = None
        self.app.replace(MainMenu(self.app))

    def draw_background(self, surface: pygame.Surface) -> None:
        """Draw the sheet and the cached charts of the whole game."""
        if self._charts is None:
            self._charts = paper.sheet(self.app.size).copy()
            self._draw_charts(self._charts)
        surface.blit(self._charts, (0, 0))

    def _draw_charts(self, surface: pygame.Surface) -> None:
        """Draw the viewer's key stats and the globals over the whole game."""
        game = self.session.game
        palette = self.app.settings.palette
        r = self.chart_rect
        half = (r.w - self.px(12)) // 2
        rows = [row for _skip, row in chart_rows(game)]
        stats = game.scenario.meta.key_stats or list(game.scenario.stats)[:3]
        mine = [
            Series(
                game.scenario.stats[s].name,
                theme.series_colour(i, palette),
                [row.get(f"{self.cid}.{s}") for row in rows],
            )
            for i, s in enumerate(stats)
        ]
        labels = months_labels(game)
        draw_line_chart(
            surface, pygame.Rect(r.x, r.y, half, r.h), mine, labels, game.name(self.cid), self.scale
        )
        draw_line_chart(
            surface,
            pygame.Rect(r.x + half + self.px(12), r.y, half, r.h),
            global_series(game, view_of(game, self.cid), palette),
            labels,
            _("Across the map"),
            self.scale,
        )
