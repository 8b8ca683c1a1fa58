"""This turn's changes by cause: each action and answer names what it moved, and by how much."""

from __future__ import annotations

from game.engine.commands import ChooseOption, EndTurn, TakeAction
from game.engine.game import Game, new_game
from game.engine.view import view_of
from game.scenario.load import load_scenario
from game.ui.history import turn_start


def _game(on: bool = True) -> Game:
    game = new_game(load_scenario("rapallo"), seed=3, humans=["GER"])
    game.changes.on = on
    return game


def _answer_all(game: Game) -> None:
    while game.state.pending.get("GER"):
        eid = game.state.pending["GER"][0]
        view = next(v for v in game.event_options("GER", eid) if v.ok)
        game.apply(ChooseOption("GER", eid, view.option.id))


def _first_action(game: Game) -> TakeAction:
    found = _any_action(game)
    assert found is not None, "no action Germany could take"
    return found


def _any_action(game: Game) -> TakeAction | None:
    for view in game.available_actions("GER"):
        if not view.ok:
            continue
        target = next((t.country for t in view.targets if t.ok), None)
        if view.action.d.target is None or target is not None:
            return TakeAction("GER", view.action.d.id, target)
    return None


def test_an_action_is_named_as_the_cause_of_what_it_moved() -> None:
    game = _game()
    _answer_all(game)
    cmd = _first_action(game)
    before = {k: dict(v) for k, v in game.state.stats.items()}
    game.apply(cmd)
    name = game.scenario.actions[cmd.action].d.name
    moved = [c for c in game.changes.items if c.title.startswith(name)]
    assert moved, "the action moved nothing that was noted"
    for change in moved:
        if change.key.startswith("rel:") or "." not in change.key:
            continue
        cid, stat = change.key.split(".", 1)
        assert game.state.stats[cid][stat] - before[cid][stat] == change.delta


def test_the_causes_add_up_to_the_change_since_the_turn_began() -> None:
    game = _game()
    for _ in range(3):
        _answer_all(game)
        cmd = _any_action(game)
        if cmd is not None:
            game.apply(cmd)
        _answer_all(game)
        for key in {c.key for c in game.changes.items if c.key.startswith("GER.")}:
            cid, stat = key.split(".", 1)
            now = game.state.stats[cid][stat]
            total = sum(c.delta for c in game.changes.of(key))
            assert abs(now - turn_start(game, key, now) - total) < 1e-6, key
        game.apply(EndTurn("GER"))


def test_an_event_answer_names_the_event_and_the_option() -> None:
    game = _game()
    for _ in range(8):
        if game.state.pending.get("GER"):
            break
        game.apply(EndTurn("GER"))
    eid = game.state.pending["GER"][0]
    title = game.scenario.events[eid].d.title
    _answer_all(game)
    assert all(c.kind == "event" for c in game.changes.items if c.title.startswith(title))


def test_the_view_hides_the_causes_of_numbers_it_only_estimates() -> None:
    game = _game()
    _answer_all(game)
    game.apply(_first_action(game))
    sc = game.scenario
    secret = [s for s, d in sc.stats.items() if d.secret and "GER" not in d.known_to]
    view = view_of(game, "SOV")
    for stat in secret:
        if not view.stat("GER", stat).exact:
            assert view.changes(f"GER.{stat}") == []


def test_nothing_is_noted_unless_asked_for() -> None:
    game = _game(on=False)
    _answer_all(game)
    game.apply(_first_action(game))
    assert game.changes.items == []
