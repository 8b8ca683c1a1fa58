"""Compile expression strings against one scenario's names: parse with `ast`, dispatch on node type.

Nothing here calls eval or exec: the tree is walked and each node becomes a closure that
also knows how to describe itself.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from game.locale import _
from game.rules import functions, steps
from game.rules import operators as ops
from game.rules.arguments import ArgumentChecks
from game.rules.errors import CycleError, ExprError, quoted, suggest, unknown
from game.rules.lexicon import Lexicon
from game.rules.nodes import TRUE, Node, const, fixed, said
from game.rules.parsing import MAX_DEPTH, MAX_LENGTH, parse
from game.rules.registry import EFFECTS, FUNCTIONS
from game.rules.types import WHO, Env, Fn, Scope, VType
from game.rules.uses import Ref, Uses

_BRACKETS = (ast.List, ast.Subscript, ast.ListComp)
MAX_CONSTANT = 1e12
RESERVED = frozenset(
    {"self", "target", "it", "flag", "name", "year", "month", "turn", "date", "final"}
    | {"True", "False", "and", "or", "not", "if", "else", "in", "is", "None"}
)


class Compiler(ArgumentChecks):
    """Compile expression strings against one scenario's names."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.scope = Scope()
        self.depth = 0
        self._src = ""
        self._naming: list[str] = []
        # Compiled objects hold no state, so identical sources in one scope share one.
        self._memo: dict[tuple[str, str, Scope], Any] = {}
        # What each compiled source named, noted again when the memo hands it out.
        self._memo_uses: dict[tuple[str, str, Scope], set[Ref]] = {}
        self.uses = Uses()
        self._dispatch: dict[type, Callable[[Any, str], Node]] = {
            ast.Constant: self._constant,
            ast.Name: lambda n, seg: self._name(n.id),
            ast.Attribute: self._attribute,
            ast.BoolOp: self._boolop,
            ast.UnaryOp: self._unary,
            ast.BinOp: self._binop,
            ast.Compare: self._compare,
            ast.Call: self._call,
            ast.IfExp: self._ifexp,
        }

    # ---- entry points -------------------------------------------------------------
    def condition(self, src: str, scope: Scope | None = None) -> Node:
        """Compile a condition; the empty string is always true."""
        if not src.strip():
            return TRUE
        return self.value(src, scope)

    def value(self, src: str, scope: Scope | None = None) -> Node:
        """Compile a value or condition expression."""
        return self.memo("value", src, scope, self._value)  # type: ignore[no-any-return]

    def number(self, src: str, scope: Scope | None = None) -> Node:
        """Compile a value that must be a number, not a country or text."""
        node = self.value(src, scope)
        if node.is_text:
            raise ExprError(_not_number(src))
        return node

    def memo(self, mode: str, src: str, scope: Scope | None, make: Callable[[str], Any]) -> Any:
        """Compile once per source, mode and scope."""
        key = (mode, src, scope or self.scope)
        if (known := self._memo_uses.get(key)) is not None:
            self.uses.replay(known)
            return self._memo[key]
        # As `within` and `uses.capture`, written out: this runs for every source compiled.
        saved, saved_src = self.scope, self._src
        self.scope = key[2]
        found = self.uses.start_capture()
        try:
            self._memo[key] = made = make(src)
        finally:
            self.uses.stop_capture()
            self.scope, self._src = saved, saved_src
        self._memo_uses[key] = found
        return made

    @contextmanager
    def within(self, scope: Scope) -> Iterator[None]:
        """Compile with `target` and `it` allowed as the scope says."""
        saved, saved_src = self.scope, self._src
        self.scope = scope
        try:
            yield
        finally:
            self.scope, self._src = saved, saved_src

    def _value(self, src: str) -> Node:
        tree = parse(src, "eval")
        assert isinstance(tree, ast.Expression)
        self._src = src
        return self.node(tree.body)

    # ---- nodes ------------------------------------------------------------------
    def node(self, node: ast.AST) -> Node:
        """Compile one syntax node of the current source."""
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise ExprError(
                    _("expression nests too deeply (limit {limit})").format(limit=MAX_DEPTH)
                )
            seg = self.segment(node)
            handler = self._dispatch.get(type(node))
            if isinstance(node, _BRACKETS):
                raise ExprError(_("brackets [ ] are not part of the expression language"))
            if handler is None:
                words = _("{source} is not allowed in an expression")
                raise ExprError(words.format(source=quoted(seg)))
            return handler(node, seg)
        finally:
            self.depth -= 1

    def numeric(self, node: ast.AST) -> Node:
        """Compile a syntax node that must be a number."""
        out = self.node(node)
        if out.is_text:
            raise ExprError(_not_number(out.src))
        return out

    def segment(self, node: ast.AST) -> str:
        """Return the source text of a syntax node."""
        text = self._src.strip()
        start, end = getattr(node, "col_offset", None), getattr(node, "end_col_offset", None)
        if "\n" in text or start is None or end is None:
            return ast.get_source_segment(text, node) or ""
        # Offsets count UTF-8 bytes (characters, in ASCII); one line is sliced as it stands.
        if text.isascii():
            return text[start:end]
        return text.encode()[start:end].decode(errors="replace")

    def _constant(self, node: ast.Constant, seg: str) -> Node:
        value = node.value
        if isinstance(value, bool | str):
            return const(value, seg)
        if isinstance(value, int | float):
            return const(ops.finite(value, seg), seg)
        raise ExprError(_("unsupported constant {value}").format(value=repr(seg[:40])))

    def _name(self, name: str) -> Node:
        lex, scope = self.lex, self.scope
        if name in ("True", "False"):
            return const(name == "True", name)
        if name in ("self", "target", "it"):
            return self._who(name)
        clock = ops.CLOCK.get(name)
        if clock is not None:
            fn, words, kind = clock
            last = lex.last_month
            return Node(fn(last), name, kind, "clock", words=said(words), name=name)
        if name in lex.globals:
            return Node(
                fn=lambda st, env: st.globals[name],
                src=name,
                kind="global",
                name=name,
                words=lambda st, env, lx: lx.globals[name].name,
            )
        if name in lex.countries:
            return Node(
                fn=lambda st, env: name,
                src=name,
                type=VType.COUNTRY,
                steady=True,
                words=lambda st, env, lx: lx.country(name, st),
            )
        if name in lex.conditions:
            self.uses.note("condition", name)
            with self.uses.owner(("condition", name)):
                return self.named(name)
        where = [*lex.globals, *lex.countries, *lex.conditions, "self", "year", "month", "date"]
        where += ["target"] if scope.targeted else []
        raise ExprError(unknown("name", name, where))

    def _who(self, name: str) -> Node:
        if name == "target" and not self.scope.targeted:
            raise ExprError(_("`target` exists only in actions that have a target"))
        if name == "it" and not self.scope.iterating:
            raise ExprError(
                _(
                    "`it` exists only inside any_country(), all_countries(), count_countries() "
                    "and for_each"
                )
            )
        get: Fn = WHO[name]
        return Node(
            fn=get,
            src=name,
            type=VType.COUNTRY,
            words=lambda st, env, lx: lx.country(who, st) if (who := get(st, env)) else name,
        )

    def named(self, name: str) -> Node:
        """Compile a named condition from the scenario's [conditions] table."""
        if name in self._naming:
            cycle = " → ".join([*self._naming[self._naming.index(name) :], name])
            raise CycleError(_("named condition uses itself: {cycle}").format(cycle=cycle))
        self._naming.append(name)
        try:
            inner = self.condition(self.lex.conditions[name], self.scope)
        except ExprError as exc:
            if isinstance(exc, CycleError):
                raise
            words = _("in named condition {name}: {reason}")
            raise ExprError(words.format(name=f"'{name}'", reason=exc)) from None
        finally:
            self._naming.pop()
        label = self.lex.condition_names.get(name) or name.replace("_", " ")
        return Node(
            fn=inner.fn,
            src=name,
            type=inner.type,
            kind="named",
            parts=[inner],
            name=label,
            words=fixed(label),
        )

    def _attribute(self, node: ast.Attribute, seg: str) -> Node:
        base, attr = node.value, node.attr
        if isinstance(base, ast.Name) and base.id == "flag":
            return self._flag(attr, None)
        if isinstance(base, ast.Attribute) and base.attr == "flag":
            return self._flag(attr, self.country_ref(base.value))
        if not isinstance(base, ast.Name | ast.Call):
            raise ExprError(_("only COUNTRY.stat, COUNTRY.name and flag.name may use a dot"))
        who = self.country_ref(base)
        get = who.fn
        if attr == "name":
            return Node(
                fn=lambda st, env: get(st, env),
                src=seg,
                type=VType.COUNTRY,
                words=lambda st, env, lx: lx.country(get(st, env), st),
            )
        if attr not in self.lex.stats:
            raise ExprError(unknown("stat", attr, self.lex.stats))
        fn = steps.stat_reader(who, attr)
        return Node(
            fn=fn,
            src=seg,
            kind="stat",
            parts=[who],
            name=attr,
            words=lambda st, env, lx: lx.stat_of(get(st, env), attr, st),
        )

    def _flag(self, name: str, who: Node | None) -> Node:
        self.flag(name, who is not None)
        self.uses.note("flag_read", name)
        if who is None:
            return Node(
                fn=lambda st, env: name in st.flags,
                src=f"flag.{name}",
                type=VType.BOOL,
                kind="flag",
                words=lambda st, env, lx: lx.flags[name],
            )
        get = who.fn
        fn: Fn = lambda st, env: functions.flag_key(name, get(st, env)) in st.flags  # noqa: E731
        if who.steady:
            key = functions.flag_key(name, who.constant)
            fn = lambda st, env: key in st.flags  # noqa: E731
        return Node(
            fn=fn,
            src=f"{who.src}.flag.{name}",
            type=VType.BOOL,
            kind="flag",
            words=lambda st, env, lx: f"{lx.flags[name]} ({who.text(st, env, lx)})",
        )

    def flag(self, name: str, per_country: bool) -> str:
        """Check a flag name, and that it is used as declared: per country or global."""
        self.uses.note("flag", name)
        if name not in self.lex.flags:
            hint = suggest(name, self.lex.flags)
            words = _("unknown flag {name}{hint} (declare it in [flags])")
            raise ExprError(words.format(name=f"'{name}'", hint=hint))
        if per_country and name not in self.lex.per_country:
            words = _("flag {name} is not per country: write flag.{id}")
            raise ExprError(words.format(name=f"'{name}'", id=name))
        if not per_country and name in self.lex.per_country:
            words = _("flag {name} is per country: write COUNTRY.flag.{id}")
            raise ExprError(words.format(name=f"'{name}'", id=name))
        return name

    def country_ref(self, node: ast.AST) -> Node:
        """Compile an argument that must name a country."""
        if isinstance(node, ast.Name):
            if node.id in ("self", "target", "it") or node.id in self.lex.countries:
                return self._name(node.id)
            raise ExprError(unknown("country", node.id, self.lex.countries))
        if isinstance(node, ast.Call):
            inner = self.node(node)
            if inner.type is VType.COUNTRY:
                return inner
        raise ExprError(_("expected a country id, self, target or it"))

    def _boolop(self, node: ast.BoolOp, seg: str) -> Node:
        return ops.boolean(isinstance(node.op, ast.And), [self.node(v) for v in node.values], seg)

    def _unary(self, node: ast.UnaryOp, seg: str) -> Node:
        return ops.unary(node.op, self.node(node.operand), seg)

    def _binop(self, node: ast.BinOp, seg: str) -> Node:
        return ops.arithmetic(node.op, self.node(node.left), self.node(node.right), seg)

    def _ifexp(self, node: ast.IfExp, seg: str) -> Node:
        parts = (self.node(node.test), self.node(node.body), self.node(node.orelse))
        return ops.choice(*parts, seg)

    def _compare(self, node: ast.Compare, seg: str) -> Node:
        if len(node.ops) == 1:
            return ops.compare(
                node.ops[0], self.node(node.left), self.node(node.comparators[0]), seg
            )
        # a < b <= c means (a < b) and (b <= c)
        pieces = []
        left = node.left
        for op, right in zip(node.ops, node.comparators, strict=True):
            piece = ast.copy_location(ast.Compare(left=left, ops=[op], comparators=[right]), node)
            pieces.append(self._compare(piece, self.segment(piece)))
            left = right
        return ops.boolean(True, pieces, seg)

    def _call(self, node: ast.Call, seg: str) -> Node:
        if not isinstance(node.func, ast.Name):
            words = _("{source} is not a function call the language knows")
            raise ExprError(words.format(source=quoted(seg)))
        name = node.func.id
        func = FUNCTIONS.get(name)
        if func is None:
            if name in EFFECTS or name in self.lex.groups:
                words = _("{name} is an effect; it cannot be used in a condition")
                raise ExprError(words.format(name=f"'{name}'"))
            raise ExprError(unknown("function", name, FUNCTIONS))
        return func.build(self, *self.arguments(func, node), seg)


def _not_number(src: str) -> str:
    return _("{source} must be a number, not a country or text").format(source=quoted(src))


__all__ = ["MAX_LENGTH", "Compiler", "Env", "ExprError", "MAX_DEPTH", "Scope", "parse"]
