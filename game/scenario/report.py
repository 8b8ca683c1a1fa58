"""Collect located problems while a scenario folder is checked."""

from __future__ import annotations

from game.scenario.errors import Problem
from game.scenario.lines import find_line


class Report:
    """Problems found so far, and where each definition and table came from."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.origins: dict[tuple[str, int], tuple[str, str, dict[str, int]]] = {}
        self.tables: dict[str, tuple[str, dict[str, int]]] = {}

    def at(self, kind: str, index: int, sub: str, message: str, severity: str = "error") -> None:
        """Record a problem of the index-th definition of a kind, at a key path below it."""
        file, prefix, lines = self.origins[(kind, index)]
        path = f"{prefix}.{sub}" if sub else prefix
        self.problems.append(Problem(file, find_line(lines, path), message, path, severity))

    def table(self, key: str, sub: str, message: str, severity: str = "error") -> None:
        """Record a problem of a top-level table such as [scenario] or [flags.x]."""
        file, lines = self.tables.get(
            key, self.tables.get(key.split(".")[0], ("scenario.toml", {}))
        )
        path = f"{key}.{sub}" if sub else key
        self.problems.append(Problem(file, find_line(lines, path), message, path, severity))

    def where(self, kind: str, index: int, sub: str) -> str:
        """Return `FILE:LINE` of a definition's key, for messages that point elsewhere."""
        file, prefix, lines = self.origins[(kind, index)]
        return f"{file}:{find_line(lines, f'{prefix}.{sub}' if sub else prefix)}"

    @property
    def failed(self) -> bool:
        """True when any error (not only warnings) was found."""
        return any(p.severity == "error" for p in self.problems)
