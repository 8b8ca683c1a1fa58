"""How computed effect amounts are worked out, for the notes under effect lists."""

from __future__ import annotations

from collections.abc import Iterable

from game.engine.game import Game
from game.rules.effects import Effect
from game.rules.types import Env
from game.scenario.compiled import Action


def rules(game: Game, effects: Iterable[Effect], me: str, target: str | None = None) -> list[str]:
    """Return the rule of each effect whose amount is computed from the state."""
    env = Env(me, target)
    out = []
    st, lex = game.state, game.scenario.lex
    for effect in effects:
        formula = getattr(effect, "formula", None)
        subject = getattr(effect, "subject", None)
        text = formula(st, env, lex) if formula is not None else ""
        if text:
            out.append(f"{subject(st, env, lex)}: {text}" if subject is not None else text)
    return out


def action_rules(game: Game, action: Action, me: str, target: str | None = None) -> list[str]:
    """Return the rules of an action's computed effects: at once, each turn, on completion."""
    return (
        rules(game, action.effects, me, target)
        + rules(game, action.per_turn, me, target)
        + rules(game, action.on_complete, me, target)
    )
