"""Located scenario problems and the one exception the loader raises."""

from __future__ import annotations

from attrs import frozen

from game.rules.errors import suggest

__all__ = ["Problem", "ScenarioError", "suggest"]


@frozen
class Problem:
    """One error or warning, located by file, line and key path."""

    file: str
    line: int
    message: str
    path: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        where = f" [{self.path}]" if self.path else ""
        place = f"{self.file}:{self.line}" if self.line else self.file  # a folder has no line
        return f"{place}: {self.severity}: {self.message}{where}"


class ScenarioError(Exception):
    """A scenario could not be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
