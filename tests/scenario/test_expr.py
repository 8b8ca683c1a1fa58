"""The expression language: parsing limits, names, evaluation and self-description."""

from __future__ import annotations

import pytest

from game.engine.game import Game
from game.rules.compiler import MAX_DEPTH, Compiler, Env, ExprError
from game.rules.effects import Effect
from game.rules.statements import EffectCompiler
from tests.helpers import mini, mini_game


@pytest.fixture
def game() -> Game:
    return mini_game()


def compiler() -> Compiler:
    return Compiler(mini().lex)


def effect(src: str) -> Effect:
    return EffectCompiler(compiler()).statement(src)


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("ALF.morale", 60),
        ("tension + 5", 25),
        ("relation(ALF, BRV)", -10),
        ("relation(BRV, ALF) < 0", True),
        ("owner(high_pass) == ALF", True),
        ("10 < ALF.morale <= 60", True),
        ("not flag.pact", True),
        ('date >= "1900-01" and date < "1900-02"', True),
        ("year == 1900 and month == 1 and turn == 0", True),
        ("max(ALF.treasury, 70) - min(1, 2) * 2 / 4", 69.5),
        ("regions(ALF)", 2),
        ("turns_since(pact)", 9999),
        ("is_human(ALF) and not is_human(BRV)", True),
    ],
    ids=lambda v: str(v),
)
def test_values(game: Game, src: str, expected: object) -> None:
    assert compiler().value(src).fn(game.state, Env("ALF")) == expected


@pytest.mark.parametrize(
    ("src", "message"),
    [
        ("ALF.morael", "unknown stat 'morael' (did you mean 'morale'?)"),
        ("flag.pakt", "unknown flag 'pakt' (did you mean 'pact'?)"),
        ("tensoin > 3", "unknown name 'tensoin' (did you mean 'tension'?)"),
        ("relation(ALF)", "relation() takes 2 argument(s), got 1"),
        ("__import__('os')", "unknown function '__import__'"),
        ("ALF.morale.real", "only COUNTRY.stat"),
        ("[1, 2]", "brackets"),
        ("lambda: 1", "not allowed"),
        ("x if y else z", "unknown name 'y'"),
        ("1 / 0", "divides by zero"),
        ("10 ** 400", "not allowed"),
        ("1e309 > 1", "out of range"),
        ("it.morale > 1", "`it` exists only inside"),
        ("target.morale > 1", "`target` exists only in actions"),
        ("set_flag(pact)", "is an effect"),
        ("2 ** 8", "not allowed"),
        ('date > "1900"', "YYYY-MM"),
        ("(" * 60 + "1" + ")" * 60, "nests too deeply"),
        ("1 + " * 400 + "1", "limit"),
    ],
    ids=lambda v: str(v)[:30],
)
def test_bad_expressions_are_rejected_clearly(src: str, message: str) -> None:
    with pytest.raises(ExprError) as caught:
        compiler().value(src)
    assert message in str(caught.value)


def test_depth_limit_constant_is_sane() -> None:
    assert 8 <= MAX_DEPTH <= 64


@pytest.mark.parametrize(
    ("src", "words"),
    [
        ("ALF.morale -= 5", "Alfland: Morale −5"),
        ("self.treasury += 20", "Alfland: Treasury +20"),
        ("relation(self, BRV) += 20", "Relations Alfland–Bravia +20"),
        ("tension = 50", "Tension set to 50"),
        ("set_flag(pact)", "Sets: The Pass Pact is signed"),
        ("clear_flag(feud)", "Ends: A blood feud divides the valleys"),
        ("trigger(pass_lost, 2)", "Leads to “The pass is lost” in 2 turns"),
        ("set_owner(high_pass, BRV)", "High Pass passes to Bravia"),
        ('rename(CHR, "Free Chorum")', "Chorum becomes Free Chorum"),
        (
            "start_modifier(vigil)",
            "“Vigil at the pass” for 3 turns: Alfland: Treasury −2, Tension +1 each turn",
        ),
        ("end_game(war)", "The game ends: War in the valleys"),
    ],
)
def test_effects_describe_themselves(game: Game, src: str, words: str) -> None:
    assert effect(src).describe(game.state, Env("ALF"), mini().lex) == words


def test_effects_apply_and_clamp(game: Game) -> None:
    st = game.state
    effect("ALF.morale += 500").apply(st, Env("ALF"))
    assert st.stats["ALF"]["morale"] == 100
    effect("relation(ALF, BRV) -= 500").apply(st, Env("ALF"))
    assert st.relations["ALF|BRV"] == -100
    effect("set_owner(high_pass, BRV)").apply(st, Env("ALF"))
    assert st.owners["high_pass"] == "BRV"
    effect('rename(CHR, "Free Chorum")').apply(st, Env("ALF"))
    assert game.name("CHR") == "Free Chorum"


def test_condition_explains_itself_against_the_state(game: Game) -> None:
    node = compiler().condition("ALF.morale >= 70 and tension < 50 and flag.pact")
    reasons = node.explain(game.state, Env("ALF"), mini().lex)
    assert reasons == [
        "Requires Alfland's Morale ≥ 70 (now 60)",
        "Requires The Pass Pact is signed",
    ]


def test_or_and_date_explain(game: Game) -> None:
    node = compiler().condition('date >= "1901-04" or flag.feud')
    assert node.explain(game.state, Env("ALF"), mini().lex) == [
        "One of: from April 1901; or A blood feud divides the valleys"
    ]


def test_atoms_split_compound_conditions() -> None:
    node = compiler().condition("ALF.morale > 1 and (flag.pact or tension > 3)")
    assert [a.src for a in node.atoms()] == ["ALF.morale > 1", "flag.pact", "tension > 3"]
