"""What each turn's start and end read often, laid out once per game: rolls and series rows."""

from __future__ import annotations

from itertools import chain

from game.engine.changes import Cause, Changes
from game.model.state import GameState, LogEntry
from game.rules.effects import apply_all
from game.rules.types import Env
from game.scenario.compiled import Event, Scenario

_EVER = 10**9  # months: an open end of an event's window

# An event that rolls for itself: the event, whether it fires once, its id, the first and last
# month of its window, and the environment its condition and chance run in.
Roll = tuple[Event, bool, str, int, int, Env]


def rolls(sc: Scenario) -> list[Roll]:
    """Return the scenario's rolled events, in their order, with what each roll reads."""
    envs: dict[str, Env] = {}
    out: list[Roll] = []
    for event in sc.rolled_events:
        d = event.d
        env = envs.setdefault(d.country, Env(d.country, None))
        start = -_EVER if event.start is None else event.start
        end = _EVER if event.end is None else event.end
        out.append((event, d.once, d.id, start, end, env))
    return out


class Series:
    """Writes the row of a turn's values: the month, every country's stats, every global."""

    def __init__(self, st: GameState) -> None:
        self.keys = [f"{c}.{s}" for c, stats in st.stats.items() for s in stats]
        self.columns = [(c, s) for c, stats in st.stats.items() for s in stats]

    def row(self, st: GameState) -> dict[str, float]:
        """Return the row of the state now."""
        row: dict[str, float] = {"month": float(st.month)}
        values = [*chain.from_iterable(map(dict.values, st.stats.values()))]
        if len(values) == len(self.keys):  # the stats are laid out as they were: no stat added
            row.update(zip(self.keys, values, strict=True))
        else:
            every = st.stats
            row.update((f"{c}.{s}", every[c][s]) for c, s in self.columns)
        row.update(st.globals)
        return row


def run_projects(sc: Scenario, st: GameState, changes: Changes) -> None:
    """Advance every running project by a turn: its per-turn effects, then its completion."""
    noting = changes.on
    for project in list(st.projects):
        action = sc.actions[project.action]
        env = Env(project.country, project.target)
        cause = (
            Cause("project", action.d.id, project.country, project.target, action.d.name)
            if noting
            else None
        )
        with changes.cause(st, cause):
            apply_all(action.per_turn, st, env)
        project.turns_left -= 1
        if project.turns_left <= 0:
            with changes.cause(st, cause):
                apply_all(action.on_complete, st, env)
            done = f"{action.d.name} completed"
            entry = LogEntry(st.turn, st.month, "complete", action.d.id, project.country, done)
            st.log.append(entry)
    st.projects = [p for p in st.projects if p.turns_left > 0]


def run_modifiers(sc: Scenario, st: GameState, changes: Changes) -> None:
    """Apply every running modifier's effects once, and count its turns down."""
    noting = changes.on
    for active in list(st.modifiers):
        mod = sc.modifiers[active.id]
        cause = Cause("modifier", mod.d.id, active.country, None, mod.d.name) if noting else None
        with changes.cause(st, cause):
            apply_all(mod.effects, st, Env(active.country, None))
        active.turns_left -= 1
    st.modifiers = [m for m in st.modifiers if m.turns_left > 0]
