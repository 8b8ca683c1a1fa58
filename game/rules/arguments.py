"""Arguments of function and effect calls: checked against the declared kinds, converted."""

from __future__ import annotations

import ast
from contextlib import AbstractContextManager
from typing import Any

from game.locale import _
from game.rules.errors import EXPECTED_ID, ExprError, unknown
from game.rules.lexicon import Lexicon
from game.rules.nodes import Node
from game.rules.registry import Function, Param
from game.rules.types import Scope
from game.rules.uses import Uses

_ID_KINDS = {
    Param.REGION: ("region", "regions"),
    Param.ACTION: ("action", "actions"),
    Param.EVENT: ("event", "events"),
    Param.FLAG: ("flag", "flags"),
    Param.TAG: ("tag", "tags"),
    Param.MODIFIER: ("modifier", "modifiers"),
    Param.ENDING: ("ending", "endings"),
    Param.TREATY: ("treaty", "treaties"),
}


class ArgumentChecks:
    """Argument checking for the compiler; needs its country, number and node compilers."""

    lex: Lexicon
    scope: Scope
    uses: Uses

    def country_ref(self, node: ast.AST) -> Node:
        """Compile an argument that must name a country."""
        raise NotImplementedError

    def numeric(self, node: ast.AST) -> Node:
        """Compile a syntax node that must be a number."""
        raise NotImplementedError

    def node(self, node: ast.AST) -> Node:
        """Compile one syntax node."""
        raise NotImplementedError

    def within(self, scope: Scope) -> AbstractContextManager[None]:
        """Compile with `target` and `it` allowed as the scope says."""
        raise NotImplementedError

    def flag(self, name: str, per_country: bool) -> str:
        """Check a flag is used as declared."""
        raise NotImplementedError

    def ident(self, node: ast.AST, kind: str, known: dict[str, Any] | set[str]) -> str:
        """Check a bare identifier argument of a given kind against the scenario."""
        if isinstance(node, ast.Name):
            name = node.id
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            name = node.value
        else:
            raise ExprError(_(EXPECTED_ID[kind]))
        if name not in known:
            raise ExprError(unknown(kind, name, known))
        self.uses.note(kind, name)
        return name

    def arguments(self, func: Function, node: ast.Call) -> list[Any]:
        """Check a call's arguments against the function's parameter kinds and convert them."""
        low, high = func.arity()
        if node.keywords:
            raise ExprError(_("{name}() takes no keyword arguments").format(name=func.name))
        if not low <= len(node.args) <= high:
            want = str(high) if low == high else _("{low} to {high}").format(low=low, high=high)
            words = _("{name}() takes {want} argument(s), got {count}")
            raise ExprError(words.format(name=func.name, want=want, count=len(node.args)))
        out: list[Any] = []
        for param, arg in zip(func.params, node.args, strict=False):
            out.append(self._argument(param, arg, out))
        return out + [None] * (len(func.params) - len(node.args))

    def _argument(self, param: Param, arg: ast.AST, before: list[Any]) -> Any:
        lex = self.lex
        if param is Param.COUNTRY:
            return self.country_ref(arg)
        if param in (Param.NUMBER, Param.ANY):
            return self.numeric(arg)
        if param is Param.EACH:
            with self.within(Scope(self.scope.targeted, iterating=True)):
                return self.node(arg)
        if param is Param.TEXT:
            if not isinstance(arg, ast.Constant) or not isinstance(arg.value, str):
                raise ExprError(_('expected text in quotes, e.g. "New name"'))
            return arg.value
        if param is Param.OPTION:
            return self.ident(arg, "option", lex.options.get(str(before[-1]), {}))
        if param is Param.SINCE:
            return self._since(arg)
        kind, table = _ID_KINDS[param]
        return self.ident(arg, kind, getattr(lex, table))

    def _since(self, arg: ast.AST) -> tuple[str, Any]:
        lex = self.lex
        inner = arg.value if isinstance(arg, ast.Attribute) else None
        if (
            isinstance(arg, ast.Attribute)
            and isinstance(inner, ast.Attribute)
            and inner.attr == "flag"
        ):
            self.flag(arg.attr, True)
            self.uses.note("flag_read", arg.attr)
            return "country_flag", (arg.attr, self.country_ref(inner.value))
        tables = (
            ("flag", lex.flags),
            ("event", lex.events),
            ("action", lex.actions),
            ("treaty", lex.treaties),
        )
        known = {k: v for _, table in tables for k, v in table.items()}
        name = self.ident(arg, "flag, event, action or treaty", known)
        kinds = [kind for kind, table in tables if name in table]
        if len(kinds) > 1:
            words = _("{name} is both {kinds}; rename one of them")
            raise ExprError(words.format(name=f"'{name}'", kinds=_(" and ").join(kinds)))
        if kinds[0] == "flag":
            self.flag(name, False)
        self.uses.note("flag_read" if kinds[0] == "flag" else kinds[0], name)
        return kinds[0], name
