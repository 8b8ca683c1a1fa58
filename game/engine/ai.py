"""Utility AI: scores each candidate by its effects under the country's profile, one step ahead."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.scenario.compiled import Action, Event, Option
from game.scenario.expr import Env

if TYPE_CHECKING:
    from game.engine.game import Game

# Noise added to every utility, by difficulty: easy AIs wander, hard ones optimise.
_NOISE = {0: 8.0, 1: 5.0, 2: 2.5}
_PROJECT_FACTOR = 0.6


def _noise(game: Game) -> float:
    return _NOISE.get(game.state.difficulty, 5.0)


def action_value(game: Game, action: Action, me: str, target: str | None) -> float:
    """Estimate what an action is worth to a country: now, per turn and on completion."""
    st = game.state
    ai = game.scenario.countries[me].ai
    env = Env(me, target)
    value = sum(e.value(st, env, ai) for e in action.effects)
    if action.d.duration:
        value += (
            _PROJECT_FACTOR * action.d.duration * sum(e.value(st, env, ai) for e in action.per_turn)
        )
        value += _PROJECT_FACTOR * sum(e.value(st, env, ai) for e in action.on_complete)
    return weigh(value, action.d.ai_weight)


def weigh(value: float, weight: float) -> float:
    """Apply an author's weight: above 1 makes a choice more attractive, below 1 less."""
    return value * weight if value >= 0 else value / weight


def choose_option(game: Game, event: Event, me: str) -> Option | None:
    """Pick an option for an AI country (the historical one in historical mode)."""
    st = game.state
    env = Env(me, None)
    visible = [o for o in event.options if o.when.fn(st, env)]
    if not visible:
        return None
    if len(visible) == 1:
        return visible[0]
    if st.historical:
        marked = [o for o in visible if o.d.historical]
        if marked:
            return marked[0]
    ai = game.scenario.countries[me].ai
    noise = _noise(game)
    best, best_score = visible[0], float("-inf")
    for option in visible:
        if option.d.ai_weight <= 0:
            continue
        score = weigh(sum(e.value(st, env, ai) for e in option.effects), option.d.ai_weight)
        score += option.d.ai_weight * noise * st.rng.random()
        if score > best_score:
            best, best_score = option, score
    return best


def choose_actions(game: Game, me: str) -> list[tuple[Action, str | None]]:
    """Pick the actions an AI country takes this turn, within its action points."""
    st, sc = game.state, game.scenario
    actions = sc.actions_for(me)
    if not actions:
        return []
    country = sc.countries[me]
    if st.historical:
        return _historical(game, me, actions)
    noise = _noise(game)
    points = st.ap.get(me, 0)
    # Score every open (action, target) once, then take the best that still fit the points.
    scored: list[tuple[float, int, Action, str | None]] = []
    for index, action in enumerate(actions):
        if action.d.cost > points or action.d.ai_weight <= 0 or not game.can_take(action, me):
            continue
        aimed = action.d.target is not None
        targets: list[str | None] = list(game.valid_targets(action, me)) if aimed else [None]
        best: tuple[float, str | None] | None = None
        for target in targets:
            score = action_value(game, action, me, target) / max(action.d.cost, 1)
            score += noise * action.d.ai_weight * (st.rng.random() - 0.3)
            score *= country.ai.activity
            if score > 0 and (best is None or score > best[0]):
                best = (score, target)
        if best is not None:
            scored.append((best[0], index, action, best[1]))
    scored.sort(key=lambda item: (-item[0], item[1]))
    picks: list[tuple[Action, str | None]] = []
    for _, _, action, target in scored:
        if action.d.cost <= points:
            picks.append((action, target))
            points -= action.d.cost
    return picks


def _historical(game: Game, me: str, actions: list[Action]) -> list[tuple[Action, str | None]]:
    st = game.state
    picks: list[tuple[Action, str | None]] = []
    for action in actions:
        due = action.historical_month
        if not action.d.historical or due is None or game.turn_last_month() < due:
            continue
        if f"{me}:{action.d.id}" in st.last_used:
            continue
        reasons = [r for r in game._blockers(action, me) if not r.startswith("Needs")]
        if reasons:
            continue
        target = None
        if action.d.target is not None:
            ok = game.valid_targets(action, me)
            if not ok:
                continue
            target = ok[0]
        picks.append((action, target))
    return picks
