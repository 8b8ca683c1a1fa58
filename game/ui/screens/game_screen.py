"""The game screen: top bar, map, side panel with tabs, news log and the End turn button."""

from __future__ import annotations

from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel

from game.engine.commands import Command
from game.engine.game import Game
from game.engine.saves import SaveError
from game.engine.view import CountryView, view_of
from game.ui import keys, map_style, paper, saves, theme
from game.ui.legend import legend_for, mode_value, render_legend
from game.ui.map_view import MapView
from game.ui.news_log import NewsLog
from game.ui.panels.actions_panel import ActionsPanel
from game.ui.panels.base import Panel
from game.ui.panels.country_panel import CountryPanel
from game.ui.panels.diplomacy_panel import DiplomacyPanel
from game.ui.panels.ledger_panel import LedgerPanel
from game.ui.screens import game_commands
from game.ui.screens.base import Screen
from game.ui.session import Session
from game.ui.tooltip import country_tooltip, text_card
from game.ui.top_bar import TopBar

TABS: list[tuple[str, type[Panel]]] = [
    ("country", CountryPanel),
    ("actions", ActionsPanel),
    ("diplomacy", DiplomacyPanel),
    ("ledger", LedgerPanel),
]
DRAG_SLOP = 4


def reload_notice(changed: bool, diverged_at: int | None) -> str:
    """Return the toast after a hot reload."""
    if not changed:
        return "Scenario reloaded: no file had changed."
    if diverged_at is None:
        return "Scenario reloaded: the game replayed exactly."
    return f"Scenario reloaded: the game differs from turn {diverged_at} on."


class GameScreen(Screen):
    """Play a turn: look at the map, pick actions, answer events, end the turn."""

    name = "game"

    def __init__(self, app, session: Session) -> None:  # type: ignore[no-untyped-def]
        self.session = session
        game = session.game
        self.map = MapView(
            game.scenario.map, list(game.scenario.regions.values()), pygame.Rect(0, 0, 640, 480)
        )
        self.selected: str | None = None
        self.hovered: str | None = None
        self.hover_region: str | None = None
        self.mode = "political"
        self.tab = "country"
        self.panel: Panel | None = None
        self.drag_from: tuple[int, int] | None = None
        self.mouse: tuple[int, int] = (0, 0)
        self.dragged = False
        self.version: tuple[object, ...] = ()
        self.status_text = ""
        self.last_turn = (game.state.turn, game.state.over)
        self._bar: pygame.Surface | None = None
        self.bar: TopBar | None = None
        self.view: CountryView = view_of(game, session.viewer)
        self.chart_picks: list[str] = []
        self._tip: tuple[str | None, pygame.Surface | None] = (None, None)
        self.legend: pygame.Surface | None = None
        super().__init__(app)

    # --- layout -----------------------------------------------------------------------------

    def build(self) -> None:
        """Lay out the bar, map, side panel, tabs, news log and buttons for the window size."""
        w, h = self.app.size
        m = self.manager
        bar_h = self.px(56)
        side_w = max(self.px(380), min(w // 3, self.px(460)))
        log_h = max(self.px(132), (h - bar_h) // 5)
        pad = self.px(8)
        self.bar_rect = pygame.Rect(0, 0, w, bar_h)
        self.side_rect = pygame.Rect(w - side_w, bar_h, side_w, h - bar_h)
        self.map.scale = self.scale
        self.map.set_rect(pygame.Rect(0, bar_h, w - side_w, h - bar_h - log_h))
        self.menu_button = UIButton(
            pygame.Rect(
                w - self.px(108), (bar_h - self.px(36)) // 2 - self.px(2), self.px(96), self.px(36)
            ),
            "Menu",
            m,
        )
        self.mode_button = UIButton(
            pygame.Rect(
                self.map.rect.x + pad,
                self.map.rect.bottom - self.px(34) - pad,
                self.px(190),
                self.px(34),
            ),
            f"Map: {map_style.mode_title(self.session.game, self.mode)}",
            m,
            tool_tip_text="Change the map mode (M)",
        )
        self.log = NewsLog(m, pygame.Rect(0, self.map.rect.bottom, w - side_w, log_h))
        tab_w = (side_w - 2 * pad) // len(TABS)
        self.tab_buttons: dict[str, UIButton] = {}
        for i, (key, cls) in enumerate(TABS):
            rect = pygame.Rect(
                self.side_rect.x + pad + i * tab_w, bar_h + pad, tab_w - 2, self.px(34)
            )
            tip = f"{i + 1} or {pygame.key.name(keys.TAB_FKEYS[i]).upper()}"
            self.tab_buttons[key] = UIButton(
                rect, cls.title, m, object_id="#tab_button", tool_tip_text=tip
            )
        end_h = self.px(48)
        self.end_button = UIButton(
            pygame.Rect(self.side_rect.x + pad, h - end_h - pad, side_w - 2 * pad, end_h),
            "End turn",
            m,
            object_id="#accent_button",
            tool_tip_text="Enter",
        )
        self.status = UILabel(
            pygame.Rect(
                self.side_rect.x + pad, h - end_h - pad - self.px(26), side_w - 2 * pad, self.px(24)
            ),
            self.status_text,
            m,
            object_id="#muted",
        )
        top = bar_h + pad + self.px(34) + pad
        self.panel_rect = pygame.Rect(
            self.side_rect.x + pad, top, side_w - 2 * pad, self.status.rect.top - top - pad
        )
        self.panel = None
        self._bar = None
        self.version = ()
        self.open_tab(self.tab)

    def open_tab(self, key: str) -> None:
        """Show one tab of the side panel."""
        if self.panel is not None:
            self.panel.kill()
        self.tab = key
        cls = dict(TABS)[key]
        self.panel = cls(self, self.panel_rect)
        for k, button in self.tab_buttons.items():
            if k == key:
                button.select()
            else:
                button.unselect()

    # --- state ------------------------------------------------------------------------------

    def apply(self, cmd: Command) -> None:
        """Apply a command through the session and show the engine's refusal if any."""
        error = self.session.apply(cmd)
        self.set_status(error or "")

    def set_status(self, text: str) -> None:
        """Show a short message above the End turn button (only when it changes)."""
        if text != self.status_text:
            self.status_text = text
            self.status.set_text(text)

    def end_turn(self) -> None:
        """End the viewer's turn; with action points still usable, ask once first."""
        s = self.session
        ap = s.game.state.ap.get(s.viewer, 0)
        usable = ap > 0 and any(v.ok for v in s.game.available_actions(s.viewer))
        if usable and self.app.settings.confirm_end_turn and not s.game.state.over:
            from game.ui.screens.dialogs import ConfirmDialog

            self.app.push(
                ConfirmDialog(
                    self.app,
                    "End the turn?",
                    f"{ap} AP unused — end the turn?",
                    "End turn",
                    self.force_end_turn,
                    extra=("Don't ask again", self.stop_asking),
                )
            )
            return
        self.force_end_turn()

    def force_end_turn(self) -> None:
        """End the viewer's turn without asking."""
        error = self.session.end_turn()
        self.set_status(error or "")

    def stop_asking(self) -> None:
        """End the turn and never again ask about unused action points."""
        import attrs

        self.app.apply_settings(attrs.evolve(self.app.settings, confirm_end_turn=False))
        self.force_end_turn()

    def select(self, cid: str | None) -> None:
        """Select a country (from the map or a list)."""
        if cid == self.selected:
            return
        self.selected = cid
        self.map.selected = cid
        if isinstance(self.panel, ActionsPanel):
            self.panel.select_country(cid)
        elif self.panel is not None:
            self.panel.refresh()
        if cid is not None and self.tab == "ledger":
            if cid not in self.chart_picks:
                self.chart_picks = [*self.chart_picks, cid][-4:]
            if self.panel is not None:
                self.panel.refresh()
        elif cid is not None and self.tab not in ("country", "actions", "diplomacy"):
            self.open_tab("country")

    def sync(self) -> None:
        """Refresh everything that shows state when the state or viewer changed."""
        s = self.session
        game = s.game
        version = (
            len(game.commands),
            game.state.turn,
            s.viewer,
            self.mode,
            self.app.settings.palette,
        )
        if version == self.version:
            return
        self.version = version
        self.view = view_of(game, s.viewer)
        palette = self.app.settings.palette
        map_style.apply_style(self.map, game, s.viewer, self.mode, palette)
        self.legend = render_legend(legend_for(self.view, self.mode, palette), self.scale)
        self._bar = None
        self._tip = (None, None)
        self.log.sync(self.view)
        if self.panel is not None:
            self.panel.refresh()
        if (game.state.turn, game.state.over) != self.last_turn:
            self.last_turn = (game.state.turn, game.state.over)
            self.set_status("")
            self.autosave()
        ap = game.state.ap.get(s.viewer, 0)
        self.end_button.set_text("End turn" if ap == 0 else f"End turn ({ap} AP left)")

    def autosave(self) -> None:
        """Save the game after each turn and at its end, when the player wants autosaves."""
        if not self.app.settings.autosave:
            return
        try:
            saves.autosave(self.session.game, self.session.campaign)
            self.session.mark_saved()
        except SaveError as exc:
            self.set_status(f"Autosave failed: {exc}")

    def update(self, dt: float) -> None:
        """Follow the game: endings, hand-overs, waiting events; then refresh what changed."""
        s = self.session
        game = s.game
        if self.app.screen is self:
            if game.state.over:
                from game.ui.screens.ending import EndingScreen

                self.sync()
                self.app.push(EndingScreen(self.app, s))
                return
            seat = s.seat()
            if seat is not None and seat != s.viewer:
                s.viewer = seat
                self.selected = self.map.selected = None
                if s.hot_seat:
                    from game.ui.screens.handover import HandoverScreen

                    self.sync()
                    self.app.push(HandoverScreen(self.app, s))
                    return
            pending = game.state.pending.get(s.viewer, [])
            if pending:
                from game.ui.screens.event_dialog import EventDialog

                self.sync()
                self.app.push(EventDialog(self.app, s, pending[0]))
            elif game.incoming(s.viewer):
                from game.ui.screens.proposal_dialog import ProposalDialog

                self.sync()
                self.app.push(ProposalDialog(self.app, s, game.incoming(s.viewer)[0]))
        self.sync()
        super().update(dt)

    # --- input ------------------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> None:
        """Let widgets take the event first; the map gets what they leave."""
        consumed = self.manager.process_events(event)
        if self.panel is not None:
            self.panel.on_event(event)
        if not consumed:
            self.on_event(event)

    def on_event(self, event: pygame.event.Event) -> None:
        """Answer buttons, map input and keys."""
        if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            self.mouse = event.pos
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            self._on_button(event.ui_element)
        elif event.type == pygame_gui.UI_TEXT_BOX_LINK_CLICKED:
            self._on_link(str(event.link_target))
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self.map.rect.collidepoint(event.pos) and not self._over_widget():
                self.drag_from, self.dragged = event.pos, False
        elif event.type == pygame.MOUSEMOTION:
            self._on_motion(event)
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            if self.drag_from is not None and not self.dragged:
                region = self.map.region_at(event.pos)
                self.select(self.map.group_of(region))
            self.drag_from = None
        elif event.type == pygame.MOUSEWHEEL:
            pos = self.mouse
            if self.map.rect.collidepoint(pos) and not self._over_widget():
                self.map.zoom_at(1.2**event.y, pos)
        elif event.type == pygame.KEYDOWN:
            game_commands.on_key(self, event)

    def _over_widget(self) -> bool:
        """Return True when the mouse is over any widget."""
        return bool(self.manager.get_hovering_any_element())

    def _on_button(self, element: object) -> None:
        """Act on one of the screen's own buttons."""
        if element is self.end_button:
            self.end_turn()
        elif element is self.menu_button:
            self.open_pause()
        elif element is self.mode_button:
            self.next_mode()
        for key, button in self.tab_buttons.items():
            if element is button:
                self.open_tab(key)

    def _on_link(self, target: str) -> None:
        """Reread an event from the news log."""
        if not target.startswith("event:"):
            return
        index = int(target.split(":")[1])
        log = self.session.game.state.log
        if 0 <= index < len(log):
            from game.ui.screens.event_dialog import EventDialog

            entry = log[index]
            self.app.push(EventDialog(self.app, self.session, entry.id, reread=entry))

    def _on_motion(self, event: pygame.event.Event) -> None:
        """Pan while dragging; otherwise update the hovered country."""
        self.mouse = event.pos
        if self.drag_from is not None:
            dx, dy = event.pos[0] - self.drag_from[0], event.pos[1] - self.drag_from[1]
            if self.dragged or abs(dx) + abs(dy) > DRAG_SLOP:
                self.dragged = True
                self.map.pan(dx, dy)
                self.drag_from = event.pos
            return
        region = None if self._over_widget() else self.map.region_at(event.pos)
        self.hover_region = region
        group = self.map.group_of(region)
        if group != self.hovered:
            self.hovered = group
            self.map.hover = group

    def next_mode(self) -> None:
        """Cycle the map mode."""
        modes = map_style.available_modes(self.session.game)
        self.mode = (
            modes[(modes.index(self.mode) + 1) % len(modes)] if self.mode in modes else modes[0]
        )
        self.mode_button.set_text(f"Map: {map_style.mode_title(self.session.game, self.mode)}")

    def open_pause(self) -> None:
        """Open the pause menu."""
        from game.ui.screens.pause import PauseMenu

        self.app.push(PauseMenu(self.app, self.session))

    def quick_save(self) -> None:
        """Save to the quick-save slot."""
        try:
            self.session.save(saves.folder().slot(saves.QUICK_SAVE), saves.QUICK_SAVE)
            self.set_status("Game saved.")
        except SaveError as exc:
            self.set_status(f"Save failed: {exc}")

    def reload(self) -> None:
        """Re-read the scenario files and replay the game on them (F5); list errors if broken."""
        from game.engine.reload import reload_game
        from game.scenario.errors import ScenarioError
        from game.ui.screens.reload_errors import ReloadErrors

        try:
            loaded = reload_game(self.session.game)
        except ScenarioError as exc:
            root = Path(self.session.scenario.path).resolve()
            self.app.push(ReloadErrors(self.app, exc.problems, root))
            return
        except SaveError as exc:
            self.app.toast(f"Reload failed: {exc}")
            return
        changed = loaded.game.scenario.content_hash != self.session.scenario.content_hash
        self.take_game(loaded.game)
        self.app.toast(reload_notice(changed, loaded.diverged_at))

    def take_game(self, game: Game) -> None:
        """Carry on with a reloaded game, keeping the view, the tab and the selection."""
        old = self.map
        self.session.swap(game)
        sc = game.scenario
        self.map = MapView(sc.map, list(sc.regions.values()), old.rect)
        ratio = old.zoom / old.min_zoom if old.min_zoom else 1.0
        self.map.zoom = self.map.min_zoom * ratio
        self.map.centre = old.centre
        self.map.set_rect(old.rect)
        if self.selected not in sc.countries:
            self.selected = None
        self.map.selected = self.selected
        if self.mode not in map_style.available_modes(game):
            self.mode = "political"
        self.last_turn = (game.state.turn, game.state.over)
        self.rebuild()

    # --- drawing ----------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """Draw bar, map, side panel backdrop, widgets, the panel's drawing and the tooltip."""
        if self._bar is None:
            self.bar = TopBar(self.session.game, self.view, self.bar_rect.size, self.scale)
            self._bar = self.bar.render(self.app.size[0] - self.menu_button.rect.left)
        surface.blit(self._bar, (0, 0))
        self.map.draw(surface)
        if self.legend is not None:
            pad = self.px(8)
            at = self.map.rect.right - self.legend.get_width() - pad
            surface.blit(self.legend, (at, self.map.rect.bottom - self.legend.get_height() - pad))
        surface.blit(paper.sheet(self.side_rect.size), self.side_rect.topleft)
        pygame.draw.line(
            surface,
            theme.INK,
            self.side_rect.topleft,
            self.side_rect.bottomleft,
            max(1, round(self.scale)),
        )
        if self.panel is not None:
            self.panel.draw(surface)
        self.manager.draw_ui(surface)
        self._draw_tooltip(surface)

    def _draw_tooltip(self, surface: pygame.Surface) -> None:
        """Draw the hovered top-bar item's, panel number's or region's card by the mouse."""
        if self.bar is not None and self.bar_rect.collidepoint(self.mouse):
            tip_text = self.bar.tip_at(self.mouse)
            if tip_text:
                card = text_card(tip_text, self.scale, self.px(360))
                x = min(self.mouse[0], self.app.size[0] - card.get_width() - 2)
                surface.blit(card, (x, self.bar_rect.bottom + 2))
            return
        if self.panel is not None and self.panel_rect.collidepoint(self.mouse):
            tip_text = self.panel.tip_at(self.mouse)
            if tip_text:
                card = text_card(tip_text, self.scale, self.px(340))
                x = max(2, self.panel_rect.x - card.get_width() - self.px(6))
                y = min(self.mouse[1] + self.px(12), self.app.size[1] - card.get_height() - 2)
                surface.blit(card, (x, y))
            return
        if self.hovered is None or self.drag_from is not None:
            return
        key = f"{self.hovered}:{self.hover_region}"
        if self._tip[0] != key:
            self._tip = (
                key,
                country_tooltip(
                    self.view,
                    self.hovered,
                    self.hover_region,
                    self.scale,
                    mode_value(self.view, self.mode, self.hovered),
                ),
            )
        tip = self._tip[1]
        if tip is None:
            return
        x, y = self.mouse
        x = min(x + self.px(16), self.map.rect.right - tip.get_width() - 2)
        y = min(y + self.px(16), self.map.rect.bottom - tip.get_height() - 2)
        surface.blit(tip, (x, y))
