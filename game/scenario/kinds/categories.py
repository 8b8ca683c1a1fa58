"""[categories]: the headings the actions panel groups a scenario's actions under."""

from __future__ import annotations

from game.rules.errors import suggest
from game.scenario.build import Build


def link_categories(b: Build, thorough: bool) -> dict[str, str]:
    """Check each action's category against [categories]; return the headings by id.

    A scenario without the table keeps its categories' ids as headings; once it has one,
    every category an action names must be in it.
    """
    named: dict[str, str] = b.m.categories
    if not named:
        return {}
    for ident, heading in named.items():
        if not heading.strip():
            b.report.table(f"categories.{ident}", "", f"category '{ident}' needs a heading")
    used: set[str] = set()
    for i, action in enumerate(b.m.action):
        used.add(action.category)
        if action.category not in named:
            hint = suggest(action.category, named)
            message = f"unknown category '{action.category}'{hint}: name it in [categories]"
            b.report.at("action", i, "category", message)
    if thorough:
        for ident in [c for c in named if c not in used]:
            message = f"category '{ident}' is the category of no action"
            b.report.table(f"categories.{ident}", "", message, "warning")
    return {ident: heading.strip() for ident, heading in named.items()}
