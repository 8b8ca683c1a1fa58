"""Which sounds news in the viewer's log calls for: treaties signed, secrets uncovered."""

from __future__ import annotations

from game.engine.view import CountryView


class LogCues:
    """Remember the log entries the viewer saw; name the cues the newly seen ones call for."""

    def __init__(self) -> None:
        self.seen: set[int] = set()
        self.length = -1
        self.viewer = ""

    def hear(self, view: CountryView) -> list[str]:
        """Return 'stamp' for a new treaty and 'telegraph' for an older entry now seen."""
        items = view.log()
        seen = {i for i, _ in items}
        first = self.length < 0 or view.viewer != self.viewer
        new = [(i, e) for i, e in items if i not in self.seen]
        unveiled = [i for i, _ in new if i < self.length]
        self.seen, self.length, self.viewer = seen, len(view.game.state.log), view.viewer
        if first:
            return []
        out = []
        if any(e.kind == "treaty" for _, e in new):
            out.append("stamp")
        if unveiled:
            out.append("telegraph")
        return out
