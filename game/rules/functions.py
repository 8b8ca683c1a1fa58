"""The functions expressions may call, each registered with its parameter kinds."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.locale import _
from game.model.state import GameState, relation_key
from game.rules.lexicon import Lexicon
from game.rules.nodes import Node
from game.rules.registry import Context, Param, function
from game.rules.text import event_title
from game.rules.types import Env, Fn, VType, me

NEVER = 9999  # turns_since() of something that never happened


def flag_key(name: str, country: str | None = None) -> str:
    """Return the state key of a flag, per country when a country is given."""
    return f"{name}@{country}" if country else name


@function("relation", Param.COUNTRY, Param.COUNTRY, example="relation(NORTH, SOUTH) > 10")
def _relation(c: Context, a: Node, b: Node, seg: str) -> Node:
    """Relations between two countries, from the scenario's minimum to its maximum."""
    fa, fb = a.fn, b.fn
    default = c.lex.relation_default
    fn: Fn = lambda st, env: st.relations.get(relation_key(fa(st, env), fb(st, env)), default)  # noqa: E731
    if a.steady and b.steady:
        key = relation_key(a.constant, b.constant)
        fn = lambda st, env: st.relations.get(key, default)  # noqa: E731
    elif a.steady or b.steady:  # relation(self, GER): one side is known here
        fn = _half_known(a.constant if a.steady else b.constant, fb if a.steady else fa, default)
    return Node(
        fn=fn,
        src=seg,
        kind="relation",
        words=lambda st, env, lx: _("relations {a}–{b}").format(
            a=a.text(st, env, lx), b=b.text(st, env, lx)
        ),
    )


def _half_known(known: str, get: Fn, default: float) -> Fn:
    """Return the reading of a relation one of whose countries is known when compiled."""
    if get is me:
        return lambda st, env: st.relations.get(
            f"{known}|{x}" if known <= (x := env.me) else f"{x}|{known}", default
        )
    return lambda st, env: st.relations.get(
        f"{known}|{x}" if known <= (x := get(st, env)) else f"{x}|{known}", default
    )


@function("owner", Param.REGION, example="owner(north_bank) == NORTH")
def _owner(c: Context, rid: str, seg: str) -> Node:
    """The country that holds a map region."""
    return Node(
        fn=lambda st, env: st.owners[rid],
        src=seg,
        type=VType.COUNTRY,
        words=lambda st, env, lx: _("the holder of {region}").format(region=lx.regions[rid]),
    )


@function("active", Param.ACTION, example="active(fortify)")
def _active(c: Context, aid: str, seg: str) -> Node:
    """True while a project of this action is running for any country."""
    return Node(
        fn=lambda st, env: any(p.action == aid for p in st.projects),
        src=seg,
        type=VType.BOOL,
        words=lambda st, env, lx: _("“{action}” under way").format(action=lx.actions[aid]),
    )


@function("used", Param.ACTION, example="used(envoy) >= 2")
def _used(c: Context, aid: str, seg: str) -> Node:
    """How many times any country has taken this action."""
    return Node(
        fn=lambda st, env: st.used.get(aid, 0),
        src=seg,
        words=lambda st, env, lx: _("times “{action}” taken").format(action=lx.actions[aid]),
    )


@function("fired", Param.EVENT, example="fired(flood)")
def _fired(c: Context, eid: str, seg: str) -> Node:
    """True once the event has fired."""
    return Node(
        fn=lambda st, env: eid in st.fired,
        src=seg,
        type=VType.BOOL,
        words=lambda st, env, lx: _("“{event}” has happened").format(
            event=event_title(lx, eid, st)
        ),
    )


@function("chosen", Param.EVENT, Param.OPTION, example="chosen(flood, rebuild)")
def _chosen(c: Context, eid: str, oid: str, seg: str) -> Node:
    """True when the event's last answer was the option with this id."""
    return Node(
        fn=lambda st, env: st.chosen.get(eid) == oid,
        src=seg,
        type=VType.BOOL,
        words=lambda st, env, lx: _("“{option}” chosen").format(option=lx.option_text(eid, oid)),
    )


def _last_taken(keys: list[str]) -> Callable[[GameState, Env], int | None]:
    """Return the turn an action was last taken, by any of its actors (keys "actor:action")."""

    def when(st: GameState, env: Env) -> int | None:
        used = st.last_used
        return max((used[k] for k in keys if k in used), default=None)

    return when


@function(
    "turns_since",
    Param.SINCE,
    example="turns_since(bridge_treaty) >= 4",
)
def _turns_since(c: Context, since: tuple[str, Any], seg: str) -> Node:
    """Turns since a flag was set (also `X.flag.name`), an event last fired, an action was last
    taken or a treaty was last signed; 9999 while it has not happened."""
    kind, what = since
    when: Callable[[GameState, Env], int | None]
    if kind == "flag":
        when = lambda st, env: st.flags.get(what)  # noqa: E731
        label: Callable[[GameState, Env, Lexicon], str] = lambda st, env, lx: lx.flags[what]  # noqa: E731
    elif kind == "country_flag":
        name, who = what
        when = lambda st, env: st.flags.get(flag_key(name, who.fn(st, env)))  # noqa: E731
        label = lambda st, env, lx: f"{lx.flags[name]} ({who.text(st, env, lx)})"  # noqa: E731
    elif kind == "event":
        when = lambda st, env: st.last_fired.get(what)  # noqa: E731
        label = lambda st, env, lx: event_title(lx, what, st)  # noqa: E731
    elif kind == "treaty":
        when = lambda st, env: st.treaty_signed.get(what)  # noqa: E731
        label = lambda st, env, lx: lx.treaties[what]  # noqa: E731
    else:
        when = _last_taken([f"{actor}:{what}" for actor in c.lex.actors.get(what, ())])
        label = lambda st, env, lx: lx.actions[what]  # noqa: E731

    def fn(st: GameState, env: Env) -> int:
        turn = when(st, env)
        return NEVER if turn is None else st.turn - turn

    return Node(
        fn=fn,
        src=seg,
        words=lambda st, env, lx: _("turns since “{what}”").format(what=label(st, env, lx)),
    )


@function("running", Param.TAG, example="running(military) >= 1")
def _running(c: Context, tag: str, seg: str) -> Node:
    """How many running projects carry the tag."""
    tagged = c.lex.tags[tag]
    return Node(
        fn=lambda st, env: sum(1 for p in st.projects if p.action in tagged),
        src=seg,
        words=lambda st, env, lx: _("running {tag} projects").format(tag=tag),
    )


@function("regions", Param.COUNTRY, example="regions(NORTH) >= 3")
def _regions(c: Context, who: Node, seg: str) -> Node:
    """How many map regions the country holds."""
    f = who.fn
    return Node(
        fn=lambda st, env: sum(1 for o in st.owners.values() if o == f(st, env)),
        src=seg,
        words=lambda st, env, lx: _("regions held by {country}").format(
            country=who.text(st, env, lx)
        ),
    )


@function("is_human", Param.COUNTRY, example="is_human(NORTH)")
def _is_human(c: Context, who: Node, seg: str) -> Node:
    """True when a person plays the country."""
    f = who.fn
    return Node(
        fn=lambda st, env: f(st, env) in st.humans,
        src=seg,
        type=VType.BOOL,
        words=lambda st, env, lx: _("{country} played by a person").format(
            country=who.text(st, env, lx)
        ),
    )


@function("modifier", Param.MODIFIER, example="modifier(famine)")
def _modifier(c: Context, mid: str, seg: str) -> Node:
    """True while the modifier is running."""
    return Node(
        fn=lambda st, env: any(m.id == mid for m in st.modifiers),
        src=seg,
        type=VType.BOOL,
        words=lambda st, env, lx: _("“{modifier}” in force").format(modifier=lx.modifiers[mid]),
    )


def _each(c: Context, cond: Node) -> Callable[[GameState, Env], list[bool]]:
    countries = list(c.lex.countries)
    f = cond.fn
    return lambda st, env: [bool(f(st, env.with_it(cid))) for cid in countries]


def _quantified(c: Context, cond: Node, seg: str, every: bool) -> Node:
    countries = list(c.lex.countries)
    f = cond.fn
    combine = all if every else any
    lead = _("every country where {condition}") if every else _("some country where {condition}")
    return Node(
        fn=lambda st, env: combine(f(st, env.with_it(cid)) for cid in countries),
        src=seg,
        type=VType.BOOL,
        words=lambda st, env, lx: lead.format(condition=cond.text(st, env, lx)),
    )


@function("any_country", Param.EACH, example="any_country(relation(self, it) > 50)")
def _any_country(c: Context, cond: Node, seg: str) -> Node:
    """True when the condition holds for at least one country (`it` is each in turn)."""
    return _quantified(c, cond, seg, every=False)


@function("all_countries", Param.EACH, example="all_countries(it.stability > 20 or it == self)")
def _all_countries(c: Context, cond: Node, seg: str) -> Node:
    """True when the condition holds for every country (`it` is each in turn)."""
    return _quantified(c, cond, seg, every=True)


@function("count_countries", Param.EACH, example="count_countries(relation(self, it) < 0) >= 2")
def _count_countries(c: Context, cond: Node, seg: str) -> Node:
    """How many countries the condition holds for (`it` is each in turn)."""
    each = _each(c, cond)
    return Node(
        fn=lambda st, env: sum(each(st, env)),
        src=seg,
        words=lambda st, env, lx: _("the number of countries where {condition}").format(
            condition=cond.text(st, env, lx)
        ),
    )


def _applied(impl: Callable[..., float], fns: list[Fn]) -> Fn:
    """Return `impl` of the arguments' values as one closure, without a generator per call."""
    if len(fns) == 1:
        (f,) = fns
        return lambda st, env: impl(f(st, env))
    if len(fns) == 2:
        f, g = fns
        return lambda st, env: impl(f(st, env), g(st, env))
    return lambda st, env: impl(*(f(st, env) for f in fns))


def _math(name: str, impl: Callable[..., float], doc: str, example: str, nargs: int) -> None:
    def build(c: Context, *args: Any) -> Node:
        *parts, seg = args
        return Node(
            fn=_applied(impl, [p.fn for p in parts]),
            src=seg,
            words=lambda st, env, lx: f"{name}({', '.join(p.text(st, env, lx) for p in parts)})",
        )

    build.__doc__ = doc
    function(name, *([Param.NUMBER] * nargs), example=example)(build)


_math("min", min, "The smaller of two numbers.", "min(self.strength, 50)", 2)
_math("max", max, "The larger of two numbers.", "max(self.strength - 10, 0)", 2)
_math("abs", abs, "The absolute value of a number.", "abs(relation(NORTH, SOUTH))", 1)


@function(
    "treaty",
    Param.TREATY,
    Param.COUNTRY,
    Param.COUNTRY,
    optional=2,
    example="treaty(bridge_pact, NORTH, SOUTH)",
)
def _treaty(c: Context, tid: str, a: Node | None, b: Node | None, seg: str) -> Node:
    """True while the treaty is in force (with these countries among its parties, if named)."""
    who = [n for n in (a, b) if n is not None]
    fns = [n.fn for n in who]

    def fn(st: GameState, env: Env) -> bool:
        wanted = [f(st, env) for f in fns]
        return any(t.id == tid and all(w in t.parties for w in wanted) for t in st.treaties)

    def words(st: GameState, env: Env, lx: Lexicon) -> str:
        names = _(" and ").join(n.text(st, env, lx) for n in who)
        if not names:
            return _("“{treaty}” in force").format(treaty=lx.treaties[tid])
        return _("“{treaty}” in force for {countries}").format(
            treaty=lx.treaties[tid], countries=names
        )

    return Node(fn=fn, src=seg, type=VType.BOOL, words=words)


@function("count_treaties", Param.COUNTRY, example="count_treaties(self) >= 2")
def _count_treaties(c: Context, who: Node, seg: str) -> Node:
    """How many treaties in force the country is party to."""
    f = who.fn
    return Node(
        fn=lambda st, env: sum(1 for t in st.treaties if f(st, env) in t.parties),
        src=seg,
        words=lambda st, env, lx: _("treaties in force for {country}").format(
            country=who.text(st, env, lx)
        ),
    )
