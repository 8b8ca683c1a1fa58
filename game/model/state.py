"""The mutable state of one game: everything a save must restore."""

from __future__ import annotations

import random

from attrs import define, field


@define
class Project:
    """A multi-turn action running for a country."""

    action: str
    country: str
    target: str | None
    turns_left: int
    started: int


@define
class ActiveModifier:
    """A timed modifier running on behalf of a country."""

    id: str
    country: str
    turns_left: int


@define
class Scheduled:
    """An event due to fire for its country at the start of a given turn."""

    turn: int
    event: str
    country: str


@define
class LogEntry:
    """One line of the dated news log."""

    turn: int
    month: int
    kind: str
    id: str
    country: str
    title: str
    option: str = ""
    text: str = ""


@define
class TreatyInForce:
    """A signed treaty: its parties (proposer first), when it was signed, whether it is public."""

    id: str
    parties: list[str]
    signed: int
    turns_left: int  # 0: until ended
    public: bool = False


@define
class Proposal:
    """A treaty proposal waiting for people's answers."""

    number: int
    treaty: str
    proposer: str
    invited: list[str]
    answers: dict[str, bool] = field(factory=dict)
    month: int = 0


def relation_key(a: str, b: str) -> str:
    """Return the symmetric key of a pair of countries."""
    return f"{a}|{b}" if a <= b else f"{b}|{a}"


@define
class GameState:
    """Date, stats, relations, flags, owners, projects, events, log and the one RNG."""

    seed: int
    turn: int
    month: int
    humans: list[str]
    stats: dict[str, dict[str, float]]
    globals: dict[str, float]
    relations: dict[str, float]
    owners: dict[str, str]
    names: dict[str, str] = field(factory=dict)
    flags: dict[str, int] = field(factory=dict)
    projects: list[Project] = field(factory=list)
    modifiers: list[ActiveModifier] = field(factory=list)
    fired: dict[str, int] = field(factory=dict)
    last_fired: dict[str, int] = field(factory=dict)
    chosen: dict[str, str] = field(factory=dict)
    used: dict[str, int] = field(factory=dict)
    last_used: dict[str, int] = field(factory=dict)
    pending: dict[str, list[str]] = field(factory=dict)
    scheduled: list[Scheduled] = field(factory=list)
    treaties: list[TreatyInForce] = field(factory=list)
    proposals: list[Proposal] = field(factory=list)
    treaty_signed: dict[str, int] = field(factory=dict)  # treaty id -> turn last signed
    proposals_made: int = 0
    ap: dict[str, int] = field(factory=dict)
    done: list[str] = field(factory=list)
    log: list[LogEntry] = field(factory=list)
    series: list[dict[str, float]] = field(factory=list)
    hashes: list[str] = field(factory=list)
    difficulty: int = 1
    historical: bool = False
    over: bool = False
    # The last turn is resolved, but proposals made in it wait for people: they answer, then
    # ending the turn gives the endings (no new turn, events or moves).
    closing: bool = False
    forced_ending: str = ""
    endings: dict[str, str] = field(factory=dict)
    scores: dict[str, float] = field(factory=dict)
    rng: random.Random = field(factory=random.Random)
