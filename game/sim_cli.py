"""`rapallo simulate`: all-AI games, their balance report as text, JSON or HTML."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from game.cli_scenario import default_scenario, load_or_report
from game.locale import _


def add_parser(sub: Any) -> None:
    """Add the `simulate` subcommand."""
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


def run(args: argparse.Namespace) -> int:
    """Play the games `simulate` asks for and print or write the report."""
    from game.engine.simulate import play_out, simulate, timeline

    if args.games < 1 or args.jobs < 1:
        print(_("simulate: --games and --jobs must be at least 1"), file=sys.stderr)
        return 2
    scenario = load_or_report(args.scenario or default_scenario())
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
    lines += _ending_lines(scenario, report)
    lines += _use_lines(scenario, report)
    lines += _balance_lines(report)
    if "timeline" in report:
        lines.append("\nTimeline:")
        for item in report["timeline"]:
            option = f" → {item['option']}" if item["option"] else ""
            lines.append(
                f"  {item['date']:15} {item['country']:4} {item['kind']:8} {item['title']}{option}"
            )
    return "\n".join(lines)


def _ending_lines(scenario: Any, report: dict[str, Any]) -> list[str]:
    """Each playable country's endings by share of games, and its spread of scores."""
    n, lines = report["games"], []
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
    return lines


def _use_lines(scenario: Any, report: dict[str, Any]) -> list[str]:
    """How often events fired, actions were taken and treaties signed, and why some were rare."""
    n = report["games"]
    lines = ["\nEvents (share of games fired; first and median date of all firings):"]
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
            cause = report["refused_because"].get(tid)
            note = f"  (refused most often for: {cause})" if cause else ""
            lines.append(f"  {count:6}  {tid}{note}")
    if report.get("never_signed"):
        lines.append("Never signed: " + ", ".join(report["never_signed"]))
    return lines


def _balance_lines(report: dict[str, Any]) -> list[str]:
    """Dominated options, turns with too few choices, and scheduled events that were dropped."""
    lines = []
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
    return lines


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
