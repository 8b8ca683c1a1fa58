"""The program's own words in the player's language: catalogues, plurals, dates, numbers.

This package sits below every layer (it imports no other `game` module and never pygame), so
the rules, the engine and the frontend all translate through the same functions. Catalogues are
the `.po` files beside this module, read directly with Babel: a fresh checkout needs no build step.
"""

from __future__ import annotations

import io
import logging
import math
from datetime import date
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.core import default_locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import parse_pattern
from babel.support import NullTranslations, Translations

log = logging.getLogger(__name__)

DOMAIN = "rapallo"
SOURCE = "en"  # the language the program and the bundled scenarios are written in
FOLDER = Path(__file__).resolve().parent
_GROUPED = parse_pattern("#,##0.#")
_PLAIN = parse_pattern("0.#")
GROUP_FROM = 10_000  # a year such as 1924 is never written "1.924" (CLDR: minimum grouping 2)
_current: dict[str, str] = {"code": SOURCE}


def catalogue_path(code: str) -> Path:
    """Return where a language's catalogue lives."""
    return FOLDER / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def available() -> list[str]:
    """Return the languages the program speaks: the source language, then every catalogue."""
    found = sorted(p.parent.parent.name for p in FOLDER.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return [SOURCE, *found]


def system_language() -> str:
    """Return the system locale's language if the program speaks it, else the source language."""
    try:
        found = default_locale(("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")) or ""
    except (ValueError, UnknownLocaleError):
        found = ""
    code = found.split("_")[0].split("@")[0].lower()
    return code if code in available() else SOURCE


def language() -> str:
    """Return the language code now in use."""
    return _current["code"]


def set_language(code: str) -> str:
    """Switch every translated word to a language; unknown codes fall back to the source."""
    _current["code"] = code if code in available() else SOURCE
    return _current["code"]


@cache
def _translations(code: str) -> NullTranslations:
    """Read one language's catalogue (once) into gettext translations."""
    if code == SOURCE:
        return NullTranslations()
    try:
        with catalogue_path(code).open("rb") as po:
            catalog = read_po(po, locale=code, domain=DOMAIN)
    except (OSError, ValueError) as exc:
        log.warning("language %s: catalogue not read (%s)", code, exc)
        return NullTranslations()
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


@cache
def _locale(code: str) -> Locale:
    return Locale.parse(code)


def _(message: str) -> str:
    """Return a message in the current language (the message itself where none is written)."""
    return _translations(_current["code"]).gettext(message)


gettext = _


def N_(message: str) -> str:  # noqa: N802 - the name pybabel extract looks for
    """Mark a message for the catalogue where it is defined; `_()` translates it where shown."""
    return message


def pgettext(context: str, message: str) -> str:
    """Return a message in the current language as meant in a context ("save name")."""
    return str(_translations(_current["code"]).pgettext(context, message))


def ngettext(singular: str, plural: str, count: int) -> str:
    """Return the singular or a plural form for a count, by the language's plural rules."""
    return _translations(_current["code"]).ngettext(singular, plural, count)


def month_year(month: int) -> str:
    """Format an absolute month number (year * 12 + month - 1) as "Mai 1924", "май 1924"."""
    year, index = divmod(month, 12)
    if not 1 <= year <= 9999:
        return f"{index + 1:02d}/{year}"
    # LLLL is the standalone month name: Russian nominative "май", not the genitive "мая".
    return format_date(date(year, index + 1, 1), "LLLL y", locale=_locale(_current["code"]))


def month_in_phrase(month: int) -> str:
    """Format a month for inside a sentence: "from May 1924", Russian genitive "с мая 1924"."""
    year, index = divmod(month, 12)
    if not 1 <= year <= 9999:
        return f"{index + 1:02d}/{year}"
    return format_date(date(year, index + 1, 1), "MMMM y", locale=_locale(_current["code"]))


def month_short(month: int) -> str:
    """Format an absolute month number briefly: "Apr 1922", "Mai 1924", "май 1924"."""
    year, index = divmod(month, 12)
    if not 1 <= year <= 9999:
        return f"{index + 1:02d}/{year}"
    name = format_date(date(year, index + 1, 1), "LLL", locale=_locale(_current["code"]))
    return f"{name.rstrip('.')} {year}"


def number(value: float) -> str:
    """Format a number without a useless fraction, by locale ("12.345,5"); non-finite reads 0."""
    if not math.isfinite(value):
        return "0"
    if isinstance(value, float) and not value.is_integer():
        value = round(value, 1)
    pattern = _GROUPED if abs(value) >= GROUP_FROM else _PLAIN
    return str(pattern.apply(value, _locale(_current["code"])))
