"""Player settings: an attrs class loaded from and saved to a JSON file."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import attrs
import platformdirs

from game.engine.save_files import remove_temporaries, write_atomic
from game.locale import _
from game.scenario.read import FileRefused, read_regular

log = logging.getLogger(__name__)

RESOLUTIONS: list[tuple[int, int]] = [
    (1280, 720),
    (1366, 768),
    (1600, 900),
    (1920, 1080),
    (2560, 1440),
    (3840, 2160),
]
UI_SCALES: list[float] = [0.75, 1.0, 1.25, 1.5, 2.0]
PALETTES: list[str] = ["normal", "colourblind"]
MAX_BYTES = 64 * 1024


def default_path() -> Path:
    """Return where settings live: the user's config folder for the game."""
    return Path(platformdirs.user_config_dir("rapallo")) / "settings.json"


@attrs.define
class Settings:
    """What the player chose in the settings screen."""

    width: int = 1280
    height: int = 720
    fullscreen: bool = False
    ui_scale: float = 1.0
    palette: str = "normal"
    autosave: bool = True
    console: bool = False
    confirm_end_turn: bool = True
    effects_volume: float = 0.7
    music_volume: float = 0.5
    mute: bool = False
    guide_offered: bool = False
    language: str = ""  # empty: the system's language where the game speaks it

    @property
    def resolution(self) -> tuple[int, int]:
        """Return the window size as a (width, height) pair."""
        return (self.width, self.height)

    @classmethod
    def from_dict(cls, data: object) -> Settings:
        """Build settings from parsed JSON, keeping defaults for anything missing or wrong."""
        base = cls()
        if not isinstance(data, dict):
            raise ValueError(_("settings file does not hold a JSON object"))
        kwargs: dict[str, object] = {}
        for f in attrs.fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            default = getattr(base, f.name)
            if isinstance(default, bool):
                ok = isinstance(value, bool)
            elif isinstance(default, float):
                ok = isinstance(value, int | float) and not isinstance(value, bool)
                if ok and isinstance(value, int | float):
                    ok = abs(value) < 1e6  # false for inf and NaN, exact for huge integers
                    value = float(value) if ok else value
            elif isinstance(default, int):
                ok = isinstance(value, int) and not isinstance(value, bool) and 0 < value < 10**6
            else:
                ok = isinstance(value, str)
            if ok:
                kwargs[f.name] = value
            else:
                log.warning("settings: ignoring bad value %.60r for %s", value, f.name)
        settings = cls(**kwargs)  # type: ignore[arg-type]
        if settings.palette not in PALETTES:
            log.warning("settings: unknown palette %.60r, using normal", settings.palette)
            settings.palette = "normal"
        settings.ui_scale = min(3.0, max(0.5, settings.ui_scale))
        settings.effects_volume = min(1.0, max(0.0, settings.effects_volume))
        settings.music_volume = min(1.0, max(0.0, settings.music_volume))
        settings.width = min(7680, max(640, settings.width))
        settings.height = min(4320, max(480, settings.height))
        return settings

    def to_dict(self) -> dict[str, object]:
        """Return the settings as a JSON-ready dict."""
        return attrs.asdict(self)

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Load settings; a missing or broken file gives defaults (and a warning if broken)."""
        return cls.load_checked(path)[0]

    @classmethod
    def load_checked(cls, path: Path | None = None) -> tuple[Settings, str]:
        """Load settings and return them with a warning for the player ('' when all is well)."""
        path = path or default_path()
        remove_temporaries(path.parent)
        try:
            raw = read_regular(path, MAX_BYTES)
        except FileRefused as exc:
            if not os.path.lexists(path):
                return cls(), ""
            log.warning("settings: cannot read %s (%s); using defaults", path, exc)
            return cls(), _("Settings could not be read ({exc}); using the defaults.").format(
                exc=exc
            )
        try:
            return cls.from_dict(json.loads(raw.decode("utf-8"))), ""
        except (ValueError, TypeError, RecursionError) as exc:  # also bad UTF-8
            log.warning("settings: %s is broken (%s); using defaults", path, str(exc)[:200])
            return cls(), _("The settings file was damaged; using the defaults.")

    def save(self, path: Path | None = None) -> None:
        """Write the settings as JSON, creating the folder if needed."""

        write_atomic(path or default_path(), json.dumps(self.to_dict(), indent=2) + "\n")
