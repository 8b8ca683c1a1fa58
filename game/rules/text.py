"""Texts with values: `{expression}` inside event, option, log and ending texts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from attrs import frozen

from game.locale import _
from game.rules.errors import ExprError
from game.rules.nodes import Node, show
from game.rules.types import Env

if TYPE_CHECKING:
    from game.model.state import GameState
    from game.rules.lexicon import Lexicon


class Values(Protocol):
    """The part of the compiler a text needs: compiling one value in a scope."""

    def value(self, src: str, scope: Any = None) -> Node:
        """Compile a value expression."""
        ...


MAX_TEXT = 20_000
MAX_FIELDS = 50


@frozen
class Text:
    """A text whose `{…}` fields are filled in with values when it is shown."""

    src: str
    parts: tuple[str | Node, ...]

    def render(self, st: GameState | None, env: Env, lex: Lexicon) -> str:
        """Return the text with every field's value now."""
        if len(self.parts) == 1 and isinstance(self.parts[0], str):
            return self.parts[0]
        if st is None:
            return "".join(p if isinstance(p, str) else "{" + p.src + "}" for p in self.parts)
        return "".join(
            p if isinstance(p, str) else show(p.fn(st, env), lex, st) for p in self.parts
        )

    @property
    def fields(self) -> list[Node]:
        """Return the compiled fields."""
        return [p for p in self.parts if isinstance(p, Node)]


def split(src: str) -> list[tuple[bool, str]]:
    """Split a text into (is_field, piece); `{{` and `}}` write braces."""
    if len(src) > MAX_TEXT:
        words = _("text is {length} characters long; the limit is {limit}")
        raise ExprError(words.format(length=len(src), limit=MAX_TEXT))
    out: list[tuple[bool, str]] = []
    plain: list[str] = []
    i, n = 0, len(src)
    while i < n:
        ch = src[i]
        if ch in "{}" and src[i + 1 : i + 2] == ch:
            plain.append(ch)
            i += 2
        elif ch == "}":
            words = _("a lone {brace} at character {n}: write {double} for a brace")
            raise ExprError(words.format(brace="'}'", n=i + 1, double="'}}'"))
        elif ch == "{":
            end = src.find("}", i + 1)
            if end < 0:
                words = _("the {brace} at character {n} is never closed")
                raise ExprError(words.format(brace="'{'", n=i + 1))
            if plain:
                out.append((False, "".join(plain)))
                plain = []
            out.append((True, src[i + 1 : end]))
            i = end + 1
        else:
            plain.append(ch)
            i += 1
    if plain:
        out.append((False, "".join(plain)))
    return out


def compile_text(comp: Values, src: str, scope: Any = None) -> Text:
    """Compile a text's fields against the scenario."""
    pieces = split(src)
    if sum(1 for is_field, _ in pieces if is_field) > MAX_FIELDS:
        words = _("more than {limit} {fields} fields in one text")
        raise ExprError(words.format(limit=MAX_FIELDS, fields="{…}"))
    parts: list[str | Node] = []
    for is_field, piece in pieces:
        if not is_field:
            parts.append(piece)
            continue
        try:
            parts.append(comp.value(piece, scope))
        except ExprError as exc:
            field = "{" + piece[:60] + "}"
            raise ExprError(_("in {field}: {reason}").format(field=field, reason=exc)) from None
    return Text(src, tuple(parts) or ("",))


def plain(src: str) -> Text:
    """Return a text without fields."""
    return Text(src, (src,))


def event_title(lex: Lexicon, eid: str, st: GameState | None) -> str:
    """Return an event's title as its own country reads it now."""
    title = lex.titles.get(eid)
    if title is None:
        return lex.events.get(eid, eid)
    return str(title.render(st, Env(lex.event_country.get(eid, "")), lex))
