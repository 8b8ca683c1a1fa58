"""The paper-and-ink look: pygame_gui theme scaled to the window, fonts and palettes."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import pygame

from game.paths import assets_dir

PAPER = pygame.Color("#efe6d2")
PAPER_DARK = pygame.Color("#e2d6ba")
PANEL = pygame.Color("#e8dec6")
INK = pygame.Color("#2b2118")
INK_MUTED = pygame.Color("#6b5842")
INK_FAINT = pygame.Color("#a8957a")
ACCENT = pygame.Color("#8b2e1f")
GOOD = pygame.Color("#2f6b3a")
BAD = pygame.Color("#9b2a1c")

FONT_FILES = {
    "sans": "DejaVuSansCondensed.ttf",
    "sans_bold": "DejaVuSansCondensed-Bold.ttf",
    "sans_italic": "DejaVuSansCondensed-Oblique.ttf",
    "serif": "DejaVuSerif.ttf",
    "serif_bold": "DejaVuSerif-Bold.ttf",
    "serif_italic": "DejaVuSerif-Italic.ttf",
}

# Okabe-Ito colours, safe for the common forms of colour blindness.
COLOURBLIND_SET = [
    "#e69f00",
    "#56b4e9",
    "#009e73",
    "#f0e442",
    "#0072b2",
    "#d55e00",
    "#cc79a7",
    "#999999",
]


WIDGETS_WITH_TEXT = [
    "button",
    "label",
    "text_box",
    "drop_down_menu",
    "selection_list",
    "text_entry_line",
    "tool_tip",
]


# The smallest window, in reference pixels, that every screen is laid out for.
LAYOUT_MIN = (1024, 576)


def ui_scale(size: tuple[int, int], user_scale: float) -> float:
    """Return the effective UI scale: the user's choice times a factor for big windows.

    It never grows beyond what lets the layout fit the window.
    """
    auto = max(1.0, min(size[0] / 1280, size[1] / 720, 3.0))
    wanted = round(user_scale * auto * 8) / 8
    return min(wanted, max_scale(size))


def max_scale(size: tuple[int, int]) -> float:
    """Return the largest effective scale at which the layout fits a window (in 1/8 steps)."""
    fit = min(size[0] / LAYOUT_MIN[0], size[1] / LAYOUT_MIN[1])
    return max(0.5, int(fit * 8) / 8)


def fits(size: tuple[int, int], user_scale: float) -> bool:
    """Return whether a user scale can be honoured in a window of this size."""
    auto = max(1.0, min(size[0] / 1280, size[1] / 720, 3.0))
    return round(user_scale * auto * 8) / 8 <= max_scale(size)


def theme_path() -> Path:
    """Return the theme JSON shipped in assets."""
    return assets_dir() / "theme.json"


@cache
def _base_theme() -> dict[str, Any]:
    """Read the theme JSON once."""
    with theme_path().open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _scale_value(text: str, scale: float) -> str:
    """Scale a numeric or comma-separated theme value."""
    parts = [str(max(1, round(int(p) * scale))) if int(p) > 0 else "0" for p in text.split(",")]
    return ",".join(parts)


def build_theme(scale: float) -> dict[str, Any]:
    """Return the theme dict with font sizes and sizes scaled and font paths made absolute."""
    theme = copy.deepcopy(_base_theme())
    fonts = assets_dir()
    default_font = theme.get("defaults", {}).get("font")
    if default_font:
        for element in WIDGETS_WITH_TEXT:
            block = theme.setdefault(element, {})
            block.setdefault("font", dict(default_font))
    for block in theme.values():
        font = block.get("font")
        if font:
            font["size"] = str(max(8, round(int(font["size"]) * scale)))
            for key in list(font):
                if key.endswith("_path"):
                    font[key] = str(fonts / font[key])
        misc = block.get("misc")
        if misc:
            for key in ("list_item_height", "padding", "text_horiz_alignment_padding"):
                if key in misc:
                    misc[key] = _scale_value(misc[key], scale)
            if "border_width" in misc and scale >= 2:
                misc["border_width"] = _scale_value(misc["border_width"], scale / 1.5)
    return theme


@cache
def font(kind: str, size: int) -> pygame.font.Font:
    """Return a cached font of a kind from FONT_FILES at a pixel size."""
    path = assets_dir() / "fonts" / FONT_FILES[kind]
    return pygame.font.Font(str(path), max(6, size))


@cache
def text(kind: str, size: int, content: str, colour: tuple[int, int, int]) -> pygame.Surface:
    """Render and cache a line of antialiased text."""
    return font(kind, size).render(content, True, colour)


@cache
def _glyph(kind: str, char: str) -> bytes:
    """Return the pixels of one character in a font, for telling a real glyph from a box."""
    img = font(kind, 16).render(char, False, (0, 0, 0), (255, 255, 255))
    return bytes(pygame.image.tobytes(img, "RGB")) + bytes(str(img.get_size()), "ascii")


def can_show(text: str, kind: str = "sans") -> bool:
    """Return whether the game's font has a glyph for every character of the text."""
    box = _glyph(kind, "\U0010fffd")
    return all(c.isascii() or c.isspace() or _glyph(kind, c) != box for c in text)


def parse_colour(value: str, fallback: str = "#808080") -> pygame.Color:
    """Parse a #rrggbb colour, falling back on a grey for bad input."""
    try:
        return pygame.Color(value)
    except (ValueError, TypeError):
        return pygame.Color(fallback)


def blend(a: pygame.Color, b: pygame.Color, t: float) -> pygame.Color:
    """Mix colour a towards colour b by t (0..1)."""
    return pygame.Color(
        round(a.r + (b.r - a.r) * t), round(a.g + (b.g - a.g) * t), round(a.b + (b.b - a.b) * t)
    )


def diverging(value: float, palette: str) -> pygame.Color:
    """Return a colour for a value in -1..1: bad to neutral to good, colour-blind safe if asked."""
    value = max(-1.0, min(1.0, value))
    if palette == "colourblind":
        low, mid, high = pygame.Color("#b35806"), pygame.Color("#f2ead8"), pygame.Color("#3a6fb0")
    else:
        low, mid, high = pygame.Color("#b0392a"), pygame.Color("#f2ead8"), pygame.Color("#3f7f3f")
    return blend(mid, high, value) if value >= 0 else blend(mid, low, -value)


def sequential(value: float, palette: str) -> pygame.Color:
    """Return a colour for a value in 0..1 on a light-to-dark scale."""
    value = max(0.0, min(1.0, value))
    dark = pygame.Color("#3a6fb0") if palette == "colourblind" else pygame.Color("#7a2a1a")
    return blend(pygame.Color("#f4ecd8"), dark, value)


def series_colour(index: int, palette: str) -> pygame.Color:
    """Return a distinct line colour for chart series number index."""
    if palette == "colourblind":
        return pygame.Color(COLOURBLIND_SET[index % len(COLOURBLIND_SET)])
    inks = ["#8b2e1f", "#2f4f7f", "#3f6f3a", "#8a6a1f", "#6a3f7a", "#2b2118", "#b0652a", "#4f8a8a"]
    return pygame.Color(inks[index % len(inks)])


def clear_caches() -> None:
    """Forget cached fonts and text (needed after pygame.quit)."""
    font.cache_clear()
    text.cache_clear()
    _glyph.cache_clear()
