"""Treaty commands in play: proposing, answering and breaking, and what each side sees first."""

from __future__ import annotations

from attrs import define

from game.engine import ai, diplomacy
from game.engine.commands import AnswerProposal, BreakTreaty, GameError, ProposeTreaty
from game.engine.diplomacy import Verdict
from game.engine.eligibility import Blocker
from game.engine.strategies import Policy
from game.model.state import GameState, Proposal
from game.rules import treaties
from game.rules.effects import describe_all
from game.rules.types import Env
from game.scenario.compiled import Scenario, Treaty

# Noise on a computer's answer when its reasons nearly balance, by difficulty.
ANSWER_NOISE = {0: 6.0, 1: 4.0, 2: 2.0}


@define
class TreatyView:
    """A treaty as a country could propose it to these parties now, with the answers to expect."""

    treaty: Treaty
    invited: list[str]
    ok: bool
    blockers: list[Blocker]
    verdicts: list[Verdict]
    on_sign: list[str]
    per_turn: list[str]
    on_refused: list[str]

    @property
    def reasons(self) -> list[str]:
        """Return why it cannot be proposed, in words."""
        return [b.message for b in self.blockers]


def ai_accepts(sc: Scenario, st: GameState, treaty: Treaty, party: str, proposer: str) -> bool:
    """Answer for a computer party: by its reasons, with noise only where they nearly balance."""
    if st.historical and treaty.d.historical:
        return True
    total = diplomacy.verdict(sc, st, treaty, party, proposer).total
    if abs(total) >= diplomacy.CLEAR_ANSWER:
        return total > 0
    noise = ANSWER_NOISE.get(st.difficulty, 4.0)
    return total + noise * (st.rng.random() - 0.5) > 0


class Negotiation:
    """Treaty commands and views; mixed into Game, which holds the scenario and the state."""

    scenario: Scenario
    state: GameState
    # How often each (treaty, reason) was the weightiest reason of a computer's refusal.
    refusals: dict[tuple[str, str], int]

    def _human(self, cid: str) -> None:
        raise NotImplementedError

    def _within_turn(self, month: int | None) -> int:
        raise NotImplementedError

    def _fire_due(self, now: int | None = None) -> None:
        raise NotImplementedError

    # ---- views ------------------------------------------------------------------------
    def treaty_view(self, me: str, tid: str, partner: str | None = None) -> TreatyView:
        """Return a treaty as `me` could propose it (to `partner`, when bilateral)."""
        sc, st = self.scenario, self.state
        treaty = sc.treaties[tid]
        invited = diplomacy.invitees(sc, treaty, me, partner)
        found = diplomacy.blockers(sc, st, treaty, me, invited)
        verdicts = [diplomacy.verdict(sc, st, treaty, p, me) for p in invited]
        env = Env(me, invited[0] if invited else None)
        on_sign = describe_all(treaty.on_sign, st, env, sc.lex)
        per_turn = describe_all(treaty.per_turn, st, env, sc.lex)
        refused = describe_all(treaty.on_refused, st, env, sc.lex)
        return TreatyView(treaty, invited, not found, found, verdicts, on_sign, per_turn, refused)

    def answer_view(self, me: str, proposal: Proposal) -> TreatyView:
        """Return a waiting proposal as the invited country sees it: reasons and both outcomes."""
        sc, st = self.scenario, self.state
        treaty = sc.treaties[proposal.treaty]
        env = Env(proposal.proposer, me)
        return TreatyView(
            treaty,
            list(proposal.invited),
            True,
            [],
            [diplomacy.verdict(sc, st, treaty, me, proposal.proposer)],
            describe_all(treaty.on_sign, st, env, sc.lex),
            describe_all(treaty.per_turn, st, env, sc.lex),
            describe_all(treaty.on_refused, st, env, sc.lex),
        )

    def incoming(self, me: str) -> list[Proposal]:
        """Return the proposals waiting for this country's answer."""
        return [p for p in self.state.proposals if me in p.invited and me not in p.answers]

    def treaties_known_to(self, me: str) -> list[treaties.TreatyInForce]:
        """Return the treaties in force that this country knows of (secret ones: its own)."""
        sc = self.scenario
        return [
            t
            for t in self.state.treaties
            if me in t.parties or t.public or not sc.treaties[t.id].d.secret
        ]

    # ---- commands -----------------------------------------------------------------------
    def _ai_proposals(self, cid: str, policy: Policy | None) -> None:
        """Let a computer country propose: by its policy, or every historical treaty due."""
        st, sc = self.state, self.scenario
        if policy is not None or not st.historical:
            offers = policy.proposals(sc, st, cid) if policy else ai.choose_proposals(sc, st, cid)
            for treaty, invited in offers:
                self.propose(treaty, cid, invited)
            return
        for _ in sc.treaties:  # historical: every treaty that falls due, one after another
            pick = ai.historical_proposal(sc, st, cid)
            if pick is None:
                return
            self.propose(pick[0], cid, pick[1])

    def _propose(self, cmd: ProposeTreaty) -> None:
        self._human(cmd.country)
        treaty = self.scenario.treaties.get(cmd.treaty)
        if treaty is None:
            raise GameError(f"There is no treaty '{cmd.treaty}'")
        partner = cmd.parties[0] if cmd.parties else None
        invited = diplomacy.invitees(self.scenario, treaty, cmd.country, partner)
        found = diplomacy.blockers(self.scenario, self.state, treaty, cmd.country, invited)
        if found:
            raise GameError(f"{treaty.d.name}: {found[0].message}")
        self.propose(treaty, cmd.country, invited)

    def propose(self, treaty: Treaty, me: str, invited: list[str]) -> None:
        """Make a proposal: computer parties answer at once, people when they next decide."""
        sc, st = self.scenario, self.state
        st.ap[me] = st.ap.get(me, 0) - treaty.d.cost
        st.proposals_made += 1
        month = self._within_turn(treaty.historical_month if st.historical else None)
        proposal = Proposal(st.proposals_made, treaty.d.id, me, list(invited), month=month)
        for party in invited:
            if party not in st.humans:
                proposal.answers[party] = yes = ai_accepts(sc, st, treaty, party, me)
                if not yes:
                    self._count_refusal(treaty, party, me)
        st.proposals.append(proposal)
        if len(proposal.answers) == len(invited):
            diplomacy.conclude(sc, st, proposal)
            self._fire_due(month)  # what signing or refusing sets off happens this turn

    def _count_refusal(self, treaty: Treaty, party: str, me: str) -> None:
        reasons = diplomacy.verdict(self.scenario, self.state, treaty, party, me).reasons
        why = min(reasons, key=lambda r: r[1])[0] if reasons else ""
        key = (treaty.d.id, why)
        self.refusals[key] = self.refusals.get(key, 0) + 1

    def _answer(self, cmd: AnswerProposal) -> None:
        self._human(cmd.country)
        proposal = next((p for p in self.incoming(cmd.country) if p.number == cmd.proposal), None)
        if proposal is None:
            raise GameError("That proposal is not waiting for your answer")
        proposal.answers[cmd.country] = cmd.accept
        if len(proposal.answers) == len(proposal.invited):
            diplomacy.conclude(self.scenario, self.state, proposal)
            self._fire_due(proposal.month)

    def _break(self, cmd: BreakTreaty) -> None:
        self._human(cmd.country)
        found = diplomacy.break_blockers(self.scenario, self.state, cmd.country, cmd.treaty)
        if found:
            raise GameError(found[0].message)
        month = self._within_turn(None)
        diplomacy.break_treaty(self.scenario, self.state, cmd.country, cmd.treaty, month)
