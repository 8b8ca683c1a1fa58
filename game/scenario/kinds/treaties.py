"""[[treaty]]: proposers, parties, reasons to accept; what signing, each turn and breaking do."""

from __future__ import annotations

from game.locale import _
from game.model.treaty_defs import TreatyDef
from game.rules.errors import unknown
from game.rules.treaties import TreatyTerms
from game.scenario.build import PLAIN, TARGETED, Build
from game.scenario.compiled import Reason, Treaty


def _check(b: Build, i: int, t: TreatyDef) -> int | None:
    report = b.report
    for key in ("proposers", "parties", "targets"):
        for j, cid in enumerate(getattr(t, key)):
            b.country(cid, b.at("treaty", i, f"{key}[{j}]"))
    for j, other in enumerate(t.exclusive):
        if other not in b.lex.treaties:
            message = unknown("treaty", other, b.lex.treaties)
            report.at("treaty", i, f"exclusive[{j}]", message)
    if t.parties and not 2 <= t.min_parties <= len(t.parties) + 1:
        most = len(t.parties) + 1
        words = _("min_parties must be 2 to {most} (the proposer counts)").format(most=most)
        report.at("treaty", i, "min_parties", words)
    if not t.parties and t.min_parties != 2:
        report.at(
            "treaty", i, "min_parties", _("a bilateral treaty (no `parties`) has two parties")
        )
    if t.parties and t.targets:
        report.at(
            "treaty", i, "targets", _("`targets` is for bilateral treaties; this one has `parties`")
        )
    if not t.accept:
        report.at("treaty", i, "accept", _("give at least one reason {value, why} to accept"))
    if t.cost < 0 or t.duration < 0:
        report.at("treaty", i, "cost", _("cost and duration cannot be negative"))
    if not t.historical_date:
        return None
    month = b.date(t.historical_date, b.at("treaty", i, "historical_date"))
    b.in_scenario(month, b.at("treaty", i, "historical_date"))
    return month


def link_treaties(b: Build) -> dict[str, Treaty]:
    """Check and compile every treaty; their terms become known to sign_treaty()."""
    out: dict[str, Treaty] = {}
    for i, t in enumerate(b.m.treaty):
        month = _check(b, i, t)
        reasons = [
            Reason(b.cond("treaty", i, f"accept[{j}].value", r.value, TARGETED, value=True), r.why)
            for j, r in enumerate(t.accept)
        ]
        out[t.id] = Treaty(
            t,
            b.cond("treaty", i, "when", t.when, PLAIN),
            b.cond("treaty", i, "target_when", t.target_when, TARGETED),
            reasons,
            b.effects("treaty", i, "on_sign", t.on_sign, TARGETED),
            b.effects("treaty", i, "on_refused", t.on_refused, TARGETED),
            b.effects("treaty", i, "per_turn", t.per_turn, TARGETED),
            b.cond("treaty", i, "ends_when", t.ends_when, TARGETED),
            b.effects("treaty", i, "on_break", t.on_break, TARGETED),
            month,
        )
        b.lex.treaty_terms[t.id] = TreatyTerms(t.name, out[t.id].on_sign, t.duration, t.secret)
    return out
