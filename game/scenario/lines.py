"""Map TOML key paths such as `event[3].options[0].when` to source line numbers."""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\"'.]+)\s*=")


def _split_key(key: str) -> list[str]:
    return [part.strip().strip("\"'") for part in key.split(".")]


def index_lines(text: str) -> dict[str, int]:
    """Return the first line of every table, array item and key, by dotted path."""
    lines: dict[str, int] = {}
    counts: dict[str, int] = {}
    current = ""
    value: _Value | None = None  # a multi-line array whose items are being indexed
    in_string = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.count('"""') % 2 == 1:
            in_string = not in_string
            if in_string:
                match = _KEY.match(raw)
                if match and value is None:
                    lines.setdefault(_join(current, _split_key(match.group(1))), number)
            continue
        if in_string:
            continue
        if value is not None:
            value.scan(raw, number, lines)
            if value.depth <= 0:
                value = None
            continue
        header = _HEADER.match(raw)
        if header:
            parts = _split_key(header.group(2))
            path = _resolve(parts, lines, counts)
            if header.group(1) == "[[":
                index = counts.get(path, 0)
                counts[path] = index + 1
                path = f"{path}[{index}]"
            lines.setdefault(path, number)
            current = path
            continue
        match = _KEY.match(raw)
        if match:
            path = _join(current, _split_key(match.group(1)))
            lines.setdefault(path, number)
            opened = _Value(path)
            opened.scan(raw[match.end() :], number, lines)
            if opened.depth > 0:
                value = opened
    return lines


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

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text: str | None = text

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
