"""Sound: short UI cues and looping music, silent (never failing) when no audio device exists."""

from __future__ import annotations

import logging
from pathlib import Path

import pygame

from game.paths import assets_dir

log = logging.getLogger(__name__)

CUES = ("click", "page", "stamp", "telegraph")
TRACKS = ("menu", "game")


def sounds_dir() -> Path:
    """Return the folder holding the sound files."""
    return assets_dir() / "sounds"


class Sound:
    """Play cues and music at the player's volumes; do nothing when the mixer is missing."""

    def __init__(self, effects: float = 0.7, music: float = 0.5, mute: bool = False) -> None:
        self.effects = effects
        self.music_volume = music
        self.mute = mute
        self.track = ""
        self.played: list[str] = []
        self.cues: dict[str, pygame.mixer.Sound] = {}
        self.ready = self._open()

    def _open(self) -> bool:
        """Start the mixer and load the cues; return False (and stay silent) if that fails."""
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=22050, size=-16, channels=1, buffer=512)
            for name in CUES:
                self.cues[name] = pygame.mixer.Sound(str(sounds_dir() / f"{name}.wav"))
        except (pygame.error, OSError, FileNotFoundError) as exc:
            log.info("sound: off (%s)", exc)
            self.cues = {}
            return False
        return True

    def set_levels(self, effects: float, music: float, mute: bool) -> None:
        """Take new volumes (0..1) and the mute switch; the music follows at once."""
        self.effects, self.music_volume, self.mute = effects, music, mute
        if self.ready:
            try:
                pygame.mixer.music.set_volume(0.0 if mute else music)
            except pygame.error as exc:
                log.info("sound: %s", exc)

    def play(self, name: str) -> None:
        """Play one cue (click, page, stamp, telegraph) at the effects volume."""
        self.played = [*self.played[-19:], name]
        cue = self.cues.get(name)
        if cue is None or self.mute or self.effects <= 0:
            return
        try:
            cue.set_volume(self.effects)
            cue.play()
        except pygame.error as exc:
            log.info("sound: %s", exc)

    def music(self, track: str) -> None:
        """Loop a music track (menu, game); a track already playing carries on."""
        if track == self.track:
            return
        self.track = track
        if not self.ready:
            return
        try:
            pygame.mixer.music.load(str(sounds_dir() / f"music_{track}.wav"))
            pygame.mixer.music.set_volume(0.0 if self.mute else self.music_volume)
            pygame.mixer.music.play(-1, fade_ms=800)
        except (pygame.error, FileNotFoundError) as exc:
            log.info("sound: no music (%s)", exc)

    def close(self) -> None:
        """Stop the music and release the mixer."""
        if self.ready and pygame.mixer.get_init():
            pygame.mixer.music.stop()
            pygame.mixer.quit()
        self.ready = False
