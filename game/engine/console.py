"""The author console's vocabulary: completions and read-only reports."""

from __future__ import annotations

from game.engine.game import Game
from game.rules.registry import EFFECTS

HELP = (
    "Commands: COUNTRY.stat = n | global += n | relation(A, B) = n | fire EVENT [COUNTRY] | "
    "any effect, e.g. set_flag(x) | flags | pending | help"
)


def words(game: Game) -> list[str]:
    """Return every id and stat reference the console can complete."""
    sc = game.scenario
    found = ["fire ", "flags", "pending", "help", *(f"{e}(" for e in EFFECTS)]
    found += [f"{c}.{s}" for c in sc.countries for s in sc.stats]
    found += [*sc.globals, *sc.events, *sc.flags, *sc.regions, *sc.countries, *sc.modifiers]
    return sorted(set(found))


def complete(game: Game, line: str) -> list[str]:
    """Return the completions of a console line's last word."""
    head, _, last = line.rpartition(" ")
    prefix = f"{head} " if head else ""
    start = last.rsplit("(", 1)[-1].rsplit(",", 1)[-1].strip()
    base = last[: len(last) - len(start)]
    return [f"{prefix}{base}{w}" for w in words(game) if w.startswith(start) and w != start]


def report(game: Game, line: str) -> str | None:
    """Answer a read-only console query, or return None if the line is not one."""
    st, lex = game.state, game.scenario.lex
    query = line.strip()
    if query == "help":
        return HELP
    if query == "flags":
        if not st.flags:
            return "No flags are set."
        return "; ".join(f"{f} (turn {t + 1})" for f, t in sorted(st.flags.items()))
    if query == "pending":
        due = [f"{s.event} for {s.country} on turn {s.turn + 1}" for s in st.scheduled]
        waiting = [f"{e} for {c}" for c, es in st.pending.items() for e in es]
        parts = []
        if waiting:
            parts.append("Waiting: " + ", ".join(waiting))
        if due:
            parts.append("Scheduled: " + ", ".join(due))
        return "; ".join(parts) or "No events are pending."
    if query in game.scenario.globals:
        return f"{lex.globals[query].name} = {st.globals[query]:g}"
    if "." in query and query.split(".", 1)[0] in st.stats:
        country, stat = query.split(".", 1)
        if stat in st.stats[country]:
            value = st.stats[country][stat]
            return f"{lex.possessive(country, st)} {lex.stats[stat].name} = {value:g}"
    return None
