"""What every check and link step shares: the definitions, the report and the compilers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.locale import _
from game.rules.compiler import Compiler, Scope
from game.rules.effects import Effect
from game.rules.errors import ExprError, quoted, unknown
from game.rules.lexicon import Lexicon, month_of
from game.rules.nodes import TRUE, Node
from game.rules.statements import EffectCompiler
from game.rules.text import Text, compile_text, plain
from game.scenario.lines import LazyLines
from game.scenario.merge import Merged
from game.scenario.report import Report

PLAIN = Scope()
TARGETED = Scope(targeted=True)


class Build:
    """One scenario being checked and compiled."""

    def __init__(self, merged: Merged, report: Report, lex: Lexicon) -> None:
        self.m = merged
        self.report = report
        self.lex = lex
        self.comp = Compiler(lex)
        self.effc = EffectCompiler(self.comp)
        self.start = 0
        self.end = 0

    # ---- problems ---------------------------------------------------------------------
    def at(self, kind: str, i: int, sub: str) -> Callable[[str], None]:
        """Return a reporter for one key of one definition."""
        return lambda message: self.report.at(kind, i, sub, message)

    def written(self, kind: str, i: int, sub: str) -> bool:
        """True when the author wrote a key of a definition (not left it to its default)."""
        _file, prefix, lines = self.report.origins[(kind, i)]
        path = f"{prefix}.{sub}"
        return lines.written(path) if isinstance(lines, LazyLines) else path in lines

    def tab(self, key: str, sub: str) -> Callable[[str], None]:
        """Return a reporter for one key of a top-level table."""
        return lambda message: self.report.table(key, sub, message)

    def country(self, cid: str, where: Callable[[str], None]) -> None:
        """Report an unknown country id."""
        if cid not in self.lex.countries:
            where(unknown("country", cid, self.lex.countries))

    def date(self, value: str, where: Callable[[str], None]) -> int | None:
        """Turn "YYYY-MM" into a month number, or report it."""
        try:
            return month_of(value)
        except ValueError as exc:
            where(str(exc))
            return None

    def in_scenario(self, month: int | None, where: Callable[[str], None]) -> None:
        """Report a date outside the scenario's span."""
        if month is not None and not self.start <= month <= self.end:
            meta = self.m.scenario
            assert meta is not None
            words = _("the date lies outside the scenario ({start} to {end})")
            where(words.format(start=meta.start, end=meta.end))

    # ---- compiling --------------------------------------------------------------------
    def cond(
        self, kind: str, i: int, sub: str, src: str, scope: Scope = PLAIN, value: bool = False
    ) -> Node:
        """Compile a condition (or a value) of a definition; report problems, return TRUE."""
        if "\n" in src:  # a condition written over several lines of a """ string
            src = " ".join(src.split())
        try:
            return self.comp.number(src, scope) if value else self.comp.condition(src, scope)
        except ExprError as exc:
            message = _("in {source}: {reason}").format(source=quoted(src[:200]), reason=exc)
            self.report.at(kind, i, sub, message)
            return TRUE

    def effects(
        self, kind: str, i: int, sub: str, entries: list[Any], scope: Scope = PLAIN
    ) -> list[Effect]:
        """Compile an effect list of a definition, reporting each problem at its path."""
        problems: list[tuple[str, str]] = []
        out = self.effc.entries(entries, sub, scope, problems)
        for path, message in problems:
            self.report.at(kind, i, path, message)
        return out

    def text(self, kind: str, i: int, sub: str, src: str, scope: Scope = PLAIN) -> Text:
        """Compile a text with `{…}` fields; report problems and keep the plain text."""
        if "{" not in src and "}" not in src:
            return plain(src)
        try:
            return compile_text(self.comp, src, scope)
        except ExprError as exc:
            self.report.at(kind, i, sub, str(exc))
            return plain(src)
