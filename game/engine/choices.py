"""What a country may choose now: its actions with their targets and reasons, event options."""

from __future__ import annotations

from attrs import define, field

from game.engine.eligibility import Blocker, blockers, target_blockers
from game.locale import _, ngettext
from game.model.defs import FollowUp
from game.model.state import GameState
from game.rules.effects import Effect, describe_all
from game.rules.lexicon import Lexicon
from game.rules.text import event_title
from game.rules.types import Env
from game.scenario.compiled import Action, Option, Scenario


@define
class TargetView:
    """A possible target of an action and whether it may be chosen now."""

    country: str
    ok: bool
    reasons: list[str]
    blockers: list[Blocker] = field(factory=list)


@define
class ActionView:
    """An action as a country sees it now: may it be taken, and why not."""

    action: Action
    ok: bool
    reasons: list[str]
    targets: list[TargetView]
    effects: list[str]
    blockers: list[Blocker] = field(factory=list)


@define
class OptionView:
    """An event option as its country sees it now."""

    option: Option
    ok: bool
    reasons: list[str]
    effects: list[str]
    text: str = ""


class Choices:
    """The choices a game offers; mixed into Game, which holds the scenario and the state."""

    scenario: Scenario
    state: GameState

    def describe_effects(
        self, effects: list[Effect], me: str, target: str | None = None
    ) -> list[str]:
        """Describe compiled effects in words for the given actor and target."""
        return describe_all(effects, self.state, Env(me, target), self.scenario.lex)

    def action_effects(self, action: Action, me: str, target: str | None = None) -> list[str]:
        """Describe everything an action does: at once, each turn and on completion."""
        out = self.describe_effects(action.effects, me, target)
        if action.d.duration:
            each = self.describe_effects(action.per_turn, me, target)
            turns = action.d.duration
            each_turn = ngettext(
                "Each turn for {n} turn: {effect}", "Each turn for {n} turns: {effect}", turns
            )
            out += [each_turn.format(n=turns, effect=e) for e in each]
            done = self.describe_effects(action.on_complete, me, target)
            out += [_("On completion: {effect}").format(effect=e) for e in done]
        return out

    def blockers(self, action: Action, me: str, target: str | None = None) -> list[Blocker]:
        """Return why a country cannot take an action now ([] when it can)."""
        return blockers(self.scenario, self.state, action, me, target)

    def targets(self, action: Action, me: str) -> list[TargetView]:
        """Return the countries an action may be aimed at, each with its reasons."""
        if action.d.target is None:
            return []
        sc, st = self.scenario, self.state
        out = []
        for cid in action.d.target.countries or sc.others[me]:
            found = target_blockers(sc, st, action, me, cid)
            out.append(TargetView(cid, not found, [b.message for b in found], found))
        return out

    def available_actions(self, me: str) -> list[ActionView]:
        """Return every action the country has, each with whether and why it is available."""
        views = []
        for action in self.scenario.actions_for(me):
            found = self.blockers(action, me)
            targets = self.targets(action, me)
            first = next((t.country for t in targets if t.ok), None)
            effects = self.action_effects(action, me, first)
            reasons = [b.message for b in found]
            views.append(ActionView(action, not found, reasons, targets, effects, found))
        return views

    def event_options(self, me: str, event_id: str) -> list[OptionView]:
        """Return an event's options as the deciding country sees them."""
        event = self.scenario.events[event_id]
        env, lex = Env(me, None), self.scenario.lex
        return [
            OptionView(
                o,
                o.when.holds(self.state, env),
                o.when.explain(self.state, env, lex),
                self.describe_effects(o.effects, me)
                + [_follow_words(lex, f, self.state) for f in o.d.follow],
                o.text.render(self.state, env, lex),
            )
            for o in event.options
        ]

    def event_words(self, me: str, event_id: str) -> tuple[str, str]:
        """Return an event's title and text as the deciding country reads them now."""
        event = self.scenario.events[event_id]
        env, lex = Env(me, None), self.scenario.lex
        return event.title.render(self.state, env, lex), event.text.render(self.state, env, lex)


def _follow_words(lex: Lexicon, follow: FollowUp, st: GameState) -> str:
    title = event_title(lex, follow.event, st)
    if not follow.delay:
        return _("Leads to “{event}”").format(event=title)
    later = ngettext(
        "Leads to “{event}” in {n} turn", "Leads to “{event}” in {n} turns", follow.delay
    )
    return later.format(event=title, n=follow.delay)
