"""Follow-ups and trigger() between events: circles that repeat or never end."""

from __future__ import annotations

from attrs import frozen

from game.locale import _, ngettext
from game.rules.effects import Effect, Trigger, walk
from game.scenario.build import Build
from game.scenario.compiled import Event


@frozen
class Edge:
    """One event scheduling another: where it is written and whether it is due at once."""

    source: int  # index of the scheduling event among the definitions
    target: str
    path: str
    now: bool


def _triggers(effects: list[Effect]) -> list[Trigger]:
    return [e for e in walk(effects) if isinstance(e, Trigger)]


def edges(b: Build, events: dict[str, Event]) -> dict[str, list[Edge]]:
    """Return, for each event id, the events its options schedule."""
    out: dict[str, list[Edge]] = {}
    for i, d in enumerate(b.m.event):
        found = out.setdefault(d.id, [])
        for j, option in enumerate(events[d.id].options):
            for k, f in enumerate(option.d.follow):
                found.append(Edge(i, f.event, f"options[{j}].follow[{k}]", f.delay <= 0))
            for k, effect in enumerate(option.effects):
                for t in _triggers([effect]):
                    found.append(Edge(i, t.refs[0][1], f"options[{j}].effects[{k}]", t.same_turn()))
    return out


def components(graph: dict[str, list[Edge]]) -> list[list[str]]:
    """Return the strongly connected groups of events (Tarjan's method, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, k = work.pop()
            if k == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = [e.target for e in graph[node] if e.target in graph]
            if k < len(targets):
                work.append((node, k + 1))
                nxt = targets[k]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                out.append(group)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return out


def _cycle(start: str, graph: dict[str, list[Edge]], members: set[str]) -> list[Edge] | None:
    """Return a shortest circle of edges from an event back to itself, within its group."""
    frontier: list[tuple[str, list[Edge]]] = [(start, [])]
    seen = {start}
    while frontier:
        nxt: list[tuple[str, list[Edge]]] = []
        for node, path in frontier:
            for edge in graph.get(node, []):
                if edge.target == start:
                    return [*path, edge]
                if edge.target in members and edge.target not in seen:
                    seen.add(edge.target)
                    nxt.append((edge.target, [*path, edge]))
        frontier = nxt
    return None


def _message(b: Build, ring: list[Edge], events: dict[str, Event]) -> tuple[str, str] | None:
    names = [b.m.event[ring[0].source].id, *(e.target for e in ring)]
    shown = " → ".join(names)
    members = [events[n].d for n in names[:-1]]
    if any(d.once for d in members):
        if len(ring) == 1:
            words = _("the event schedules itself ({ring}) but fires only once (once = true)")
            return words.format(ring=shown), "warning"
        return None
    if all(e.now for e in ring):
        words = _(
            "follow-ups go round in a circle within one turn: {ring}; "
            "each event sets off the next at once, without end"
        )
        return words.format(ring=shown), "error"
    rolled = [d.id for d in members if not d.triggered_only]
    more = (
        ngettext(
            "; {names} also fires on its own, so copies pile up turn after turn",
            "; {names} also fires on its own, so copies pile up turn after turn",
            len(rolled),
        ).format(names=", ".join(rolled))
        if rolled
        else _(", for the rest of the game")
    )
    words = _("follow-ups go round in a circle: {ring} repeats{more}")
    return words.format(ring=shown, more=more), "warning"


def check_cycles(b: Build, events: dict[str, Event]) -> None:
    """Report every circle of follow-ups and trigger() once, at its first event."""
    graph = edges(b, events)
    order: dict[str, int] = {d.id: i for i, d in enumerate(b.m.event)}
    for group in components(graph):
        members = set(group)
        first = min(group, key=lambda e: order.get(e, 0))
        ring = _cycle(first, graph, members)
        if ring is None:
            continue
        found = _message(b, ring, events)
        if found is not None:
            message, severity = found
            b.report.at("event", ring[0].source, ring[0].path, message, severity)
