"""Hints for the syntax mistakes authors make most: C operators, = for ==, *= and changes in
conditions. Read from the tokens, never from the text with patterns."""

from __future__ import annotations

import io
import tokenize

from game.locale import _

_CHANGES = ("+=", "-=", "*=", "/=")


def _operators(src: str) -> list[str]:
    """Return the operator tokens of a source, '' where it cannot be tokenized."""
    out: list[str] = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(src).readline):
            if tok.type == tokenize.OP or (tok.type == tokenize.ERRORTOKEN and tok.string.strip()):
                out.append(tok.string)
    except (tokenize.TokenError, SyntaxError, IndentationError):
        pass
    return out


def syntax_hint(src: str, mode: str) -> str:
    """Return advice for a source that does not parse ('' when none fits)."""
    ops = _operators(src)
    pairs = {a + b for a, b in zip(ops, ops[1:], strict=False)}
    if "&&" in "".join(ops) or "&&" in pairs:
        return _("write `and` instead of &&")
    if "||" in "".join(ops) or "||" in pairs:
        return _("write `or` instead of ||")
    if mode == "eval":
        if any(op in _CHANGES for op in ops):
            return _("a condition compares: use ==, <, >, <=, >= or != (+= and -= are for effects)")
        if "=" in ops:
            return _("to compare, write == (a single = sets a value, in effects)")
    if "*=" in ops or "/=" in ops:
        return _("change a value with +=, -= or =; to multiply, write X = X * 2")
    return ""
