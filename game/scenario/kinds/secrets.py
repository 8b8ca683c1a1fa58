"""Secrets: who always knows (`known_to`) and the conditions that reveal them to everyone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.locale import _
from game.rules.errors import ExprError, unknown
from game.rules.nodes import Node
from game.scenario.build import PLAIN, Build


def _compile(b: Build, src: str, where: Callable[[str], None], out: dict[str, Node]) -> None:
    if not src or src in out:
        return
    try:
        out[src] = b.comp.condition(src, PLAIN)
    except ExprError as exc:
        where(_("in {source}: {reason}").format(source=f"'{src[:200]}'", reason=exc))


def _known(b: Build, names: list[str], where: Callable[[str, int], Callable[[str], None]]) -> None:
    for j, cid in enumerate(names):
        b.country(cid, where("known_to", j))


def link_reveals(b: Build) -> dict[str, Node]:
    """Check every secret's `known_to` and compile its `revealed_when`, once per source."""
    out: dict[str, Node] = {}
    kinds: tuple[tuple[str, list[Any]], ...] = (("action", b.m.action), ("modifier", b.m.modifier))
    for kind, items in kinds:
        for i, d in enumerate(items):
            at: Any = lambda key, j=None, i=i, kind=kind: b.at(  # noqa: E731
                kind, i, key if j is None else f"{key}[{j}]"
            )
            _known(b, d.known_to, at)
            _compile(b, d.revealed_when, at("revealed_when"), out)
    for table in ("stats", "globals"):
        for ident, d in getattr(b.m, table).items():
            tab: Any = lambda key, j=None, t=f"{table}.{ident}": b.tab(  # noqa: E731
                t, key if j is None else f"{key}[{j}]"
            )
            _known(b, d.known_to, tab)
            _compile(b, d.revealed_when, tab("revealed_when"), out)
    for i, a in enumerate(b.m.action):
        for j, other in enumerate(a.exclusive):
            if other not in b.lex.actions:
                b.report.at("action", i, f"exclusive[{j}]", unknown("action", other))
    return out
