"""This turn's changes by cause: what each action, answer and command did to the numbers.

Kept by the game in memory only (never saved, never hashed), and only when asked for: the
window turns it on, simulations leave it off. It restarts each time the turn's values are
recorded, so it explains the same change that the interface shows as "this turn"; each
finished turn is kept with the state at its start and end, for the turn summary.
"""

from __future__ import annotations

from types import TracebackType

import attrs

from game.engine.commands import AnswerProposal, Command, Console
from game.locale import _
from game.model.state import GameState
from game.rules.types import Env
from game.scenario.compiled import Event, Option, Scenario

EPSILON = 1e-9


@attrs.frozen
class Change:
    """One number moved by one cause: the key is 'CID.stat', a global's name or 'rel:A|B'."""

    kind: str
    source: str
    country: str
    target: str | None
    title: str
    key: str
    delta: float


def snapshot(st: GameState) -> dict[str, float]:
    """Return every number a cause can move, by key."""
    out = {f"{c}.{s}": v for c, stats in st.stats.items() for s, v in stats.items()}
    out.update(st.globals)
    out.update({f"rel:{k}": v for k, v in st.relations.items()})
    return out


@attrs.frozen
class Mark:
    """What a turn summary compares: numbers, owners, treaties in force, reveals that hold."""

    numbers: dict[str, float]
    owners: dict[str, str]
    treaties: frozenset[tuple[str, tuple[str, ...], bool]]  # id, parties, public
    revealed: frozenset[tuple[str, str]]  # (revealed_when source, country it is about)


def mark(sc: Scenario | None, st: GameState, numbers: dict[str, float]) -> Mark:
    """Return the state as a turn summary compares it."""
    treaties = frozenset((t.id, tuple(t.parties), t.public) for t in st.treaties)
    revealed: set[tuple[str, str]] = set()
    if sc is not None:
        for src, node in sc.reveals.items():
            revealed.update((src, c) for c in sc.countries if node.holds(st, Env(c, None)))
    return Mark(numbers, dict(st.owners), treaties, frozenset(revealed))


@attrs.frozen
class TurnChanges:
    """One finished turn: the state at its start and its end, and every change by cause."""

    turn: int
    month: int
    before: Mark
    after: Mark
    items: tuple[Change, ...]


@attrs.frozen
class Cause:
    """Who or what moves numbers while it runs."""

    kind: str
    source: str
    country: str
    target: str | None
    title: str


class Changes:
    """Record, per cause, how the numbers moved since the turn's values were last recorded."""

    def __init__(self, sc: Scenario | None = None) -> None:
        self.on = False
        self.items: list[Change] = []
        self._frames: list[list[object]] = []  # [snapshot before, index of the first inner item]
        self.scenario = sc
        self.start: Mark | None = None  # the state when this turn's noting began
        self.turns: dict[int, TurnChanges] = {}  # finished turns, by number

    def mark(self, st: GameState) -> Mark:
        """Return the state now, as a turn summary compares it."""
        return mark(self.scenario, st, snapshot(st))

    def cause(self, st: GameState, cause: Cause | None) -> Noting | Idle:
        """Note what moves while the block runs, less what inner causes already noted."""
        if not self.on or cause is None:
            return IDLE
        return Noting(self, st, cause)

    def open(self, st: GameState) -> list[object]:
        """Start noting for a cause: return its frame, the numbers now and the first item."""
        if self.start is None:
            self.start = self.mark(st)
        frame: list[object] = [snapshot(st), len(self.items)]
        self._frames.append(frame)
        return frame

    def close(self, st: GameState, cause: Cause, frame: list[object]) -> None:
        """Stop noting for a cause: add one change per key it moved itself."""
        self._frames.pop()
        before: dict[str, float] = frame[0]  # type: ignore[assignment]
        start: int = frame[1]  # type: ignore[assignment]
        inner: dict[str, float] = {}
        for item in self.items[start:]:
            inner[item.key] = inner.get(item.key, 0.0) + item.delta
        after = snapshot(st)
        c = cause
        for key, value in after.items():
            delta = value - before.get(key, value) - inner.get(key, 0.0)
            if abs(delta) > EPSILON:
                change = Change(c.kind, c.source, c.country, c.target, c.title, key, delta)
                self.items.append(change)

    def restart(self, st: GameState) -> None:
        """Keep the finished turn, then start noting afresh: the turn's values were recorded."""
        if not self.on and not self._frames:  # nothing is being noted: no numbers to take
            self.items = []
            return
        now = snapshot(st)
        if self.on:
            end = mark(self.scenario, st, now)
            if self.start is not None:
                items = tuple(self.items)
                self.turns[st.turn] = TurnChanges(st.turn, st.month, self.start, end, items)
            self.start = end
        self.items = []
        for frame in self._frames:
            frame[0], frame[1] = dict(now), 0

    def of(self, key: str) -> list[Change]:
        """Return the changes noted for one number, oldest first."""
        return [c for c in self.items if c.key == key]


class Idle:
    """The block of a cause while nothing is noted: entering and leaving do nothing."""

    __slots__ = ()

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        return None


IDLE = Idle()


class Noting:
    """The block of a cause while changes are noted: a snapshot on entry, the changes on exit."""

    __slots__ = ("changes", "st", "what", "frame")

    def __init__(self, changes: Changes, st: GameState, cause: Cause) -> None:
        self.changes, self.st, self.what = changes, st, cause
        self.frame: list[object] = []

    def __enter__(self) -> None:
        self.frame = self.changes.open(self.st)

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.changes.close(self.st, self.what, self.frame)


def command_cause(sc: Scenario, cmd: Command) -> Cause:
    """Return how the changes a command makes by itself (not through an action) are named."""
    who = getattr(cmd, "country", None) or ""
    treaty = sc.treaties.get(getattr(cmd, "treaty", ""))
    if treaty is not None:
        return Cause("treaty", treaty.d.id, who, None, treaty.d.name)
    if isinstance(cmd, AnswerProposal):
        return Cause("treaty", "", who, None, _("A treaty answered"))
    if isinstance(cmd, Console):
        return Cause("console", "", who, None, _("Author console"))
    return Cause("turn", "", who, None, _("The start of the turn"))


def resolution_cause(cid: str, name: str) -> Cause:
    """Return how a power's own diplomacy (its name given) or the treaties in force are named."""
    if not cid:
        return Cause("treaty", "", "", None, _("Treaties in force"))
    words = _("Diplomacy of {country}").format(country=name) if name else ""
    return Cause("diplomacy", "", cid, None, words)


def option_cause(sc: Scenario, st: GameState, event: Event, option: Option, env: Env) -> Cause:
    """Return how an event's answer is named: 'The Silesian Line: Protest, then comply.'."""
    words = option.text.render(st, env, sc.lex)
    title = event.title.render(st, env, sc.lex)
    return Cause("event", event.d.id, env.me, None, f"{title}: {words}")
