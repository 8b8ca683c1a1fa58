"""The turn summary: what changed for one country in a turn and why, as that country may know it.

Built from the game's changes by cause (game/engine/changes.py) through the country's view, so
that others' secrets stay hidden; the AI, the window and the tests read the same data.
"""

from __future__ import annotations

from attrs import frozen

from game.engine.changes import Change, Mark, snapshot
from game.engine.view import CountryView
from game.locale import _
from game.model.state import relation_key

SHOWN = 0.05  # smaller moves are rounding, not news


@frozen
class CauseLine:
    """One cause's share of a number's change: kind is action, event, project, modifier, ..."""

    kind: str
    title: str
    delta: float


@frozen
class NumberChange:
    """How one number moved in the turn, and why."""

    key: str
    name: str
    before: float
    after: float
    causes: tuple[CauseLine, ...]

    @property
    def delta(self) -> float:
        """Return the change over the turn."""
        return self.after - self.before


@frozen
class BorderChange:
    """A region that changed hands."""

    region: str
    name: str
    before: str
    after: str


@frozen
class TreatyNews:
    """A treaty signed, ended or brought to light in the turn."""

    id: str
    name: str
    parties: tuple[str, ...]


@frozen
class TurnSummary:
    """What changed for one country in one turn (or in the turn so far), and why."""

    country: str
    turn: int
    month: int
    finished: bool
    stats: tuple[NumberChange, ...]
    globals: tuple[NumberChange, ...]
    relations: tuple[NumberChange, ...]
    signed: tuple[TreatyNews, ...]
    ended: tuple[TreatyNews, ...]
    borders: tuple[BorderChange, ...]
    came_to_light: tuple[str, ...]

    @property
    def empty(self) -> bool:
        """Return True when nothing changed for the country."""
        parts = (self.stats, self.globals, self.relations, self.signed, self.ended)
        return not any(parts) and not self.borders and not self.came_to_light

    def number(self, key: str) -> NumberChange | None:
        """Return the change of one number ('CID.stat', a global, 'rel:A|B'), if it moved."""
        every = (*self.stats, *self.globals, *self.relations)
        return next((n for n in every if n.key == key), None)


Numbers = tuple[dict[str, float], dict[str, float]]  # before and after, by key


def number_change(
    view: CountryView, items: tuple[Change, ...], key: str, name: str, numbers: Numbers
) -> NumberChange | None:
    """Return a number's change with its causes, or None when it did not move."""
    before, after = numbers[0].get(key), numbers[1].get(key)
    if before is None or after is None or abs(after - before) < SHOWN:
        return None
    causes = [CauseLine(*c) for c in view.causes(items, key)]
    rest = (after - before) - sum(c.delta for c in causes)
    if abs(rest) >= SHOWN:  # moved before the game was opened, or outside any noted cause
        causes.append(CauseLine("other", _("Other causes"), rest))
    causes.sort(key=lambda c: -abs(c.delta))
    return NumberChange(key, name, before, after, tuple(causes))


def so_far(view: CountryView, key: str, name: str = "") -> NumberChange | None:
    """Return how a number moved in the turn so far and why (the top bar's tooltips)."""
    game = view.game
    now = snapshot(game.state)
    return number_change(view, tuple(game.changes.items), key, name, (_turn_start(view), now))


def _turn_start(view: CountryView) -> dict[str, float]:
    """Return the numbers at the start of the current turn, as recorded."""
    game = view.game
    series, turn = game.state.series, game.state.turn
    if len(series) > turn:
        return {k: v for k, v in series[turn].items() if k != "month"} | _relations_start(view)
    start = game.changes.start
    return start.numbers if start is not None else snapshot(game.state)


def _relations_start(view: CountryView) -> dict[str, float]:
    """Return the relations at the start of the turn (the series records none)."""
    start = view.game.changes.start
    rels = start.numbers if start is not None else snapshot(view.game.state)
    return {k: v for k, v in rels.items() if k.startswith("rel:")}


def _numbers(view: CountryView, items: tuple[Change, ...], numbers: Numbers) -> tuple:
    """Return the changes of the country's stats, the globals it knows, and its relations."""
    game, me = view.game, view.viewer
    sc = game.scenario
    stats = [number_change(view, items, f"{me}.{s}", d.name, numbers) for s, d in sc.stats.items()]
    known = [g for g in sc.globals if view.global_(g).exact]
    globals_ = [number_change(view, items, g, sc.globals[g].name, numbers) for g in known]
    others = [c for c in sc.countries if c != me]
    rels = [
        number_change(
            view,
            items,
            f"rel:{relation_key(me, c)}",
            _("Relations with {country}").format(country=game.name(c)),
            numbers,
        )
        for c in others
    ]
    return tuple(tuple(n for n in group if n is not None) for group in (stats, globals_, rels))


def _treaties(view: CountryView, marks: tuple[Mark, Mark]) -> tuple[tuple, tuple]:
    """Return the treaties signed and ended in the turn that the country may know of."""
    sc = view.game.scenario
    before = {(t[0], t[1]) for t in marks[0].treaties}
    after = {(t[0], t[1]) for t in marks[1].treaties}

    def news(found: set[tuple[str, tuple[str, ...]]]) -> tuple[TreatyNews, ...]:
        seen = [k for k in sorted(found) if view.sees_treaty(k[0], list(k[1]))]
        return tuple(TreatyNews(tid, sc.treaties[tid].d.name, parties) for tid, parties in seen)

    return news(after - before), news(before - after)


def _borders(view: CountryView, marks: tuple[Mark, Mark]) -> tuple[BorderChange, ...]:
    """Return the regions that changed hands in the turn (the map shows owners to all)."""
    regions = view.game.scenario.regions
    old, new = marks[0].owners, marks[1].owners
    moved = [r for r in new if r in old and old[r] != new[r]]
    return tuple(BorderChange(r, regions[r].name, old[r], new[r]) for r in moved)


def _exposed(view: CountryView, marks: tuple[Mark, Mark]) -> tuple[str, ...]:
    """Return, in words, the secrets that came to light in the turn for or about the country."""
    game, me = view.game, view.viewer
    sc, st = game.scenario, game.state
    out: list[str] = []
    was_public = {(t[0], t[1]) for t in marks[0].treaties if t[2]}
    for tid, parties, public in sorted(marks[1].treaties):
        if public and (tid, parties) not in was_public and (tid, parties) in _keys(marks[0]):
            names = ", ".join(game.name(p) for p in parties)
            treaty = sc.treaties[tid].d.name
            out.append(
                _("The secret treaty {treaty} ({parties}) came to light").format(
                    treaty=treaty, parties=names
                )
            )
    new = marks[1].revealed - marks[0].revealed
    for action in sc.actions.values():
        d = action.d
        if not d.secret or not d.revealed_when:
            continue
        for cid in sc.countries:
            if (d.revealed_when, cid) in new and f"{cid}:{d.id}" in st.last_used:
                out.append(_exposed_action(game.name(cid), d.name, cid == me))
    for sd in sc.stats.values():
        if sd.secret and sd.revealed_when and (sd.revealed_when, me) in new:
            out.append(_("You now see every power's {stat} exactly").format(stat=sd.name))
    return tuple(out)


def _exposed_action(country: str, action: str, mine: bool) -> str:
    """Return the line for a secret action that every power now knows of."""
    if mine:
        return _("Now known to every power: your {action}").format(action=action)
    return _("Now known to every power: {country}'s {action}").format(
        country=country, action=action
    )


def _keys(m: Mark) -> set[tuple[str, tuple[str, ...]]]:
    """Return the treaties in force at a mark, without their publicity."""
    return {(t[0], t[1]) for t in m.treaties}


def turn_summary(view: CountryView, turn: int | None = None) -> TurnSummary | None:
    """Return what changed for the viewer in a finished turn, or in the turn so far (None).

    A finished turn is known only when the game noted it (the window notes every turn played
    since the game was opened); None when it was not.
    """
    changes = view.game.changes
    st = view.game.state
    if turn is None:
        now = changes.mark(st)
        marks, items = (changes.start or now, now), tuple(changes.items)
        month, done = st.month, False
        numbers = (_turn_start(view), now.numbers)
    else:
        found = changes.turns.get(turn)
        if found is None:
            return None
        marks, items, month, done = (found.before, found.after), found.items, found.month, True
        numbers = (found.before.numbers, found.after.numbers)
    stats, globals_, rels = _numbers(view, items, numbers)
    signed, ended = _treaties(view, marks)
    borders, came_to_light = _borders(view, marks), _exposed(view, marks)
    number = turn if turn is not None else st.turn
    return TurnSummary(
        view.viewer,
        number,
        month,
        done,
        stats,
        globals_,
        rels,
        signed,
        ended,
        borders,
        came_to_light,
    )


def last_summary(view: CountryView) -> TurnSummary | None:
    """Return the summary of the latest finished turn the game noted, if any."""
    turns = view.game.changes.turns
    return turn_summary(view, max(turns)) if turns else None
