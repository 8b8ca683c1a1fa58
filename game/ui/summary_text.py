"""The turn summary in words: markup for its panel, plain lines for tooltips."""

from __future__ import annotations

import html

from game.engine.game import Game
from game.engine.summary import NumberChange, TurnSummary
from game.locale import _, ngettext
from game.rules.lexicon import fmt_num
from game.ui.history import delta_text

MAX_CAUSES = 6
GOOD, BAD, MUTED = "#2f6b3a", "#9b2a1c", "#6b5842"


def cause_lines(number: NumberChange, limit: int = MAX_CAUSES) -> list[tuple[str, str]]:
    """Return (signed change, cause) pairs, biggest first; the rest folded into one line."""
    causes = list(number.causes)
    lines = [(delta_text(c.delta), c.title) for c in causes[:limit]]
    if len(causes) > limit:
        rest = sum(c.delta for c in causes[limit:])
        more = len(causes) - limit
        lines.append(
            (delta_text(rest), ngettext("{n} other cause", "{n} other causes", more).format(n=more))
        )
    return [(d, t) for d, t in lines if d]


def title(game: Game, summary: TurnSummary) -> str:
    """Return the panel's title: 'The turn in review: November 1918 – January 1919'."""
    first = game.date_text(summary.month)
    last = game.date_text(summary.month + game.scenario.meta.months_per_turn - 1)
    span = first if first == last else f"{first} – {last}"
    if summary.finished:
        return _("The turn in review: {span}").format(span=span)
    return _("This turn so far: {span}").format(span=span)


def _number_html(number: NumberChange) -> str:
    """Return one number's change and its causes as markup."""
    colour = GOOD if number.delta > 0 else BAD
    was, now = fmt_num(round(number.before, 1)), fmt_num(round(number.after, 1))
    out = (
        f"<b>{html.escape(number.name)}</b> <font color='{colour}'>{delta_text(number.delta)}"
        f"</font> <font color='{MUTED}'>({was} → {now})</font><br>"
    )
    for delta, cause in cause_lines(number):
        out += f"&nbsp;&nbsp;&nbsp;{delta}&nbsp;&nbsp;{html.escape(cause)}<br>"
    return out


def _section(head: str, items: list[str]) -> str:
    """Return a headed list of plain lines as markup ('' when empty)."""
    if not items:
        return ""
    body = "".join(f"&nbsp;&nbsp;• {html.escape(i)}<br>" for i in items)
    return f"<br><b>{head}</b><br>{body}"


def summary_html(game: Game, summary: TurnSummary) -> str:
    """Return the whole summary as markup for a text box."""
    if summary.empty:
        return _("Nothing changed for your country this turn.")
    names = game.name
    brief = " · ".join(f"{html.escape(n.name)} {delta_text(n.delta)}" for n in summary.stats)
    out = f"<i>{brief}</i><br><br>" if brief else ""
    out += "".join(_number_html(n) for n in summary.stats)
    if summary.globals:
        out += "<br>" + "".join(_number_html(n) for n in summary.globals)
    if summary.relations:
        out += "<br>" + "".join(_number_html(n) for n in summary.relations)
    signed = [f"{t.name} ({', '.join(names(p) for p in t.parties)})" for t in summary.signed]
    ended = [f"{t.name} ({', '.join(names(p) for p in t.parties)})" for t in summary.ended]
    borders = [
        _("{region}: from {before} to {after}").format(
            region=b.name, before=names(b.before), after=names(b.after)
        )
        for b in summary.borders
    ]
    out += _section(_("Treaties signed"), signed) + _section(_("Treaties ended"), ended)
    out += _section(_("Borders"), borders)
    out += _section(_("Came to light"), list(summary.came_to_light))
    return out
