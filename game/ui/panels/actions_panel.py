"""The actions tab: actions grouped by category, details with cost and effects, targets."""

from __future__ import annotations

import html

import pygame
import pygame_gui
from pygame_gui.elements import (
    UIButton,
    UILabel,
    UIScrollingContainer,
    UISelectionList,
    UITextBox,
)

from game.engine.choices import ActionView
from game.engine.commands import TakeAction
from game.locale import N_, _, ngettext
from game.ui import keys
from game.ui.panels.base import Panel
from game.ui.rules_text import action_rules


def esc(text: str) -> str:
    """Escape text for pygame_gui's HTML subset."""
    return html.escape(text, quote=False)


def matches(view: ActionView, typed: str, heading: str = "") -> bool:
    """Return True when an action's name, category or its heading holds every typed word."""
    d = view.action.d
    words = f"{d.name} {d.category} {heading}".lower()
    return all(part in words for part in typed.lower().split())


class ActionsPanel(Panel):
    """List the viewer's actions; show one in detail and take it."""

    title = N_("Actions")

    def build(self) -> None:
        """Create the list, the detail box, the target list and the Take button."""
        self.filter: str = getattr(self, "filter", "")
        # Enter takes the chosen action only once the keyboard moved in the list.
        self.keyboard: bool = getattr(self, "keyboard", False)
        self.all_views = self.game.available_actions(self.viewer)
        heading = self.game.scenario.category_name
        self.views = [
            v for v in self.all_views if matches(v, self.filter, heading(v.action.d.category))
        ]
        self.current: str | None = getattr(self, "current", None)
        self.target: str | None = getattr(self, "target", None)
        self.buttons: dict[str, UIButton] = {}
        self.take_button: UIButton | None = None
        self.target_list: UISelectionList | None = None
        self.detail: UITextBox | None = None
        self.targets: dict[str, str] = {}
        m = self.screen.manager
        pad = self.px(8)
        line_h = self.px(24)
        self.filter_label = UILabel(
            pygame.Rect(self.rect.x + pad, self.rect.y, self.rect.w - 2 * pad, line_h),
            self._filter_text(),
            m,
            object_id="#muted",
        )
        self.widgets.append(self.filter_label)
        list_h = max(int(self.rect.h * 0.42), self.rect.h - line_h - self.px(330))
        self.list_box = UIScrollingContainer(
            pygame.Rect(self.rect.x, self.rect.y + line_h, self.rect.w, list_h),
            m,
            allow_scroll_x=False,
        )
        self.widgets.append(self.list_box)
        inner_w = self.rect.w - self.px(22)
        y = 0
        categories: list[str] = []
        for view in self.views:
            if view.action.d.category not in categories:
                categories.append(view.action.d.category)
        for category in categories:
            UILabel(
                pygame.Rect(pad, y, inner_w - pad, self.px(24)),
                heading(category),
                m,
                container=self.list_box,
                object_id="#category",
            )
            y += self.px(24)
            for view in self.views:
                d = view.action.d
                if d.category != category:
                    continue
                text = _("{name}  ·  {cost} AP").format(name=d.name, cost=d.cost)
                if d.duration:
                    text += _("  ·  {duration} turns").format(duration=d.duration)
                button = UIButton(
                    pygame.Rect(pad, y, inner_w - pad, self.px(30)),
                    text,
                    m,
                    container=self.list_box,
                    object_id="#list_button" if view.ok else "#action_unavailable",
                )
                if view.reasons:
                    button.set_tooltip(esc(view.reasons[0]))
                if d.id == self.current:
                    button.select()
                self.buttons[d.id] = button
                y += self.px(33)
        self.list_box.set_scrollable_area_dimensions((inner_w, y + pad))
        self.detail_top = self.rect.y + line_h + list_h + pad
        self._build_detail()

    def view(self) -> ActionView | None:
        """Return the chosen action's view, if one is chosen."""
        return next((v for v in self.views if v.action.d.id == self.current), None)

    def _build_detail(self) -> None:
        """Create the widgets that describe the chosen action."""
        for widget in (self.detail, self.take_button, self.target_list):
            if widget is not None:
                widget.kill()
                if widget in self.widgets:
                    self.widgets.remove(widget)
        self.detail = self.take_button = self.target_list = None
        m = self.screen.manager
        pad = self.px(8)
        x, w = self.rect.x + pad, self.rect.w - 2 * pad
        bottom = self.rect.bottom
        view = self.view()
        if view is None:
            self.detail = UITextBox(
                _("<i>Choose an action above to see what it costs and does.</i>"),
                pygame.Rect(x, self.detail_top, w, bottom - self.detail_top),
                m,
                object_id="#detail_text",
            )
            self.widgets.append(self.detail)
            return
        d = view.action.d
        ok_targets = [t for t in view.targets if t.ok]
        if d.target is not None:
            if self.target not in [t.country for t in ok_targets]:
                sel = self.screen.selected
                self.target = (
                    sel
                    if sel in [t.country for t in ok_targets]
                    else (ok_targets[0].country if ok_targets else None)
                )
        else:
            self.target = None
        button_h = self.px(40)
        list_h = self.px(26) * min(4, len(ok_targets)) + self.px(4) if ok_targets else 0
        text_h = bottom - self.detail_top - button_h - pad - (list_h + pad if list_h else 0)
        self.detail = UITextBox(
            self._detail_html(view),
            pygame.Rect(x, self.detail_top, w, text_h),
            m,
            object_id="#detail_text",
        )
        self.widgets.append(self.detail)
        y = self.detail_top + text_h + pad
        if list_h:
            self.targets = {self.game.name(t.country): t.country for t in ok_targets}
            self.target_list = UISelectionList(
                pygame.Rect(x, y, w, list_h),
                list(self.targets),
                m,
                default_selection=self.game.name(self.target) if self.target else None,
            )
            self.widgets.append(self.target_list)
            y += list_h + pad
        label = (
            _("Take action")
            if d.target is None or not self.target
            else (_("Take action: {value}").format(value=self.game.name(self.target)))
        )
        self.take_button = UIButton(
            pygame.Rect(x, y, w, button_h), label, m, object_id="#accent_button"
        )
        if not view.ok or (d.target is not None and self.target is None):
            self.take_button.disable()
        self.widgets.append(self.take_button)

    def _detail_html(self, view: ActionView) -> str:
        """Return the chosen action's description, cost, effects and blockers as markup."""
        d = view.action.d
        game = self.game
        parts = [f"<b>{esc(d.name)}</b><br>"]
        cost = ngettext("Cost: {n} action point", "Cost: {n} action points", d.cost).format(
            n=d.cost
        )
        if d.duration:
            cost += _("; runs {duration} turns").format(duration=d.duration)
        if d.once:
            cost += _("; once per game")
        parts.append(f"<i>{esc(cost)}</i><br>")
        if view.reasons:
            parts.append(_("<font color='#9b2a1c'><b>Not possible now:</b> "))
            parts.append(esc("; ".join(view.reasons)))
            parts.append("</font><br>")
        if d.description:
            parts.append(f"{esc(d.description)}<br>")
        effects = (
            game.action_effects(view.action, self.viewer, self.target)
            if self.target
            else view.effects
        )
        if effects:
            parts.append(_("<br><b>Effects</b> <i>(as things stand now)</i><br>"))
            parts += [f"• {esc(e)}<br>" for e in effects]
        worked = action_rules(game, view.action, self.viewer, self.target)
        if worked:
            parts.append(_("<font color='#6b5842'><i>Worked out from the state: "))
            parts.append(esc("; ".join(worked)))
            parts.append("</i></font><br>")
        bad = [t for t in view.targets if not t.ok]
        if bad and view.ok:
            parts.append(_("<br><font color='#6b5842'><i>Not a valid target now:</i><br>"))
            parts += [
                f"• {esc(game.name(t.country))}: {esc(t.reasons[0] if t.reasons else '')}<br>"
                for t in bad
            ]
            parts.append("</font>")
        return "".join(parts)

    def choose(self, action_id: str) -> None:
        """Show one action in detail."""
        if self.current in self.buttons:
            self.buttons[self.current].unselect()
        self.current = action_id
        if action_id in self.buttons:
            self.buttons[action_id].select()
        self._build_detail()

    def take(self) -> None:
        """Ask the engine to take the chosen action."""
        view = self.view()
        if view is None:
            return
        cmd = TakeAction(country=self.viewer, action=view.action.d.id, target=self.target)
        self.screen.apply(cmd)

    def refresh(self) -> None:
        """Rebuild the list from the engine after the state changed."""
        super().refresh()
        scroll = (
            self.list_box.vert_scroll_bar.start_percentage if self.list_box.vert_scroll_bar else 0.0
        )
        self.kill()
        self.build()
        if self.list_box.vert_scroll_bar and scroll:
            self.list_box.vert_scroll_bar.set_scroll_from_start_percentage(scroll)

    def select_country(self, cid: str | None) -> None:
        """Use a country picked on the map as the target when it is a valid one."""
        view = self.view()
        if view is None or cid is None or view.action.d.target is None:
            return
        if any(t.country == cid and t.ok for t in view.targets):
            self.target = cid
            self._build_detail()

    def _filter_text(self) -> str:
        """Return the line above the list: the filter typed, or how to use the keys."""
        if self.filter:
            shown = len(self.views)
            return _("Filter: {filter}_  ({shown} of {value}; Esc clears)").format(
                filter=self.filter, shown=shown, value=len(self.all_views)
            )
        return _("Type to filter  ·  arrows choose  ·  Enter takes")

    def set_filter(self, typed: str) -> None:
        """Show only the actions whose name or category holds the typed words."""
        self.filter = typed[:40]
        self.keyboard = True
        self.refresh()
        if self.list_box.vert_scroll_bar:
            self.list_box.vert_scroll_bar.set_scroll_from_start_percentage(0.0)
        if self.views and self.view() is None:
            self.choose(self.views[0].action.d.id)

    def on_key(self, event: pygame.event.Event) -> bool:
        """Type into the filter, move through the list, change target, take; True if used."""
        char = getattr(event, "unicode", "")
        mod = getattr(event, "mod", 0)
        if char and (char.isalpha() or (char == " " and self.filter)) and not mod & keys.CTRL:
            self.set_filter(self.filter + char)
            return True
        if event.key == pygame.K_BACKSPACE and self.filter:
            self.set_filter(self.filter[:-1])
            return True
        name = keys.command("actions", event)
        if name in ("list_up", "list_down", "target_prev", "target_next"):
            self.keyboard = True
        if name == "clear" and self.filter:
            self.set_filter("")
        elif name in ("list_up", "list_down"):
            self.step(-1 if name == "list_up" else 1)
        elif name in ("target_prev", "target_next"):
            self.step_target(-1 if name == "target_prev" else 1)
        elif name == "list_enter" and self.keyboard and self.view() is not None:
            self.take()
        else:
            return False
        return True

    def step(self, delta: int) -> None:
        """Choose the action before or after the chosen one and scroll it into sight."""
        ids = [v.action.d.id for v in self.views]
        if not ids:
            return
        index = ids.index(self.current) + delta if self.current in ids else 0
        self.choose(ids[max(0, min(len(ids) - 1, index))])
        self.show_current()

    def step_target(self, delta: int) -> None:
        """Aim the chosen action at the previous or next valid target."""
        view = self.view()
        if view is None:
            return
        ok = [t.country for t in view.targets if t.ok]
        if not ok:
            return
        index = ok.index(self.target) + delta if self.target in ok else 0
        self.target = ok[index % len(ok)]
        self._build_detail()

    def show_current(self) -> None:
        """Scroll the list so the chosen action's button is in sight."""
        button = self.buttons.get(self.current or "")
        bar = self.list_box.vert_scroll_bar
        if button is None or bar is None:
            return
        inner = self.list_box.get_container().get_rect()
        box = self.list_box.rect
        if box.top <= button.rect.top and button.rect.bottom <= box.bottom:
            return
        top = button.rect.top - inner.top - box.h / 3
        start = max(0.0, min(1.0 - bar.visible_percentage, top / max(1, inner.h)))
        bar.set_scroll_from_start_percentage(start)

    def on_event(self, event: pygame.event.Event) -> None:
        """Answer clicks on actions, targets and the Take button."""
        if event.type == pygame.MOUSEBUTTONDOWN:
            self.keyboard = False
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.take_button:
                self.take()
                return
            for aid, button in self.buttons.items():
                if event.ui_element is button:
                    self.choose(aid)
                    return
        elif (
            event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION
            and event.ui_element is self.target_list
        ):
            self.target = self.targets.get(event.text, self.target)
            self._build_detail()

    def draw(self, surface: pygame.Surface) -> None:
        """Nothing custom to draw: the widgets show everything."""
