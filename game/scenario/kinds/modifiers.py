"""[[modifier]]: timed and standing per-turn effects."""

from __future__ import annotations

from game.locale import _
from game.scenario.build import Build
from game.scenario.compiled import Modifier


def link_modifiers(b: Build) -> dict[str, Modifier]:
    """Check and compile every modifier; their effects are known to start_modifier's words."""
    out: dict[str, Modifier] = {}
    for i, m in enumerate(b.m.modifier):
        for j, cid in enumerate(m.standing):
            b.country(cid, b.at("modifier", i, f"standing[{j}]"))
        out[m.id] = Modifier(m, b.effects("modifier", i, "effects", m.effects))
        b.lex.modifier_effects[m.id] = out[m.id].effects
    _refuse_cycles(b, out)
    return out


def _starts(modifier: Modifier) -> list[str]:
    """Return the modifiers a modifier's effects start, blocks and groups included."""
    todo, found = list(modifier.effects), []
    while todo:
        effect = todo.pop()
        todo += effect.children()
        found += [ref for kind, ref in effect.links() if kind == "modifier"]
    return found


def _refuse_cycles(b: Build, modifiers: dict[str, Modifier]) -> None:
    """Report a modifier that starts itself, directly or through others (it never settles)."""
    graph = {mid: _starts(m) for mid, m in modifiers.items()}
    index: dict[str, int] = {m.id: i for i, m in enumerate(b.m.modifier)}
    reported: set[str] = set()
    for start in graph:
        stack, seen = [(start, [start])], set()
        while stack:
            at, path = stack.pop()
            for nxt in graph.get(at, []):
                if nxt == start and start not in reported:
                    reported.add(start)
                    cycle = " → ".join([*path, start])
                    words = _("modifier {id} starts itself: {cycle}")
                    message = words.format(id=f"'{start}'", cycle=cycle)
                    b.report.at("modifier", index[start], "effects", message)
                elif nxt not in seen and nxt in graph:
                    seen.add(nxt)
                    stack.append((nxt, [*path, nxt]))
