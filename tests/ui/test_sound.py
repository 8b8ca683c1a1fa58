"""Sound: cues for clicks and events, sliders and mute saved, silence without a device."""

from __future__ import annotations

import json
import subprocess
import sys
import wave
from pathlib import Path

import pygame

from game.paths import assets_dir
from game.ui.settings import Settings
from game.ui.sound import CUES, TRACKS, Sound, sounds_dir
from tests.ui.driver import Driver
from tests.ui.flows import new_game


def test_every_sound_file_is_built_by_the_script_and_named_in_the_readme(tmp_path: Path) -> None:
    folder = assets_dir() / "sounds"
    script = folder / "build_sounds.py"
    readme = (folder / "README.md").read_text(encoding="utf-8")
    names = [f"{c}.wav" for c in CUES] + [f"music_{t}.wav" for t in TRACKS]
    before = {n: (folder / n).read_bytes() for n in names}
    copy = tmp_path / "build_sounds.py"
    copy.write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run([sys.executable, str(copy)], check=True, capture_output=True)
    for name in names:
        assert (tmp_path / name).read_bytes() == before[name], f"{name} differs from its build"
        assert f"| {name} |" in readme
        with wave.open(str(folder / name)) as w:
            assert w.getnchannels() == 1 and w.getframerate() <= 11025
    assert sum(len(b) for b in before.values()) < 400_000


def test_sound_stays_silent_when_the_mixer_cannot_start(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(*_args: object, **_kw: object) -> None:
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", refuse)
    sound = Sound()
    assert not sound.ready
    sound.play("click")
    sound.music("menu")
    sound.set_levels(0.3, 0.2, True)
    assert sound.played == ["click"] and sound.track == "menu"
    assert sounds_dir().is_dir()


def test_a_click_and_an_event_sound(drive: Driver) -> None:
    assert drive.app.sound.track == "menu"
    assert drive.app.sound.ready and set(drive.app.sound.cues) == set(CUES)
    drive.click(drive.screen.buttons["new"])
    drive.frames(2)
    assert drive.app.sound.played[-1] == "click"
    drive.key(pygame.K_ESCAPE)
    new_game(drive, "Mini Test Scenario", ["BOR"])
    drive.frames(3)
    assert drive.screen.name == "event"
    assert "page" in drive.app.sound.played
    assert drive.app.sound.track == "game"


def test_sound_sliders_and_mute_are_applied_and_saved(drive: Driver, tmp_path: Path) -> None:
    drive.key(pygame.K_s)
    settings = drive.screen
    assert settings.name == "settings"
    assert set(settings.sliders) == {"effects_volume", "music_volume"}
    drive.shot("settings-sound")
    slider = settings.sliders["music_volume"]
    drive.click_at((slider.rect.left + 4, slider.rect.centery))
    drive.frames(3)
    row = settings.keys().index("effects_volume")
    for _ in range(row):
        drive.key(pygame.K_DOWN)
    drive.key(pygame.K_LEFT)
    drive.key(pygame.K_LEFT)
    from tests.ui.flows import choose

    choose(drive, settings.menus["mute"], "On")
    drive.shot("settings-sound-changed")
    drive.click(settings.apply_button)
    s = drive.app.settings
    assert s.mute and abs(s.effects_volume - 0.5) < 1e-9 and s.music_volume < 0.5
    saved = json.loads((tmp_path / "settings.json").read_text())
    assert saved["mute"] is True and saved["effects_volume"] == s.effects_volume
    assert drive.app.sound.mute and drive.app.sound.effects == s.effects_volume
    assert Settings.from_dict({"music_volume": 7.0, "effects_volume": -1}).music_volume == 1.0


def test_the_game_behind_settings_keeps_its_panels_after_apply(drive: Driver) -> None:
    from tests.ui.flows import answer_events

    new_game(drive, "Mini Test Scenario", ["BOR"])
    drive.frames(3)
    answer_events(drive)
    game = drive.screen
    assert game.name == "game"
    drive.key(pygame.K_p)
    drive.key(pygame.K_4)
    settings = drive.screen
    assert settings.name == "settings"
    for _ in range(settings.keys().index("mute")):
        drive.key(pygame.K_DOWN)
    drive.key(pygame.K_RIGHT)
    drive.key(pygame.K_RETURN)
    drive.frames(2)
    assert drive.app.settings.mute
    # The side panel and End turn button still show round the settings card.
    end = game.end_button.rect
    assert not drive.screen.card.colliderect(end)
    before = drive.shot("settings-applied-over-game")
    assert before.exists()
    colours = {
        tuple(drive.app.surface.get_at((x, end.centery)))[:3] for x in range(end.x, end.right)
    }
    assert len(colours) > 3, "the End turn button is not drawn behind the settings"
