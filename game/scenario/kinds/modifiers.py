"""[[modifier]]: timed and standing per-turn effects."""

from __future__ import annotations

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
    return out
