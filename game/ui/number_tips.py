"""The tooltip of every number: value and bounds, what it does, this turn's change by cause."""

from __future__ import annotations

from game.engine.summary import so_far
from game.engine.view import CountryView, Reading
from game.locale import N_, _
from game.model.frame_defs import StatDef
from game.model.state import relation_key
from game.rules.lexicon import fmt_num
from game.ui.history import delta_text
from game.ui.map_style import relation
from game.ui.summary_text import cause_lines

RELATIONS_DO = N_(
    "Relations weigh in every treaty answer and in what the computer's powers choose; "
    "many actions and events need them high or low."
)


def _value_line(name: str, reading: Reading, d: StatDef) -> str:
    """Return 'Stability: 42 (of 0 to 100)' or the estimate's range."""
    bounds = _("of {value} to {value2}").format(value=fmt_num(d.min), value2=fmt_num(d.max))
    if reading.exact:
        return f"{name}: {reading.text()}, {bounds}"
    return _("{name}: {value} (estimate), {bounds}").format(
        name=name, value=reading.text(), bounds=bounds
    )


def causes_lines(view: CountryView, key: str, exact: bool) -> list[str]:
    """Return the lines of this turn's change by cause, as the turn summary breaks it down."""
    if not exact:
        return [_("Only a range is known to you, so its causes are not either.")]
    number = so_far(view, key)
    if number is None:
        return [_("This turn: no change yet.")]
    lines = [_("This turn: {value}").format(value=delta_text(number.delta) or "0")]
    lines += [f"• {delta}  {title}" for delta, title in cause_lines(number)]
    return lines


def stat_tip(view: CountryView, cid: str, stat: str) -> str:
    """Return the tooltip of a country's stat: first line bold, then the details."""
    sc = view.game.scenario
    d = sc.stats[stat]
    reading = view.stat(cid, stat)
    name = (
        d.name
        if cid == view.viewer
        else _("{name} of {value}").format(name=d.name, value=view.game.name(cid))
    )
    lines = [_value_line(name, reading, d)]
    if d.description:
        lines.append(d.description)
    lines += causes_lines(view, f"{cid}.{stat}", reading.exact)
    return "\n".join(lines)


def global_tip(view: CountryView, name: str) -> str:
    """Return the tooltip of a global number."""
    d = view.game.scenario.globals[name]
    reading = view.global_(name)
    lines = [_value_line(d.name, reading, d)]
    if d.description:
        lines.append(d.description)
    lines += causes_lines(view, name, reading.exact)
    return "\n".join(lines)


def relation_tip(view: CountryView, a: str, b: str) -> str:
    """Return the tooltip of the relation between two countries."""
    game = view.game
    rel = game.scenario.relations
    value = fmt_num(round(relation(game, a, b), 1))
    head = _("Relations of {value} and {value2}: {value3}").format(
        value=game.name(a), value2=game.name(b), value3=value
    )
    lines = [
        _("{head}, of {value} to {value2}").format(
            head=head, value=fmt_num(rel.min), value2=fmt_num(rel.max)
        ),
        _(RELATIONS_DO),
    ]
    lines += causes_lines(view, f"rel:{relation_key(a, b)}", True)
    return "\n".join(lines)
