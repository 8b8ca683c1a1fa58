"""The command line: play (default), validate, simulate, replay, bench, new-scenario."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from game import cli_words, loc_cli, map_cli
from game.locale import _, available, set_language, system_language
from game.scenario.errors import ScenarioError
from game.scenario.load import bundled_ids, load_scenario


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports mistakes in one line and exits with code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(
            2,
            _("{prog}: error: {message} (see --help)").format(prog=self.prog, message=message)
            + "\n",
        )


def _default_scenario() -> str:
    ids = bundled_ids()
    return ids[0] if ids else "."


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

    sim = sub.add_parser("simulate", help=_("play all-AI games and report balance"))
    sim.add_argument("scenario", nargs="?", help=_("scenario id or folder"))
    sim.add_argument("--games", type=int, default=100)
    sim.add_argument("--seed", type=int, default=0)
    sim.add_argument("--historical", action="store_true", help=_("AI follows history"))
    sim.add_argument("--difficulty", type=int, choices=(0, 1, 2), default=1)
    sim.add_argument("--json", action="store_true", help=_("print one JSON object"))
    sim.add_argument("--jobs", type=int, default=1, help=_("processes to spread games over"))
    sim.add_argument("--save", metavar="FILE", help=_("with --games 1: write the game as a save"))
    sim.add_argument("--report", metavar="FILE.html", help=_("write an HTML balance report"))
    sim.add_argument("--record-scores", action="store_true", help=_("keep the best scores with it"))
    sim.add_argument(
        "--as", dest="play_as", metavar="COUNTRY", help=_("country to play a strategy")
    )
    sim.add_argument(
        "--strategy",
        metavar="ID",
        help=_("with --as: greedy, random, spam or one the scenario defines"),
    )

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
            return _validate(args.paths or [_default_scenario()], args.strict)
        if args.command == "simulate":
            return _simulate(args)
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


def _load_or_report(name: str) -> Any:
    try:
        return load_scenario(name)
    except ScenarioError as exc:
        for problem in exc.problems[:20]:
            print(problem, file=sys.stderr)
        print(
            _("{name}: cannot be loaded; run `python -m game validate {name}`").format(name=name),
            file=sys.stderr,
        )
        return None


def _progress(done: int, total: int) -> None:
    if total < 50 or not sys.stderr.isatty():
        return
    width = 30
    filled = width * done // total
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} games")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _play_as(scenario: Any, args: argparse.Namespace) -> tuple[str, str] | None:
    """Return (country, strategy) from --as and --strategy; raise ValueError when they are bad."""
    from game.engine.strategies import policy_for

    if not args.play_as and not args.strategy:
        return None
    if not (args.play_as and args.strategy):
        raise ValueError(_("--as and --strategy go together"))
    if args.play_as not in scenario.meta.playable:
        raise ValueError(_("{country} is not a playable country").format(country=args.play_as))
    policy_for(scenario, args.play_as, args.strategy)
    return args.play_as, args.strategy


def _simulate(args: argparse.Namespace) -> int:
    from game.engine.simulate import play_out, simulate, timeline

    if args.games < 1 or args.jobs < 1:
        print(_("simulate: --games and --jobs must be at least 1"), file=sys.stderr)
        return 2
    scenario = _load_or_report(args.scenario or _default_scenario())
    if scenario is None:
        return 2
    try:
        play_as = _play_as(scenario, args)
    except ValueError as exc:
        print(f"simulate: {exc}", file=sys.stderr)
        return 2
    report = simulate(
        scenario,
        args.games,
        args.seed,
        args.historical,
        args.difficulty,
        args.jobs,
        _progress,
        play_as=play_as,
    )
    if play_as:
        report["strategy"] = {"country": play_as[0], "strategy": play_as[1]}
    if args.record_scores and not (play_as or args.historical):
        from game.engine.score_scale import record

        print(
            f"Best scores written to {record(scenario, report, args.difficulty)}", file=sys.stderr
        )
    if args.save and args.games != 1:
        print(_("simulate: --save needs --games 1"), file=sys.stderr)
        return 2
    if args.games == 1:
        game = play_out(scenario, args.seed, args.historical, args.difficulty)
        report["timeline"] = timeline(game)
        if args.save:
            from game.engine.saves import SaveError, write_save

            try:
                write_save(Path(args.save), game, f"Simulated game, seed {args.seed}")
            except SaveError as exc:
                print(f"simulate: {exc}", file=sys.stderr)
                return 2
    if args.report:
        from game.engine.saves import write_atomic
        from game.report import render_html

        try:
            write_atomic(Path(args.report), render_html(scenario, report))
        except OSError as exc:
            print(
                _("simulate: cannot write {file}: {reason}").format(
                    file=args.report, reason=exc.strerror
                ),
                file=sys.stderr,
            )
            return 2
    if args.json:
        report.pop("stat_series", None)
        print(json.dumps(report, ensure_ascii=False, sort_keys=True))
    else:
        print(format_report(scenario, report))
        if args.report:
            print("\n" + _("Report written to {file}").format(file=args.report))
    return 0


def format_report(scenario: Any, report: dict[str, Any]) -> str:
    """Return the simulate report as text."""
    n = report["games"]
    lines = [
        f"{scenario.meta.title}: {n} game(s), seed {report['seed']}"
        + (", historical" if report["historical"] else "")
    ]
    for cid, counts in report["endings"].items():
        lines.append(f"\nEndings for {scenario.lex.country(cid)}:")
        for eid, count in sorted(counts.items(), key=lambda kv: -kv[1]):
            lines.append(f"  {count / n:6.1%}  {scenario.lex.endings[eid]} ({eid})")
        none = report.get("no_ending", {}).get(cid, 0)
        if none:
            lines.append(f"  {none / n:6.1%}  no ending: no ending's condition held")
        spread = report["scores"].get(cid)
        if spread:
            lines.append(
                f"  score: min {spread['min']:g}, median {spread['median']:g}, "
                f"max {spread['max']:g}"
            )
    if report.get("endings_never"):
        lines.append("\nEndings never reached: " + ", ".join(report["endings_never"]))
    lines.append("\nEvents (share of games fired; first and median date of all firings):")
    for eid, count in sorted(report["events"].items(), key=lambda kv: -kv[1]):
        when = _when(report, eid)
        rare = " (rare: " + report["rare"][eid] + ")" if eid in report["rare"] else ""
        lines.append(f"  {count / n:6.1%}  {eid:32} {when}{rare}")
    lines.append("\nActions (times used):")
    for aid, count in sorted(report["actions"].items(), key=lambda kv: -kv[1]):
        lines.append(f"  {count:7d}  {aid}")
    from game.report import render_markdown_why

    why = render_markdown_why(scenario, report)
    if why:
        lines.append("\nRarely fired, and why:")
        lines += [f"  {line}" for line in why]
    if report["never_fired"]:
        lines.append("\nNever fired: " + ", ".join(report["never_fired"]))
    if report["never_used"]:
        lines.append("Never used: " + ", ".join(report["never_used"]))
    if report.get("treaties"):
        lines.append("\nTreaties (times signed):")
        for tid, count in report["treaties"].items():
            why = report["refused_because"].get(tid)
            note = f"  (refused most often for: {why})" if why else ""
            lines.append(f"  {count:6}  {tid}{note}")
    if report.get("never_signed"):
        lines.append("Never signed: " + ", ".join(report["never_signed"]))
    if report.get("dominated_options"):
        beaten = ", ".join(report["dominated_options"])
        lines.append("Options another option of the same event beats on every count: " + beaten)
    for cid, dead in report.get("dead_turns", {}).items():
        if dead["turns_over_limit"]:
            turns = ", ".join(str(t) for t in dead["turns_over_limit"])
            lines.append(f"{cid}: no usable action in more than 10% of games on turns {turns}")
    for cid, thin in report.get("thin_turns", {}).items():
        share = f"{thin['worst_share']:.0%}"
        turns = ", ".join(str(t) for t in thin["turns_over_limit"]) or "none"
        lines.append(
            f"{cid}: fewer than two choices in at most {share} of games on any turn;"
            f" turns over 25%: {turns}"
        )
    if report.get("dropped"):
        dropped = ", ".join(f"{eid} ({n})" for eid, n in report["dropped"].items())
        lines.append("Scheduled but its condition failed: " + dropped)
    if "timeline" in report:
        lines.append("\nTimeline:")
        for item in report["timeline"]:
            option = f" → {item['option']}" if item["option"] else ""
            lines.append(
                f"  {item['date']:15} {item['country']:4} {item['kind']:8} {item['title']}{option}"
            )
    return "\n".join(lines)


def _when(report: dict[str, Any], eid: str) -> str:
    """Return an event's median firing date, and its first and count where it fired often."""
    median = report["event_dates"].get(eid)
    if median is None:
        return "never"
    first = report.get("event_first", {}).get(eid, median)
    times = report.get("firings", {}).get(eid, 0)
    if times <= report["events"].get(eid, 0):
        return median
    return f"{median} (first {first}; {times} firings)"


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
        scenario = _load_or_report(args.scenario or save.scenario_ref())
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
