"""Utility AI: scores each candidate by its effects under the country's profile, one step ahead."""

from __future__ import annotations

from game.engine import diplomacy
from game.engine.ai_plan import CountryPlan, Weighed, plan, weigh, worth
from game.engine.eligibility import blockers, open_targets, valid_targets
from game.engine.exclusive import clashes_with
from game.engine.valuation import PROJECT_FACTOR
from game.model.state import GameState
from game.rules.types import Env
from game.scenario.compiled import Action, Event, Option, Scenario, Treaty

# Noise added to every utility, by difficulty: easy AIs wander, hard ones optimise.
NOISE = {0: 8.0, 1: 5.0, 2: 2.5}
# Noise is centred a little above zero so that an AI sometimes acts on a small gain.
NOISE_BIAS = 0.3


def _noise(st: GameState) -> float:
    return NOISE.get(st.difficulty, 5.0)


def action_value(sc: Scenario, st: GameState, action: Action, me: str, target: str | None) -> float:
    """Estimate what an action is worth to a country: now, per turn and on completion."""
    return worth(plan(sc, me).entry(action), st, Env(me, target))


def choose_option(sc: Scenario, st: GameState, event: Event, me: str) -> Option | None:
    """Pick an option for an AI country (the historical one in historical mode)."""
    env = Env(me, None)
    visible = [o for o in event.options if o.when.fn(st, env)]
    if len(visible) <= 1:
        return visible[0] if visible else None
    if st.historical:
        marked = [o for o in visible if o.d.historical]
        if marked:
            return marked[0]
    value = plan(sc, me).valuer.total
    noise = _noise(st)
    best, best_score = visible[0], float("-inf")
    for option in visible:
        if option.d.ai_weight <= 0:
            continue
        score = weigh(value(option.effects, st, env), option.d.ai_weight)
        score += option.d.ai_weight * noise * st.rng.random()
        if score > best_score:
            best, best_score = option, score
    return best


def choose_actions(sc: Scenario, st: GameState, me: str) -> list[tuple[Action, str | None]]:
    """Pick the actions an AI country takes this turn, within its action points."""
    mine = plan(sc, me)
    if not mine.entries:
        return []
    if st.historical:
        return _historical(sc, st, me, sc.actions_for(me))
    activity = sc.countries[me].ai.activity
    noise = _noise(st)
    points = st.ap.get(me, 0)
    # Score every open (action, target) once, then take the best that still fit the points.
    scored: list[tuple[float, int, Action, str | None]] = []
    for entry in mine.actions:
        action = entry.action
        if action.d.cost > points:
            continue
        targets = open_targets(sc, st, action, me)
        best = _best_target(entry, st, mine, targets, noise, activity) if targets else None
        if best is not None:
            scored.append((best[0], entry.index, action, best[1]))
    scored.sort(key=lambda item: (-item[0], item[1]))
    picks: list[tuple[Action, str | None]] = []
    for _, _, action, target in scored:
        if action.d.cost <= points and not clashes_with(sc, action, [a for a, _ in picks]):
            picks.append((action, target))
            points -= action.d.cost
    return picks


def _best_target(
    entry: Weighed,
    st: GameState,
    mine: CountryPlan,
    targets: list[str | None],
    noise: float,
    activity: float,
) -> tuple[float, str | None] | None:
    """Score an action at each open target (one draw each); return the best positive score."""
    d = entry.action.d
    per_point, spread = max(d.cost, 1), noise * d.ai_weight
    best: tuple[float, str | None] | None = None
    for target in targets:
        # Effects worth nothing whatever the state score 0 (weighed, 0 stays 0): not computed.
        score = 0.0 if entry.worthless else worth(entry, st, mine.env(target)) / per_point
        score += spread * (st.rng.random() - NOISE_BIAS)
        score *= activity
        if score > 0 and (best is None or score > best[0]):
            best = (score, target)
    return best


def _historical(
    sc: Scenario, st: GameState, me: str, actions: list[Action]
) -> list[tuple[Action, str | None]]:
    """Take every historical action that is due, whatever it costs."""
    last_month = st.month + sc.meta.months_per_turn - 1
    picks: list[tuple[Action, str | None]] = []
    for action in actions:
        due = action.historical_month
        if not action.d.historical or due is None or last_month < due:
            continue
        if f"{me}:{action.d.id}" in st.last_used:
            continue
        if any(b.code != "points" for b in blockers(sc, st, action, me, explain=False)):
            continue
        target = None
        if action.d.target is not None:
            target = valid_targets(sc, st, action, me)[0]
        picks.append((action, target))
    return picks


# Turns of per-turn effects a computer counts for an open-ended treaty.
TREATY_HORIZON = 8


def treaty_value(
    sc: Scenario, st: GameState, treaty: Treaty, me: str, partner: str | None
) -> float:
    """Estimate what signing a treaty is worth to the proposer: at once and while in force."""
    mine = plan(sc, me)
    value, env = mine.valuer.total, mine.env(partner)
    turns = treaty.d.duration or TREATY_HORIZON
    signing = value(treaty.on_sign, st, env)
    signing += PROJECT_FACTOR * turns * value(treaty.per_turn, st, env)
    return weigh(signing, treaty.d.ai_weight)


def _offers(sc: Scenario, st: GameState, treaty: Treaty, me: str) -> list[list[str]]:
    """Return the invitations a country could send for a treaty now."""
    if treaty.bilateral:
        aim, mine = treaty.target_when.fn, plan(sc, me)
        return [[c] for c in mine.candidates(sc, treaty) if aim(st, mine.env(c))]
    return [diplomacy.invitees(sc, treaty, me, None)]


def _enough(sc: Scenario, st: GameState, treaty: Treaty, me: str, invited: list[str]) -> bool:
    """Return whether enough invited parties would accept for the treaty to be signed."""
    needed = treaty.d.min_parties - 1  # the proposer signs
    if needed <= 0:
        return True
    return sum(diplomacy.accepts(sc, st, treaty, p, me) for p in invited) >= needed


def choose_proposals(sc: Scenario, st: GameState, me: str) -> list[tuple[Treaty, list[str]]]:
    """Pick at most one treaty to propose this turn: worth it, and likely to be accepted."""
    if st.historical:
        pick = historical_proposal(sc, st, me)
        return [pick] if pick else []
    best: tuple[float, Treaty, list[str]] | None = None
    points = st.ap.get(me, 0)
    alone = Env(me, None)
    for treaty in sc.treaties_for(me):
        d = treaty.d
        if d.cost > points or d.ai_weight <= 0 or not treaty.when.fn(st, alone):
            continue
        for invited in _offers(sc, st, treaty, me):
            if not diplomacy.may_offer(sc, st, treaty, me, invited):
                continue
            draw = st.rng.random()  # drawn for every open offer, whether or not it can succeed
            score = treaty_value(sc, st, treaty, me, invited[0] if invited else None)
            score += _noise(st) * (draw - NOISE_BIAS)
            # Both tests read the state only; the cheaper one, on the score, goes first.
            if not (score > 0 and (best is None or score > best[0])):
                continue
            if _enough(sc, st, treaty, me, invited):
                best = (score, treaty, invited)
    return [(best[1], best[2])] if best else []


def _asked_before(st: GameState, tid: str, me: str, parties: list[str]) -> bool:
    """True when a treaty was once signed with these parties, or refused to this proposer."""
    for e in st.log:
        if e.id != tid:
            continue
        if e.kind == "refusal" and e.country == me:
            return True
        if e.kind == "treaty" and all(p in e.text.split(",") for p in parties):
            return True
    return False


def historical_proposal(sc: Scenario, st: GameState, me: str) -> tuple[Treaty, list[str]] | None:
    """Return the first historical treaty due for a country to propose, whatever it costs.

    Like historical actions, it ignores action points; a treaty once signed between the same
    parties, or refused, is not proposed again.
    """
    last_month = st.month + sc.meta.months_per_turn - 1
    for treaty in sc.treaties.values():
        d, due = treaty.d, treaty.historical_month
        if not d.historical or due is None or last_month < due:
            continue
        if d.proposers and me not in d.proposers:
            continue
        for invited in _offers(sc, st, treaty, me):
            if _asked_before(st, d.id, me, [me, *invited]):
                continue
            found = diplomacy.blockers(sc, st, treaty, me, invited, explain=False)
            if all(b.code == "points" for b in found):
                return treaty, invited
    return None
