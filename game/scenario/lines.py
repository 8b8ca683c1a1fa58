"""Map TOML key paths such as `event[3].options[0].when` to source line numbers."""

from __future__ import annotations

import re
from typing import Any

_KEY_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-\"'.")
_MULTI = ('"""', "'''")


def _split_key(key: str) -> list[str]:
    return [part.strip().strip("\"'") for part in key.split(".")]


def index_lines(text: str) -> dict[str, int]:
    """Return the first line of every table, array item and key, by dotted path.

    One pass, linear in the text: no pattern matching that could backtrack.
    """
    lines: dict[str, int] = {}
    counts: dict[str, int] = {}
    current = ""
    value: _Value | None = None  # a multi-line array whose items are being indexed
    inside = ""  # the delimiter of the multi-line string being read, if any
    for number, raw in enumerate(text.splitlines(), start=1):
        after = _string_state(raw, inside)
        if after != inside or inside:
            if not inside and value is None:
                key, _ = _key(raw)
                if key:
                    lines.setdefault(_join(current, _split_key(key)), number)
            inside = after
            continue
        if value is not None:
            value.scan(raw, number, lines)
            if value.depth <= 0:
                value = None
            continue
        header = _header(raw)
        if header is not None:
            double, name = header
            path = _resolve(_split_key(name), lines, counts)
            if double:
                index = counts.get(path, 0)
                counts[path] = index + 1
                path = f"{path}[{index}]"
            lines.setdefault(path, number)
            current = path
            continue
        key, end = _key(raw)
        if key:
            path = _join(current, _split_key(key))
            lines.setdefault(path, number)
            opened = _Value(path)
            opened.scan(raw[end:], number, lines)
            if opened.depth > 0:
                value = opened
    return lines


def _header(raw: str) -> tuple[bool, str] | None:
    """Return (is an array item, dotted name) when a line is a table header."""
    line = raw.strip()
    if not line.startswith("["):
        return None
    double = line.startswith("[[")
    body = line[2:] if double else line[1:]
    close = body.find("]")
    name = body[:close].strip() if close >= 0 else ""
    if not name:
        return None
    rest = body[close + 1 :]
    if rest.startswith("]"):
        rest = rest[1:]
    rest = rest.strip()
    if rest and not rest.startswith("#"):
        return None
    return double, name


def _key(raw: str) -> tuple[str, int]:
    """Return the key a line assigns at its start (`key =`) and where its value begins."""
    start = len(raw) - len(raw.lstrip())
    end = start
    while end < len(raw) and raw[end] in _KEY_CHARS:
        end += 1
    rest = raw[end:].lstrip()
    if end > start and rest.startswith("="):
        return raw[start:end], len(raw) - len(rest) + 1
    return "", 0


def _string_state(raw: str, inside: str) -> str:
    """Return the multi-line string still open at the end of a line ('' for none)."""
    i, n = 0, len(raw)
    while i < n:
        if inside:
            if inside == '"""' and raw[i] == "\\":
                i += 2
            elif raw.startswith(inside, i):
                i += 3
                inside = ""
            else:
                i += 1
            continue
        char = raw[i]
        if char == "#":
            break
        if raw.startswith(_MULTI, i):
            inside = raw[i : i + 3]
            i += 3
        elif char == '"':
            i += 1
            while i < n and raw[i] != '"':
                i += 2 if raw[i] == "\\" else 1
            i += 1
        elif char == "'":
            end = raw.find("'", i + 1)
            i = n if end < 0 else end + 1
        else:
            i += 1
    return inside


class _Value:
    """A value that spans lines: records the line where each item of its outer array starts."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.depth = 0
        self.items = 0
        self.started = False  # whether the current outer item has begun

    def scan(self, raw: str, number: int, lines: dict[str, int]) -> None:
        """Track brackets, strings and commas of one line; index items that start on it."""
        quote = ""
        escaped = False
        for char in raw:
            if quote:
                if escaped:
                    escaped = False
                elif char == "\\" and quote == '"':
                    escaped = True
                elif char == quote:
                    quote = ""
                continue
            if char == "#":
                break
            if char.isspace():
                continue
            if self.depth == 1 and not self.started and char not in ",]":
                self.started = True
                lines.setdefault(f"{self.path}[{self.items}]", number)
            if char in "\"'":
                quote = char
            elif char in "[{":
                self.depth += 1
            elif char in "]}":
                self.depth -= 1
            elif char == "," and self.depth == 1:
                self.items += 1
                self.started = False


def _join(base: str, parts: list[str]) -> str:
    return ".".join([base, *parts]) if base else ".".join(parts)


def _resolve(parts: list[str], lines: dict[str, int], counts: dict[str, int]) -> str:
    """Resolve a header's parts to a concrete path, entering the last item of arrays."""
    path = ""
    for part in parts[:-1]:
        path = _join(path, [part])
        if path in counts:
            path = f"{path}[{counts[path] - 1}]"
    return _join(path, parts[-1:])


class LazyLines(dict[str, int]):
    """A line index built from its text only when an error first needs a line number."""

    def __init__(self, text: str, data: dict[str, Any] | None = None) -> None:
        super().__init__()
        self._text: str | None = text
        self._data = data  # the parsed file, which answers `written` without the index

    def written(self, path: str) -> bool:
        """True when the file sets the key at this path (`event[3].chance`)."""
        found = _lookup(self._data, path) if self._data is not None else None
        return found if found is not None else path in self

    def _fill(self) -> None:
        if self._text is not None:
            self.update(index_lines(self._text))
            self._text = None

    def __contains__(self, key: object) -> bool:
        self._fill()
        return super().__contains__(key)

    def __getitem__(self, key: str) -> int:
        self._fill()
        return super().__getitem__(key)

    def get(self, key: str, default: int | None = None) -> int | None:  # type: ignore[override]
        """Return the line of a key path, or the default."""
        self._fill()
        return super().get(key, default)


_STEP = re.compile(r"([A-Za-z0-9_-]+)|\[(\d+)\]|(\.)")


def _lookup(data: Any, path: str) -> bool | None:
    """Whether parsed data holds a key path; None when the path is not plain enough to follow."""
    at = 0
    for match in _STEP.finditer(path):
        if match.start() != at:
            return None
        at = match.end()
        key, index, _ = match.groups()
        if key is not None:
            if not isinstance(data, dict):
                return None
            if key not in data:
                return False
            data = data[key]
        elif index is not None:
            if not isinstance(data, list):
                return None
            if int(index) >= len(data):
                return False
            data = data[int(index)]
    return None if at != len(path) else True


def find_line(lines: dict[str, int], path: str) -> int:
    """Return the line of a path, or of its nearest located ancestor; 1 when unknown."""
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        if cut <= 0:
            break
        path = path[:cut]
    return lines.get(path, 1)
