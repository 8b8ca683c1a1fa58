"""Keys that do nothing where they are written, and values that switch a definition off."""

from __future__ import annotations

from game.locale import N_, _
from game.scenario.build import Build

_SCHEDULED = N_("a triggered_only event fires when trigger() or a follow-up schedules it")


def _events(b: Build) -> None:
    for i, e in enumerate(b.m.event):
        if e.triggered_only:
            for key in ("start", "end", "chance"):
                if b.written("event", i, key):
                    words = _("{key} is ignored: {reason}")
                    message = words.format(key=f"'{key}'", reason=_(_SCHEDULED))
                    b.report.at("event", i, key, message, "warning")
        elif not isinstance(e.chance, str) and e.chance == 0:
            b.report.at(
                "event",
                i,
                "chance",
                _('chance = 0: the event never fires (to retire it, write when = "False")'),
                "warning",
            )


def _actions(b: Build) -> None:
    for i, a in enumerate(b.m.action):
        if a.historical_date and not a.historical:
            b.report.at(
                "action",
                i,
                "historical_date",
                _("'historical_date' is ignored without historical = true"),
                "warning",
            )
        if a.site and a.duration == 0:
            b.report.at(
                "action",
                i,
                "site",
                _("'site' is ignored: only running projects (duration > 0) are marked on the map"),
                "warning",
            )


def _endings(b: Build) -> None:
    meta = b.m.scenario
    assert meta is not None
    for i, en in enumerate(b.m.ending):
        for j, cid in enumerate(en.countries):
            if cid in b.lex.countries and cid not in meta.playable:
                b.report.at(
                    "ending",
                    i,
                    f"countries[{j}]",
                    _("{id} is not playable: only playable countries get an ending").format(id=cid),
                    "warning",
                )
        own = [cid for cid in en.countries or meta.playable if en.texts.get(cid)]
        covered = all(en.texts[cid].score for cid in own) and len(own) == len(
            en.countries or meta.playable
        )
        if covered and b.written("ending", i, "score"):
            b.report.at(
                "ending",
                i,
                "score",
                _("'score' is ignored: every country has its own score in texts"),
                "warning",
            )


def check_ignored(b: Build) -> None:
    """Warn of keys that have no effect where they are written."""
    _events(b)
    _actions(b)
    _endings(b)
