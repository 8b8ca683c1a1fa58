"""Write a scenario's translation file: every key, the source as a comment, existing texts kept."""

from __future__ import annotations

import textwrap

from game.scenario.loc import Entry, Sources, source_hash

WIDTH = 92


def _basic(text: str) -> str:
    """Return a TOML basic string on one line."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _value(text: str) -> str:
    """Return a TOML string, split over lines with line-ending backslashes when it is long."""
    flat = _basic(text)
    if len(flat) <= WIDTH - 10 or "  " in text or text != text.strip():
        return flat
    words = flat[1:-1].split(" ")
    lines: list[str] = []
    line = ""
    for word in words:
        if line and len(line) + len(word) + 1 > WIDTH:
            lines.append(line + " \\")
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line + "\\")
    return '"""\n' + "\n".join(lines) + '\n"""'


def _comment(text: str) -> list[str]:
    flat = " ".join(text.split())
    return [f"# {line}" for line in textwrap.wrap(flat, WIDTH - 2)] or ["#"]


def template(language: str, title: str, found: Sources, entries: dict[str, Entry]) -> str:
    """Return the whole translation file: translated entries kept, new keys left empty."""
    out = [
        f"# {title}: texts in '{language}'. Each key is a text of the scenario; the comment",
        "# above it is the original. Leave a text empty to show the original. A *_hash is the",
        "# original's hash when it was translated: after updating a stale text, delete its",
        "# *_hash line and run `python -m game loc template` again to record the new one.",
    ]
    tables: dict[str, list[str]] = {}
    for key, source in found.items():
        table, _, name = key.rpartition(".")
        entry = entries.get(key)
        written = entry is not None and bool(entry.text.strip())
        kept = entry.source_hash if entry is not None and written else ""
        digest = kept or source_hash(source)
        lines = tables.setdefault(table, [])
        lines.extend(_comment(source))
        lines.append(f"{name} = {_value(entry.text if entry is not None and written else '')}")
        lines.append(f'{name}_hash = "{digest}"')
    for table, lines in tables.items():
        out.extend(["", f"[{table}]", *lines])
    leftover = [key for key in entries if key not in found and entries[key].text.strip()]
    if leftover:
        out.extend(["", "# Texts whose key the scenario no longer has, kept for reference:"])
        for key in leftover:
            out.extend([f"# {key}:", *_comment(entries[key].text)])
    return "\n".join(out) + "\n"
