"""Limits on a scenario's size and on each expression, checked before the work they bound."""

from __future__ import annotations

from typing import Any

from game.locale import _
from game.rules.compiler import MAX_LENGTH
from game.scenario.errors import MAX_REPORTED

MAX_EXPRESSION = MAX_LENGTH  # characters of one condition, value, effect or console line
MAX_ENTRIES = 100_000
MAX_FILE_ENTRIES = 50_000
MAX_EXPRESSION_TEXT = 400_000
# Keys whose values (and everything inside them) are conditions, values or effects.
_EXPRESSION_KEYS = frozenset(
    {"when", "effects", "per_turn", "on_complete", "score", "chance", "if", "then", "else"}
    | {"weight", "for_each", "conditions", "effect_groups"}
)


def expression_problem(src: str) -> str:
    """Return why an expression's text is refused before parsing, or '' when it may be parsed."""
    if len(src) > MAX_EXPRESSION:
        return _("expression is {length} characters long; the limit is {limit}").format(
            length=len(src), limit=MAX_EXPRESSION
        )
    return ""


def measure(raw: Any) -> tuple[int, int, list[tuple[str, str]]]:
    """Count a parsed file's entries and expression text; find expressions refused unparsed."""
    entries, text, refusing = _count(raw)
    return (entries, text, _located(raw)) if refusing else (entries, text, [])


def _count(raw: dict[str, Any]) -> tuple[int, int, bool]:
    """`measure` without the key paths: the counts, and whether any expression is refused."""
    entries = text = 0
    refusing = False
    outside: list[Any] = [raw]  # containers outside any expression key, then those inside
    inside: list[Any] = []
    while outside:
        value = outside.pop()
        entries += len(value)
        if isinstance(value, dict):
            for k, v in value.items():
                if k in _EXPRESSION_KEYS:
                    if isinstance(v, str):
                        text += len(v)
                        refusing = refusing or len(v) > MAX_EXPRESSION
                    elif isinstance(v, dict | list):
                        inside.append(v)
                elif isinstance(v, dict | list):
                    outside.append(v)
        else:
            outside.extend(v for v in value if isinstance(v, dict | list))
    while inside:
        value = inside.pop()
        entries += len(value)
        for v in value.values() if isinstance(value, dict) else value:
            if isinstance(v, str):
                text += len(v)
                refusing = refusing or len(v) > MAX_EXPRESSION
            elif isinstance(v, dict | list):
                inside.append(v)
    return entries, text, refusing


def _located(raw: Any) -> list[tuple[str, str]]:
    """The expressions `measure` refuses, each at its key path."""
    refused: list[tuple[str, str]] = []
    # Each entry keeps its parent and key; a path is spelt out only for a refused expression.
    stack: list[tuple[Any, Any, str | int, bool]] = [(raw, None, "", False)]
    while stack:
        item = stack.pop()
        value, _parent, _key, expression = item
        if isinstance(value, dict):
            # Only containers and expressions wait; plain values hold nothing to find.
            for k, v in value.items():
                if isinstance(v, (dict, list)):
                    stack.append((v, item, k, expression or k in _EXPRESSION_KEYS))
                elif isinstance(v, str) and (expression or k in _EXPRESSION_KEYS):
                    stack.append((v, item, k, True))
        elif isinstance(value, list):
            stack.extend(
                (v, item, i, expression)
                for i, v in enumerate(value)
                if isinstance(v, (dict, list)) or (expression and isinstance(v, str))
            )
        elif expression and isinstance(value, str):
            why = expression_problem(value)
            if why and len(refused) < MAX_REPORTED:
                refused.append((_path(item), why))
    return refused


def _path(item: tuple[Any, Any, str | int, bool]) -> str:
    """Spell out the key path of a `measure` entry: `event[3].when`."""
    parts: list[str] = []
    while item[1] is not None:
        key = item[2]
        parts.append(f"[{key}]" if isinstance(key, int) else f".{key}")
        item = item[1]
    return "".join(reversed(parts)).removeprefix(".")


def over_limit(entries: int, text: int) -> str:
    """Say which folder-wide limit the files read so far exceed, or return ''."""
    if entries > MAX_ENTRIES:
        return _("up to this file it holds {count} entries; the limit is {limit}").format(
            count=entries, limit=MAX_ENTRIES
        )
    if text > MAX_EXPRESSION_TEXT:
        return _(
            "up to this file its conditions and effects hold {count} characters; "
            "the limit is {limit}"
        ).format(count=text, limit=MAX_EXPRESSION_TEXT)
    return ""
