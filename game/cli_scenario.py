"""What the subcommands share: the default scenario, and loading one with its problems printed."""

from __future__ import annotations

import sys
from typing import Any

from game.locale import _
from game.scenario.errors import ScenarioError
from game.scenario.load import bundled_ids, load_scenario


def default_scenario() -> str:
    """Return the first bundled scenario's id, or the current folder when none is bundled."""
    ids = bundled_ids()
    return ids[0] if ids else "."


def load_or_report(name: str) -> Any:
    """Load a scenario, or print why it cannot be loaded and return None."""
    try:
        return load_scenario(name)
    except ScenarioError as exc:
        for problem in exc.problems[:20]:
            print(problem, file=sys.stderr)
        print(
            _("{name}: cannot be loaded; run `python -m game validate {name}`").format(name=name),
            file=sys.stderr,
        )
        return None
