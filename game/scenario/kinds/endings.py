"""[[ending]]: conditions, scores and the texts each country reads."""

from __future__ import annotations

from game.model.defs import EndingDef
from game.rules.text import Text
from game.scenario.build import Build
from game.scenario.compiled import Ending


def _words(b: Build, i: int, en: EndingDef) -> dict[str, tuple[Text, Text]]:
    words = {"": (b.text("ending", i, "title", en.title), b.text("ending", i, "text", en.text))}
    for cid, t in en.texts.items():
        b.country(cid, b.at("ending", i, f"texts.{cid}"))
        title = b.text("ending", i, f"texts.{cid}.title", t.title) if t.title else words[""][0]
        text = b.text("ending", i, f"texts.{cid}.text", t.text) if t.text else words[""][1]
        words[cid] = (title, text)
    return words


def link_endings(b: Build) -> list[Ending]:
    """Check and compile every ending, highest priority first."""
    meta = b.m.scenario
    assert meta is not None
    out = []
    for i, en in enumerate(b.m.ending):
        for j, cid in enumerate(en.countries):
            b.country(cid, b.at("ending", i, f"countries[{j}]"))
        scores = {
            cid: b.cond("ending", i, f"texts.{cid}.score", t.score, value=True)
            for cid, t in en.texts.items()
            if t.score
        }
        out.append(
            Ending(
                en,
                b.cond("ending", i, "when", en.when),
                b.cond("ending", i, "score", en.score, value=True),
                list(en.countries or meta.playable),
                scores,
                _words(b, i, en),
            )
        )
    out.sort(key=lambda en: -en.d.priority)
    return out
