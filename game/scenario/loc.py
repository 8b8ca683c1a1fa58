"""A scenario's texts in other languages: `loc/LANG.toml` files keyed by definition id.

The definitions keep the original language. A translation file holds, for each key such as
`event.kaiser_gone.title`, the translated text and a short hash of the source it was made from,
so a changed source shows up as stale. Missing entries fall back to the original.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from attrs import define, field

from game.locale import _
from game.model.values import ID_PATTERN
from game.rules.errors import ExprError
from game.rules.text import split
from game.scenario.read import FileRefused, read_folder, read_regular

FIELDS = ("name", "adjective", "title", "text", "description", "summary", "history")
FIELDS_MORE = ("epilogue", "why", "short")
TRANSLATED = frozenset(FIELDS + FIELDS_MORE)
TABLES = ("stats", "globals", "flags", "categories", "conditions")  # id-keyed tables
NAMED = ("flags", "categories")  # tables whose entries may be a bare name: ID = "name"
SOURCE_LANGUAGE = "en"
MAX_LOC_BYTES = 4_000_000
ATLAS = "atlas.json"  # the map's drawn layer; the capitals it names are translated as places
MAX_ATLAS_BYTES = 8_000_000
_LANG = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")

Sources = dict[str, str]  # "event.kaiser_gone.title" -> the original text
Edit = Callable[[dict[str, Any]], dict[str, Any]]  # changes a parsed file, returns it


@define
class Entry:
    """One translated text and the hash of the source it was translated from."""

    text: str
    source_hash: str = ""


@define
class Findings:
    """What `validate` and `loc check` say about one translation file."""

    language: str
    missing: list[str] = field(factory=list)
    stale: list[str] = field(factory=list)
    extra: list[str] = field(factory=list)
    fields: list[str] = field(factory=list)  # keys whose {…} fields differ from the source's
    unreadable: str = ""

    @property
    def count(self) -> int:
        """Return how many entries need a translator's attention."""
        return len(self.missing) + len(self.stale) + len(self.extra) + len(self.fields)


def source_hash(text: str) -> str:
    """Return the short hash kept beside a translation to notice a changed source."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]


def is_language(code: str) -> bool:
    """Say whether a string is a plausible language code such as `de` or `pt_BR`."""
    return bool(_LANG.match(code))


def loc_path(folder: Path, language: str) -> Path:
    """Return where a scenario keeps one language's texts."""
    return folder / "loc" / f"{language}.toml"


def languages(folder: Path) -> list[str]:
    """Return the languages a scenario folder has translation files for."""
    found = (folder / "loc").glob("*.toml")
    return sorted(p.stem for p in found if is_language(p.stem) and p.is_file())


def _slots(raw: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Yield (key, holder, field) for every translatable text of one parsed file."""
    meta = raw.get("scenario")
    if isinstance(meta, dict):
        yield from _fields("scenario", meta)
    for table in TABLES:
        items = raw.get(table)
        if isinstance(items, dict):
            for iid, item in items.items():
                if isinstance(item, str) and table in NAMED:
                    yield f"{table}.{iid}.name", items, iid
                elif isinstance(item, dict):
                    yield from _fields(f"{table}.{iid}", item)
    for kind, items in raw.items():
        if isinstance(items, list):
            for n, item in enumerate(items, 1):
                if isinstance(item, dict):
                    yield from _walk(f"{kind}.{item.get('id', n)}", item)


def _walk(key: str, item: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Yield the texts of one definition and of the tables nested in it."""
    yield from _fields(key, item)
    for name, value in item.items():
        if isinstance(value, list):
            for n, sub in enumerate(value, 1):
                if isinstance(sub, dict):
                    yield from _walk(f"{key}.{name}.{sub.get('id', n)}", sub)
        elif isinstance(value, dict):
            for sid, sub in value.items():
                if isinstance(sub, dict):
                    yield from _walk(f"{key}.{name}.{sid}", sub)


def _fields(key: str, item: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], str]]:
    for name in item:
        if name in TRANSLATED and isinstance(item[name], str) and item[name].strip():
            yield f"{key}.{name}", item, name


def sources(raws: list[dict[str, Any]]) -> Sources:
    """Return every translatable text of a scenario's parsed files, by key, in file order."""
    return {key: holder[name] for raw in raws for key, holder, name in _slots(raw)}


def placeholders(text: str) -> list[str]:
    """Return the sorted `{…}` fields of a text (a text that does not split has none)."""
    try:
        return sorted(piece.strip() for is_field, piece in split(text) if is_field)
    except ExprError:
        return ["<broken>"]


def read_entries(folder: Path, language: str) -> dict[str, Entry]:
    """Read one translation file; raise ValueError with a one-line reason when it is unusable."""
    path = loc_path(folder, language)
    try:
        data = tomllib.loads(read_regular(path, MAX_LOC_BYTES, folder).decode("utf-8"))
    except FileRefused as exc:
        raise ValueError(f"{path.name}: {exc}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"{path.name}: {str(exc)[:200]}") from None
    out: dict[str, Entry] = {}
    _flatten("", data, out)
    return out


def _flatten(prefix: str, table: dict[str, Any], out: dict[str, Entry]) -> None:
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict):
            _flatten(f"{key}.", value, out)
        elif isinstance(value, str) and not name.endswith("_hash"):
            digest = table.get(f"{name}_hash", "")
            out[key] = Entry(value, digest if isinstance(digest, str) else "")


def usable(entry: Entry | None, source: str) -> bool:
    """Say whether a translation may replace its source: written and with the same fields."""
    if entry is None or not entry.text.strip():
        return False
    return placeholders(entry.text) == placeholders(source)


def apply(raw: dict[str, Any], entries: dict[str, Entry]) -> dict[str, Any]:
    """Replace, in one parsed file, every text that has a usable translation; return the file."""
    for key, holder, name in list(_slots(raw)):
        entry = entries.get(key)
        if entry is not None and usable(entry, holder[name]):
            holder[name] = entry.text
    return raw


def check(language: str, found: Sources, entries: dict[str, Entry]) -> Findings:
    """Compare a translation file with the scenario's texts."""
    out = Findings(language)
    for key, source in found.items():
        entry = entries.get(key)
        if entry is None or not entry.text.strip():
            out.missing.append(key)
            continue
        if entry.source_hash != source_hash(source):
            out.stale.append(key)
        if placeholders(entry.text) != placeholders(source):
            out.fields.append(key)
    out.extra = [key for key in entries if key not in found]
    return out


def describe(findings: Findings, total: int, scenario: str) -> list[str]:
    """Return the findings as lines for a terminal, one key a line, a count last."""
    lines: list[str] = []
    lang = f"{scenario}/loc/{findings.language}"
    for label, keys in (
        (_("untranslated"), findings.missing),
        (_("stale (the source changed since)"), findings.stale),
        (_("not in the scenario"), findings.extra),
        (_("{…} fields differ from the source's"), findings.fields),
    ):
        lines.extend(f"{lang}.toml: {key}: {label}" for key in keys)
    done = total - len(findings.missing)
    count = _("{done} of {total} texts translated, {count} to look at").format(
        done=done, total=total, count=findings.count
    )
    lines.append(f"{lang}.toml: {count}")
    return lines


def folder_sources(folder: Path) -> Sources:
    """Return the translatable texts of a scenario folder (files that do not parse are skipped)."""
    raws = []
    for _name, text in read_folder(folder).files:
        try:
            raws.append(tomllib.loads(text.removeprefix("\ufeff")))
        except (tomllib.TOMLDecodeError, RecursionError, ValueError):
            continue
    return {**sources(raws), **atlas_sources(folder)}


def place_id(place: object) -> str:
    """Return the id an atlas place is translated by: its own `id`, else its country's ("")."""
    if not isinstance(place, dict):
        return ""
    ident = place.get("id") or place.get("country")
    return ident if isinstance(ident, str) and re.fullmatch(ID_PATTERN, ident) else ""


def atlas_sources(folder: Path) -> Sources:
    """Return the names of the places the folder's atlas.json writes on the map, `place.ID.name`."""
    try:
        data = json.loads(read_regular(folder / ATLAS, MAX_ATLAS_BYTES, folder))
    except (FileRefused, ValueError, RecursionError):
        return {}
    places = data.get("places") if isinstance(data, dict) else None
    out: Sources = {}
    for place in places if isinstance(places, list) else []:
        ident, name = place_id(place), place.get("name") if isinstance(place, dict) else None
        if ident and isinstance(name, str) and name.strip():
            out[f"place.{ident}.name"] = name
    return out


def place_names(entries: dict[str, Entry]) -> dict[str, str]:
    """Return the translated names of atlas places by place id, from a file's entries."""
    out = {}
    for key, entry in entries.items():
        kind, _dot, rest = key.partition(".")
        ident, _dot, name = rest.partition(".")
        if kind == "place" and name == "name" and entry.text.strip():
            out[ident] = entry.text.strip()
    return out


def check_folder(folder: Path, language: str, found: Sources | None = None) -> Findings:
    """Compare one translation file of a folder with its texts (an unreadable file says why)."""
    found = folder_sources(folder) if found is None else found
    try:
        entries = read_entries(folder, language)
    except ValueError as exc:
        return Findings(language, unreadable=str(exc))
    return check(language, found, entries)


def translated(folder: Path, language: str, key: str) -> str:
    """Return one translated text of a scenario folder, or "" (no file, no entry, unreadable)."""
    if language == SOURCE_LANGUAGE or not loc_path(folder, language).is_file():
        return ""
    try:
        entry = read_entries(folder, language).get(key)
    except ValueError:
        return ""
    return entry.text.strip() if entry is not None else ""
