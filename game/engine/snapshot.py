"""Turn a game state into canonical JSON and back; hash it for determinism checks."""

from __future__ import annotations

import hashlib
import random
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
    """Return the whole state as JSON-ready data."""
    data = asdict(st, filter=lambda a, v: a.name != "rng")
    data["rng"] = _rng_state(st.rng)
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


def state_hash(st: GameState) -> str:
    """Return a short, stable hash of everything that decides the game's future."""
    words = st.rng.getstate()[1]
    core = (
        [getattr(st, k) for k in _HASHED],
        st.projects,
        st.modifiers,
        st.scheduled,
        st.treaties,
        st.proposals,
        words[-1:] + words[::97],  # the generator's position and a sample of its state
    )
    # repr is exact for floats and follows insertion order, which replays reproduce.
    return hashlib.sha256(repr(core).encode()).hexdigest()[:16]
