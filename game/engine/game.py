"""The game: applies commands to the state and resolves turns, deterministically."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from game.engine import ai, diplomacy, endings, turns
from game.engine.balance import BalanceProbe
from game.engine.changes import Cause, Changes, command_cause, option_cause, resolution_cause
from game.engine.choices import Choices
from game.engine.commands import (
    AnswerProposal,
    BreakTreaty,
    ChooseOption,
    Command,
    Console,
    EndTurn,
    GameError,
    ProposeTreaty,
    TakeAction,
)
from game.engine.negotiation import Negotiation
from game.engine.snapshot import HASH_VERSION, HASHES
from game.engine.strategies import USUAL, Policy
from game.locale import _
from game.model.state import (
    ActiveModifier,
    GameState,
    LogEntry,
    Project,
    Scheduled,
    relation_key,
)
from game.rules.compiler import Compiler
from game.rules.effects import apply_all
from game.rules.errors import ExprError
from game.rules.lexicon import fmt_month
from game.rules.statements import EffectCompiler
from game.rules.types import Env
from game.scenario.compiled import Action, Event, Option, Scenario
from game.scenario.limits import expression_problem

_FOREVER = 1_000_000  # turns left of a standing modifier
MAX_CHAIN = 8  # rounds of same-turn follow-ups fired at once; the rest wait a turn


def new_game(
    scenario: Scenario,
    seed: int = 0,
    humans: list[str] | None = None,
    difficulty: int = 1,
    historical: bool = False,
    probe: Callable[[Event, GameState, Env, bool], None] | None = None,
) -> Game:
    """Start a game at the scenario's first turn."""
    humans = list(humans or [])
    for cid in humans:
        if cid not in scenario.meta.playable:
            raise GameError(f"{cid} is not a playable country")
    stats = {
        cid: {s: float(c.stats.get(s, d.default)) for s, d in scenario.stats.items()}
        for cid, c in scenario.countries.items()
    }
    rel = scenario.relations
    st = GameState(
        seed=seed,
        turn=0,
        month=scenario.start_month,
        humans=humans,
        stats=stats,
        globals={g: float(d.default) for g, d in scenario.globals.items()},
        relations={relation_key(r.a, r.b): float(r.value) for r in rel.initial},
        owners={rid: r.owner for rid, r in scenario.regions.items()},
        difficulty=difficulty,
        historical=historical,
        rng=random.Random(seed),
    )
    for mod in scenario.modifiers.values():
        st.modifiers += [ActiveModifier(mod.d.id, cid, _FOREVER) for cid in mod.d.standing]
    game = Game(scenario, st)
    game.probe = probe
    game._record()
    game._start_turn()
    return game


class Game(Choices, Negotiation):
    """A running game: its scenario, its state and the commands that made it."""

    def __init__(self, scenario: Scenario, state: GameState) -> None:
        self.scenario = scenario
        self.state = state
        self.commands: list[Command] = []
        # Called for every event check while its window is open (balance reports only).
        self.probe: Callable[[Event, GameState, Env, bool], None] | None = None
        # Scheduled events dropped because their condition failed when they came due.
        self.dropped: dict[str, int] = {}
        # Hash the state after every turn, so that saves and replays can be checked.
        self.verified = True
        self.hash_version = HASH_VERSION  # a game from an older save keeps its hashes' kind
        self._series: turns.Series | None = None  # lays out each turn's row of values
        self._rolls: tuple[Scenario | None, list[turns.Roll]] = (None, [])  # for this scenario
        self.refusals: dict[tuple[str, str], int] = {}
        # Who decides in place of a computer country's usual AI (balance runs only).
        self.policies: dict[str, Policy] = {}
        self.balance: BalanceProbe | None = None  # dominated options and dead turns
        self.changes = Changes(scenario)  # this turn's changes by cause, off unless asked for

    # ---- queries ---------------------------------------------------------------------
    def date_text(self, month: int | None = None) -> str:
        """Return the current (or a given) date as "April 1922"."""
        return fmt_month(self.state.month if month is None else month)

    def name(self, cid: str) -> str:
        """Return a country's current name."""
        return self.scenario.lex.country(cid, self.state)

    def turn_last_month(self) -> int:
        """Return the last month the current turn covers."""
        return self.state.month + self.scenario.meta.months_per_turn - 1

    def _within_turn(self, month: int | None) -> int:
        """Return a dated item's own month when this turn covers it, else the turn's month."""
        st = self.state
        if month is not None and st.month <= month <= self.turn_last_month():
            return month
        return st.month

    def relation(self, a: str, b: str) -> float:
        """Return the relation between two countries."""
        key = relation_key(a, b)
        return self.state.relations.get(key, self.scenario.relations.default)

    def waiting_for(self) -> list[str]:
        """Return the human countries that have not ended this turn, in order."""
        return [c for c in self.state.humans if c not in self.state.done]

    # ---- commands ----------------------------------------------------------------------
    def apply(self, cmd: Command) -> None:
        """Apply a command or raise GameError, leaving the state unchanged."""
        st = self.state
        if st.over:
            raise GameError("The game is over")
        handlers: dict[type, Callable[[Any], None]] = {
            TakeAction: self._take,
            ChooseOption: self._choose,
            EndTurn: self._end,
            Console: self._console,
            ProposeTreaty: self._propose,
            AnswerProposal: self._answer,
            BreakTreaty: self._break,
        }
        handler = handlers.get(type(cmd))
        if handler is None:
            raise GameError("Unknown command")
        with self.changes.cause(st, command_cause(self.scenario, cmd) if self.changes.on else None):
            handler(cmd)
        self.commands.append(cmd)

    def _human(self, cid: str) -> None:
        if cid not in self.state.humans:
            who = self.name(cid) if cid in self.scenario.countries else cid
            raise GameError(f"{who} is not played by a person in this game")
        if cid in self.state.done:
            raise GameError(f"{self.name(cid)} has already ended this turn")

    def _take(self, cmd: TakeAction) -> None:
        self._human(cmd.country)
        action = self.scenario.actions.get(cmd.action)
        if action is None:
            raise GameError(f"There is no action '{cmd.action}'")
        if action.d.target is not None and cmd.target is None:
            raise GameError(f"{action.d.name}: choose a country to aim it at")
        found = self.blockers(action, cmd.country, cmd.target)
        if found:
            raise GameError(f"{action.d.name}: {found[0].message}")
        self._do_action(action, cmd.country, cmd.target)

    def _do_action(self, action: Action, me: str, target: str | None) -> None:
        st = self.state
        st.ap[me] = st.ap.get(me, 0) - action.d.cost
        st.used[action.d.id] = st.used.get(action.d.id, 0) + 1
        st.last_used[f"{me}:{action.d.id}"] = st.turn
        month = self._within_turn(action.historical_month if st.historical else None)
        title = action.d.name + (f" ({self.name(target)})" if target else "")
        st.log.append(LogEntry(st.turn, month, "action", action.d.id, me, title))
        cause = Cause("action", action.d.id, me, target, title) if self.changes.on else None
        with self.changes.cause(st, cause):
            apply_all(action.effects, st, Env(me, target, month))
        if action.d.duration:
            st.projects.append(Project(action.d.id, me, target, action.d.duration, st.turn))
        self._fire_due(month)  # what the action sets off this turn happens now

    def _choose(self, cmd: ChooseOption) -> None:
        self._human(cmd.country)
        if cmd.event not in self.state.pending.get(cmd.country, []):
            raise GameError("That event is not waiting for an answer")
        event = self.scenario.events[cmd.event]
        option = next((o for o in event.options if o.id == cmd.option), None)
        if option is None:
            raise GameError(f"“{event.d.title}” has no option '{cmd.option}'")
        env = Env(cmd.country, None)
        if not option.when.holds(self.state, env):
            reasons = option.when.explain(self.state, env, self.scenario.lex)
            raise GameError(f"That option is not available: {reasons[0]}")
        self.state.pending[cmd.country].remove(cmd.event)
        self._resolve_option(event, option, cmd.country)
        self._fire_due(self._within_turn(event.start))

    def _resolve_option(self, event: Event, option: Option, me: str) -> None:
        st = self.state
        st.chosen[event.d.id] = option.id
        env = Env(me, None, self._within_turn(event.start))
        cause = option_cause(self.scenario, st, event, option, env) if self.changes.on else None
        with self.changes.cause(st, cause):
            apply_all(option.effects, st, env)
        for follow in option.d.follow:
            target = self.scenario.events[follow.event]
            st.scheduled.append(Scheduled(st.turn + follow.delay, follow.event, target.d.country))
        for entry in reversed(st.log):
            if entry.kind == "event" and entry.id == event.d.id and not entry.option:
                entry.option = option.text.render(st, env, self.scenario.lex)
                break

    def _end(self, cmd: EndTurn) -> None:
        st = self.state
        if cmd.country is None:
            if st.humans:
                raise GameError("People are playing: each ends their own turn")
        else:
            self._human(cmd.country)
            if st.pending.get(cmd.country):
                raise GameError("Answer the waiting events before ending the turn")
            if self.incoming(cmd.country):
                raise GameError("Answer the waiting treaty proposals before ending the turn")
            st.done.append(cmd.country)
            if self.waiting_for():
                return
        if st.closing:
            self._close()
        else:
            self._resolve_turn()

    def _console(self, cmd: Console) -> None:
        sc, st = self.scenario, self.state
        me = cmd.country or (st.humans[0] if st.humans else sc.meta.playable[0])
        if me not in sc.countries:
            raise GameError(_("There is no country {id}").format(id=f"'{me[:40]}'"))
        if too_long := expression_problem(cmd.line):
            raise GameError(_("The line cannot be read: {reason}").format(reason=too_long))
        words = cmd.line.split()
        if words[:1] == ["fire"] and len(words) in (2, 3):
            event = sc.events.get(words[1])
            if event is None:
                raise GameError(_("There is no event {id}").format(id=f"'{words[1]}'"))
            country = words[2] if len(words) == 3 else event.d.country
            if country not in sc.countries:
                raise GameError(_("There is no country {id}").format(id=f"'{country}'"))
            self._fire(event, country)
            return
        try:
            effect = EffectCompiler(Compiler(sc.lex)).statement(cmd.line)
        except ExprError as exc:
            raise GameError(str(exc)) from None
        effect.apply(st, Env(me, None))

    # ---- turn resolution -----------------------------------------------------------------
    def _start_turn(self) -> None:
        st, sc = self.state, self.scenario
        st.done = []
        for cid in sc.countries:
            st.ap[cid] = sc.meta.action_points
        self._fire_due()
        last, first, fired, probe = self.turn_last_month(), st.month, st.fired, self.probe
        if self._rolls[0] is not sc:
            self._rolls = (sc, turns.rolls(sc))
        for event, once, eid, start, end, env in self._rolls[1]:
            if once and eid in fired:
                continue
            # A turn covers months_per_turn months: the window must overlap them.
            if last < start or first > end:
                continue
            holds = bool(event.when.fn(st, env))
            if probe is not None:
                probe(event, st, env, holds)
            if not holds:
                continue
            if st.rng.random() < float(event.chance.fn(st, env)):
                self._fire(event, env.me)
        if self.balance is not None:
            self.balance.turn(sc, st)

    def _fire_due(self, now: int | None = None) -> None:
        """Fire the scheduled events that are due, same-turn follow-ups included.

        `now` is the month of what set them off, so that the log keeps cause before effect.
        """
        st, sc = self.state, self.scenario
        if not st.scheduled:  # nothing waits: the usual case after an action
            return
        for _round in range(MAX_CHAIN):
            due = [s for s in st.scheduled if s.turn <= st.turn]
            if not due or st.over:
                return
            st.scheduled = [s for s in st.scheduled if s.turn > st.turn]
            for item in due:
                event = sc.events[item.event]
                if event.d.once and item.event in st.fired:
                    continue
                if not event.when.fn(st, Env(item.country, None)):
                    self.dropped[item.event] = self.dropped.get(item.event, 0) + 1
                    continue
                self._fire(event, item.country, now)

    def _fire(self, event: Event, country: str, now: int | None = None) -> None:
        st = self.state
        eid = event.d.id
        if eid in st.pending.get(country, []):
            return
        st.fired[eid] = st.fired.get(eid, 0) + 1
        st.last_fired[eid] = st.turn
        if self.balance is not None:
            self.balance.event(self.scenario, st, event, country)
        month = self._within_turn(event.start if event.start is not None else now)
        title = event.title.render(st, Env(country, None, month), self.scenario.lex)
        st.log.append(LogEntry(st.turn, month, "event", eid, country, title))
        if country in st.humans:
            if st.closing:  # after the last turn no one is asked any more
                return
            visible = [o for o in event.options if o.when.holds(st, Env(country, None))]
            if visible:
                st.pending.setdefault(country, []).append(eid)
                return
        option = self.policies.get(country, USUAL).option(self.scenario, st, event, country)
        if option is not None:
            self._resolve_option(event, option, country)

    def _resolve_turn(self) -> None:
        st, sc = self.state, self.scenario
        for cid in sc.movers:  # the others have nothing to do
            if cid not in st.humans:
                policy = self.policies.get(cid)
                who = resolution_cause(cid, self.name(cid)) if self.changes.on else None
                with self.changes.cause(st, who):
                    self._ai_proposals(cid, policy)  # treaties first: what they open can follow
                picks = policy.actions(sc, st, cid) if policy else ai.choose_actions(sc, st, cid)
                for action, target in picks:
                    self._do_action(action, cid, target)
        turns.run_projects(sc, st, self.changes)
        turns.run_modifiers(sc, st, self.changes)
        with self.changes.cause(st, resolution_cause("", "") if self.changes.on else None):
            diplomacy.run_treaties(sc, st)
        self._record()
        self._conclude(hold=endings.answers_due(sc, st))

    def _close(self) -> None:
        """End the game once the last proposals are answered: the last row, then the endings."""
        st = self.state
        st.closing = False
        self._series = self._series or turns.Series(st)
        st.series[-1:] = [self._series.row(st)]  # the turn's values as its answers left them
        self._conclude()  # a doctored save may hold the answers early: then a turn follows

    def _conclude(self, hold: bool = False) -> None:
        """Hold for the last answers, give the endings or start the next turn; hash the state."""
        st = self.state
        if hold:
            endings.hold_for_answers(st)
        elif not endings.check(self.scenario, st):
            st.turn += 1
            st.month += self.scenario.meta.months_per_turn
            self._start_turn()
        if self.verified:
            st.hashes.append(HASHES[self.hash_version](st))

    def _record(self) -> None:
        st = self.state
        if self._series is None:
            self._series = turns.Series(st)
        st.series.append(self._series.row(st))
        self.changes.restart(st)


def replay(
    scenario: Scenario,
    seed: int,
    humans: list[str],
    commands: list[Command],
    difficulty: int = 1,
    historical: bool = False,
) -> Game:
    """Rebuild a game from its seed and commands."""
    game = new_game(scenario, seed, humans, difficulty, historical)
    for cmd in commands:
        game.apply(cmd)
    return game
