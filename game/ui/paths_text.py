"""The Paths panel in words: each ending the country can reach, what it needs, how far it is."""

from __future__ import annotations

import html

from game.engine.game import Game
from game.engine.paths import NEVER_WORDS, PathView, Step, leading
from game.engine.score_scale import BestGame
from game.locale import _
from game.rules.lexicon import fmt_num

GOOD, BAD, MUTED = "#2f6b3a", "#9b2a1c", "#6b5842"


def step_html(step: Step) -> str:
    """Return one requirement: '✓ A treaty signed', '✗ Tension ≤ 30 (now 42)'."""
    marks = {True: (GOOD, "✓"), False: (BAD, "✗"), None: (MUTED, "?")}
    colour, sign = marks[step.met]
    sign = f"<font color='{colour}'>{sign}</font>"
    said = step.now if step.now == _(NEVER_WORDS) else _("now {value}").format(value=step.now)
    now = f" <font color='{MUTED}'>({html.escape(said)})</font>" if step.now else ""
    estimate = _("you only estimate it")
    unknown = f" <font color='{MUTED}'><i>{estimate}</i></font>" if step.met is None else ""
    return f"&nbsp;&nbsp;{sign} {html.escape(step.text)}{now}{unknown}<br>"


def path_html(path: PathView, lead: bool) -> str:
    """Return one ending with its requirements and its score now."""
    now = fmt_num(path.score_now)
    if path.score_max is not None:
        said = _("score now {now}, at most {most}").format(now=now, most=fmt_num(path.score_max))
    else:
        said = _("score now {now}").format(now=now)
    head = f"<b>{html.escape(path.title)}</b>"
    if lead:
        yours = _("yours if the game ended now")
        head += f" <font color='{GOOD}'><b>— {yours}</b></font>"
    score = f"<font color='{MUTED}'>{said}</font>"
    steps = "".join(step_html(s) for s in path.steps)
    if not path.steps:
        rest = _("Needs nothing: it is what is left when no other holds.")
        steps = f"&nbsp;&nbsp;<i>{rest}</i><br>"
    return f"{head}<br>&nbsp;&nbsp;{score}<br>{steps}"


def paths_html(game: Game, found: list[PathView], best: BestGame | None) -> str:
    """Return the whole panel: the endings checked at the end, then those that end it early."""
    end = game.date_text(game.scenario.end_month)
    lead = leading(found)
    rule = _(
        "When the game ends in {month}, the first of these whose requirements all hold is yours."
    )
    out = f"<font color='{MUTED}'>{rule.format(month=html.escape(end))}</font><br>"
    if best is not None:
        out += f"<font color='{MUTED}'>{_best_words(best)}</font><br>"
    if lead is not None:
        ending = f"<b>{html.escape(lead.title)}</b>"
        out += "<br>" + _("If the game ended now: {ending}.").format(ending=ending) + "<br>"
    out += "<br>" + "".join(path_html(p, p is lead) + "<br>" for p in found if not p.early)
    early = [p for p in found if p.early]
    if early:
        at_once = _("These end the game at once:")
        out += f"<b>{at_once}</b><br><br>"
        out += "".join(path_html(p, False) + "<br>" for p in early)
    return out


def _best_words(best: BestGame) -> str:
    """Return the best computer-played score, noting when an older scenario recorded it."""
    score = fmt_num(best.score)
    if best.current:
        words = _("The best score in {games} computer-played games was {score}.")
    else:
        words = _(
            "The best score in {games} computer-played games was {score} (recorded on an"
            " earlier version of the scenario)."
        )
    return words.format(games=fmt_num(best.games), score=score)
