"""Turn a game state into canonical JSON and back; hash it for determinism checks."""

from __future__ import annotations

import hashlib
import random
import struct
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import Any

from attrs import asdict

from game.model.state import (
    ActiveModifier,
    GameState,
    LogEntry,
    Project,
    Proposal,
    Scheduled,
    TreatyInForce,
)

_HASHED = (
    "turn",
    "month",
    "stats",
    "globals",
    "relations",
    "owners",
    "names",
    "flags",
    "fired",
    "chosen",
    "used",
    "last_used",
    "pending",
    "over",
    "endings",
    "scores",
    "treaty_signed",
    "proposals_made",
)


def to_json(st: GameState) -> dict[str, Any]:
    """Return the whole state as JSON-ready data (`closing` only while it holds)."""
    data = asdict(st, filter=lambda a, v: a.name != "rng")
    data["rng"] = _rng_state(st.rng)
    if not st.closing:  # so every other state reads as it did before the phase existed
        del data["closing"]
    return data


def _rng_state(rng: random.Random) -> list[Any]:
    version, internal, gauss = rng.getstate()
    return [version, list(internal), gauss]


def from_json(data: dict[str, Any]) -> GameState:
    """Rebuild a state from `to_json` output; raise ValueError/TypeError/KeyError if malformed."""
    data = dict(data)
    version, internal, gauss = data.pop("rng")
    rng = random.Random()
    rng.setstate((int(version), tuple(int(x) for x in internal), gauss))
    st = GameState(**data)
    st.rng = rng
    st.projects = [Project(**p) for p in data["projects"]]
    st.modifiers = [ActiveModifier(**m) for m in data["modifiers"]]
    st.scheduled = [Scheduled(**s) for s in data["scheduled"]]
    st.log = [LogEntry(**e) for e in data["log"]]
    st.treaties = [TreatyInForce(**t) for t in data.get("treaties", [])]
    st.proposals = [Proposal(**p) for p in data.get("proposals", [])]
    return st


HASH_VERSION = 2  # how `state_hash` reads the state; saves name it as their format version
_NONE = "\1"  # stands for a missing id (no target) among the ids


def state_hash(st: GameState) -> str:
    """Return a short, stable hash of everything that decides the game's future.

    Numbers go in as their 8-byte values (exact for floats) and ids joined by NUL, which no
    id holds, so the hash costs a few copies rather than the text of the whole state. The
    last answers after the last turn (`closing`), which no older save holds, add a part only
    while they last, so every other state hashes as it always did.
    """
    stats = st.stats
    parts = [
        _ids(stats),
        _ids(chain.from_iterable(stats.values())),
        _wholes([len(row) for row in stats.values()]),
        _reals([*chain.from_iterable(map(dict.values, stats.values()))]),
        *_table_of_reals(st.globals),
        *_table_of_reals(st.relations),
        *_table_of_ids(st.owners),
        *_table_of_ids(st.chosen),
        *_table_of_wholes(st.flags),
        *_table_of_wholes(st.fired),
        *_table_of_wholes(st.used),
        *_table_of_wholes(st.last_used),
        *_table_of_wholes(st.treaty_signed),
        *_running(st),
        repr(_rare(st)).encode(),
    ]
    words = st.rng.getstate()[1]
    parts.append(_wholes(words[-1:] + words[::97]))  # the generator's position and a sample
    if st.closing:
        parts.append(b"closing")
    head = _wholes([len(part) for part in parts])
    return hashlib.blake2b(head + b"".join(parts), digest_size=8).hexdigest()


def _ids(ids: Iterable[str]) -> bytes:
    return "\0".join(ids).encode()


def _reals(values: Sequence[float]) -> bytes:
    return struct.pack(f"<{len(values)}d", *values)


def _wholes(values: Sequence[int]) -> bytes:
    return struct.pack(f"<{len(values)}q", *values)


def _table_of_reals(table: dict[str, float]) -> tuple[bytes, bytes]:
    return _ids(table), _reals([*table.values()])


def _table_of_ids(table: dict[str, str]) -> tuple[bytes, bytes]:
    return _ids(table), _ids(table.values())


def _table_of_wholes(table: dict[str, int]) -> tuple[bytes, bytes]:
    return _ids(table), _wholes([*table.values()])


def _running(st: GameState) -> tuple[bytes, ...]:
    """Return the projects, modifiers and treaties under way: their ids and their numbers."""
    projects, modifiers, treaties = st.projects, st.modifiers, st.treaties
    return (
        _ids([f"{p.action}\0{p.country}\0{p.target or _NONE}" for p in projects]),
        _wholes([n for p in projects for n in (p.turns_left, p.started)]),
        _ids([f"{m.id}\0{m.country}" for m in modifiers]),
        _wholes([m.turns_left for m in modifiers]),
        _ids([f"{t.id}\0{_NONE.join(t.parties)}" for t in treaties]),
        _wholes([n for t in treaties for n in (t.signed, t.turns_left, t.public)]),
    )


def _rare(st: GameState) -> tuple[Any, ...]:
    """Return the small or seldom filled parts of the state as plain values."""
    return (
        st.turn,
        st.month,
        st.over,
        st.proposals_made,
        st.names,
        st.pending,
        st.endings,
        st.scores,
        [(s.turn, s.event, s.country) for s in st.scheduled],
        [(p.number, p.treaty, p.proposer, p.invited, p.answers, p.month) for p in st.proposals],
    )


def state_hash_v1(st: GameState) -> str:
    """Return the hash that saves of format 1 hold: the text of the state, by SHA-256."""
    words = st.rng.getstate()[1]
    core = (
        [getattr(st, k) for k in _HASHED],
        st.projects,
        st.modifiers,
        st.scheduled,
        st.treaties,
        st.proposals,
        words[-1:] + words[::97],  # the generator's position and a sample of its state
        *(["closing"] if st.closing else []),  # the last answers, as in `state_hash`
    )
    # repr is exact for floats and follows insertion order, which replays reproduce.
    return hashlib.sha256(repr(core).encode()).hexdigest()[:16]


HASHES: dict[int, Callable[[GameState], str]] = {1: state_hash_v1, HASH_VERSION: state_hash}
