"""The command line: play (default), validate, simulate, replay, bench, new-scenario."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from game import cli_words, loc_cli, map_cli, sim_cli
from game.cli_scenario import default_scenario, load_or_report
from game.locale import _, available, set_language, system_language
from game.scenario.errors import ScenarioError
from game.scenario.load import load_scenario


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports mistakes in one line and exits with code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(
            2,
            _("{prog}: error: {message} (see --help)").format(prog=self.prog, message=message)
            + "\n",
        )


def build_parser() -> argparse.ArgumentParser:
    """Return the parser for every subcommand, in the current language (argparse's words too)."""
    cli_words.speak()
    parser = _Parser(prog="rapallo", description=_("Rapallo: diplomacy between the wars."))
    parser.add_argument("--load", metavar="FILE", help=_("open a saved game"))
    parser.add_argument("--scenario", metavar="SCENARIO", help=_("scenario id or folder to play"))
    parser.add_argument("--dev", action="store_true", help=_("turn on the author console"))
    parser.add_argument(
        "--windowed",
        action="store_true",
        help=_(
            "start in a window of the default size and save that (undoes a bad display setting)"
        ),
    )
    parser.add_argument(
        "--lang",
        metavar="LANG",
        choices=available(),
        help=_("language: {codes} (default: the saved choice, else the system's)").format(
            codes=", ".join(available())
        ),
    )
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    val = sub.add_parser("validate", help=_("check scenario folders; exit 1 on errors"))
    val.add_argument("paths", nargs="*", metavar="PATH", help=_("scenario ids or folders"))
    val.add_argument("--strict", action="store_true", help=_("treat warnings as errors"))

    sim_cli.add_parser(sub)

    rep = sub.add_parser("replay", help=_("replay a saved game"))
    rep.add_argument("save", metavar="SAVE", help=_("a save file"))
    rep.add_argument("--verify", action="store_true", help=_("check every stored turn hash"))
    rep.add_argument("--scenario", metavar="FOLDER", help=_("the scenario to replay it with"))

    new = sub.add_parser("new-scenario", help=_("write a small playable scenario to edit"))
    new.add_argument("name", metavar="NAME", help=_("id of the new scenario (letters, digits, _)"))
    new.add_argument(
        "--dir", metavar="PATH", help=_("folder to create it in (default: your scenarios folder)")
    )

    docs = sub.add_parser("docs", help=_("regenerate the authoring reference and editor schema"))
    docs.add_argument("--check", action="store_true", help=_("exit 1 if they are out of date"))

    map_cli.add_parser(sub)
    loc_cli.add_parser(sub)

    bench = sub.add_parser("bench", help=_("measure load, turn, game and frame times"))
    bench.add_argument("--json", action="store_true", help=_("print one JSON object"))
    bench.add_argument("--scenario", help=_("scenario to measure (default: the largest)"))
    bench.add_argument("--no-ui", action="store_true", help=_("skip the frontend figures"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    words = sys.argv[1:] if argv is None else argv
    set_language(cli_words.asked_language(words) or system_language())
    args = build_parser().parse_args(argv)
    if args.lang:
        set_language(args.lang)
    try:
        if args.command == "validate":
            return _validate(args.paths or [default_scenario()], args.strict)
        if args.command == "simulate":
            return sim_cli.run(args)
        if args.command == "bench":
            return _bench(args)
        if args.command == "replay":
            return _replay(args)
        if args.command == "new-scenario":
            return _new_scenario(args.name, Path(args.dir) if args.dir else None)
        if args.command == "docs":
            return _docs(args.check)
        if args.command == "map":
            return map_cli.run(args)
        if args.command == "loc":
            return loc_cli.run(args)
        return _play(args)
    except KeyboardInterrupt:
        return 130


def _validate(paths: list[str], strict: bool) -> int:
    failed = False
    for path in paths:
        try:
            scenario = load_scenario(path, thorough=True)
        except ScenarioError as exc:
            for problem in exc.problems:
                print(problem)
            errors = sum(1 for p in exc.problems if p.severity == "error")
            warnings = len(exc.problems) - errors
            print(
                _("{path}: {errors} error(s), {warnings} warning(s)").format(
                    path=path, errors=errors, warnings=warnings
                )
            )
            failed = True
            continue
        for warning in scenario.warnings:
            print(warning)
        failed = failed or (strict and bool(scenario.warnings))
        failed = not loc_cli.summary(scenario.path) or failed
        line = _(
            "{path}: ok — “{title}”, {countries} countries, {actions} actions, {events} events, "
            "{endings} endings, {warnings} warning(s)"
        )
        print(
            line.format(
                path=path,
                title=scenario.meta.title,
                countries=len(scenario.countries),
                actions=len(scenario.actions),
                events=len(scenario.events),
                endings=len(scenario.endings),
                warnings=len(scenario.warnings),
            )
        )
    return 1 if failed else 0


def _replay(args: argparse.Namespace) -> int:
    from game.engine.save_verify import verify
    from game.engine.saves import SaveError, read_save, replay_save
    from game.paths import user_scenarios_dir
    from game.scenario.read import locate

    name = Path(args.save).name
    try:
        save = read_save(Path(args.save))
        if not args.scenario and locate(save.scenario, save.scenario_path) is None:
            text = _(
                "replay: {name}: its scenario '{scenario}' is neither bundled nor in {folder}; "
                "name its folder with --scenario"
            )
            folder = user_scenarios_dir()
            print(text.format(name=name, scenario=save.scenario, folder=folder), file=sys.stderr)
            return 2
        scenario = load_or_report(args.scenario or save.scenario_ref())
        if scenario is None:
            return 2
        if args.verify:
            ok, message = verify(save, scenario)
            verdict = _("{name}: ok — {message}") if ok else _("{name}: mismatch — {message}")
            print(verdict.format(name=name, message=message))
            return 0 if ok else 1
        loaded = replay_save(save, scenario)
    except SaveError as exc:
        print(f"replay: {exc}", file=sys.stderr)
        return 2
    st = loaded.game.state
    line = _("{name}: {title}, {date}, turn {turn}, {commands} commands").format(
        name=name,
        title=scenario.meta.title,
        date=loaded.game.date_text(),
        turn=st.turn + 1,
        commands=len(save.commands),
    )
    print(line + (f" — {loaded.notice}" if loaded.notice else ""))
    return 0


def _new_scenario(name: str, where: Path | None) -> int:
    import re
    import shutil

    from game.paths import assets_dir, user_scenarios_dir

    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,40}", name):
        print(
            _("new-scenario: '{name}' is not a valid id (letters, digits and _)").format(name=name),
            file=sys.stderr,
        )
        return 2
    target = (where or user_scenarios_dir()) / name
    if target.exists():
        print(
            _("new-scenario: {folder} already exists; nothing written").format(folder=target),
            file=sys.stderr,
        )
        return 2
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(assets_dir() / "template", target)
        # The files' `#:schema ./scenario.schema.json` lines find this copy wherever it is.
        shutil.copy(assets_dir() / "scenario.schema.json", target / "scenario.schema.json")
    except OSError as exc:
        print(
            _("new-scenario: cannot write {folder}: {reason}").format(
                folder=target, reason=exc.strerror
            ),
            file=sys.stderr,
        )
        return 2
    path = target / "scenario.toml"
    title = name.replace("_", " ").title()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("NEW_ID", name).replace("NEW_TITLE", title), encoding="utf-8")
    shown = name if where is None else str(target)
    text = _(
        "Created {folder}. Next:\n  python -m game validate {name}\n"
        "  python -m game simulate {name} --games 100\n  rapallo --scenario {name}\n"
        "It is listed under New game as one of your scenarios."
    )
    print(text.format(folder=target, name=shown))
    return 0


def _docs(check: bool) -> int:
    from game.engine.saves import write_atomic
    from game.paths import assets_dir, scenarios_dir
    from game.scenario.reference import json_schema, splice

    guide = scenarios_dir() / "README.md"
    schema = assets_dir() / "scenario.schema.json"
    old_guide = guide.read_text(encoding="utf-8") if guide.is_file() else ""
    old_schema = schema.read_text(encoding="utf-8") if schema.is_file() else ""
    new_guide = splice(old_guide)
    new_schema = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    stale = [
        p
        for p, old, new in ((guide, old_guide, new_guide), (schema, old_schema, new_schema))
        if old != new
    ]
    if check:
        for path in stale:
            print(_("{file} is out of date: run `python -m game docs`").format(file=path))
        return 1 if stale else 0
    for path, text in ((guide, new_guide), (schema, new_schema)):
        write_atomic(path, text)
    print(_("Wrote {guide} and {schema}").format(guide=guide, schema=schema))
    return 0


def _bench(args: argparse.Namespace) -> int:
    from game import bench

    figures = bench.run(args.scenario, ui=not args.no_ui)
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:18} {value}")
    return 0


def _play(args: argparse.Namespace) -> int:
    try:
        from game.ui.launch import run_app
    except ImportError:
        print("The desktop frontend is not available in this build.")
        return 0
    kwargs: dict[str, Any] = {"scenario_id": args.scenario, "load": args.load, "dev": args.dev}
    if args.windowed:
        kwargs["windowed"] = True
    if args.startup_probe:
        kwargs["probe"] = True
    if args.lang:
        kwargs["lang"] = args.lang
    return int(run_app(**kwargs) or 0)
