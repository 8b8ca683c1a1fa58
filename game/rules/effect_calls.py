"""The effect functions statements may call, each registered with its parameter kinds."""

from __future__ import annotations

from game.locale import N_, _, ngettext
from game.model.state import GameState, LogEntry, Scheduled
from game.rules import treaties
from game.rules.effects import Call, Effect, SetFlag, StartModifier, Trigger, whole
from game.rules.errors import ExprError
from game.rules.lexicon import Lexicon
from game.rules.nodes import Node
from game.rules.registry import Context, Param, effect
from game.rules.text import event_title
from game.rules.types import Env

MAX_DELAY = 1000


def clean_text(text: str, what: str) -> str:
    """Refuse control characters and lone surrogates in text a player will read."""
    for ch in text:
        code = ord(ch)
        if (code < 32 and ch not in "\n\t") or 0xD800 <= code <= 0xDFFF or code == 0x7F:
            words = _("{what} holds a control character ({code})")
            raise ExprError(words.format(what=_(what), code=f"U+{code:04X}"))
    return text


@effect("set_flag", Param.FLAG, Param.COUNTRY, optional=1, example="set_flag(bridge_treaty)")
def _set_flag(c: Context, name: str, who: Node | None, src: str) -> Effect:
    """Set a flag (declared in [flags]); a per-country flag names its country:
    set_flag(name, COUNTRY). Its turn is remembered for turns_since()."""
    c.flag(name, who is not None)
    return SetFlag(src, name, who, True)


@effect("clear_flag", Param.FLAG, Param.COUNTRY, optional=1, example="clear_flag(bridge_treaty)")
def _clear_flag(c: Context, name: str, who: Node | None, src: str) -> Effect:
    """Clear a flag (per-country flags name their country)."""
    c.flag(name, who is not None)
    return SetFlag(src, name, who, False)


@effect("trigger", Param.EVENT, Param.NUMBER, optional=1, example="trigger(bridge_brawl, 2)")
def _trigger(c: Context, eid: str, wait: Node | None, src: str) -> Effect:
    """Make an event happen for its country: this turn (no delay, or 0) or `delay` turns later."""
    country = c.lex.event_country[eid]
    if wait is not None and wait.kind == "const" and wait.constant < 0:
        raise ExprError(_("a delay cannot be negative (0: this same turn)"))

    def later(st: GameState, env: Env) -> int:
        return whole(wait.number(st, env), 0, MAX_DELAY) if wait is not None else 0

    def run(st: GameState, env: Env) -> None:
        st.scheduled.append(Scheduled(st.turn + later(st, env), eid, country))

    def words(st: GameState, env: Env, lx: Lexicon) -> str:
        turns = later(st, env)
        title = event_title(lx, eid, st)
        if not turns:
            return _("Leads to “{event}”").format(event=title)
        pattern = ngettext(
            "Leads to “{event}” in {n} turn", "Leads to “{event}” in {n} turns", turns
        )
        return pattern.format(event=title, n=turns)

    return Trigger(src, run, words, [("event", eid)], wait)


@effect("set_owner", Param.REGION, Param.COUNTRY, example="set_owner(east_hills, SOUTH)")
def _set_owner(c: Context, rid: str, who: Node, src: str) -> Effect:
    """Give a map region to a country."""

    def run(st: GameState, env: Env) -> None:
        st.owners[rid] = who.fn(st, env)

    return Call(
        src,
        run,
        lambda st, env, lx: _("{region} passes to {country}").format(
            region=lx.regions[rid], country=lx.country(who.fn(st, env), st)
        ),
        [("land", who.constant if who.steady else "*")],  # who may come to hold land
    )


@effect("rename", Param.COUNTRY, Param.TEXT, example='rename(NORTH, "Northern Union")')
def _rename(c: Context, who: Node, new: str, src: str) -> Effect:
    """Give a country a new display name."""
    clean_text(new, N_("the new name"))
    if not new.strip() or len(new) > 80:
        raise ExprError(_("the new name must be 1 to 80 characters"))

    def run(st: GameState, env: Env) -> None:
        st.names[who.fn(st, env)] = new

    return Call(
        src,
        run,
        lambda st, env, lx: _("{country} becomes {name}").format(
            country=lx.country(who.fn(st, env), st), name=new
        ),
    )


@effect(
    "start_modifier", Param.MODIFIER, Param.NUMBER, optional=1, example="start_modifier(famine, 4)"
)
def _start_modifier(c: Context, mid: str, span: Node | None, src: str) -> Effect:
    """Start a modifier for `turns` turns (default: its duration); `self` is the starter."""
    return StartModifier(src, mid, span, c.lex.modifier_duration[mid])


@effect("end_modifier", Param.MODIFIER, example="end_modifier(famine)")
def _end_modifier(c: Context, mid: str, src: str) -> Effect:
    """Stop a running modifier."""

    def run(st: GameState, env: Env) -> None:
        st.modifiers = [m for m in st.modifiers if m.id != mid]

    return Call(src, run, lambda st, env, lx: _("Ends “{name}”").format(name=lx.modifiers[mid]))


@effect("end_project", Param.ACTION, example="end_project(fortify)")
def _end_project(c: Context, aid: str, src: str) -> Effect:
    """Stop every running project of an action at once, without its on_complete effects."""

    def run(st: GameState, env: Env) -> None:
        st.projects = [p for p in st.projects if p.action != aid]

    return Call(src, run, lambda st, env, lx: _("Stops “{name}”").format(name=lx.actions[aid]))


@effect("end_game", Param.ENDING, example="end_game(war)")
def _end_game(c: Context, eid: str, src: str) -> Effect:
    """End the game at the end of this turn with the given ending."""

    def run(st: GameState, env: Env) -> None:
        st.forced_ending = st.forced_ending or eid

    return Call(
        src,
        run,
        lambda st, env, lx: _("The game ends: {ending}").format(ending=lx.endings[eid]),
        [("ending", eid)],
    )


@effect("log", Param.TEXT, example='log("Riots in {self.name}")')
def _log(c: Context, line: str, src: str) -> Effect:
    """Write a line to the news log; `{…}` fields are filled in with values."""
    text = c.text(clean_text(line, N_("the log text")))
    lex = c.lex

    def run(st: GameState, env: Env) -> None:
        month = st.month if env.month is None else env.month
        st.log.append(LogEntry(st.turn, month, "note", "", env.me, text.render(st, env, lex)))

    return Call(src, run, lambda st, env, lx: text.render(st, env, lx))


@effect(
    "sign_treaty",
    Param.TREATY,
    Param.COUNTRY,
    Param.COUNTRY,
    Param.COUNTRY,
    Param.COUNTRY,
    optional=2,
    example="sign_treaty(bridge_pact, NORTH, SOUTH)",
)
def _sign_treaty(c: Context, tid: str, *args: Node | str | None) -> Effect:
    """Sign a treaty among the countries named (the first as its proposer), without asking;
    for events that record an agreement."""
    *who, src = args
    parties = [w for w in who if isinstance(w, Node)]

    def run(st: GameState, env: Env) -> None:
        ids = list(dict.fromkeys(p.fn(st, env) for p in parties))
        if len(ids) >= 2 and treaties.find(st, tid, *ids) is None:
            month = st.month if env.month is None else env.month
            treaties.sign(st, c.lex, tid, ids, month)

    def words(st: GameState, env: Env, lx: Lexicon) -> str:
        names = ", ".join(lx.country(p.fn(st, env), st) for p in parties)
        return _("Signs “{treaty}” ({countries})").format(treaty=lx.treaties[tid], countries=names)

    return Call(str(src), run, words, [("treaty", tid)])


@effect("end_treaty", Param.TREATY, example="end_treaty(bridge_pact)")
def _end_treaty(c: Context, tid: str, src: str) -> Effect:
    """End a treaty in force, without its on_break effects."""
    return Call(
        src,
        lambda st, env: treaties.end(st, tid),
        lambda st, env, lx: _("Ends “{name}”").format(name=lx.treaties[tid]),
    )


@effect("expose_treaty", Param.TREATY, example="expose_treaty(bridge_pact)")
def _expose_treaty(c: Context, tid: str, src: str) -> Effect:
    """Make a secret treaty in force known to every country."""
    return Call(
        src,
        lambda st, env: treaties.expose(st, tid),
        lambda st, env, lx: _("Exposes “{treaty}”").format(treaty=lx.treaties[tid]),
    )
