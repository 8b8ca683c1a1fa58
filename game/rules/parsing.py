"""Parse an expression's text within the language's limits, with advice on syntax errors."""

from __future__ import annotations

import ast
from functools import lru_cache

from game.locale import _
from game.rules.errors import ExprError
from game.rules.hints import syntax_hint

MAX_LENGTH = 1000
MAX_DEPTH = 24


def parse(src: str, mode: str, hint: bool = True) -> ast.AST:
    """Parse source within the language's limits; the length is checked before anything.

    `hint=False` leaves out the advice on a syntax error, for callers that try another reading.
    """
    if len(src) > MAX_LENGTH:
        words = _("expression is {length} characters long; the limit is {limit}")
        raise ExprError(words.format(length=len(src), limit=MAX_LENGTH))
    if src.count("(") > MAX_DEPTH * 2:
        raise ExprError(_("expression nests too deeply (limit {limit})").format(limit=MAX_DEPTH))
    text = src.strip()
    try:
        found = _syntax(text, mode) if len(text) <= _KEPT_LENGTH else _parse(text, mode)
    except (ValueError, RecursionError, MemoryError):
        raise ExprError(_("expression cannot be parsed")) from None
    if isinstance(found, ast.AST):
        return found
    message, column = found
    advice = syntax_hint(src, mode) if hint else ""
    if advice:
        raise ExprError(advice) from None
    words = _("syntax error: {reason} at column {column}")
    raise ExprError(words.format(reason=message, column=column)) from None


# Sources up to this long keep their trees per process: loading a scenario again (a reload,
# the bench, tests) reads the same sources, and the compiler only reads the trees.
_KEPT_LENGTH = 300


@lru_cache(maxsize=4096)
def _syntax(src: str, mode: str) -> ast.AST | tuple[str, int]:
    """Return `_parse` of a short source, remembered."""
    return _parse(src, mode)


def _parse(src: str, mode: str) -> ast.AST | tuple[str, int]:
    """Return the syntax tree of a source, or its syntax error's message and column."""
    try:
        return ast.parse(src, mode=mode)
    except SyntaxError as exc:
        return exc.msg, exc.offset or 0
