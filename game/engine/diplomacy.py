"""Treaties between countries: who may propose what, why the others accept, signing and breaking."""

from __future__ import annotations

from attrs import frozen

from game.engine.eligibility import Blocker, closing, points
from game.locale import _
from game.model.state import GameState, LogEntry, Proposal
from game.rules import treaties
from game.rules.effects import apply_all
from game.rules.lexicon import Lexicon
from game.rules.types import Env
from game.scenario.compiled import Scenario, Treaty

# A reason sum at least this far from zero is a clear answer that no noise may flip.
CLEAR_ANSWER = 5.0


@frozen
class Verdict:
    """How an invited party weighs a proposal: each reason's value and their sum."""

    party: str
    reasons: tuple[tuple[str, float], ...]

    @property
    def total(self) -> float:
        """Return the sum of the reasons; above zero means yes."""
        return round(sum(v for _why, v in self.reasons), 1)

    @property
    def accepts(self) -> bool:
        """True when the reasons add up to a yes."""
        return self.total > 0


def invitees(sc: Scenario, treaty: Treaty, me: str, partner: str | None) -> list[str]:
    """Return whom a proposal invites: the chosen partner, or the listed parties."""
    if treaty.bilateral:
        return [partner] if partner else []
    return [p for p in treaty.d.parties if p != me]


def candidates(sc: Scenario, treaty: Treaty, me: str) -> list[str]:
    """Return the partners a bilateral treaty may be proposed to, in scenario order."""
    return [c for c in (treaty.d.targets or sc.others[me]) if c != me]


def verdict(sc: Scenario, st: GameState, treaty: Treaty, party: str, proposer: str) -> Verdict:
    """Weigh a proposal from the invited party's side (`self` is the party, `target` proposes)."""
    env = Env(party, proposer)
    return Verdict(party, tuple((r.why, round(r.value.number(st, env), 1)) for r in treaty.accept))


def accepts(sc: Scenario, st: GameState, treaty: Treaty, party: str, proposer: str) -> bool:
    """Return `verdict(...).accepts` without building the verdict (for the computer's offers)."""
    env = Env(party, proposer)
    total: float = 0  # summed in order from 0, as sum() does
    for reason in treaty.accept:
        total += round(reason.value.number(st, env), 1)
    return round(total, 1) > 0


def may_offer(sc: Scenario, st: GameState, treaty: Treaty, me: str, invited: list[str]) -> bool:
    """Return `not blockers(..., explain=False)` for an offer from `ai._offers`.

    The proposer is one that may propose the treaty, has the points and meets `when`, and a
    bilateral partner is a candidate that meets `target_when`: those are not checked again.
    """
    if st.over or st.closing or not invited:
        return False
    if not treaty.bilateral:
        aim = treaty.target_when.fn
        for party in invited:
            if not aim(st, Env(me, party)):
                return False
    d = treaty.d
    if treaties.find(st, d.id, me, *invited[:1]):
        return False
    for p in st.proposals:
        if p.treaty == d.id and p.proposer == me:
            return False
    for other in d.exclusive:
        for who in (me, *invited):
            if treaties.find(st, other, who):
                return False
    return True


# Unworded reasons, for `explain=False` (the computer and the balance counts read codes only).
_QUIET = {
    code: Blocker(code, "")
    for code in (
        "over",
        "closing",
        "actor",
        "points",
        "condition",
        "no_target",
        "target",
        "in_force",
    )
    + ("waiting", "exclusive")
}


def blockers(
    sc: Scenario,
    st: GameState,
    treaty: Treaty,
    me: str,
    invited: list[str],
    explain: bool = True,
) -> list[Blocker]:
    """Return why a country may not propose a treaty to these parties now ([] when it may).

    With `explain=False` the same reasons come unworded, one per reason as when worded.
    """
    d, lex = treaty.d, sc.lex
    if st.over:
        return [Blocker("over", _("The game is over")) if explain else _QUIET["over"]]
    if st.closing:
        return [closing() if explain else _QUIET["closing"]]
    if d.proposers and me not in d.proposers:
        if not explain:
            return [_QUIET["actor"]]
        return [
            Blocker("actor", _("{country} cannot propose it").format(country=lex.country(me, st)))
        ]
    out = []
    have = st.ap.get(me, 0)
    if d.cost > have:
        out.append(points(d.cost, have) if explain else _QUIET["points"])
    alone = Env(me, None)
    if not treaty.when.fn(st, alone):
        if explain:
            out += [Blocker("condition", r) for r in treaty.when.explain(st, alone, lex)]
        else:
            out.append(_QUIET["condition"])
    out += _party_blockers(sc, st, treaty, me, invited, explain)
    return out


def _party_blockers(
    sc: Scenario, st: GameState, treaty: Treaty, me: str, invited: list[str], explain: bool
) -> list[Blocker]:
    d, lex = treaty.d, sc.lex
    if not invited:
        if not explain:
            return [_QUIET["no_target"]]
        return [Blocker("no_target", _("Choose a country to propose it to"))]
    if treaty.bilateral and invited[0] not in candidates(sc, treaty, me):
        if not explain:
            return [_QUIET["target"]]
        name = lex.country(invited[0], st)
        return [Blocker("target", _("It cannot be proposed to {country}").format(country=name))]
    out = []
    for party in invited:
        env = Env(me, party)
        if not treaty.target_when.fn(st, env):
            if not explain:
                out.append(_QUIET["target"])
                continue
            words = treaty.target_when.explain(st, env, lex)
            out += [Blocker("target", f"{lex.country(party, st)}: {w}") for w in words]
    if treaties.find(st, d.id, me, *invited[:1]):
        out.append(Blocker("in_force", _("Already in force")) if explain else _QUIET["in_force"])
    for p in st.proposals:
        if p.treaty == d.id and p.proposer == me:
            if explain:
                out.append(Blocker("waiting", _("Already proposed; waiting for an answer")))
            else:
                out.append(_QUIET["waiting"])
            break
    out += _bound(sc, st, treaty, me, invited, explain)
    return out


def _bound(
    sc: Scenario, st: GameState, treaty: Treaty, me: str, invited: list[str], explain: bool
) -> list[Blocker]:
    """Return a reason for each party bound by a treaty this one excludes."""
    out = []
    for other in treaty.d.exclusive:
        for who in (me, *invited):
            if not treaties.find(st, other, who):
                continue
            if not explain:
                out.append(_QUIET["exclusive"])
                continue
            bound = _("{country} is bound by “{treaty}”")
            words = bound.format(country=sc.lex.country(who, st), treaty=sc.lex.treaties[other])
            out.append(Blocker("exclusive", words))
    return out


def conclude(sc: Scenario, st: GameState, proposal: Proposal) -> bool:
    """Sign a proposal that enough parties accepted, or apply its refusal; True when signed."""
    treaty = sc.treaties[proposal.treaty]
    st.proposals = [p for p in st.proposals if p.number != proposal.number]
    yes = [p for p in proposal.invited if proposal.answers.get(p)]
    if 1 + len(yes) >= treaty.d.min_parties:
        treaties.sign(st, sc.lex, treaty.d.id, [proposal.proposer, *yes], proposal.month)
        return True
    refuser = next((p for p in proposal.invited if not proposal.answers.get(p)), None)
    _log_refusal(st, sc.lex, treaty, proposal, refuser)
    apply_all(treaty.on_refused, st, Env(proposal.proposer, refuser, proposal.month))
    return False


def _log_refusal(
    st: GameState, lex: Lexicon, treaty: Treaty, proposal: Proposal, refuser: str | None
) -> None:
    from game.model.state import LogEntry

    who = lex.country(refuser, st) if refuser else "the others"
    title = f"{treaty.d.name}: refused by {who}"  # the frontend words it from id and text
    parties = ",".join(p for p in (proposal.proposer, refuser) if p)
    st.log.append(
        LogEntry(
            st.turn, proposal.month, "refusal", treaty.d.id, proposal.proposer, title, text=parties
        )
    )


def break_blockers(sc: Scenario, st: GameState, me: str, tid: str) -> list[Blocker]:
    """Return why a country may not break a treaty now ([] when it may)."""
    if st.closing:
        return [closing()]
    treaty = sc.treaties.get(tid)
    if treaty is None or treaties.find(st, tid, me) is None:
        return [Blocker("not_party", _("It is not party to that treaty"))]
    if not treaty.d.breakable:
        return [
            Blocker("unbreakable", _("“{treaty}” cannot be broken").format(treaty=treaty.d.name))
        ]
    return []


def break_treaty(sc: Scenario, st: GameState, me: str, tid: str, month: int) -> None:
    """Break a treaty: its `on_break` effects fall on the breaker; it ends for all."""
    found = treaties.find(st, tid, me)
    assert found is not None
    other = next((p for p in found.parties if p != me), None)
    apply_all(sc.treaties[tid].on_break, st, Env(me, other, month))
    treaties.end(st, tid)
    title = f"{sc.treaties[tid].d.name} broken by {sc.lex.country(me, st)}"
    st.log.append(LogEntry(st.turn, month, "broken", tid, me, title, text=",".join(found.parties)))


def run_treaties(sc: Scenario, st: GameState) -> None:
    """Apply each treaty in force's per-turn effects; end those that ran out or whose end came."""
    for found in list(st.treaties):
        treaty = sc.treaties[found.id]
        env = Env(found.parties[0], found.parties[1] if len(found.parties) > 1 else None)
        apply_all(treaty.per_turn, st, env)
        if found.turns_left:
            found.turns_left -= 1
        ran_out = treaty.d.duration and found.turns_left <= 0
        if ran_out or (treaty.d.ends_when and treaty.ends_when.fn(st, env)):
            st.treaties = [t for t in st.treaties if t is not found]
