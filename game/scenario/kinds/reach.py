"""Endings: every playable country always gets one, and every ending can be reached."""

from __future__ import annotations

from game.locale import _, ngettext
from game.scenario.build import Build
from game.scenario.compiled import Ending


def _always(en: Ending) -> bool:
    return en.when.kind == "const" and en.when.constant is True


def _fallbacks(b: Build, endings: list[Ending]) -> None:
    meta = b.m.scenario
    assert meta is not None
    for cid in meta.playable:
        if not any(cid in en.countries and not en.d.early and _always(en) for en in endings):
            b.report.table(
                "scenario",
                "playable",
                _(
                    "no fallback ending for {id}: when no ending's condition holds at the end, "
                    'the game ends with none; add an ending for {id} with when = "True" '
                    "and the lowest priority"
                ).format(id=cid),
                "warning",
            )


def check_endings(b: Build, endings: list[Ending]) -> None:
    """Warn of playable countries without a fallback and of endings hidden behind one."""
    _fallbacks(b, endings)
    forced = {name for kind, name in b.comp.uses.reached() if kind == "ending"}
    index = {d.id: i for i, d in enumerate(b.m.ending)}
    taken: dict[str, Ending] = {}  # country → the always-true ending that wins for it
    for en in endings:  # highest priority first, as the game tries them
        if en.d.early:
            continue
        first = {taken[c].d.id for c in en.countries if c in taken}
        if en.countries and all(c in taken for c in en.countries) and en.d.id not in forced:
            names = ", ".join(f"'{n}'" for n in sorted(first))
            b.report.at(
                "ending",
                index[en.d.id],
                "priority",
                ngettext(
                    "the ending is never reached: {names} always holds and is tried first "
                    "(higher priority, or the same priority earlier in the files)",
                    "the ending is never reached: {names} always holds and is tried first "
                    "(higher priority, or the same priority earlier in the files)",
                    len(first),
                ).format(names=names),
                "warning",
            )
        if _always(en):
            for c in en.countries:
                taken.setdefault(c, en)
