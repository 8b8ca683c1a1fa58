"""Treaties in the state: signing, ending and exposing them, shared by effects and the engine."""

from __future__ import annotations

from attrs import define, field

from game.model.state import GameState, LogEntry, TreatyInForce
from game.rules.effects import Effect, apply_all
from game.rules.lexicon import Lexicon
from game.rules.types import Env


@define(eq=False)
class TreatyTerms:
    """What signing a treaty does, known to the language so that effects can sign it."""

    name: str
    on_sign: list[Effect] = field(factory=list)
    duration: int = 0
    secret: bool = False


def find(st: GameState, tid: str, *countries: str) -> TreatyInForce | None:
    """Return the treaty in force with all these countries among its parties, if any."""
    for treaty in st.treaties:
        if treaty.id == tid and all(c in treaty.parties for c in countries):
            return treaty
    return None


def sign(st: GameState, lex: Lexicon, tid: str, parties: list[str], month: int) -> TreatyInForce:
    """Put a treaty in force among its parties (the proposer first) and apply `on_sign`."""
    terms: TreatyTerms = lex.treaty_terms[tid]
    treaty = TreatyInForce(tid, list(parties), st.turn, terms.duration)
    st.treaties.append(treaty)
    st.treaty_signed[tid] = st.turn
    entry = LogEntry(st.turn, month, "treaty", tid, parties[0], terms.name, text=",".join(parties))
    st.log.append(entry)
    partner = parties[1] if len(parties) > 1 else None
    apply_all(terms.on_sign, st, Env(parties[0], partner, month))
    return treaty


def end(st: GameState, tid: str) -> None:
    """End every treaty in force with this id."""
    st.treaties = [t for t in st.treaties if t.id != tid]


def expose(st: GameState, tid: str) -> None:
    """Make a secret treaty known to everyone."""
    for treaty in st.treaties:
        if treaty.id == tid:
            treaty.public = True
