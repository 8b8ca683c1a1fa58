"""Located scenario problems and the one exception the loader raises."""

from __future__ import annotations

from attrs import evolve, frozen

from game.locale import N_, _, ngettext
from game.rules.errors import suggest, suggestion_budget

__all__ = ["Problem", "ScenarioError", "capped", "suggest", "suggestion_budget"]

MAX_REPORTED = 200
MAX_MESSAGE = 600
SEVERITIES = {"error": N_("error"), "warning": N_("warning")}


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
        severity = _(SEVERITIES[self.severity]) if self.severity in SEVERITIES else self.severity
        return f"{place}: {severity}: {self.message}{where}"


class ScenarioError(Exception):
    """A scenario could not be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def capped(problems: list[Problem], limit: int = MAX_REPORTED) -> list[Problem]:
    """Return at most `limit` problems, errors first, shortened, and a line for the rest."""
    if len(problems) <= limit:
        return [_short(p) for p in problems]
    ordered = sorted(problems, key=lambda p: p.severity != "error")
    shown = [_short(p) for p in ordered[:limit]]
    rest = ordered[limit:]
    errors = sum(1 for p in rest if p.severity == "error")
    shown.append(
        Problem(
            shown[0].file,
            0,
            ngettext(
                "… and {count} more problems not shown ({errors} errors); fix these and run again",
                "… and {count} more problems not shown ({errors} errors); fix these and run again",
                len(rest),
            ).format(count=len(rest), errors=errors),
            severity="error" if errors else "warning",
        )
    )
    return shown


def _short(problem: Problem) -> Problem:
    """Return a problem whose message and path fit on a screen."""
    if len(problem.message) <= MAX_MESSAGE and len(problem.path) <= MAX_MESSAGE:
        return problem
    return evolve(
        problem,
        message=_clip(problem.message),
        path=_clip(problem.path),
        file=_clip(problem.file),
    )


def _clip(text: str) -> str:
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"
