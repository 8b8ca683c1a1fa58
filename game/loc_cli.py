"""`rapallo loc template|check`: the tools a scenario's translators use."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.engine.save_files import write_atomic
from game.locale import _
from game.scenario.errors import ScenarioError
from game.scenario.loc import (
    SOURCE_LANGUAGE,
    Entry,
    check_folder,
    describe,
    folder_sources,
    is_language,
    languages,
    loc_path,
    read_entries,
)
from game.scenario.loc_file import template
from game.scenario.read import missing_folder, resolve


def add_parser(sub: Any) -> None:
    """Add the `loc` subcommand and its two actions."""
    loc = sub.add_parser("loc", help=_("write and check a scenario's translation files"))
    actions = loc.add_subparsers(dest="loc_command", required=True, parser_class=type(loc))
    tpl = actions.add_parser(
        "template", help=_("write or update loc/LANG.toml with every text to translate")
    )
    tpl.add_argument("scenario", metavar="SCENARIO", help=_("scenario id or folder"))
    tpl.add_argument("language", metavar="LANG", help=_("language code, e.g. de or ru"))
    chk = actions.add_parser("check", help=_("list untranslated, stale and extra texts"))
    chk.add_argument("scenario", metavar="SCENARIO", help=_("scenario id or folder"))
    chk.add_argument("languages", nargs="*", metavar="LANG", help=_("default: every loc file"))
    chk.add_argument(
        "--strict", action="store_true", help=_("exit 1 unless every text is translated")
    )


def _folder(name: str) -> Path:
    folder = resolve(name)
    if not folder.is_dir():
        raise missing_folder(name)
    return folder


def run(args: argparse.Namespace) -> int:
    """Run one `loc` action; return the exit code."""
    try:
        folder = _folder(args.scenario)
        if args.loc_command == "template":
            return _template(folder, args.language)
        return _check(folder, args.languages or languages(folder), args.strict)
    except ScenarioError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 2


def _template(folder: Path, language: str) -> int:
    if not is_language(language) or language == SOURCE_LANGUAGE:
        print(_("loc: '{code}' is not a language to translate into").format(code=language))
        return 2
    path = loc_path(folder, language)
    entries: dict[str, Entry] = {}
    if path.is_file():
        try:
            entries = read_entries(folder, language)
        except ValueError as exc:
            print(_("loc: {reason}; fix the file first, it was left as it is").format(reason=exc))
            return 1
    found = folder_sources(folder)
    write_atomic(path, template(language, folder.name, found, entries))
    done = sum(1 for key in found if key in entries and entries[key].text.strip())
    print(
        _("{path}: {total} texts, {done} translated").format(path=path, total=len(found), done=done)
    )
    return 0


def _check(folder: Path, codes: list[str], strict: bool) -> int:
    found = folder_sources(folder)
    failed = False
    for code in codes:
        findings = check_folder(folder, code, found)
        if findings.unreadable:
            print(_("loc: {reason}").format(reason=findings.unreadable))
            failed = True
            continue
        for line in describe(findings, len(found), folder.name):
            print(line)
        failed = failed or (strict and findings.count > 0)
    return 1 if failed else 0


def summary(folder: Path) -> bool:
    """Print one line per translation file for `validate`; False if one cannot be read.

    Untranslated and stale texts are normal while a scenario is being written, so they never
    fail `validate --strict`; `loc check --strict` is the test a finished translation passes.
    """
    found = folder_sources(folder)
    readable = True
    for code in languages(folder):
        findings = check_folder(folder, code, found)
        if findings.unreadable:
            print(_("loc: error: {reason}").format(reason=findings.unreadable))
            readable = False
        else:
            print(describe(findings, len(found), folder.name)[-1])
    return readable
