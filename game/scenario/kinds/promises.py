"""Options whose text promises something permanent while nothing later can hold them to it."""

from __future__ import annotations

import re

from game.locale import _
from game.rules.effects import SetFlag, walk
from game.scenario.build import Build
from game.scenario.compiled import Event

# Words of an answer that end, ban or stop something for the rest of the game.
PROMISE = re.compile(
    r"\b(for good|once and for all|never again|for ever|forever|str(?:ike|uck) out"
    r"|ban(?:s|ned)?|abolish\w*|put an end to)\b",
    re.IGNORECASE,
)


def promise(text: str) -> str:
    """Return the words of a text that promise something permanent, or ''."""
    found = PROMISE.search(text)
    return found.group(0) if found else ""


def check_promises(b: Build, events: dict[str, Event]) -> None:
    """Warn of a permanent-sounding option that sets no flag any condition reads."""
    reached = b.comp.uses.reached()
    for i, e in enumerate(b.m.event):
        event = events.get(e.id)
        if event is None:
            continue
        for j, option in enumerate(event.options):
            words = promise(option.d.text)
            if not words:
                continue
            flags = {x.flag for x in walk(option.effects) if isinstance(x, SetFlag) and x.on}
            if any(("flag_read", f) in reached for f in flags):
                continue
            b.report.at(
                "event",
                i,
                f"options[{j}].text",
                _(
                    "the answer says {words} but sets no flag that a condition reads, so "
                    "later events and actions cannot honour it (set a flag and check it)"
                ).format(words=f"'{words}'"),
                "warning",
            )
