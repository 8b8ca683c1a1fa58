"""Whether a window can open here, and what to tell a person who started the game without one."""

from __future__ import annotations

import os
import sys

from game.locale import N_, _

HOW_TO_RUN = N_(
    "Rapallo needs a desktop session to open its window. Start it from a terminal inside "
    "your desktop, or choose an SDL video driver, e.g. SDL_VIDEODRIVER=x11 (or wayland). "
    "To check a scenario without a window, run `python -m game validate <scenario>`."
)


def display_problem(env: dict[str, str] | None = None, platform: str | None = None) -> str:
    """Return why no window can open ('' when one probably can)."""
    env = dict(os.environ) if env is None else env
    platform = platform or sys.platform
    if env.get("SDL_VIDEODRIVER"):
        return ""
    unix = platform.startswith("linux") or "bsd" in platform
    if unix and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return _(
            "No display was found (DISPLAY and WAYLAND_DISPLAY are unset). {HOW_TO_RUN}"
        ).format(HOW_TO_RUN=HOW_TO_RUN)
    return ""
