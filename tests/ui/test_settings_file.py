"""A hostile settings file: defaults with a warning, at once, whatever the file is."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from game.ui.settings import Settings


def _make(path: Path, kind: str) -> None:
    if kind == "latin1":
        path.write_bytes(b'{"palette": "caf\xe9"}')
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    elif kind == "huge":
        with path.open("wb") as handle:
            handle.truncate(2 * 1024**3)
    elif kind == "dangling":
        path.symlink_to(path.parent / "nowhere.json")
    elif kind == "deep":
        path.write_text("[" * 100_000)
    elif kind == "numbers":
        path.write_text('{"ui_scale": 1e400, "width": ' + "9" * 5000 + "}")
    elif kind == "big-int":
        path.write_text('{"ui_scale": ' + "9" * 400 + ', "width": 1e300}')


@pytest.mark.parametrize(
    "kind",
    ["latin1", "fifo", "device", "folder", "huge", "dangling", "deep", "numbers", "big-int"],
)
def test_a_bad_settings_file_gives_defaults_and_a_warning(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "settings.json"
    _make(path, kind)
    start = time.perf_counter()
    settings, warning = Settings.load_checked(path)
    assert time.perf_counter() - start < 1.0
    assert settings.width >= 640 and 0.5 <= settings.ui_scale <= 3.0
    if kind != "big-int":
        assert settings == Settings() and warning


def test_a_missing_settings_file_is_quietly_the_defaults(tmp_path: Path) -> None:
    assert Settings.load_checked(tmp_path / "none.json") == (Settings(), "")


def test_leftover_temporaries_next_to_the_settings_are_removed(tmp_path: Path) -> None:
    old = tmp_path / ".settings.json.x.tmp"
    old.write_text("{")
    os.utime(old, (time.time() - 300, time.time() - 300))
    Settings.load_checked(tmp_path / "settings.json")
    assert not old.exists()
