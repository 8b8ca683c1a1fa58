"""A negated flag reads as a quoted sentence, so it keeps its capital in every language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from game import locale
from game.engine.game import new_game
from game.rules.compiler import Compiler
from game.rules.types import Env
from game.scenario.load import load_scenario

WORDS = {
    "en": "not so: “Germany and the Soviet Union have signed a non-aggression pact”",
    "de": "nicht der Fall: „Deutschland und die Sowjetunion haben einen Nichtangriffspakt",
    "ru": "неверно: «Германия и Советский Союз подписали пакт о ненападении»",
}


@pytest.fixture(autouse=True)
def _source_language() -> Iterator[None]:
    yield
    locale.set_language(locale.SOURCE)


@pytest.mark.parametrize("code", sorted(WORDS))
def test_not_flag_quotes_the_flags_sentence(code: str) -> None:
    locale.set_language(code)
    sc = load_scenario("pact", language=code)
    game = new_game(sc, seed=1)
    node = Compiler(sc.lex).value("not flag.pact_signed")
    text = node.text(game.state, Env("SOV", None), sc.lex)
    assert text.startswith(WORDS[code]), text
    either = Compiler(sc.lex).value("not (flag.pact_signed or flag.west_alliance)")
    words = either.text(game.state, Env("SOV", None), sc.lex)
    assert not words.startswith(WORDS[code][:8]), words  # only a flag itself is quoted
