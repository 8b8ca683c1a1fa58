"""The Paths panel in words: each ending the country can reach, what it needs, how far it is."""

from __future__ import annotations

import html

from game.engine.game import Game
from game.engine.paths import NEVER_WORDS, PathView, Step, leading
from game.engine.score_scale import BestGame
from game.rules.lexicon import fmt_num

GOOD, BAD, MUTED = "#2f6b3a", "#9b2a1c", "#6b5842"


def step_html(step: Step) -> str:
    """Return one requirement: '✓ A treaty signed', '✗ Tension ≤ 30 (now 42)'."""
    marks = {True: (GOOD, "✓"), False: (BAD, "✗"), None: (MUTED, "?")}
    colour, sign = marks[step.met]
    sign = f"<font color='{colour}'>{sign}</font>"
    said = step.now if step.now == NEVER_WORDS else f"now {step.now}"
    now = f" <font color='{MUTED}'>({html.escape(said)})</font>" if step.now else ""
    unknown = (
        f" <font color='{MUTED}'><i>you only estimate it</i></font>" if step.met is None else ""
    )
    return f"&nbsp;&nbsp;{sign} {html.escape(step.text)}{now}{unknown}<br>"


def path_html(path: PathView, lead: bool) -> str:
    """Return one ending with its requirements and its score now."""
    most = f", at most {fmt_num(path.score_max)}" if path.score_max is not None else ""
    head = f"<b>{html.escape(path.title)}</b>"
    if lead:
        head += f" <font color='{GOOD}'><b>— yours if the game ended now</b></font>"
    score = f"<font color='{MUTED}'>score now {fmt_num(path.score_now)}{most}</font>"
    steps = "".join(step_html(s) for s in path.steps)
    if not path.steps:
        steps = "&nbsp;&nbsp;<i>Needs nothing: it is what is left when no other holds.</i><br>"
    return f"{head}<br>&nbsp;&nbsp;{score}<br>{steps}"


def paths_html(game: Game, found: list[PathView], best: BestGame | None) -> str:
    """Return the whole panel: the endings checked at the end, then those that end it early."""
    end = game.date_text(game.scenario.end_month)
    lead = leading(found)
    out = (
        f"<font color='{MUTED}'>When the game ends in {html.escape(end)}, the first of these "
        "whose requirements all hold is yours.</font><br>"
    )
    if best is not None:
        note = "" if best.current else " (recorded on an earlier version of the scenario)"
        out += (
            f"<font color='{MUTED}'>The best score in {best.games} computer-played games "
            f"was {fmt_num(best.score)}{note}.</font><br>"
        )
    if lead is not None:
        out += f"<br>If the game ended now: <b>{html.escape(lead.title)}</b>.<br>"
    out += "<br>" + "".join(path_html(p, p is lead) + "<br>" for p in found if not p.early)
    early = [p for p in found if p.early]
    if early:
        out += "<b>These end the game at once:</b><br><br>"
        out += "".join(path_html(p, False) + "<br>" for p in early)
    return out
