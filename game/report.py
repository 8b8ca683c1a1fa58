"""The balance report: one self-contained HTML page with inline SVG charts."""

from __future__ import annotations

import html
from typing import Any

from game.scenario.compiled import Scenario

RARE = 0.05  # events firing in fewer games than this get an explanation


def why_rare(scenario: Scenario, report: dict[str, Any], eid: str) -> str:
    """Explain in one sentence why an event fired in few games."""
    event = scenario.events[eid]
    why = report["why"].get(eid)
    dropped = report.get("dropped", {}).get(eid, 0)
    if dropped:
        return f"Scheduled but its condition failed when it came due ({dropped} times)."
    if event.d.triggered_only:
        return "Fires only when another event or action triggers it; none did often."
    if not why or not why["checks"]:
        return "Never checked: its date window never opened or it had already fired."
    if why["failed"]:
        src, share = next(iter(why["failed"].items()))
        return f"{src} was false in {share:.0%} of checks."
    held = why["held"] / why["checks"]
    return f"Its condition held in {held:.0%} of {why['checks']} checks; the chance roll failed."


def _bars(counts: dict[str, int], total: int, labels: dict[str, str]) -> str:
    rows = []
    for i, (key, count) in enumerate(sorted(counts.items(), key=lambda kv: -kv[1])):
        width = 300 * count / max(total, 1)
        y = i * 22
        rows.append(
            f'<rect x="0" y="{y}" width="{width:.1f}" height="16" fill="#7a5c3e"/>'
            f'<text x="{width + 6:.1f}" y="{y + 12}">{count / max(total, 1):.1%} '
            f"{html.escape(labels.get(key, key))}</text>"
        )
    height = max(22 * len(counts), 22)
    return f'<svg width="700" height="{height}" class="bars">{"".join(rows)}</svg>'


def _band(
    rows: list[list[float]], low: float, high: float, title: str, clock: tuple[int, int]
) -> str:
    """Draw the 10–90% band and the median of a value over the turns, with labelled axes."""
    width, height, left, bottom, top = 380, 160, 40, 22, 8
    n = max(len(rows) - 1, 1)
    span = (high - low) or 1

    def x_of(i: int) -> float:
        return left + (width - left - 8) * i / n

    def y_of(v: float) -> float:
        return height - bottom - (height - bottom - top) * (v - low) / span

    def xy(i: int, v: float) -> str:
        return f"{x_of(i):.1f},{y_of(v):.1f}"

    upper = " ".join(xy(i, r[2]) for i, r in enumerate(rows))
    lower = " ".join(xy(i, r[0]) for i, r in reversed(list(enumerate(rows))))
    median = " ".join(xy(i, r[1]) for i, r in enumerate(rows))
    axes = [
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="#2b2118"/>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 8}" y2="{height - bottom}" '
        'stroke="#2b2118"/>',
    ]
    for v in (low, (low + high) / 2, high):
        axes.append(f'<text x="{left - 4}" y="{y_of(v) + 4:.1f}" text-anchor="end">{v:g}</text>')
    start, step = clock  # row 0 is the start; row i is the end of turn i
    for i in sorted({0, len(rows) // 2, len(rows) - 1}):
        year = (start + max(i - 1, 0) * step) // 12
        axes.append(f'<text x="{x_of(i):.1f}" y="{height - 6}" text-anchor="middle">{year}</text>')
    return (
        f'<figure><svg width="{width}" height="{height}" class="chart" role="img" '
        f'aria-label="{html.escape(title)}">{"".join(axes)}'
        f'<polygon points="{upper} {lower}" fill="#d9c7a7"/>'
        f'<polyline points="{median}" fill="none" stroke="#3b2a20" stroke-width="2"/>'
        f"</svg><figcaption>{html.escape(title)} by year: median line, "
        "10–90% of games shaded</figcaption></figure>"
    )


def _treaty_rows(report: dict[str, Any], n: int) -> list[str]:
    """Return the treaties table: times signed and, for those refused, the weightiest reason."""
    if not report.get("treaties"):
        return []
    rows = [
        "</table><h2>Treaties</h2><table><tr><th>Treaty</th><th>Times signed</th>"
        "<th>Per game</th><th>Refused most often for</th></tr>"
    ]
    for tid, count in sorted(report["treaties"].items(), key=lambda kv: -kv[1]):
        cls = " class='low'" if not count else ""
        why = html.escape(report.get("refused_because", {}).get(tid, ""))
        rows.append(
            f"<tr{cls}><td>{html.escape(tid)}</td><td>{count}</td>"
            f"<td>{count / n:.2f}</td><td>{why}</td></tr>"
        )
    return rows


def render_html(scenario: Scenario, report: dict[str, Any]) -> str:
    """Return the whole report as an HTML page."""
    lex = scenario.lex
    n = report["games"]
    out = [
        "<!doctype html><meta charset='utf-8'>",
        f"<title>Balance report: {html.escape(scenario.meta.title)}</title>",
        "<style>body{font:14px Georgia,serif;background:#f4ecd8;color:#2b2118;max-width:1100px;"
        "margin:2em auto}table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:"
        "1px solid #d9c7a7;text-align:left}.low{color:#8b1a1a}svg text{font:12px sans-serif}"
        "figure{display:inline-block;margin:6px}</style>",
        f"<h1>{html.escape(scenario.meta.title)}: balance report</h1>",
        f"<p>{n} all-AI games, seeds {report['seed']}–{report['seed'] + n - 1}"
        + (", historical AI" if report["historical"] else "")
        + ".</p>",
        "<h2>Endings</h2>",
    ]
    for cid, counts in report["endings"].items():
        spread = report["scores"].get(cid, {})
        out.append(f"<h3>{html.escape(lex.country(cid))}</h3>")
        out.append(_bars(counts, n, lex.endings))
        if spread:
            out.append(
                f"<p>Score: min {spread['min']}, median {spread['median']}, "
                f"max {spread['max']}.</p>"
            )
    never = report.get("endings_never", [])
    if never:
        names = ", ".join(html.escape(lex.endings[e]) for e in never)
        out.append(f"<p>Endings never reached: {names}.</p>")
    for cid, none in report.get("no_ending", {}).items():
        if none:
            out.append(
                f"<p class='low'>{html.escape(lex.country(cid))} got no ending in "
                f"{none / n:.1%} of games: no ending's condition held.</p>"
            )
    out.append(
        "<h2>Events</h2><table><tr><th>Event</th><th>Games</th><th>First date</th>"
        "<th>Median date</th><th>Why it rarely fires</th></tr>"
    )
    for eid, count in sorted(report["events"].items(), key=lambda kv: kv[1]):
        share = count / n
        why = why_rare(scenario, report, eid) if share < RARE else ""
        if eid in report["rare"]:
            why = f"Marked rare: {report['rare'][eid]} " + why
        cls = " class='low'" if share < 0.01 and eid not in report["rare"] else ""
        out.append(
            f"<tr{cls}><td>{html.escape(lex.events[eid])} <small>({eid})</small></td>"
            f"<td>{share:.1%}</td><td>{report.get('event_first', {}).get(eid, '—')}</td>"
            f"<td>{report['event_dates'].get(eid, '—')}</td>"
            f"<td>{html.escape(why)}</td></tr>"
        )
    out.append(
        "</table><h2>Actions</h2><table><tr><th>Action</th><th>Times used</th>"
        "<th>Per game</th></tr>"
    )
    for aid, count in sorted(report["actions"].items(), key=lambda kv: -kv[1]):
        cls = " class='low'" if not count else ""
        out.append(
            f"<tr{cls}><td>{html.escape(lex.actions[aid])} <small>({aid})</small></td>"
            f"<td>{count}</td><td>{count / n:.2f}</td></tr>"
        )
    out += _treaty_rows(report, n)
    out.append("</table><h2>Stats over time</h2>")
    series = report.get("stat_series", {})
    step = scenario.meta.months_per_turn
    clock = (scenario.start_month, step)
    for cid in scenario.meta.playable:
        for stat in scenario.meta.key_stats or list(scenario.stats):
            rows = series.get(f"{cid}.{stat}")
            if rows:
                d = scenario.stats[stat]
                out.append(_band(rows, d.min, d.max, f"{lex.country(cid)}: {d.name}", clock))
    for g in scenario.meta.key_globals or list(scenario.globals):
        rows = series.get(g)
        if rows:
            d = scenario.globals[g]
            out.append(_band(rows, d.min, d.max, d.name, clock))
    return "\n".join(out)


def render_markdown_why(scenario: Scenario, report: dict[str, Any]) -> list[str]:
    """Return one line for each rarely fired event, saying why."""
    n = report["games"]
    return [
        f"{eid}: fired in {count / n:.1%} of games — {why_rare(scenario, report, eid)}"
        for eid, count in sorted(report["events"].items(), key=lambda kv: kv[1])
        if count / n < RARE
    ]
