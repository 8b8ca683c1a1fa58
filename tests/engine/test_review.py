"""The turns in review survive a save: a restored game notes its earlier turns by replaying."""

from __future__ import annotations

from pathlib import Path

from game.engine.review import rebuild_review
from game.engine.saves import open_save, read_save, replay_save, write_save
from game.engine.summary import TurnSummary, turn_summary
from game.engine.view import view_of
from game.scenario.load import load_scenario
from tests.engine.test_summary import _play

VIEWERS = ("GER", "SOV", "FRA")


def _summaries(game: object) -> dict[tuple[str, int], TurnSummary | None]:
    """Return every viewer's summary of every noted turn."""
    turns = sorted(game.changes.turns)  # type: ignore[attr-defined]
    return {(v, t): turn_summary(view_of(game, v), t) for v in VIEWERS for t in turns}  # type: ignore[arg-type]


def test_a_loaded_game_reviews_its_earlier_turns_as_they_were_played(tmp_path: Path) -> None:
    game = _play(5)
    before = _summaries(game)
    assert len(before) == 5 * len(VIEWERS) and all(before.values())
    path = tmp_path / "five.json"
    write_save(path, game)
    loaded = open_save(path, load=load_scenario).game
    assert loaded.changes.turns == {}, "the snapshot holds no review"
    loaded.changes.on = True
    assert rebuild_review(loaded)
    assert loaded.changes.turns == game.changes.turns
    assert _summaries(loaded) == before
    now = view_of(loaded, "GER")
    assert turn_summary(now) == turn_summary(view_of(game, "GER")), "the turn so far differs"


def test_a_replayed_save_reviews_the_same_turns(tmp_path: Path) -> None:
    game = _play(3)
    path = tmp_path / "three.json"
    write_save(path, game)
    replayed = replay_save(read_save(path), load_scenario("rapallo")).game
    assert rebuild_review(replayed)
    assert _summaries(replayed) == _summaries(game)


def test_a_game_whose_moves_no_longer_lead_to_it_keeps_no_review() -> None:
    game = _play(3)
    fresh = _play(3, on=False)
    fresh.state.rng.random()  # the state no longer follows from its moves
    assert not rebuild_review(fresh)
    assert fresh.changes.turns == {}
    fresh.commands.append(fresh.commands[0])  # a move that cannot be played again
    assert not rebuild_review(fresh)
    assert game.changes.turns
