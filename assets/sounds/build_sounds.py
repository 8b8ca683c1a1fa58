"""Synthesise the game's sounds and music loops into WAV files, in pure Python.

Run from the repository root:  python assets/sounds/build_sounds.py
The output is deterministic (fixed seeds), so rebuilding gives the same bytes.
"""

from __future__ import annotations

import math
import random
import struct
import sys
import wave
from collections.abc import Callable, Iterable
from pathlib import Path

RATE = 11025  # samples a second: enough for short cues and soft music, and small files
MUSIC_RATE = 8000
HERE = Path(__file__).resolve().parent
Wave = list[float]


def silence(seconds: float, rate: int = RATE) -> Wave:
    """Return seconds of silence."""
    return [0.0] * round(seconds * rate)


def tone(
    freq: float,
    seconds: float,
    rate: int = RATE,
    shape: Callable[[float], float] = math.sin,
    attack: float = 0.005,
    decay: float = 4.0,
) -> Wave:
    """Return a tone with a short attack and an exponential decay (decay: 1/seconds)."""
    n = round(seconds * rate)
    out = []
    for i in range(n):
        t = i / rate
        env = min(1.0, t / attack) * math.exp(-decay * t) if attack else math.exp(-decay * t)
        out.append(shape(2 * math.pi * freq * t) * env)
    return out


def soft(phase: float) -> float:
    """Return a mellow wave: a sine with a little second and third harmonic."""
    return math.sin(phase) + 0.3 * math.sin(2 * phase) + 0.12 * math.sin(3 * phase)


def noise(seconds: float, seed: int, smooth: float, rate: int = RATE) -> Wave:
    """Return white noise passed through a one-pole low-pass filter (smooth 0..1)."""
    rng = random.Random(seed)
    out, last = [], 0.0
    for _ in range(round(seconds * rate)):
        last = last * smooth + rng.uniform(-1, 1) * (1 - smooth)
        out.append(last)
    return out


def envelope(samples: Wave, fn: Callable[[float], float], rate: int = RATE) -> Wave:
    """Multiply each sample by fn(time in seconds)."""
    return [s * fn(i / rate) for i, s in enumerate(samples)]


def mix(*parts: Iterable[float]) -> Wave:
    """Add waves sample by sample (the longest sets the length)."""
    lists = [list(p) for p in parts]
    n = max(len(p) for p in lists)
    return [sum(p[i] for p in lists if i < len(p)) for i in range(n)]


def place(track: Wave, part: Wave, at: int) -> None:
    """Add part into track starting at sample at (wrapping round, for loops)."""
    n = len(track)
    for i, s in enumerate(part):
        track[(at + i) % n] += s


def normalise(samples: Wave, peak: float) -> Wave:
    """Scale so the loudest sample reaches peak."""
    top = max(1e-9, max(abs(s) for s in samples))
    return [s * peak / top for s in samples]


def write(name: str, samples: Wave, rate: int = RATE, peak: float = 0.8) -> Path:
    """Write mono 16-bit WAV."""
    path = HERE / f"{name}.wav"
    data = b"".join(
        struct.pack("<h", round(max(-1.0, min(1.0, s)) * 32767)) for s in normalise(samples, peak)
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(data)
    return path


def click() -> Wave:
    """A short dry tick, like a pen on a desk."""
    tick = envelope(noise(0.03, 1, 0.2), lambda t: math.exp(-180 * t))
    return mix(tick, tone(2200, 0.03, decay=160, attack=0.0005))


def page() -> Wave:
    """A page turning: two swells of soft paper rustle."""
    rustle = noise(0.42, 2, 0.55)

    def swell(t: float) -> float:
        return math.exp(-(((t - 0.1) / 0.05) ** 2)) + 0.7 * math.exp(-(((t - 0.26) / 0.07) ** 2))

    return envelope(rustle, swell)


def stamp() -> Wave:
    """A rubber stamp: a low thump with a slap on top."""
    thump = tone(85, 0.3, decay=14, attack=0.002)
    slap = envelope(noise(0.08, 3, 0.35), lambda t: math.exp(-60 * t))
    return mix(thump, [s * 0.8 for s in slap], tone(170, 0.12, decay=30, attack=0.002))


def telegraph() -> Wave:
    """A telegraph key sounding dit-dit-dah-dit."""
    out: Wave = []
    for length in (0.06, 0.06, 0.18, 0.06):
        beep = tone(820, length, shape=lambda p: math.sin(p) + 0.2 * math.sin(3 * p), decay=1)
        fade = envelope(beep, lambda t, n=length: min(1.0, (n - t) / 0.006))
        out += fade + silence(0.06)
    return out


def note(semitones_from_a: int) -> float:
    """Return the frequency of a note counted in semitones from A4."""
    return 440.0 * 2 ** (semitones_from_a / 12)


def loop(chords: list[list[int]], beat: float, pattern: list[int], bass: bool, seed: int) -> Wave:
    """Return a seamless loop: each chord arpeggiated by pattern, with a held bass note."""
    rate = MUSIC_RATE
    bar = beat * len(pattern)
    track = silence(bar * len(chords), rate)
    rng = random.Random(seed)
    for c, chord in enumerate(chords):
        start = round(c * bar * rate)
        if bass:
            low = tone(note(chord[0] - 24), bar * 1.1, rate, soft, attack=0.05, decay=1.2)
            place(track, [s * 0.5 for s in low], start)
        for k, step in enumerate(pattern):
            if step < 0:
                continue
            level = 0.55 + 0.1 * rng.random()
            pluck = tone(note(chord[step % len(chord)]), beat * 3, rate, soft, decay=2.2)
            place(track, [s * level for s in pluck], start + round(k * beat * rate))
    return track


def menu_music() -> Wave:
    """A slow, wistful loop in D minor for the menu."""
    dm, bb, f, a = [-7, -4, 0, 5], [-11, -7, -4, 1], [-4, 0, 3, 8], [0, 4, 7, 12]
    return loop([dm, bb, f, a], 0.45, [0, 1, 2, 3, 2, 1], bass=True, seed=7)


def game_music() -> Wave:
    """A steadier loop in G minor, under the game, quiet enough to think by."""
    gm, eb, cm, d = [-2, 1, 5, 10], [-6, -2, 1, 6], [-9, -6, -2, 3], [-7, -3, 0, 5]
    return loop([gm, eb, cm, d], 0.3, [0, 2, 1, 2, 3, 2, 1, -1], bass=True, seed=11)


SOUNDS: dict[str, Callable[[], Wave]] = {
    "click": click,
    "page": page,
    "stamp": stamp,
    "telegraph": telegraph,
}
MUSIC: dict[str, Callable[[], Wave]] = {"music_menu": menu_music, "music_game": game_music}


def main() -> int:
    """Write every sound and music loop next to this script."""
    for name, make in SOUNDS.items():
        print(write(name, make()))
    for name, make in MUSIC.items():
        print(write(name, make(), MUSIC_RATE, peak=0.6))
    return 0


if __name__ == "__main__":
    sys.exit(main())
