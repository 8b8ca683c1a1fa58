"""Sounds the news calls for: a stamp for a treaty, the telegraph for an uncovered secret."""

from __future__ import annotations

from types import SimpleNamespace

from game.model.state import LogEntry
from game.ui.cues import LogCues


def _view(log: list[LogEntry], seen: list[int], viewer: str = "A") -> SimpleNamespace:
    game = SimpleNamespace(state=SimpleNamespace(log=log))
    return SimpleNamespace(viewer=viewer, game=game, log=lambda: [(i, log[i]) for i in seen])


def test_a_new_treaty_stamps_and_an_old_entry_coming_to_light_telegraphs() -> None:
    log = [LogEntry(1, 0, "action", "a", "A", "Open"), LogEntry(1, 0, "action", "s", "B", "Secret")]
    cues = LogCues()
    assert cues.hear(_view(log, [0])) == []
    assert cues.hear(_view(log, [0])) == []
    log.append(LogEntry(2, 3, "treaty", "t", "A", "Pact", text="A,B"))
    assert cues.hear(_view(log, [0, 2])) == ["stamp"]
    assert cues.hear(_view(log, [0, 1, 2])) == ["telegraph"]
    log.append(LogEntry(2, 3, "action", "x", "B", "News"))
    assert cues.hear(_view(log, [0, 1, 2, 3])) == []
    assert cues.hear(_view(log, [0], viewer="B")) == [], "a new viewer starts afresh"
