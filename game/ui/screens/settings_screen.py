"""The settings screen: display, gameplay, the author console, and sound volumes and mute."""

from __future__ import annotations

import attrs
import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIDropDownMenu, UIHorizontalSlider, UILabel

from game.locale import N_, _, language
from game.ui import keys, layout, paper, theme
from game.ui.language import choices, native_name
from game.ui.screens.base import Screen
from game.ui.settings import PALETTES, RESOLUTIONS, UI_SCALES, Settings
from game.ui.window import safe_display

PALETTE_NAMES = {"normal": N_("Normal"), "colourblind": N_("Colour-blind safe")}
SLIDERS = [("effects_volume", N_("Sound effects")), ("music_volume", N_("Music"))]
SOUND_W = 320  # reference width of the sound column beside the other settings


def _res_text(size: tuple[int, int]) -> str:
    """Return a resolution as '1280 x 720'."""
    return f"{size[0]} x {size[1]}"


def offered_resolutions(desktop: tuple[int, int] | None) -> list[tuple[int, int]]:
    """Return the window sizes that fit on the desktop (all of them when it is unknown)."""
    if desktop is None or desktop[0] <= 0:
        return list(RESOLUTIONS)
    fit = [r for r in RESOLUTIONS if r[0] <= desktop[0] and r[1] <= desktop[1]]
    return fit or RESOLUTIONS[:1]


def offered_scales(size: tuple[int, int]) -> list[float]:
    """Return the interface scales whose layout fits a window of this size."""
    return [v for v in UI_SCALES if theme.fits(size, v)] or [min(UI_SCALES)]


def desktop_size() -> tuple[int, int] | None:
    """Return the size of the desktop the window is on, if the display says."""
    try:
        sizes = pygame.display.get_desktop_sizes()
    except pygame.error:
        return None
    return sizes[0] if sizes else None


def volume_text(label: str, value: float) -> str:
    """Return a volume slider's label: 'Music: 50 %'."""
    return f"{_(label)}: {round(value * 100)} %"


def window_text(size: tuple[int, int], fullscreen: bool) -> str:
    """Return what the window really is now: 'Now 1280 × 720, in a window'."""
    return _("Now {value} × {value2}, {value3}").format(
        value=size[0], value2=size[1], value3=_("full screen") if fullscreen else _("in a window")
    )


class SettingsScreen(Screen):
    """Change and save the player's settings, with the mouse or the keyboard."""

    opaque = False
    name = "settings"

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        self.marked = 0
        self.picks: dict[str, str] = {}
        self.levels: dict[str, float] = {}
        super().__init__(app)

    def build(self) -> None:
        """Lay out one row per setting, the real window size, and Reset, Apply and Back."""
        s = self.app.settings
        self.card = layout.centred(self.app.size, self.px(600 + SOUND_W), self.px(574))
        c = pygame.Rect(self.card.x, self.card.y, self.card.w - self.px(SOUND_W), self.card.h)
        pad = self.px(28)
        UILabel(
            pygame.Rect(c.x + pad, c.y + pad, self.px(200), self.px(36)),
            _("Settings"),
            self.manager,
            object_id="#heading",
        )
        self.size_label = UILabel(
            pygame.Rect(
                c.x + pad + self.px(200), c.y + pad, c.w - 2 * pad - self.px(200), self.px(36)
            ),
            window_text(self.app.size, s.fullscreen),
            self.manager,
            object_id="#muted",
        )
        resolutions = [_res_text(r) for r in offered_resolutions(desktop_size())]
        if _res_text(self.app.size) not in resolutions:
            resolutions.insert(0, _res_text(self.app.size))
        scales = offered_scales(self.app.size)
        rows: list[tuple[str, str, list[str], str]] = [
            ("resolution", _("Window size"), resolutions, _res_text(self.app.size)),
            (
                "fullscreen",
                _("Fullscreen"),
                [_("Off"), _("On")],
                _("On") if s.fullscreen else _("Off"),
            ),
            (
                "ui_scale",
                _("Interface scale"),
                [f"{int(v * 100)} %" for v in scales],
                f"{int(min(s.ui_scale, max(scales)) * 100)} %",
            ),
            (
                "palette",
                _("Map colours"),
                [_(PALETTE_NAMES[p]) for p in PALETTES],
                _(PALETTE_NAMES.get(s.palette, "Normal")),
            ),
            (
                "autosave",
                _("Autosave each turn"),
                [_("Off"), _("On")],
                _("On") if s.autosave else _("Off"),
            ),
            (
                "confirm_end_turn",
                _("Ask before ending a turn"),
                [_("Off"), _("On")],
                _("On") if s.confirm_end_turn else _("Off"),
            ),
            (
                "console",
                _("Author console (F12)"),
                [_("Off"), _("On")],
                _("On") if s.console else _("Off"),
            ),
            ("language", _("Language"), [n for _c, n in choices()], native_name(language())),
            ("mute", _("Mute"), [_("Off"), _("On")], _("On") if s.mute else _("Off")),
        ]
        self.menus: dict[str, UIDropDownMenu] = {}
        self.options: dict[str, list[str]] = {}
        self.row_of: dict[str, pygame.Rect] = {}
        top = c.y + pad + self.px(56)
        label_w = self.px(220)
        for i, (key, label, options, current) in enumerate(rows):
            y = top + i * self.px(52)
            if key == "mute":
                y = self._sound_column(top)
            current = self.picks.get(key, current)
            x, row_w, lw = (c.x, c.w, label_w) if key != "mute" else self._sound_x()
            self.row_of[key] = pygame.Rect(x + pad - 6, y - 4, row_w - 2 * pad + 12, self.px(46))
            UILabel(pygame.Rect(x + pad, y, lw, self.px(38)), label, self.manager)
            if current not in options:
                options = [current, *options]
            self.options[key] = options
            self.menus[key] = UIDropDownMenu(
                list[str | tuple[str, str]](options),
                current,
                pygame.Rect(x + pad + lw, y, row_w - 2 * pad - lw, self.px(38)),
                self.manager,
            )
        by = c.bottom - pad - self.px(44)
        self.reset_button = UIButton(
            pygame.Rect(c.x + pad, by, self.px(200), self.px(44)),
            _("Reset display (R)"),
            self.manager,
            tool_tip_text=_("A window of the default size at 100 % scale, fullscreen off"),
        )
        c = self.card
        self.apply_button = UIButton(
            pygame.Rect(c.right - pad - self.px(320), by, self.px(150), self.px(44)),
            _("Apply"),
            self.manager,
            object_id="#accent_button",
        )
        self.back_button = UIButton(
            pygame.Rect(c.right - pad - self.px(150), by, self.px(150), self.px(44)),
            _("Back"),
            self.manager,
        )

    def _sound_x(self) -> tuple[int, int, int]:
        """Return the sound column's left edge, width and label width."""
        width = self.px(SOUND_W)
        return (self.card.right - width, width, self.px(110))

    def _sound_column(self, top: int) -> int:
        """Lay out the sound heading and one slider per volume; return the mute row's top."""
        x, width, _skip = self._sound_x()
        pad = self.px(28)
        UILabel(
            pygame.Rect(x + pad, top, width - 2 * pad, self.px(30)),
            _("Sound"),
            self.manager,
            object_id="#category",
        )
        self.sliders: dict[str, UIHorizontalSlider] = {}
        self.slider_labels: dict[str, UILabel] = {}
        y = top + self.px(40)
        for key, label in SLIDERS:
            value = self.levels.get(key, getattr(self.app.settings, key))
            self.slider_labels[key] = UILabel(
                pygame.Rect(x + pad, y, width - 2 * pad, self.px(26)),
                volume_text(label, value),
                self.manager,
            )
            rect = pygame.Rect(x + pad, y + self.px(28), width - 2 * pad, self.px(30))
            self.row_of[key] = pygame.Rect(x + pad - 6, y - 4, width - 2 * pad + 12, self.px(68))
            self.sliders[key] = UIHorizontalSlider(rect, round(value * 100), (0, 100), self.manager)
            y += self.px(78)
        return y

    def volumes(self) -> dict[str, float]:
        """Return what the sliders show, as volumes from 0 to 1."""
        return {k: round(float(s.get_current_value())) / 100 for k, s in self.sliders.items()}

    def chosen(self) -> Settings:
        """Return the settings the menus now show."""
        sel: dict[str, str] = {}
        for key, menu in self.menus.items():
            value = menu.selected_option
            sel[key] = str(value[0] if isinstance(value, tuple) else value)
        w, h = (int(p) for p in str(sel["resolution"]).split(" x "))
        palette = next((p for p, n in PALETTE_NAMES.items() if _(n) == sel["palette"]), "normal")
        return attrs.evolve(
            self.app.settings,
            width=w,
            height=h,
            fullscreen=sel["fullscreen"] == _("On"),
            ui_scale=int(str(sel["ui_scale"]).split()[0]) / 100,
            palette=palette,
            autosave=sel["autosave"] == _("On"),
            console=sel["console"] == _("On"),
            confirm_end_turn=sel["confirm_end_turn"] == _("On"),
            mute=sel["mute"] == _("On"),
            effects_volume=self.volumes()["effects_volume"],
            music_volume=self.volumes()["music_volume"],
            language=next((c for c, n in choices() if n == sel["language"]), language()),
        )

    def reset_display(self) -> None:
        """Put the display back to a plain window of the default size, and save that."""
        self.picks = {}
        self.app.apply_settings(safe_display(self.app.settings))

    def keys(self) -> list[str]:
        """Return the settings in keyboard order: the menus, then the sliders."""
        menus = [k for k in self.menus if k != "mute"]
        return [*menus, *self.sliders, "mute"]

    def move(self, step: int) -> None:
        """Mark the setting above or below."""
        self.marked = (self.marked + step) % len(self.keys())

    def change(self, step: int) -> None:
        """Show the marked setting's previous or next choice (Apply takes it)."""
        key = self.keys()[self.marked]
        if key in self.sliders:
            level = self.volumes()[key]
            self.levels = {**self.volumes(), key: min(1.0, max(0.0, round(level + step / 10, 2)))}
            self.sliders[key].set_current_value(round(self.levels[key] * 100))
            return
        options = self.options[key]
        value = self.menus[key].selected_option
        current = str(value[0] if isinstance(value, tuple) else value)
        index = options.index(current) if current in options else 0
        self.picks = {**self.current_picks(), key: options[(index + step) % len(options)]}
        self.levels = self.volumes()
        self.rebuild()

    def current_picks(self) -> dict[str, str]:
        """Return what every menu shows now."""
        out = {}
        for key, menu in self.menus.items():
            value = menu.selected_option
            out[key] = str(value[0] if isinstance(value, tuple) else value)
        return out

    def apply(self) -> None:
        """Take the chosen settings."""
        chosen = self.chosen()
        self.picks, self.levels = {}, {}
        self.app.apply_settings(chosen)

    def on_event(self, event: pygame.event.Event) -> None:
        """Apply, reset, go back; arrows move and change, Enter applies, Esc goes back."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.apply_button:
                self.apply()
            elif event.ui_element is self.back_button:
                self.app.pop(self)
            elif event.ui_element is self.reset_button:
                self.reset_display()
        actions = {
            "up": lambda: self.move(-1),
            "down": lambda: self.move(1),
            "prev": lambda: self.change(-1),
            "next": lambda: self.change(1),
            "apply": self.apply,
            "reset": self.reset_display,
            "back": lambda: self.app.pop(self),
        }
        name = keys.command("settings", event)
        if name in actions:
            actions[name]()

    def update(self, dt: float) -> None:
        """Keep each volume's label in step with its slider."""
        super().update(dt)
        names = dict(SLIDERS)
        for key, value in self.volumes().items():
            text = volume_text(names[key], value)
            if self.slider_labels[key].text != text:
                self.slider_labels[key].set_text(text)

    def draw_background(self, surface: pygame.Surface) -> None:
        """Dim what lies under, then draw the card."""
        surface.blit(paper.veil(self.app.size), (0, 0))
        paper.card(surface, self.card, self.scale)
        order = self.keys()
        if 0 <= self.marked < len(order):
            rect = self.row_of[order[self.marked]]
            pygame.draw.rect(surface, theme.ACCENT, rect, 2, border_radius=4)
