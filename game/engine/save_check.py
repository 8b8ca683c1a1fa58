"""Check saved data field by field: types, bounds and every id against the scenario."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection
from typing import Any

from game.engine.commands import MAX_CONSOLE_LINE
from game.locale import N_, _
from game.scenario.compiled import Scenario

MAX_INT = 2**53
MAX_TEXT = 4_000
MAX_ITEMS = 1_000_000
ID = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
HASH = re.compile(r"[0-9a-f]{16}")
Check = Callable[[Any, str], None]


class Invalid(ValueError):
    """A saved value is not what it must be; the message names its place."""


def fail(where: str, what: str, **fields: object) -> None:
    """Raise Invalid for the value at a path; `what` is marked with N_ and translated here."""
    problem = _(what).format(**fields)
    raise Invalid(_("{place} {problem}").format(place=where, problem=problem) if where else problem)


def integer(lo: int = -MAX_INT, hi: int = MAX_INT) -> Check:
    """Accept a whole number from lo to hi."""

    def check(value: Any, where: str) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            fail(where, N_("is not a whole number"))
        if not lo <= value <= hi:
            fail(where, N_("is out of range ({low} to {high})"), low=lo, high=hi)

    return check


def number(value: Any, where: str) -> None:
    """Accept a finite number of sensible size."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        fail(where, N_("is not a number"))
    if isinstance(value, int) and abs(value) > MAX_INT:
        fail(where, N_("is out of range"))
    if isinstance(value, float) and not (math.isfinite(value) and abs(value) < 1e300):
        fail(where, N_("is not a finite number"))


def boolean(value: Any, where: str) -> None:
    """Accept true or false."""
    if not isinstance(value, bool):
        fail(where, N_("is not true or false"))


def text(limit: int = MAX_TEXT) -> Check:
    """Accept text of at most `limit` characters, without unpaired surrogates."""

    def check(value: Any, where: str) -> None:
        if not isinstance(value, str):
            fail(where, N_("is not text"))
        if len(value) > limit:
            fail(where, N_("is longer than {limit} characters"), limit=limit)
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            fail(where, N_("holds an unpaired surrogate"))

    return check


def pattern(regex: re.Pattern[str], what: str) -> Check:
    """Accept text matching a short pattern; `what` is the message, such as "is not an id"."""

    def check(value: Any, where: str) -> None:
        if not isinstance(value, str) or len(value) > 200 or not regex.fullmatch(value):
            fail(where, what)

    return check


_NAMES_NO = {
    "action": N_("names no action of this scenario ({value})"),
    "country": N_("names no country of this scenario ({value})"),
    "event": N_("names no event of this scenario ({value})"),
    "global": N_("names no global of this scenario ({value})"),
    "modifier": N_("names no modifier of this scenario ({value})"),
    "playable country": N_("names no playable country of this scenario ({value})"),
    "region": N_("names no region of this scenario ({value})"),
    "stat": N_("names no stat of this scenario ({value})"),
    "treaty": N_("names no treaty of this scenario ({value})"),
}


def one_of(known: Collection[str], what: str) -> Check:
    """Accept one of the scenario's ids (`what` names their kind, a key of _NAMES_NO)."""

    def check(value: Any, where: str) -> None:
        if not isinstance(value, str) or value not in known:
            shown = repr(value)[:40] if isinstance(value, str) else _("not text")
            fail(where, _NAMES_NO[what], value=shown)

    return check


def optional(inner: Check) -> Check:
    """Accept null or what inner accepts."""

    def check(value: Any, where: str) -> None:
        if value is not None:
            inner(value, where)

    return check


def items(inner: Check, limit: int = MAX_ITEMS) -> Check:
    """Accept a list of at most `limit` values that inner accepts."""

    def check(value: Any, where: str) -> None:
        if not isinstance(value, list):
            fail(where, N_("is not a list"))
        if len(value) > limit:
            fail(where, N_("holds more than {limit} items"), limit=limit)
        for i, item in enumerate(value):
            inner(item, f"{where}[{i}]")

    return check


def table(key: Check, value: Check, limit: int = MAX_ITEMS) -> Check:
    """Accept an object whose keys and values pass their checks."""

    def check(data: Any, where: str) -> None:
        if not isinstance(data, dict):
            fail(where, N_("is not an object"))
        if len(data) > limit:
            fail(where, N_("holds more than {limit} entries"), limit=limit)
        label = _("{place} key").format(place=where)
        for k, v in data.items():
            key(k, label)
            value(v, f"{where}.{k}")

    return check


def record(fields: dict[str, Check], required: Collection[str] | None = None) -> Check:
    """Accept an object with exactly these keys (those not required may be left out)."""
    must = set(fields) if required is None else set(required)

    def check(data: Any, where: str) -> None:
        if not isinstance(data, dict):
            fail(where, N_("is not an object"))
        for name in must - set(data):
            fail(f"{where}.{name}" if where else name, N_("is missing"))
        for name, value in data.items():
            if name not in fields:
                fail(where, N_("has the unknown key {key}"), key=repr(str(name)[:40]))
            fields[name](value, f"{where}.{name}" if where else name)

    return check


def relation_pair(countries: Collection[str]) -> Check:
    """Accept a relation key 'A|B' of two of the scenario's countries."""

    def check(value: Any, where: str) -> None:
        a, _bar, b = value.partition("|") if isinstance(value, str) else ("", "", "")
        if a not in countries or b not in countries:
            fail(where, N_("is not a pair of countries ({value})"), value=repr(str(value)[:40]))

    return check


def used_key(countries: Collection[str], actions: Collection[str]) -> Check:
    """Accept a 'COUNTRY:action' key."""

    def check(value: Any, where: str) -> None:
        c, _colon, a = value.partition(":") if isinstance(value, str) else ("", "", "")
        if c not in countries or a not in actions:
            fail(where, N_("is not a country and action ({value})"), value=repr(str(value)[:40]))

    return check


def _rng(value: Any, where: str) -> None:
    """Accept a generator state: [version, 625 words, gauss]."""
    if not isinstance(value, list) or len(value) != 3:
        fail(where, N_("is not a generator state"))
    integer(0, 10)(value[0], f"{where}[0]")
    items(integer(0, 2**32 - 1), 625)(value[1], f"{where}[1]")
    if not isinstance(value[1], list) or len(value[1]) != 625:
        fail(f"{where}[1]", N_("is not 625 words"))
    optional(number)(value[2], f"{where}[2]")


OPTIONAL = frozenset({"closing"})  # fields a snapshot holds only while they are set


def snapshot_check(sc: Scenario) -> Check:
    """Return the check of a state snapshot made with this scenario."""
    fields = snapshot_fields(sc)
    return record(fields, required=set(fields) - OPTIONAL)


def snapshot_fields(sc: Scenario) -> dict[str, Check]:
    """Return the check of every field of a state snapshot, by name (a test keeps it whole)."""
    countries, events, actions = set(sc.countries), set(sc.events), set(sc.actions)
    country, event = one_of(countries, "country"), one_of(events, "event")
    action = one_of(actions, "action")
    treaty = one_of(set(sc.treaties), "treaty")
    whole, count = integer(), integer(0, MAX_INT)
    ident = pattern(ID, N_("is not an id"))
    stats = table(one_of(set(sc.stats), "stat"), number)
    log_entry = record(
        {
            "turn": whole,
            "month": whole,
            "kind": text(40),
            "id": text(200),
            "country": text(200),
            "title": text(),
            "option": text(),
            "text": text(),
        }
    )
    fields: dict[str, Check] = {
        "seed": integer(-(2**63), 2**63),
        "turn": integer(0, 100_000),
        "month": whole,
        "humans": items(one_of(set(sc.meta.playable), "playable country"), len(sc.countries)),
        "stats": table(country, stats),
        "globals": table(one_of(set(sc.globals), "global"), number),
        "relations": table(relation_pair(countries), number),
        "owners": table(one_of(set(sc.regions), "region"), country),
        "names": table(country, text(200)),
        "flags": table(ident, whole),
        "projects": items(
            record(
                {
                    "action": action,
                    "country": country,
                    "target": optional(country),
                    "turns_left": whole,
                    "started": whole,
                }
            )
        ),
        "modifiers": items(
            record(
                {
                    "id": one_of(set(sc.modifiers), "modifier"),
                    "country": country,
                    "turns_left": whole,
                }
            )
        ),
        "fired": table(event, count),
        "last_fired": table(event, whole),
        "chosen": table(event, text(200)),
        "used": table(action, count),
        "last_used": table(used_key(countries, actions), whole),
        "pending": table(country, items(event)),
        "scheduled": items(record({"turn": whole, "event": event, "country": country})),
        "treaties": items(
            record(
                {
                    "id": treaty,
                    "parties": items(country, len(countries)),
                    "signed": whole,
                    "turns_left": whole,
                    "public": boolean,
                }
            )
        ),
        "proposals": items(
            record(
                {
                    "number": count,
                    "treaty": treaty,
                    "proposer": country,
                    "invited": items(country, len(countries)),
                    "answers": table(country, boolean),
                    "month": whole,
                }
            )
        ),
        "treaty_signed": table(treaty, whole),
        "proposals_made": count,
        "ap": table(country, whole),
        "done": items(country),
        "log": items(log_entry),
        "series": items(table(text(200), number)),
        "hashes": items(pattern(HASH, N_("is not a turn hash"))),
        "difficulty": integer(0, 2),
        "historical": boolean,
        "over": boolean,
        "closing": boolean,
        "forced_ending": text(200),
        "endings": table(country, text(200)),
        "scores": table(country, number),
        "rng": _rng,
    }
    return fields


def check_state(data: Any, sc: Scenario) -> str:
    """Return why a snapshot cannot be a state of this scenario, or '' when it can."""
    try:
        snapshot_check(sc)(data, "snapshot")
    except Invalid as exc:
        return str(exc)
    if set(data["stats"]) != set(sc.countries):
        return _("snapshot.stats does not hold every country")
    return ""


MAX_COMMANDS = 1_000_000  # in one save
MAX_TURNS = 100_000  # turn hashes in one save
_COUNTRY_ID = N_("is not a country id")
COMMAND = record(
    {
        "kind": pattern(ID, N_("is not a command kind")),
        "country": optional(pattern(ID, _COUNTRY_ID)),
        "action": pattern(ID, N_("is not an action id")),
        "target": optional(pattern(ID, _COUNTRY_ID)),
        "event": pattern(ID, N_("is not an event id")),
        "option": text(200),
        "line": text(MAX_CONSOLE_LINE),
        "treaty": pattern(ID, N_("is not a treaty id")),
        "parties": items(pattern(ID, _COUNTRY_ID), 64),
        "proposal": integer(0, MAX_INT),
        "accept": boolean,
    },
    required=("kind",),
)
SAVE = record(
    {
        "format": text(40),
        "version": integer(0, 1000),
        "name": text(1_000_000),
        "saved_at": number,
        "date_text": text(400),
        "scenario": pattern(ID, N_("is not a scenario id")),
        "scenario_version": text(100),
        "scenario_path": text(400),
        "content_hash": text(100),
        "seed": integer(-(2**63), 2**63),
        "humans": items(pattern(ID, _COUNTRY_ID), 64),
        "difficulty": integer(0, 2),
        "historical": boolean,
        "commands": items(COMMAND, MAX_COMMANDS),
        "hashes": items(pattern(HASH, N_("is not a turn hash")), MAX_TURNS),
        "snapshot": lambda value, where: None,
        "check": pattern(re.compile(r"[0-9a-f]{64}"), N_("is not a check sum")),
    },
    required=(
        "scenario",
        "scenario_version",
        "content_hash",
        "seed",
        "humans",
        "difficulty",
        "historical",
        "commands",
        "hashes",
    ),
)
