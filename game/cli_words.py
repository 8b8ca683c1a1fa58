"""argparse's own words ("usage:", "options:", its errors) in the player's language.

argparse looks up each of its messages with the module-level `_` and `ngettext` it imported
from gettext; pointing those two names at the game's catalogue makes `--help` and the
command line's mistakes speak the chosen language. The messages are marked below so that
they reach the catalogues.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from game.locale import N_, _, ngettext

WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)


def plurals(count: int) -> list[str]:
    """Return argparse's messages with plural forms for a count (marks them for the catalogues)."""
    return [ngettext("expected %s argument", "expected %s arguments", count)]


def speak() -> None:
    """Make argparse look its messages up in the game's catalogue, in the current language."""
    setattr(argparse, "_", _)  # noqa: B010 - argparse reads these module globals at each call
    setattr(argparse, "ngettext", ngettext)  # noqa: B010


def asked_language(argv: Sequence[str]) -> str | None:
    """Return the language `--lang` asks for, read before the parser exists (its help speaks it)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
    return None
