"""A small fuzz harness: seeded cases, a time limit per case, a watchdog for true hangs.

Each target takes a `random.Random` and exercises one input path; it returns normally when the
program answered as it should (a result or its one documented error). Any other exception is a
failure, and so is a case slower than the limit. Case n of a run with seed s always draws from
`Random(s * 1_000_003 + n)`, so a failure is reproduced by its number alone.
"""

from __future__ import annotations

import faulthandler
import random
import sys
import time
import traceback
from collections.abc import Callable

from attrs import define, field

Target = Callable[[random.Random], None]


@define
class Outcome:
    """What a fuzz run found: failures and slow cases, by case number."""

    cases: int = 0
    failures: list[tuple[int, str]] = field(factory=list)
    known: dict[str, int] = field(factory=dict)
    slow: list[tuple[int, float]] = field(factory=list)
    slowest: float = 0.0

    def summary(self, name: str) -> str:
        """Return one line for the run's report."""
        known = "".join(f"; known, {why}: {n}" for why, n in self.known.items())
        return (
            f"{name}: {self.cases} cases, {len(self.failures)} failures, "
            f"{len(self.slow)} over the time limit, slowest {self.slowest:.3f} s{known}"
        )


def run(
    target: Target,
    cases: int,
    seed: int = 0,
    limit: float = 2.0,
    known: dict[str, str] | None = None,
) -> Outcome:
    """Run `cases` cases of a target; a case that hangs far past the limit kills the process.

    `known` maps a text found in a traceback to the reason it is known (a bug owned and tracked
    elsewhere); such failures are counted apart, by reason, instead of failing the run.
    """
    outcome = Outcome()
    for n in range(cases):
        rng = random.Random(seed * 1_000_003 + n)
        faulthandler.dump_traceback_later(max(30.0, limit * 20), exit=True, file=sys.stderr)
        start = time.perf_counter()
        try:
            target(rng)
        except Exception:  # noqa: BLE001 - the harness records every unexpected exception
            trace = traceback.format_exc(limit=-4)
            why = next((w for text, w in (known or {}).items() if text in trace), None)
            if why is None:
                outcome.failures.append((n, trace))
            else:
                outcome.known[why] = outcome.known.get(why, 0) + 1
        finally:
            faulthandler.cancel_dump_traceback_later()
        took = time.perf_counter() - start
        outcome.slowest = max(outcome.slowest, took)
        if took > limit:
            outcome.slow.append((n, took))
        outcome.cases += 1
    return outcome


# --- building blocks for hostile text -----------------------------------------------------

ODD_VALUES = [
    "",
    "0",
    "-0.0",
    "1e308",
    "1e309",
    "-1e309",
    "inf",
    "nan",
    "9" * 401,
    "9" * 5000,
    "99999999999999999999",
    "true",
    '"x"',
    '"' + " " * 3000 + '"',
    '"\\u0000"',
    '"\\ud800"',
    '"\\u202e"',
    '"\\u001b[2J"',
    '"ÿ ü 𝔘"',
    "[]",
    "{}",
    "[" * 60 + "]" * 60,
    "{a = {b = {c = 1}}}",
    '"""',
    "'''",
    "'",
    "1979-05-27T07:32:00Z",
]
ODD_LINES = [
    "[" + " " * 3000,
    "[[" + " " * 3000 + "]",
    "x = '''\n[" + " " * 3000 + "\n'''",
    'x = """\n[' + " " * 3000 + '\n"""',
    "a" * 3000 + " " * 3000,
    "[[event]]",
    "[[action]]",
    "[scenario]",
    "[flags]",
    'effects = ["' + " " * 2000 + '"]',
    'when = "' + "(" * 400 + '"',
    'when = "' + "not " * 300 + 'True"',
    "deep = " + "[" * 3000 + "]" * 3000,
    "actors = [" + ", ".join(f'"n{i}"' for i in range(3000)) + "]",
]


def hostile_text(rng: random.Random, size: int = 40) -> str:
    """Return a short run of characters chosen to upset parsers."""
    alphabet = " \t\n\r\"'[]{}()=#.,\\\x00\x07\x1b\u202e\ud800é𝔘0123456789eE+-_abcxyz"
    if rng.random() < 0.1:
        return rng.choice(alphabet) * rng.randint(100, 5000)
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, size)))


def mutate_lines(rng: random.Random, text: str) -> str:
    """Return text with one to three plausible corruptions."""
    lines = text.splitlines() or [""]
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(lines))
        kind = rng.randrange(8)
        if kind == 0:
            del lines[i]
            lines = lines or [""]
        elif kind == 1:
            lines.insert(i, lines[i])
        elif kind == 2 and "=" in lines[i]:
            lines[i] = lines[i].split("=", 1)[0] + "= " + rng.choice(ODD_VALUES)
        elif kind == 3:
            pos = rng.randint(0, len(lines[i]))
            lines[i] = lines[i][:pos] + hostile_text(rng) + lines[i][pos:]
        elif kind == 4:
            lines.insert(i, rng.choice(ODD_LINES))
        elif kind == 5 and "=" in lines[i]:
            lines[i] = hostile_text(rng, 12) + " =" + lines[i].split("=", 1)[1]
        elif kind == 6:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            lines[i] = lines[i][: rng.randint(0, len(lines[i]))]
    return "\n".join(lines)


def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    """Return data with a few bits flipped, bytes cut or a tail dropped."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not out:
            break
        kind = rng.randrange(3)
        spot = rng.randrange(len(out))
        if kind == 0:
            out[spot] ^= 1 << rng.randrange(8)
        elif kind == 1:
            del out[spot : spot + rng.randint(1, 20)]
        else:
            del out[spot:]
    return bytes(out)
