"""First pass: TOML text to `ScenarioFile` objects, with strict types and exact paths."""

from __future__ import annotations

import math
import re
import tomllib
import typing
from typing import Any

import attrs
import cattrs
import cattrs.cols as cols
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, override

from game.model import defs, values
from game.model.defs import ScenarioFile
from game.rules.lexicon import month_of
from game.scenario import loc, structured_files, toml_cache, toml_hints
from game.scenario.errors import MAX_REPORTED, Problem, suggest
from game.scenario.limits import MAX_FILE_ENTRIES, measure, over_limit
from game.scenario.lines import LazyLines, find_line
from game.scenario.strict import TypeProblem, check_text, show, strict


def _number_or_text(value: Any, _: Any) -> float | str:
    if isinstance(value, str):
        check_text(value)
        return value
    return float(strict(float, "a number")(value, None))


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(float, strict(float, "a number"))
    conv.register_structure_hook(int, strict(int, "a whole number"))
    conv.register_structure_hook(str, strict(str, "text"))
    conv.register_structure_hook(bool, strict(bool, "true or false"))
    conv.register_structure_hook(float | str, _number_or_text)

    def guarded(kind: type, make: Any, what: str) -> Any:
        def factory(t: Any, c: cattrs.Converter) -> Any:
            inner = make(t, c)

            def hook(value: Any, target: Any) -> Any:
                if not isinstance(value, kind):
                    raise TypeProblem(f"expected {what}, got {show(value)}")
                return inner(value, target)

            return hook

        return factory

    conv.register_structure_hook_factory(
        lambda t: getattr(t, "__origin__", None) is list,
        guarded(list, cols.list_structure_factory, "a list"),
    )
    conv.register_structure_hook_factory(
        lambda t: getattr(t, "__origin__", None) is dict,
        guarded(dict, cols.mapping_structure_factory, "a table"),
    )
    ring_default = conv.get_structure_hook(list[list[float]])

    def ring(value: Any, target: Any) -> Any:
        if isinstance(value, str):
            return parse_ring(value)
        return ring_default(value, target)

    conv.register_structure_hook_func(lambda t: t == list[list[float]], ring)
    for kind in values.BOUNDS:
        conv.register_structure_hook(kind, _bounded(kind))
    chance = _bounded(values.Probability)
    conv.register_structure_hook(
        values.Probability | str, lambda v, t: v if isinstance(v, str) else chance(v, t)
    )
    conv.register_structure_hook(values.Id, strict(str, "text"))
    conv.register_structure_hook(values.Colour, _checked(str, "text", _colour))
    conv.register_structure_hook(values.YearMonth, _checked(str, "text", _year_month))
    conv.register_structure_hook(values.LonLat, _lon_lat)
    conv.register_structure_hook_func(lambda t: typing.get_origin(t) is typing.Literal, _one_of)
    conv.register_structure_hook_func(lambda t: t == defs.EffectEntry, _effect_entry(conv))
    for table in (defs.FlagDef, defs.NamedCondition):
        conv.register_structure_hook_func(_is_union_of_text(table), _text_or(conv, table))
    for cls in _attrs_classes():
        conv.register_structure_hook(cls, _table_first(_fromdict(conv, cls)))
    return conv


def _bounded(kind: Any) -> Any:
    """Return a hook for a number type with bounds (values.BOUNDS)."""
    base, low, high = values.BOUNDS[kind]
    plain = strict(base, "a number")
    words = values.bounds_words(kind)

    def hook(value: Any, _: Any) -> Any:
        number = plain(value, None)
        if (low is not None and number < low) or (high is not None and number > high):
            what = "a whole number" if base is int else "a number"
            raise TypeProblem(f"expected {what} {words}, got {number:g}")
        return number

    return hook


def _checked(kind: type, what: str, check: Any) -> Any:
    def hook(value: Any, _: Any) -> Any:
        if not isinstance(value, kind):
            raise TypeProblem(f"expected {what}, got {show(value)}")
        return check(value)

    return hook


def _colour(value: str) -> str:
    ok = len(value) == 7 and value[0] == "#" and all(c in _HEX for c in value[1:])
    if value and not ok:
        raise TypeProblem(f"'{value[:40]}' is not a colour like \"#a1b2c3\"")
    return value


_HEX = frozenset("0123456789abcdefABCDEF")


def _year_month(value: str) -> str:
    if value:
        try:
            month_of(value)
        except ValueError as exc:
            raise TypeProblem(str(exc)[:120]) from None
    return value


def _lon_lat(value: Any, _: Any) -> list[float]:
    if not isinstance(value, list) or len(value) != 2:
        raise TypeProblem("expected [lon, lat], two numbers")
    lon, lat = (strict(float, "a number")(v, None) for v in value)
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise TypeProblem(f"[{lon}, {lat}] is not [lon, lat] (lon −180…180, lat −90…90)")
    return [lon, lat]


def _one_of(value: Any, kind: Any) -> Any:
    allowed = typing.get_args(kind)
    if value not in allowed or not isinstance(value, str):
        names = ", ".join(f"'{a}'" for a in allowed)
        shown = f"'{value[:40]}'" if isinstance(value, str) else show(value)
        raise TypeProblem(f"expected one of {names}, got {shown}")
    return value


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
    def hook(value: Any, _: Any) -> Any:
        if isinstance(value, str):
            return value
        if not isinstance(value, dict):
            raise TypeProblem(f"expected an effect (text or a table), got {show(value)}")
        for key, cls in _BLOCKS:
            if key in value:
                return conv.structure(value, getattr(defs, cls))
        raise TypeProblem("an effect table needs `if`, `random` or `for_each`")

    return hook


def _text_or(conv: cattrs.Converter, table: type) -> Any:
    def hook(value: Any, _: Any) -> Any:
        if isinstance(value, str):
            return value
        if isinstance(value, dict):
            return conv.structure(value, table)
        raise TypeProblem(f"expected text or a table, got {show(value)}")

    return hook


def parse_ring(text: str) -> list[list[float]]:
    """Parse a compact ring "lon lat, lon lat, …" into [lon, lat] points."""
    try:  # the usual well-formed ring at once; a faulty one is read again, point by point
        points = [[float(lon), float(lat)] for lon, lat in map(str.split, text.split(","))]
    except ValueError:
        points = []
    if points and math.isfinite(sum(map(sum, points))):  # a NaN or an infinity shows here
        return points
    for pair in text.split(","):
        parts = pair.split()
        if len(parts) != 2:
            raise TypeProblem(f"'{pair.strip()[:30]}' is not a point \"lon lat\"")
        try:
            lon, lat = float(parts[0]), float(parts[1])
        except ValueError:
            raise TypeProblem(f"'{pair.strip()[:30]}' is not a point \"lon lat\"") from None
        if not (math.isfinite(lon) and math.isfinite(lat)):
            raise TypeProblem("points must be finite numbers")
    return points  # finite points whose sum alone ran out of range


def _attrs_classes() -> list[type]:
    return [v for v in vars(defs).values() if isinstance(v, type) and attrs.has(v)]


def _table_first(inner: Any) -> Any:
    def hook(value: Any, target: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeProblem(f"expected a table, got {show(value)}")
        return inner(value, target)

    return hook


CONVERTER = _make_converter()
_TOML_WORDS = {
    "Cannot overwrite a value": "a key is set twice in the same table",
    "Invalid value": 'invalid value (text goes in quotes: key = "text")',
    "Invalid statement": "expected `key = value` or a [table] header",
}
_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
_KEY_IN_PATH = re.compile(r"\[['\"]([^'\"]*)['\"]\]")


def _format(exc: BaseException, kind: type | None) -> str:
    if isinstance(exc, ForbiddenExtraKeysError):
        known = [f.name for f in attrs.fields(exc.cl)] if attrs.has(exc.cl) else []
        names = sorted(exc.extra_fields)
        hints = "".join(suggest(n, known) for n in names[:3])
        shown = ", ".join(repr(n[:80]) for n in names[:5])
        more = f" and {len(names) - 5} more" if len(names) > 5 else ""
        return f"unknown key {shown}{more}{hints}"
    if isinstance(exc, KeyError):
        return f"required key {exc.args[0]!r} is missing"
    if isinstance(exc, TypeProblem):
        return str(exc)
    if isinstance(exc, TypeError | AttributeError) and kind is not None and attrs.has(kind):
        return "expected a table"
    if isinstance(exc, ValueError | TypeError):
        return f"invalid value: {exc}"
    return f"invalid value ({type(exc).__name__})"


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
    structured, lines, problems, _ = _structure(name, text)
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
        message = _TOML_WORDS.get(message, message)
        found = toml_hints.explain(text, int(match.group(1)) if match else None)
        if found is not None:
            line, words = found
            message = f"{words} ({message[:1].lower()}{message[1:]})"
        return None, {}, [Problem(name, line, f"TOML syntax: {message}")], none
    except RecursionError:
        return None, {}, [Problem(name, 1, "TOML nests too deeply")], none
    except ValueError as exc:  # tomllib refuses whole numbers of more than 4300 digits
        return None, {}, [Problem(name, 1, f"TOML value out of range: {str(exc)[:120]}")], none
    entries, length, refused = measure(raw)
    size = (entries, length)
    if entries > MAX_FILE_ENTRIES:
        message = f"the file holds {entries} entries; the limit is {MAX_FILE_ENTRIES} a file"
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
        for message in cattrs.transform_error(exc, path="$", format_exception=_format):
            text_part, _, path = message.rpartition(" @ ")
            path = _KEY_IN_PATH.sub(r".\1", path).removeprefix("$").lstrip(".")
            key = re.match(r"unknown key '([^']+)'", text_part)
            if key:
                path = f"{path}.{key.group(1)}" if path else key.group(1)
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
            problems.append(Problem(label, 0, f"the scenario is too large: {over}"))
            break
    return parsed, problems
