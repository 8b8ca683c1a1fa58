"""What one country may see of the game: others' secrets hidden, secret numbers as estimates."""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cached_property

from attrs import frozen

from game.engine.changes import Change
from game.engine.game import Game
from game.locale import N_, _
from game.model.state import ActiveModifier, LogEntry, Project, Proposal
from game.rules.lexicon import fmt_num
from game.rules.types import Env


@frozen
class Reading:
    """A number as a viewer knows it: exact, or a range with the stated uncertainty."""

    value: float
    low: float
    high: float
    exact: bool

    @property
    def estimate(self) -> bool:
        """Return True when only a range is known."""
        return not self.exact

    def text(self) -> str:
        """Return the number as shown: '42' or '10–30'."""
        if self.exact:
            return fmt_num(round(self.value, 1))
        return f"{fmt_num(self.low)}–{fmt_num(self.high)}"


def bucket(value: float, width: float, low: float, high: float) -> tuple[float, float]:
    """Return the range of the given width, on a grid of that width, that holds the value."""
    if width <= 0:
        return value, value
    start = math.floor((value - low) / width) * width + low
    start = min(start, high - width) if high - low >= width else low
    return max(low, start), min(high, start + width)


TREATY_KINDS = ("treaty", "refusal", "broken")
HIDDEN_CAUSES = N_("Causes you cannot see")


class CountryView:
    """The game as one country sees it; the UI reads secrets only through this."""

    def __init__(self, game: Game, viewer: str) -> None:
        self.game = game
        self.viewer = viewer

    # --- the turn -----------------------------------------------------------------------
    @property
    def closing(self) -> bool:
        """Return True after the last turn, while its last proposals wait for answers."""
        return self.game.state.closing

    def incoming(self) -> list[Proposal]:
        """Return the proposals waiting for the viewer's answer (in the last answers too)."""
        return self.game.incoming(self.viewer)

    # --- conditions ---------------------------------------------------------------------
    def present(self) -> list[str]:
        """Return the countries there are now: annexed states and those not yet made are not."""
        sc, held = self.game.scenario, set(self.game.state.owners.values())
        landed = sc.landed
        return [
            c
            for c in sc.countries
            if landed is None or c not in landed or c in held or c in sc.meta.playable
        ]

    def _revealed(self, src: str, owner: str | None = None) -> bool:
        """Return True when a reveal condition holds now (or the game is over)."""
        if self.game.state.over:
            return True
        node = self.game.scenario.reveals.get(src)
        if node is None:
            return False
        return node.holds(self.game.state, Env(owner or self.viewer, None))

    # --- actions, projects, modifiers -----------------------------------------------------
    def sees_action(self, country: str, action_id: str, target: str | None = None) -> bool:
        """Return whether the viewer may know that a country took (or runs) an action."""
        action = self.game.scenario.actions.get(action_id)
        if action is None or not action.d.secret:
            return True
        d = action.d
        if self.viewer in (country, target) or self.viewer in d.known_to:
            return True
        return self._revealed(d.revealed_when, country)

    def sees_modifier(self, active: ActiveModifier) -> bool:
        """Return whether the viewer may know that a modifier runs."""
        mod = self.game.scenario.modifiers.get(active.id)
        if mod is None or not mod.d.secret:
            return True
        if self.viewer == active.country or self.viewer in mod.d.known_to:
            return True
        return self._revealed(mod.d.revealed_when, active.country)

    def sees_treaty(self, tid: str, parties: list[str]) -> bool:
        """Return whether the viewer may know of a treaty among these parties."""
        treaty = self.game.scenario.treaties.get(tid)
        if treaty is None or not treaty.d.secret or self.viewer in parties or self.game.state.over:
            return True
        return any(t.id == tid and t.public for t in self.game.state.treaties)

    def projects(self, country: str | None = None) -> list[Project]:
        """Return the running projects the viewer may know of (of one country, or all)."""
        return [
            p
            for p in self.game.state.projects
            if (country is None or p.country == country)
            and self.sees_action(p.country, p.action, p.target)
        ]

    def modifiers(self, country: str) -> list[ActiveModifier]:
        """Return the modifiers the viewer may know run for a country."""
        return [
            m for m in self.game.state.modifiers if m.country == country and self.sees_modifier(m)
        ]

    # --- the news log -------------------------------------------------------------------
    @cached_property
    def _hidden_log(self) -> set[int]:
        """Return the indexes of log lines the viewer may not read.

        A hidden action hides the notes its effects write just after it; a hidden
        completion hides the notes written just before it by the project's effects.
        """
        log = self.game.state.log
        out: set[int] = set()
        for i, entry in enumerate(log):
            if entry.kind in TREATY_KINDS and not self.sees_treaty(entry.id, entry.text.split(",")):
                out.add(i)
            if entry.kind not in ("action", "complete"):
                continue
            if self.sees_action(entry.country, entry.id, self._target_of(entry)):
                continue
            out.add(i)
            step = 1 if entry.kind == "action" else -1
            j = i + step
            while 0 <= j < len(log) and log[j].kind == "note" and log[j].country == entry.country:
                if log[j].turn != entry.turn:
                    break
                out.add(j)
                j += step
        return out

    def _target_of(self, entry: LogEntry) -> str | None:
        """Return the target named in an action line's title, if any."""
        for cid in self.game.scenario.countries:
            if entry.title.endswith(f"({self.game.name(cid)})"):
                return cid
        return None

    def log(self) -> list[tuple[int, LogEntry]]:
        """Return the log lines the viewer may read, with their indexes, in date order."""
        hidden = self._hidden_log
        shown = [(i, e) for i, e in enumerate(self.game.state.log) if i not in hidden]
        return sorted(shown, key=lambda item: (item[1].month, item[0]))

    # --- numbers ------------------------------------------------------------------------
    def _exact(self, secret: bool, owners: list[str], revealed_when: str) -> bool:
        """Return whether the viewer sees a number exactly."""
        if not secret or self.viewer in owners:
            return True
        return self._revealed(revealed_when)

    def stat(self, country: str, stat: str, value: float | None = None) -> Reading:
        """Return a country's stat as the viewer knows it (value: a past value instead)."""
        d = self.game.scenario.stats[stat]
        now = self.game.state.stats[country].get(stat, d.default) if value is None else value
        if self._exact(d.secret, [country, *d.known_to], d.revealed_when):
            return Reading(now, now, now, True)
        low, high = bucket(now, d.estimate, d.min, d.max)
        return Reading((low + high) / 2, low, high, False)

    def global_(self, name: str, value: float | None = None) -> Reading:
        """Return a global as the viewer knows it (value: a past value instead)."""
        d = self.game.scenario.globals[name]
        now = self.game.state.globals.get(name, d.default) if value is None else value
        if self._exact(d.secret, list(d.known_to), d.revealed_when):
            return Reading(now, now, now, True)
        low, high = bucket(now, d.estimate, d.min, d.max)
        return Reading((low + high) / 2, low, high, False)

    def sees_cause(self, change: Change) -> bool:
        """Return whether the viewer may know the cause of a change (not a hidden secret)."""
        if change.kind in ("action", "project"):
            return self.sees_action(change.country, change.source, change.target)
        if change.kind == "modifier":
            return self.sees_modifier(ActiveModifier(change.source, change.country, 0))
        if change.kind == "treaty" and change.source:
            return self.sees_treaty(change.source, [change.country])
        return True

    def exact(self, key: str) -> bool:
        """Return whether the viewer knows a number ('CID.stat', a global, 'rel:A|B') exactly."""
        if "." in key and not key.startswith("rel:"):
            cid, stat = key.split(".", 1)
            return self.stat(cid, stat).exact
        return key not in self.game.scenario.globals or self.global_(key).exact

    def causes(self, items: Iterable[Change], key: str) -> list[tuple[str, str, float]]:
        """Return (kind, title, delta) of a number's changes by cause, as the viewer may know it.

        A number the viewer only estimates has no causes shown; a cause the viewer may not
        know of (another power's secret action) is summed up as unknown causes.
        """
        if not self.exact(key):
            return []
        totals: dict[tuple[str, str], float] = {}
        for change in items:
            if change.key != key:
                continue
            known = self.sees_cause(change)
            who = (change.kind, change.title) if known else ("hidden", _(HIDDEN_CAUSES))
            totals[who] = totals.get(who, 0.0) + change.delta
        return [(k, t, d) for (k, t), d in totals.items() if abs(d) >= 0.05]

    def changes(self, key: str) -> list[tuple[str, float]]:
        """Return this turn's change of a number by cause, as the viewer may know it."""
        return [(title, delta) for _, title, delta in self.causes(self.game.changes.items, key)]

    def series_value(self, key: str, value: float | None) -> float | None:
        """Return a recorded series value ('CID.stat' or a global) as the viewer may chart it."""
        if value is None:
            return None
        sc = self.game.scenario
        if "." in key:
            cid, stat = key.split(".", 1)
            if cid in sc.countries and stat in sc.stats:
                return self.stat(cid, stat, value).value
            return value
        if key in sc.globals:
            return self.global_(key, value).value
        return value

    def series_exact(self, key: str) -> bool:
        """Return whether a charted series is known exactly to the viewer."""
        sc = self.game.scenario
        if "." in key:
            cid, stat = key.split(".", 1)
            return stat not in sc.stats or self.stat(cid, stat).exact
        return key not in sc.globals or self.global_(key).exact


def view_of(game: Game, viewer: str) -> CountryView:
    """Return the view of the game for one viewing country."""
    return CountryView(game, viewer)
