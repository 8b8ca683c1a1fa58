"""The turn summary: each number's change over a turn, by cause, as the viewer may know it."""

from __future__ import annotations

from game.engine.commands import ChooseOption, EndTurn, TakeAction
from game.engine.game import Game, new_game
from game.engine.summary import last_summary, turn_summary
from game.engine.view import HIDDEN_CAUSES, view_of
from game.scenario.load import load_scenario


def _play(turns: int, on: bool = True) -> Game:
    game = new_game(load_scenario("rapallo"), seed=3, humans=["GER"])
    game.changes.on = on
    for _ in range(turns):
        while game.state.pending.get("GER"):
            eid = game.state.pending["GER"][0]
            view = next(v for v in game.event_options("GER", eid) if v.ok)
            game.apply(ChooseOption("GER", eid, view.option.id))
        for view in game.available_actions("GER"):
            target = next((t.country for t in view.targets if t.ok), None)
            if view.ok and (view.action.d.target is None or target is not None):
                game.apply(TakeAction("GER", view.action.d.id, target))
                break
        game.apply(EndTurn("GER"))
    return game


def test_each_change_is_the_sum_of_its_causes_and_matches_the_recorded_values() -> None:
    game = _play(5)
    view = view_of(game, "GER")
    series = game.state.series  # one row at the start, then one at the end of every turn
    for turn in sorted(game.changes.turns)[1:]:
        summary = turn_summary(view, turn)
        assert summary is not None and summary.finished
        before, row = series[turn], series[turn + 1]
        for number in summary.stats:
            assert abs(number.after - row[number.key]) < 1e-6
            assert abs(number.before - before[number.key]) < 1e-6
            assert abs(sum(c.delta for c in number.causes) - number.delta) < 0.05
    last = last_summary(view)
    assert last is not None and last.stats, "five turns moved none of Germany's stats"
    kinds = {c.kind for n in last.stats for c in n.causes}
    assert kinds & {"event", "action", "modifier"}


def test_the_summary_never_names_a_cause_the_viewer_may_not_know() -> None:
    game = _play(6)
    for viewer in ("GER", "SOV", "FRA", "GBR"):
        view = view_of(game, viewer)
        for turn in game.changes.turns:
            summary = turn_summary(view, turn)
            assert summary is not None
            for number in (*summary.stats, *summary.globals, *summary.relations):
                for cause in number.causes:
                    if cause.kind in ("action", "project"):
                        ids = [a.d.id for a in game.scenario.actions.values()]
                        assert any(
                            cause.title.startswith(game.scenario.actions[i].d.name) for i in ids
                        )
                    change = [c for c in game.changes.turns[turn].items if c.title == cause.title]
                    assert cause.title == HIDDEN_CAUSES or all(view.sees_cause(c) for c in change)
            for treaty in summary.signed:
                assert view.sees_treaty(treaty.id, list(treaty.parties))


def test_the_turn_so_far_is_summed_up_as_the_top_bar_shows_it() -> None:
    game = _play(2)
    view = view_of(game, "GER")
    now = turn_summary(view)
    assert now is not None and not now.finished
    for number in now.stats:
        shown = dict(view.changes(number.key))
        for cause in number.causes:
            if cause.kind != "other":
                assert abs(shown[cause.title] - cause.delta) < 1e-6


def test_a_game_that_notes_nothing_keeps_no_summaries() -> None:
    game = _play(2, on=False)
    assert game.changes.turns == {}
    assert last_summary(view_of(game, "GER")) is None
