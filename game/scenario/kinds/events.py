"""[[event]]: windows, chances, options and follow-ups."""

from __future__ import annotations

from game.locale import _
from game.model.defs import EventDef
from game.rules.effects import Effect, walk
from game.rules.errors import unknown
from game.rules.nodes import const
from game.scenario.build import Build
from game.scenario.compiled import Event, Option

MAX_OPTIONS = 4


def _window(b: Build, i: int, e: EventDef) -> tuple[int | None, int | None]:
    window: list[int | None] = [None, None]
    for k, key in enumerate(("start", "end")):
        value = getattr(e, key)
        if value:
            window[k] = b.date(value, b.at("event", i, key))
            b.in_scenario(window[k], b.at("event", i, key))
    first, last = window
    if first is not None and last is not None and last < first:
        b.report.at("event", i, "end", _("the event's window ends before it starts"))
    return first, last


def _options(b: Build, i: int, e: EventDef) -> list[Option]:
    if not 1 <= len(e.options) <= MAX_OPTIONS:
        message = _("an event needs one to {limit} options").format(limit=MAX_OPTIONS)
        b.report.at("event", i, "options", message)
    seen: set[str] = set()
    out = []
    for j, o in enumerate(e.options):
        at = f"options[{j}]"
        oid = o.id or f"option{j + 1}"
        if oid in seen:
            message = _("duplicate option id {id}").format(id=f"'{oid}'")
            b.report.at("event", i, f"{at}.id", message)
        seen.add(oid)
        for k, f in enumerate(o.follow):
            if f.event not in b.lex.events:
                b.report.at(
                    "event",
                    i,
                    f"{at}.follow[{k}].event",
                    unknown("event", f.event, b.lex.events),
                )
        out.append(
            Option(
                o,
                oid,
                b.cond("event", i, f"{at}.when", o.when),
                b.effects("event", i, f"{at}.effects", o.effects),
                b.text("event", i, f"{at}.text", o.text),
            )
        )
    return out


def _place(b: Build, i: int, e: EventDef) -> None:
    """Check the event's site or region names one on the map."""
    sites = {s.id for s in b.m.site}
    if e.site and e.site not in sites:
        b.report.at("event", i, "site", unknown("site", e.site, sites))
    if e.region and e.region not in b.lex.regions:
        b.report.at("event", i, "region", unknown("region", e.region, b.lex.regions))
    if e.site and e.region:
        b.report.at(
            "event", i, "region", _("'region' is ignored: the map centres on the site"), "warning"
        )


def _chance(b: Build, i: int, e: EventDef) -> object:
    if isinstance(e.chance, str):
        return b.cond("event", i, "chance", e.chance, value=True)
    return const(float(e.chance), str(e.chance))


def link_events(b: Build) -> dict[str, Event]:
    """Check and compile every event."""
    out: dict[str, Event] = {}
    for i, e in enumerate(b.m.event):
        b.country(e.country, b.at("event", i, "country"))
        title = b.text("event", i, "title", e.title)
        if title.fields:
            b.lex.titles[e.id] = title
        first, last = _window(b, i, e)
        _place(b, i, e)
        out[e.id] = Event(
            e,
            b.cond("event", i, "when", e.when),
            _chance(b, i, e),  # type: ignore[arg-type]
            first,
            last,
            _options(b, i, e),
            title,
            b.text("event", i, "text", e.text),
        )
    return out


def warn_untriggered(b: Build, events: dict[str, Event], effects: list[Effect]) -> None:
    """Warn of triggered-only events that no follow-up or trigger() names."""
    named = {ref for effect in walk(effects) for kind, ref in effect.links() if kind == "event"}
    for event in events.values():
        named.update(f.event for o in event.options for f in o.d.follow)
        named.update(
            ref
            for o in event.options
            for x in walk(o.effects)
            for k, ref in x.links()
            if k == "event"
        )
    for i, e in enumerate(b.m.event):
        if e.triggered_only and e.id not in named:
            b.report.at(
                "event",
                i,
                "triggered_only",
                _("nothing triggers this event (no trigger() or follow names it)"),
                "warning",
            )
