"""The author console's vocabulary: completions that fit where the cursor is, and read-only
answers, including any condition or value typed on its own."""

from __future__ import annotations

from game.engine.game import Game
from game.locale import N_, _
from game.rules.compiler import Compiler, Scope
from game.rules.errors import ExprError
from game.rules.nodes import Node, show
from game.rules.registry import EFFECTS, FUNCTIONS, Param
from game.rules.types import Env

HELP = N_(
    "Commands: COUNTRY.stat = n | global += n | relation(A, B) = n | fire EVENT [COUNTRY] | "
    "any effect, e.g. set_flag(x) | flags | pending | help | any condition or value, "
    "e.g. COUNTRY.stat >= 50"
)
COMMANDS = ["fire ", "flags", "pending", "help"]
_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.")


def _values(game: Game) -> list[str]:
    """Return what may stand where a value or condition is expected."""
    sc = game.scenario
    found = [f"{f}(" for f in FUNCTIONS] + [*sc.globals, *sc.lex.conditions, "flag.", "self."]
    found += [f"{c}." for c in sc.countries] + ["year", "month", "date", "turn"]
    return found


def _ids(game: Game, param: Param, before: list[str]) -> list[str]:
    """Return the ids an argument of a given kind may be."""
    sc, lex = game.scenario, game.scenario.lex
    tables: dict[Param, list[str]] = {
        Param.COUNTRY: [*sc.countries, "self"],
        Param.EVENT: list(sc.events),
        Param.REGION: list(sc.regions),
        Param.ACTION: list(sc.actions),
        Param.FLAG: list(sc.flags),
        Param.MODIFIER: list(sc.modifiers),
        Param.ENDING: [e.d.id for e in sc.endings],
        Param.TAG: list(lex.tags),
        Param.SINCE: [*sc.flags, *sc.events, *sc.actions],
        Param.OPTION: list(lex.options.get(before[-1].strip(), {})) if before else [],
    }
    return tables.get(param, _values(game))


def _call_at(text: str) -> tuple[str, list[str]] | None:
    """Return the innermost open call before the cursor and its finished arguments."""
    stack: list[tuple[str, list[str], int]] = []
    for i, ch in enumerate(text):
        if ch == "(":
            j = i
            while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "_"):
                j -= 1
            stack.append((text[j:i], [], i + 1))
        elif ch == "," and stack:
            name, args, start = stack[-1]
            stack[-1] = (name, [*args, text[start:i]], i + 1)
        elif ch == ")" and stack:
            stack.pop()
    return (stack[-1][0], stack[-1][1]) if stack else None


def _after_dot(game: Game, base: str) -> list[str]:
    sc = game.scenario
    if base == "flag":
        return [f for f in sc.flags if f not in sc.lex.per_country]
    if base.endswith(".flag"):
        return sorted(sc.lex.per_country)
    if base in sc.countries or base in ("self", "target", "it"):
        return [*sc.stats, "name", *(["flag."] if sc.lex.per_country else [])]
    return []


def candidates(game: Game, before: str, word: str) -> list[str]:
    """Return what may complete a word, given the text before it."""
    if "." in word:
        base = word.rsplit(".", 1)[0]
        return [f"{base}.{w}" for w in _after_dot(game, base)]
    parts = before.split()
    if parts[:1] == ["fire"]:
        sc = game.scenario
        return list(sc.events) if len(parts) == 1 else list(sc.countries)
    call = _call_at(before)
    if call is not None:
        name, args = call
        found = FUNCTIONS.get(name) or EFFECTS.get(name)
        if found is not None and len(args) < len(found.params):
            return _ids(game, found.params[len(args)], args)
        return _values(game)
    if not before.strip():
        return [*COMMANDS, *(f"{e}(" for e in EFFECTS), *game.scenario.lex.groups, *_values(game)]
    return _values(game)


def complete(game: Game, line: str) -> list[str]:
    """Return the completions of the word at the end of a console line."""
    cut = len(line)
    while cut > 0 and line[cut - 1] in _WORD:
        cut -= 1
    before, word = line[:cut], line[cut:]
    found = sorted(set(candidates(game, before, word)))
    return [f"{before}{w}" for w in found if w.startswith(word) and w != word]


def _evaluate(game: Game, line: str, me: str) -> str | None:
    """Evaluate a condition or value typed on its own; None if the line is not one."""
    sc, st = game.scenario, game.state
    try:
        node = Compiler(sc.lex).value(line, Scope())
    except ExprError:
        return None
    env = Env(me or (st.humans[0] if st.humans else sc.meta.playable[0]), None)
    value = node.fn(st, env)
    if not isinstance(value, bool):
        return show(value, sc.lex, st)
    words = _("{value} is {now}")
    seen = [words.format(value=n.src, now=show(n.fn(st, env), sc.lex, st)) for n in _measured(node)]
    now = f" ({', '.join(dict.fromkeys(seen))})" if seen else ""
    return (_("true") if value else _("false")) + now


def _measured(node: Node) -> list[Node]:
    """Return the non-constant sides of the comparisons in a condition."""
    if node.kind == "compare":
        return [p for p in node.parts if p.kind != "const"]
    if node.kind in ("and", "or", "not"):
        return [m for part in node.parts for m in _measured(part)]
    return []


def _pending(game: Game) -> str:
    """Say which events wait for an answer and which are scheduled for a later turn."""
    st = game.state
    on_turn, meant = _("{event} for {country} on turn {turn}"), _("{event} for {country}")
    due = [on_turn.format(event=s.event, country=s.country, turn=s.turn + 1) for s in st.scheduled]
    waiting = [meant.format(event=e, country=c) for c, es in st.pending.items() for e in es]
    parts = []
    if waiting:
        parts.append(_("Waiting: {events}").format(events=", ".join(waiting)))
    if due:
        parts.append(_("Scheduled: {events}").format(events=", ".join(due)))
    return "; ".join(parts) or _("No events are pending.")


def report(game: Game, line: str, me: str = "") -> str | None:
    """Answer a read-only console query, or return None if the line is not one."""
    st, lex = game.state, game.scenario.lex
    query = line.strip()
    if query == "help":
        return _(HELP)
    if query == "flags":
        if not st.flags:
            return _("No flags are set.")
        since = _("{flag} (turn {turn})")
        return "; ".join(since.format(flag=f, turn=t + 1) for f, t in sorted(st.flags.items()))
    if query == "pending":
        return _pending(game)
    if query in game.scenario.globals:
        return f"{lex.globals[query].name} = {st.globals[query]:g}"
    if "." in query and query.split(".", 1)[0] in st.stats:
        country, stat = query.split(".", 1)
        if stat in st.stats[country]:
            value = st.stats[country][stat]
            return f"{lex.possessive(country, st)} {lex.stats[stat].name} = {value:g}"
    return _evaluate(game, query, me) if query else None
