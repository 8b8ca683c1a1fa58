"""The game screen: top bar, map, side panel with tabs, news log and the End turn button."""

from __future__ import annotations

import pygame
from pygame_gui.elements import UIButton, UILabel

from game.engine.commands import Command
from game.engine.eligibility import CLOSING
from game.engine.saves import SaveError
from game.engine.view import CountryView, view_of
from game.locale import _
from game.ui import keys, map_style, saves
from game.ui.cues import LogCues
from game.ui.legend import legend_for, render_legend
from game.ui.map_view import MapView
from game.ui.news_log import NewsLog
from game.ui.panels.actions_panel import ActionsPanel
from game.ui.panels.base import Panel
from game.ui.panels.country_panel import CountryPanel
from game.ui.panels.diplomacy_panel import DiplomacyPanel
from game.ui.panels.ledger_panel import LedgerPanel
from game.ui.paths_panel import PathsPanel
from game.ui.screens import game_drawing, game_input, game_paths, game_reload, game_summary
from game.ui.screens.base import Screen
from game.ui.session import Session
from game.ui.summary_panel import SummaryPanel
from game.ui.top_bar import TopBar

TABS: list[tuple[str, type[Panel]]] = [
    ("country", CountryPanel),
    ("actions", ActionsPanel),
    ("diplomacy", DiplomacyPanel),
    ("ledger", LedgerPanel),
]


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
        self.status_text = _(CLOSING) if game.state.closing else ""
        self.last_turn = (game.state.turn, game.state.over, game.state.closing)
        self._bar: pygame.Surface | None = None
        self.bar: TopBar | None = None
        self.view: CountryView = view_of(game, session.viewer)
        self.chart_picks: list[str] = []
        self._tip: tuple[str | None, pygame.Surface | None] = (None, None)
        self.legend: pygame.Surface | None = None
        self.cues = LogCues()
        self.summary: SummaryPanel | None = None
        self.summary_turn: int | None = None
        self.summaries_seen: set[tuple[str, int]] = game_summary.seen_before(session)
        self.paths: PathsPanel | None = None
        super().__init__(app)

    # --- layout -----------------------------------------------------------------------------

    def legend_rect(self) -> pygame.Rect:
        """Return where the map's legend card sits: the map's lower right corner."""
        pad = self.px(8)
        assert self.legend is not None
        rect = self.legend.get_rect()
        rect.bottomright = (self.map.rect.right - pad, self.map.rect.bottom - pad)
        return rect

    def build(self) -> None:
        """Lay out the bar, map, side panel, tabs, news log and buttons for the window size."""
        self.app.sound.music("game")
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
            _("Menu"),
            m,
        )
        self.mode_button = UIButton(
            pygame.Rect(
                self.map.rect.x + pad,
                self.map.rect.bottom - self.px(34) - pad,
                self.px(190),
                self.px(34),
            ),
            _("Map: {value}").format(value=map_style.mode_title(self.session.game, self.mode)),
            m,
            tool_tip_text=_("Change the map mode (M)"),
        )
        self.paths_button = UIButton(
            pygame.Rect(
                self.mode_button.rect.right + pad,
                self.mode_button.rect.y,
                self.px(96),
                self.px(34),
            ),
            _("Paths"),
            m,
            tool_tip_text=_("The endings you can reach and what each needs (G)"),
        )
        self.log = NewsLog(m, pygame.Rect(0, self.map.rect.bottom, w - side_w, log_h))
        tab_w = (side_w - 2 * pad) // len(TABS)
        self.tab_buttons: dict[str, UIButton] = {}
        for i, (key, cls) in enumerate(TABS):
            rect = pygame.Rect(
                self.side_rect.x + pad + i * tab_w, bar_h + pad, tab_w - 2, self.px(34)
            )
            tip = _("{value} or {value2}").format(
                value=i + 1, value2=pygame.key.name(keys.TAB_FKEYS[i]).upper()
            )
            self.tab_buttons[key] = UIButton(
                rect, _(cls.title), m, object_id="#tab_button", tool_tip_text=tip
            )
        end_h = self.px(48)
        self.end_button = UIButton(
            pygame.Rect(self.side_rect.x + pad, h - end_h - pad, side_w - 2 * pad, end_h),
            _("End turn"),
            m,
            object_id="#accent_button",
            tool_tip_text=_("Enter"),
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
        game_summary.restore(self)
        game_paths.restore(self, was_open=self.paths is not None)

    def window_area(self) -> pygame.Rect:
        """Return where windows over the map go: the map above its buttons."""
        top = self.map.rect.y
        return pygame.Rect(self.map.rect.x, top, self.map.rect.w, self.mode_button.rect.y - top)

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
        """Show a short message above the End turn button (only when it changes).

        After the last turn, while its proposals wait, no message means: say what is left.
        """
        if not text and self.session.game.state.closing:
            text = _(CLOSING)
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
                    _("End the turn?"),
                    _("{ap} AP unused — end the turn?").format(ap=ap),
                    _("End turn"),
                    self.force_end_turn,
                    extra=(_("Don't ask again"), self.stop_asking),
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
        for cue in self.cues.hear(self.view):
            self.app.sound.play(cue)
        if self.panel is not None:
            self.panel.refresh()
        game_paths.follow(self, changed=True)
        if (game.state.turn, game.state.over, game.state.closing) != self.last_turn:
            self.last_turn = (game.state.turn, game.state.over, game.state.closing)
            self.set_status("")
            self.autosave()
        game_summary.offer(self)
        ap = game.state.ap.get(s.viewer, 0)
        self.end_button.set_text(
            _("End turn") if ap == 0 else _("End turn ({ap} AP left)").format(ap=ap)
        )

    def autosave(self) -> None:
        """Save the game after each turn and at its end, when the player wants autosaves."""
        if not self.app.settings.autosave:
            return
        try:
            saves.autosave(self.session.game, self.session.campaign)
            self.session.mark_saved()
        except SaveError as exc:
            self.set_status(_("Autosave failed: {exc}").format(exc=exc))

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
        game_summary.follow(self)
        game_paths.follow(self, changed=False)
        super().update(dt)

    # --- input ------------------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> None:
        """Let widgets take the event first; the map gets what they leave."""
        game_input.handle_event(self, event)

    def on_event(self, event: pygame.event.Event) -> None:
        """Answer buttons, map input and keys."""
        game_input.on_event(self, event)

    def next_mode(self) -> None:
        """Cycle the map mode."""
        modes = map_style.available_modes(self.session.game)
        self.mode = (
            modes[(modes.index(self.mode) + 1) % len(modes)] if self.mode in modes else modes[0]
        )
        self.mode_button.set_text(
            _("Map: {value}").format(value=map_style.mode_title(self.session.game, self.mode))
        )

    def open_pause(self) -> None:
        """Open the pause menu."""
        from game.ui.screens.pause import PauseMenu

        self.app.push(PauseMenu(self.app, self.session))

    def quick_save(self) -> None:
        """Save to the quick-save slot."""
        try:
            self.session.save(saves.folder().slot(saves.QUICK_SAVE), saves.QUICK_SAVE)
            self.set_status(_("Game saved."))
        except SaveError as exc:
            self.set_status(_("Save failed: {exc}").format(exc=exc))

    def reload(self) -> None:
        """Re-read the scenario files and replay the game on them (F5); list errors if broken."""
        game_reload.reload(self)

    # --- drawing ----------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """Draw bar, map, side panel backdrop, widgets, the panel's drawing and the tooltip."""
        game_drawing.draw(self, surface)
