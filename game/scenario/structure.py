"""First pass: TOML text to `ScenarioFile` objects, with strict types and exact paths."""

from __future__ import annotations

import re
import tomllib
import typing
from typing import Any

import attrs
import cattrs
import cattrs.cols as cols
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, override

from game.locale import N_, _, ngettext
from game.model import defs, values
from game.model.defs import ScenarioFile
from game.scenario import loc, structured_files, toml_cache, toml_hints
from game.scenario.errors import MAX_REPORTED, Problem, suggest
from game.scenario.limits import MAX_FILE_ENTRIES, measure, over_limit
from game.scenario.lines import LazyLines, find_line
from game.scenario.value_hooks import (
    TypeProblem,
    bounded,
    checked,
    colour,
    expected,
    lon_lat,
    number_or_text,
    one_of,
    parse_ring,
    strict,
    year_month,
)


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(float, strict(float, N_("a number")))
    conv.register_structure_hook(int, strict(int, N_("a whole number")))
    conv.register_structure_hook(str, strict(str, N_("text")))
    conv.register_structure_hook(bool, strict(bool, N_("true or false")))
    conv.register_structure_hook(float | str, number_or_text)

    def guarded(kind: type, make: Any, what: str) -> Any:
        def factory(t: Any, c: cattrs.Converter) -> Any:
            inner = make(t, c)

            def hook(value: Any, target: Any) -> Any:
                if not isinstance(value, kind):
                    raise TypeProblem(expected(what, value))
                return inner(value, target)

            return hook

        return factory

    conv.register_structure_hook_factory(
        lambda t: getattr(t, "__origin__", None) is list,
        guarded(list, cols.list_structure_factory, N_("a list")),
    )
    conv.register_structure_hook_factory(
        lambda t: getattr(t, "__origin__", None) is dict,
        guarded(dict, cols.mapping_structure_factory, N_("a table")),
    )
    ring_default = conv.get_structure_hook(list[list[float]])

    def ring(value: Any, target: Any) -> Any:
        if isinstance(value, str):
            return parse_ring(value)
        return ring_default(value, target)

    conv.register_structure_hook_func(lambda t: t == list[list[float]], ring)
    for kind in values.BOUNDS:
        conv.register_structure_hook(kind, bounded(kind))
    chance = bounded(values.Probability)
    conv.register_structure_hook(
        values.Probability | str, lambda v, t: v if isinstance(v, str) else chance(v, t)
    )
    conv.register_structure_hook(values.Id, strict(str, N_("text")))
    conv.register_structure_hook(values.Colour, checked(str, N_("text"), colour))
    conv.register_structure_hook(values.YearMonth, checked(str, N_("text"), year_month))
    conv.register_structure_hook(values.LonLat, lon_lat)
    conv.register_structure_hook_func(lambda t: typing.get_origin(t) is typing.Literal, one_of)
    conv.register_structure_hook_func(lambda t: t == defs.EffectEntry, _effect_entry(conv))
    for table in (defs.FlagDef, defs.NamedCondition):
        conv.register_structure_hook_func(_is_union_of_text(table), _text_or(conv, table))
    for cls in _attrs_classes():
        conv.register_structure_hook(cls, _table_first(_fromdict(conv, cls)))
    return conv


def _fromdict(conv: cattrs.Converter, cls: type) -> Any:
    """Structure a table into an attrs class; a field's `key` metadata renames its TOML key."""
    renames = {
        f.name: override(rename=f.metadata["key"]) for f in attrs.fields(cls) if "key" in f.metadata
    }
    return make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True, **renames)  # type: ignore[arg-type]


def _is_union_of_text(table: type) -> Any:
    union: Any = str | table
    return lambda t: t == union


_BLOCKS = (("if", "IfBlock"), ("random", "RandomBlock"), ("for_each", "ForEachBlock"))


def _effect_entry(conv: cattrs.Converter) -> Any:
    def hook(value: Any, _unused: Any) -> Any:
        if isinstance(value, str):
            return value
        if not isinstance(value, dict):
            raise TypeProblem(expected(N_("an effect (text or a table)"), value))
        for key, cls in _BLOCKS:
            if key in value:
                return conv.structure(value, getattr(defs, cls))
        raise TypeProblem(_("an effect table needs `if`, `random` or `for_each`"))

    return hook


def _text_or(conv: cattrs.Converter, table: type) -> Any:
    def hook(value: Any, _unused: Any) -> Any:
        if isinstance(value, str):
            return value
        if isinstance(value, dict):
            return conv.structure(value, table)
        raise TypeProblem(expected(N_("text or a table"), value))

    return hook


def _attrs_classes() -> list[type]:
    return [v for v in vars(defs).values() if isinstance(v, type) and attrs.has(v)]


def _table_first(inner: Any) -> Any:
    def hook(value: Any, target: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeProblem(expected(N_("a table"), value))
        return inner(value, target)

    return hook


CONVERTER = _make_converter()
_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
_KEY_IN_PATH = re.compile(r"\[['\"]([^'\"]*)['\"]\]")


def _formatter(unknown: dict[str, str]) -> Any:
    """Return the message maker for cattrs; it notes each unknown-key message's first key."""

    def format_exception(exc: BaseException, kind: type | None) -> str:
        message = _format(exc, kind)
        if isinstance(exc, ForbiddenExtraKeysError):
            key = re.match(r"'([^']+)'", repr(sorted(exc.extra_fields)[0][:80]))
            if key:
                unknown[message] = key.group(1)
        return message

    return format_exception


def _format(exc: BaseException, kind: type | None) -> str:
    if isinstance(exc, ForbiddenExtraKeysError):
        known = [f.name for f in attrs.fields(exc.cl)] if attrs.has(exc.cl) else []
        names = sorted(exc.extra_fields)
        hints = "".join(suggest(n, known) for n in names[:3])
        shown = ", ".join(repr(n[:80]) for n in names[:5])
        more = _(" and {count} more").format(count=len(names) - 5) if len(names) > 5 else ""
        return _("unknown key {keys}{more}{hints}").format(keys=shown, more=more, hints=hints)
    if isinstance(exc, KeyError):
        return _("required key {key} is missing").format(key=repr(exc.args[0]))
    if isinstance(exc, TypeProblem):
        return str(exc)
    if isinstance(exc, TypeError | AttributeError) and kind is not None and attrs.has(kind):
        return _("expected a table")
    if isinstance(exc, ValueError | TypeError):
        return _("invalid value: {reason}").format(reason=exc)
    return _("invalid value ({kind})").format(kind=type(exc).__name__)


def _line(lines: Any, path: str) -> int:
    """Return the line of a key path; an unknown [[table]] is found by its first entry."""
    for candidate in (path, f"{path}[0]"):
        if candidate in lines:
            return int(lines[candidate])
    return find_line(lines, path)


def structure_file(
    name: str, text: str
) -> tuple[ScenarioFile | None, dict[str, int], list[Problem]]:
    """Parse and structure one TOML file; return it, its line index and its problems."""
    structured, lines, problems, _size = _structure(name, text)
    return structured, lines, problems


def _structure(
    name: str, text: str, edit: loc.Edit | None = None
) -> tuple[ScenarioFile | None, dict[str, int], list[Problem], tuple[int, int]]:
    """Structure one file as above; also return its entry count and expression text length."""
    none = (0, 0)
    text = text.removeprefix("\ufeff")  # a byte order mark, as some editors write
    known = structured_files.recall(text) if toml_cache.ENABLED and edit is None else None
    if known is not None:
        return known[0], LazyLines(text, known[1]), [], known[2]
    try:
        raw = toml_cache.parse(text) if edit is None else edit(toml_cache.parse(text))
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_LINE.search(str(exc))
        line = int(match.group(1)) if match else 1
        message = _TOML_LINE.sub("", str(exc)).replace("(at end of document)", "").strip()
        message = toml_hints.translate(message)
        found = toml_hints.explain(text, int(match.group(1)) if match else None)
        if found is not None:
            line, words = found
            message = f"{words} ({message[:1].lower()}{message[1:]})"
        message = _("TOML syntax: {reason}").format(reason=message)
        return None, {}, [Problem(name, line, message)], none
    except RecursionError:
        return None, {}, [Problem(name, 1, _("TOML nests too deeply"))], none
    except ValueError as exc:  # tomllib refuses whole numbers of more than 4300 digits
        message = _("TOML value out of range: {reason}").format(reason=str(exc)[:120])
        return None, {}, [Problem(name, 1, message)], none
    entries, length, refused = measure(raw)
    size = (entries, length)
    if entries > MAX_FILE_ENTRIES:
        message = ngettext(
            "the file holds {count} entry; the limit is {limit} a file",
            "the file holds {count} entries; the limit is {limit} a file",
            entries,
        ).format(count=entries, limit=MAX_FILE_ENTRIES)
        return None, {}, [Problem(name, 1, message)], size
    lines = LazyLines(text, raw)
    early = [Problem(name, find_line(lines, path), why, path) for path, why in refused]
    early.sort(key=lambda p: p.line)
    try:
        structured = CONVERTER.structure(raw, ScenarioFile)
        if not early and edit is None:  # a translated file is not its text's
            structured_files.remember(text, structured, raw, size)
        return (None, lines, early, size) if early else (structured, lines, [], size)
    except Exception as exc:  # noqa: BLE001 - every structuring error is reported, located
        problems = early
        unknown: dict[str, str] = {}
        messages = cattrs.transform_error(exc, path="$", format_exception=_formatter(unknown))
        for message in messages:
            text_part, _sep, path = message.rpartition(" @ ")
            path = _KEY_IN_PATH.sub(r".\1", path).removeprefix("$").lstrip(".")
            key = unknown.get(text_part)
            if key:
                path = f"{path}.{key}" if path else key
            problems.append(Problem(name, _line(lines, path), text_part, path))
            if len(problems) >= MAX_REPORTED:
                break
        return None, lines, problems, size


def structure_files(
    files: list[tuple[str, str]], edit: loc.Edit | None = None
) -> tuple[list[tuple[str, ScenarioFile, dict[str, int]]], list[Problem]]:
    """Structure every file (`edit` may change each parsed one); refuse too large folders."""
    parsed: list[tuple[str, ScenarioFile, dict[str, int]]] = []
    problems: list[Problem] = []
    entries = text = 0
    for label, source in files:
        structured, lines, found, size = _structure(label, source, edit)
        problems.extend(found)
        entries += size[0]
        text += size[1]
        if structured is not None:
            parsed.append((label, structured, lines))
        over = over_limit(entries, text)
        if over:
            message = _("the scenario is too large: {reason}").format(reason=over)
            problems.append(Problem(label, 0, message))
            break
    return parsed, problems
