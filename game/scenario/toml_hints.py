"""Explain a TOML syntax error by what is still open where it happened, in the player's words."""

from __future__ import annotations

import re

from attrs import define, field

from game.locale import N_, _

_CLOSE = {"[": "]", "{": "}"}
_WHAT = {
    '"': N_('string "…"'),
    "'": N_("string '…'"),
    '"""': N_('string """…"""'),
    "'''": N_("string '''…'''"),
    "[": N_("list [ ]"),
    "{": N_("inline table { }"),
}


@define
class _Scan:
    """Walk TOML text keeping a stack of what is open: (opener, line it opened on)."""

    text: str
    stack: list[tuple[str, int]] = field(factory=list)
    line: int = 1
    pos: int = 0
    assigned: bool = False  # an `=` came before, on this line, outside any value

    def run(self, stop_line: int) -> None:
        """Scan up to the start of a line (everything, for 0)."""
        while self.pos < len(self.text) and (stop_line == 0 or self.line < stop_line):
            self.step()

    def step(self) -> None:
        ch = self.text[self.pos]
        top = self.stack[-1][0] if self.stack else ""
        if top in ('"', "'", '"""', "'''"):
            self._in_string(top)
            return
        if ch == "\n":
            self.line += 1
            self.assigned = False
        elif ch == "=" and not self.stack:
            self.assigned = True
        elif ch == "#":
            end = self.text.find("\n", self.pos)
            self.pos = len(self.text) if end < 0 else end
            return
        elif ch in "\"'":
            quote = ch * 3 if self.text.startswith(ch * 3, self.pos) else ch
            self.stack.append((quote, self.line))
            self.pos += len(quote)
            return
        elif ch in "[{" and self._in_value():
            self.stack.append((ch, self.line))
        elif ch in "]}" and self.stack and _CLOSE.get(top) == ch:
            self.stack.pop()
        self.pos += 1

    def _in_value(self) -> bool:
        """True after `key =` or inside a list or inline table; False for a [table] header."""
        return bool(self.stack) or self.assigned

    def _in_string(self, quote: str) -> None:
        ch = self.text[self.pos]
        if ch == "\\" and quote[0] == '"':
            self.pos += 2
            return
        if ch == "\n":
            if len(quote) == 1:  # a one-line string ends at its line's end: report it there
                self.pos = len(self.text)
                return
            self.line += 1
        if self.text.startswith(quote, self.pos):
            self.stack.pop()
            self.pos += len(quote)
            return
        self.pos += 1


def explain(text: str, line: int | None) -> tuple[int, str] | None:
    """Return (line, words) for what is unclosed at an error's line (None: end of document)."""
    scan = _Scan(text)
    scan.run(0 if line is None else line + 1)
    if not scan.stack:
        return None
    opener, opened = scan.stack[-1]
    if len(opener) == 1 and opener in "\"'" and line is not None and line != opened:
        return None
    hint = _('; a one-line string must close on its line (use """ for several)')
    more = hint if opener == '"' else ""
    words = _("unclosed {what} opened at line {line}{more}")
    return opened, words.format(what=_(_WHAT[opener]), line=opened, more=more)


# tomllib's words for syntax errors: a few are reworded, the others kept and translated.
_WORDS = {
    "Cannot overwrite a value": N_("a key is set twice in the same table"),
    "Invalid value": N_('invalid value (text goes in quotes: key = "text")'),
    "Invalid statement": N_("expected `key = value` or a [table] header"),
    "Unterminated string": N_("Unterminated string"),
    "Unclosed inline table": N_("Unclosed inline table"),
    "Unclosed array": N_("Unclosed array"),
    "Unescaped '\\' in a string": N_("Unescaped '\\' in a string"),
    "Invalid initial character for a key part": N_("Invalid initial character for a key part"),
    "Invalid hex value": N_("Invalid hex value"),
    "Invalid date or datetime": N_("Invalid date or datetime"),
    "Expected ']]' at the end of an array declaration": N_(
        "Expected ']]' at the end of an array declaration"
    ),
    "Expected ']' at the end of a table declaration": N_(
        "Expected ']' at the end of a table declaration"
    ),
    "Expected '=' after a key in a key/value pair": N_(
        "Expected '=' after a key in a key/value pair"
    ),
    "Escaped character is not a Unicode scalar value": N_(
        "Escaped character is not a Unicode scalar value"
    ),
}
_PATTERNS = (
    (re.compile(r"Illegal character (.+)"), N_("Illegal character {part}")),
    (re.compile(r"Found invalid character (.+)"), N_("Found invalid character {part}")),
    (re.compile(r"Cannot declare (.+) twice"), N_("Cannot declare {part} twice")),
    (
        re.compile(r"Cannot mutate immutable namespace (.+)"),
        N_("Cannot mutate immutable namespace {part}"),
    ),
    (re.compile(r"Cannot redefine namespace (.+)"), N_("Cannot redefine namespace {part}")),
    (re.compile(r"Duplicate inline table key (.+)"), N_("Duplicate inline table key {part}")),
    (re.compile(r"Expected (.+)"), N_("Expected {part}")),
)


def translate(message: str) -> str:
    """Return tomllib's message for a syntax error in the player's words."""
    if message in _WORDS:
        return _(_WORDS[message])
    for pattern, words in _PATTERNS:
        found = pattern.fullmatch(message)
        if found:
            return _(words).format(part=found.group(1))
    return message
