"""Compile effect statements (`ast` Assign, AugAssign and calls) and effect tables."""

from __future__ import annotations

import ast
import io
import tokenize
from functools import lru_cache
from typing import Any

from game.locale import N_, _
from game.model.defs import ForEachBlock, IfBlock, RandomBlock
from game.rules import effect_calls  # noqa: F401 - registers the effect functions
from game.rules.compiler import Compiler, Scope, parse
from game.rules.effects import Change, Effect, ForEach, Group, IfEffect, Outcome, RandomEffect
from game.rules.errors import CycleError, ExprError, quoted, unknown
from game.rules.nodes import const
from game.rules.registry import EFFECTS
from game.rules.text import Text, compile_text

Problems = list[tuple[str, str]]
_SHAPE = N_(
    "an effect is `X.stat += n`, `global -= n`, `relation(A, B) += n`"
    " or a call such as set_flag(name)"
)


class EffectCompiler:
    """Compile effects against one scenario, on top of its expression compiler."""

    def __init__(self, comp: Compiler) -> None:
        self.comp = comp
        self.lex = comp.lex
        self._grouping: list[str] = []
        self._cycles: dict[str, str] = {}  # a problem's message → its cycle's own words

    # ---- what effect builders may ask ------------------------------------------------
    @property
    def scope(self) -> Scope:
        """Return the scope being compiled."""
        return self.comp.scope

    def flag(self, name: str, per_country: bool) -> str:
        """Check a flag is used as declared."""
        return self.comp.flag(name, per_country)

    def text(self, src: str) -> Text:
        """Compile a text with `{…}` fields in the current scope."""
        return compile_text(self.comp, src, self.comp.scope)

    # ---- lists and tables --------------------------------------------------------------
    def entries(
        self, items: list[Any], path: str, scope: Scope, problems: Problems
    ) -> list[Effect]:
        """Compile an effect list; each problem is recorded with its key path."""
        out = []
        for j, item in enumerate(items):
            where = f"{path}[{j}]"
            if isinstance(item, str):
                try:
                    out.append(self.statement(item, scope))
                except ExprError as exc:
                    problems.append((where, self._within(item, exc)))
            else:
                block = self._table(item, where, scope, problems)
                if block is not None:
                    out.append(block)
        return out

    def _table(self, item: Any, where: str, scope: Scope, problems: Problems) -> Effect | None:
        def cond(src: str, key: str, inner: Scope) -> Any:
            try:
                return self.comp.condition(src, inner)
            except ExprError as exc:
                problems.append((f"{where}.{key}", self._within(src, exc)))
                return None

        if isinstance(item, IfBlock):
            test = cond(item.if_, "if", scope)
            then = self.entries(item.then, f"{where}.then", scope, problems)
            orelse = self.entries(item.else_, f"{where}.else", scope, problems)
            return IfEffect(f"if {item.if_}", test, then, orelse) if test is not None else None
        if isinstance(item, ForEachBlock):
            inner = Scope(scope.targeted, iterating=True)
            test = cond(item.for_each, "for_each", inner)
            body = self.entries(item.effects, f"{where}.effects", inner, problems)
            countries = list(self.lex.countries)
            if test is None:
                return None
            return ForEach(f"for_each {item.for_each}", test, body, countries)
        assert isinstance(item, RandomBlock)
        outcomes = []
        if not item.random:
            problems.append((f"{where}.random", _("a random effect needs at least one outcome")))
        for k, o in enumerate(item.random):
            at = f"{where}.random[{k}]"
            weight = self._weight(o.weight, scope)
            if isinstance(weight, str):
                problems.append((f"{at}.weight", weight))
                continue
            outcomes.append(
                Outcome(weight, self.entries(o.effects, f"{at}.effects", scope, problems))
            )
        return RandomEffect("random", outcomes)

    def _weight(self, weight: float | str, scope: Scope) -> Any:
        if not isinstance(weight, str):
            if weight < 0:
                return _("a weight cannot be negative")
            return const(weight, str(weight))
        try:
            return self.comp.number(weight, scope)
        except ExprError as exc:
            return self._within(weight, exc)

    def _within(self, src: str, exc: ExprError) -> str:
        """Return a problem's message: "in 'SOURCE': REASON" (a cycle's reason is noted)."""
        message = _("in {source}: {reason}").format(source=quoted(src[:200]), reason=exc)
        if isinstance(exc, CycleError):
            self._cycles[message] = str(exc)
        return message

    # ---- statements --------------------------------------------------------------------
    def statement(self, src: str, scope: Scope | None = None) -> Effect:
        """Compile one effect statement."""
        return self.comp.memo("effect", src, scope, self._statement)  # type: ignore[no-any-return]

    def _statement(self, src: str) -> Effect:
        split = _relation_split(src)
        if split is not None:  # Python would refuse it: a call cannot be assigned to
            return self._split_change(src, *split)
        try:
            tree = parse(src, "exec", hint=False)
        except ExprError:
            split = _split_assignment(src)
            if split is None:
                parse(src, "exec")  # raises again, now with the advice for authors
                raise
            return self._split_change(src, *split)
        assert isinstance(tree, ast.Module)
        if len(tree.body) != 1:
            raise ExprError(_("write one effect per string"))
        self.comp._src = src
        stmt = tree.body[0]
        if isinstance(stmt, ast.AugAssign):
            if not isinstance(stmt.op, ast.Add | ast.Sub):
                raise ExprError(_("change a value with +=, -= or =; to multiply, write X = X * 2"))
            return self._change(
                stmt.target, "+" if isinstance(stmt.op, ast.Add) else "-", stmt.value, src
            )
        if isinstance(stmt, ast.Assign):
            if len(stmt.targets) != 1:
                raise ExprError(_("set one value per effect"))
            return self._change(stmt.targets[0], "=", stmt.value, src)
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
            return self._call(stmt.value, src)
        raise ExprError(_(_SHAPE))

    def _split_change(self, src: str, left: str, op: str, right: str) -> Effect:
        """Compile `relation(A, B) += n`, which Python's grammar cannot assign to."""
        target = parse(left, "eval")
        assert isinstance(target, ast.Expression)
        value = parse(right, "eval")
        assert isinstance(value, ast.Expression)
        self.comp._src = right
        return self._change(target.body, op, value.body, src, left)

    def _call(self, call: ast.Call, src: str) -> Effect:
        if not isinstance(call.func, ast.Name):
            raise ExprError(_(_SHAPE))
        name = call.func.id
        if name in self.lex.groups:
            if call.args or call.keywords:
                words = _("{name}() is an effect group and takes no arguments")
                raise ExprError(words.format(name=name))
            self.comp.uses.note("group", name)
            with self.comp.uses.owner(("group", name)):
                return self._group(name, src)
        found = EFFECTS.get(name)
        if found is None:
            raise ExprError(unknown("effect", name, [*EFFECTS, *self.lex.groups]))
        return found.build(self, *self.comp.arguments(found, call), src)  # type: ignore[no-any-return]

    def _group(self, name: str, src: str) -> Effect:
        if name in self._grouping:
            cycle = " → ".join([*self._grouping[self._grouping.index(name) :], name])
            raise CycleError(_("effect group uses itself: {cycle}").format(cycle=cycle))
        self._grouping.append(name)
        problems: Problems = []
        try:
            body = self.entries(self.lex.groups[name], name, self.comp.scope, problems)
        finally:
            self._grouping.pop()
        if problems:
            where, message = problems[0]
            if message in self._cycles:
                raise CycleError(self._cycles[message])
            words = _("in effect group {name} ({where}): {reason}")
            raise ExprError(words.format(name=f"'{name}'", where=where, reason=message))
        return Group(src, name, body)

    def _change(self, target: ast.AST, op: str, value: ast.AST, src: str, left: str = "") -> Effect:
        comp, lex = self.comp, self.lex
        amount = comp.numeric(value)
        if left:
            comp._src = left
        if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name | ast.Call):
            if isinstance(target.value, ast.Name) and target.value.id == "flag":
                raise ExprError(_("set flags with set_flag(name) and clear_flag(name)"))
            who = comp.country_ref(target.value)
            stat = target.attr
            if stat not in lex.stats:
                raise ExprError(unknown("stat", stat, lex.stats))
            d = lex.stats[stat]
            return Change(src, "stat", op, amount, who=who, name=stat, low=d.min, high=d.max)
        if isinstance(target, ast.Name):
            if target.id not in lex.globals:
                raise ExprError(unknown("global", target.id, lex.globals))
            d = lex.globals[target.id]
            return Change(src, "global", op, amount, name=target.id, low=d.min, high=d.max)
        if (
            isinstance(target, ast.Call)
            and isinstance(target.func, ast.Name)
            and target.func.id == "relation"
            and len(target.args) == 2
        ):
            low, high = lex.relation_bounds
            a, b = (comp.country_ref(arg) for arg in target.args)
            return Change(
                src,
                "relation",
                op,
                amount,
                who=a,
                other=b,
                low=low,
                high=high,
                default=lex.relation_default,
            )
        raise ExprError(_("only a country's stat, a global or relation(A, B) can be changed"))


# Text made only of these characters splits without Python's tokenizer (the same answer, faster).
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_ (),.+-*/=")


@lru_cache(maxsize=4096)
def _split_assignment(src: str) -> tuple[str, str, str] | None:
    """Split `TARGET op VALUE` at its top-level +=, -= or = token, or return None."""
    text = src.strip()
    if _PLAIN.issuperset(text):
        return _split_plain(text)
    return _split_tokens(src)


@lru_cache(maxsize=4096)
def _relation_split(src: str) -> tuple[str, str, str] | None:
    """`_split_assignment` of a plain `relation(...) op VALUE`, whose left side is one call."""
    text = src.strip()
    if not text.startswith("relation(") or not _PLAIN.issuperset(text):
        return None
    split = _split_plain(text)
    if split is None:
        return None
    left = split[0].rstrip()
    depth = 0
    for i, c in enumerate(left):
        depth += 1 if c == "(" else -1 if c == ")" else 0
        if depth == 0 and i > 8:
            return split if i == len(left) - 1 else None
    return None


def _split_plain(text: str) -> tuple[str, str, str] | None:
    """`_split_tokens` for one line of names, numbers, brackets and + - * / = . , operators."""
    depth, i, end = 0, 0, len(text)
    while i < end:
        c = text[i]
        after = text[i + 1] if i + 1 < end else ""
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c in "*/":
            if after == c:  # ** // **= //=
                i += 3 if text[i + 2 : i + 3] == "=" else 2
                continue
            if after == "=":
                i += 2
                continue
        elif c == "=":
            if after == "=":
                i += 2
                continue
            if depth == 0:
                return text[:i], "=", text[i + 1 :]
        elif c in "+-" and after == "=":
            if depth == 0:
                return text[:i], c, text[i + 2 :]
            i += 2
            continue
        i += 1
    return None


def _split_tokens(src: str) -> tuple[str, str, str] | None:
    """Split at the first top-level +=, -= or = that Python's tokenizer finds."""
    depth = 0
    try:
        for tok in tokenize.generate_tokens(io.StringIO(src.strip()).readline):
            if tok.type != tokenize.OP:
                continue
            if tok.string in "([{":
                depth += 1
            elif tok.string in ")]}":
                depth -= 1
            elif depth == 0 and tok.string in ("+=", "-=", "=") and tok.start[0] == 1:
                text, cut = src.strip(), tok.start[1]  # a column of str input counts characters
                op = {"+=": "+", "-=": "-", "=": "="}[tok.string]
                return text[:cut], op, text[cut + len(tok.string) :]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None
    return None
