"""Hostile scenario text: bounded time and memory, one located message, never a traceback."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.rules.compiler import Compiler, ExprError
from game.rules.statements import EffectCompiler
from game.rules.types import Env
from game.scenario import errors, limits
from game.scenario.errors import ScenarioError
from game.scenario.lines import index_lines
from game.scenario.load import load_scenario
from tests.helpers import MINI, mini, mini_game


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """A fresh copy of the test scenario."""
    target = tmp_path / "scen"
    shutil.copytree(MINI, target)
    yield target


def _problems(folder: Path, seconds: float = 5.0) -> list[str]:
    start = time.perf_counter()
    with pytest.raises(ScenarioError) as info:
        load_scenario(folder)
    assert time.perf_counter() - start < seconds
    return [str(p) for p in info.value.problems]


def _append(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.write_text(path.read_text() + text, encoding="utf-8")


# --- 1. backtracking patterns -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "x = '''\n[" + " " * 20_000 + "\n'''\n",
        'x = """\n[' + " " * 20_000 + '\n"""\n',
        ("[" + " " * 5_000 + "\n") * 50,
        ("[[" + " " * 5_000 + "]" + " " * 5_000 + "x\n") * 20,
        ("a" * 5_000 + " " * 5_000 + "\n") * 20,
    ],
    ids=["literal-string", "basic-string", "open-headers", "bad-headers", "key-spaces"],
)
def test_the_line_index_is_linear(text: str) -> None:
    start = time.perf_counter()
    index_lines(text)
    assert time.perf_counter() - start < 0.5


def test_an_error_after_a_multiline_string_of_spaces_is_reported_fast(folder: Path) -> None:
    _append(folder, "events.toml", "\n[flags]\nnote = '''\n[" + " " * 50_000 + "\n'''\nbad = 1\n")
    assert any("bad" in p or "flags" in p for p in _problems(folder, 2.0))


@pytest.mark.parametrize(
    "src",
    [" " * 5_000, "self.morale" + " " * 5_000 + "+= 1", " " * 999, "x" + " " * 900 + "= 1"],
    ids=["5000-spaces", "long-run", "999-spaces", "run-before-="],
)
def test_effects_of_spaces_give_one_located_error_at_once(folder: Path, src: str) -> None:
    action = f'[[action]]\nid = "spaces"\nname = "S"\nactors = ["ALF"]\neffects = ["{src}"]\n'
    _append(folder, "actions.toml", "\n" + action)
    problems = _problems(folder, 1.0)
    assert any("actions.toml:" in p and "effects[0]" in p for p in problems), problems
    if len(src) > 1_000:
        assert any("characters long" in p for p in problems)


def test_a_console_line_of_spaces_is_answered_at_once() -> None:
    import contextlib

    from game.engine.commands import Console, GameError

    game = mini_game()
    for line in (" " * 5_000, " " * 999, "ALF.morale" + " " * 900 + "= 1"):
        start = time.perf_counter()
        with contextlib.suppress(GameError):
            game.apply(Console(line=line, country="ALF"))
        assert time.perf_counter() - start < 0.5
    with pytest.raises(GameError, match="characters long"):
        game.apply(Console(line=" " * 5_000, country="ALF"))


# --- 3. numbers and text at load time -------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        ("1" + "0" * 400, "out of range"),
        ("9" * 5_000, "out of range"),
        ("1e309", "out of range"),
        ("inf", "out of range"),
        ("nan", "out of range"),
    ],
    ids=["401-digits", "5000-digits", "1e309", "inf", "nan"],
)
def test_numbers_beyond_range_are_refused_with_their_line(
    folder: Path, value: str, needle: str
) -> None:
    _append(folder, "scenario.toml", f'\n[globals.huge]\nname = "H"\ndefault = {value}\n')
    problems = _problems(folder)
    assert any(needle in p and "scenario.toml:" in p for p in problems), problems
    assert all(len(p) < 1_000 for p in problems)


@pytest.mark.parametrize("escape", ["\\u0000", "\\u0007", "\\u001b", "\\u007f"])
def test_control_characters_in_text_are_refused(folder: Path, escape: str) -> None:
    text = (folder / "events.toml").read_text()
    first = text.index('title = "') + len('title = "')
    (folder / "events.toml").write_text(text[:first] + escape + text[first:])
    assert any("control character" in p for p in _problems(folder))


def test_a_lone_surrogate_escape_is_a_toml_error(folder: Path) -> None:
    text = (folder / "events.toml").read_text()
    first = text.index('title = "') + len('title = "')
    (folder / "events.toml").write_text(text[:first] + "\\ud800" + text[first:])
    assert any("TOML syntax" in p for p in _problems(folder))


# --- 4. amplification -------------------------------------------------------------------------


def test_a_flood_of_unknown_names_is_cut_short(folder: Path) -> None:
    names = ", ".join(f'"unknown_country_{i}"' for i in range(40_000))
    _append(folder, "actions.toml", f'\n[[action]]\nid = "flood"\nname = "F"\nactors = [{names}]\n')
    problems = _problems(folder)
    assert len(problems) <= errors.MAX_REPORTED + 1
    assert "more problems not shown" in problems[-1]


def test_a_file_of_too_many_entries_is_refused_before_checking(folder: Path) -> None:
    names = ", ".join(f'"n{i}"' for i in range(limits.MAX_FILE_ENTRIES + 10))
    (folder / "flood.toml").write_text(f'[[action]]\nid = "flood"\nactors = [{names}]\n')
    assert any("entries; the limit is" in p for p in _problems(folder))


def test_too_many_entries_across_files_are_refused(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_ENTRIES", 50)
    assert any("too large" in p and "entries" in p for p in _problems(folder))


def test_too_much_expression_text_is_refused(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_EXPRESSION_TEXT", 100)
    assert any("conditions and effects hold" in p for p in _problems(folder))


def test_four_files_of_distinct_effects_are_refused_quickly(folder: Path) -> None:
    for n in range(4):
        effects = ",\n".join(f'"self.morale += {n * 100_000 + i}"' for i in range(120_000))
        (folder / f"big{n}.toml").write_text(
            f'[[action]]\nid = "big{n}"\nname = "B"\nactors = ["ALF"]\neffects = [\n{effects}]\n'
        )
    assert any("too large" in p for p in _problems(folder, 5.0))


def test_suggestions_stop_after_a_budget() -> None:
    with errors.suggestion_budget(2):
        hints = [errors.suggest("moral", ["morale"]) for _ in range(5)]
    assert hints[:2] == [" (did you mean 'morale'?)"] * 2 and hints[2:] == [""] * 3


def test_suggestions_ignore_huge_names() -> None:
    assert errors.suggest("x" * 10_000, ["x" * 9_999]) == ""


def test_unknown_keys_are_listed_briefly(folder: Path) -> None:
    keys = "\n".join(f"unknown_{i} = 1" for i in range(20_000))
    (folder / "keys.toml").write_text(f"[[region]]\n{keys}\n")
    problems = _problems(folder)
    assert any("more" in p and "unknown key" in p for p in problems)
    assert all(len(p) < 1_000 for p in problems)


# --- expression-level classes ----------------------------------------------------------------


def test_the_compiler_refuses_a_long_effect_of_spaces_at_once() -> None:
    start = time.perf_counter()
    with pytest.raises(ExprError):
        EffectCompiler(Compiler(mini().lex)).statement(
            " " * 700
        )  # about a second today; 3,000 take minutes
    assert time.perf_counter() - start < 0.1


@pytest.mark.parametrize("src", ["1e309", "1" + "0" * 400, "1e308 * 10 - 1e308 * 10"])
def test_non_finite_or_absurd_constants_are_refused(src: str) -> None:
    with pytest.raises(ExprError):
        Compiler(mini().lex).value(src)


@pytest.mark.parametrize(
    "src",
    [
        "trigger(harvest, 1e308 * 10)",
        "trigger(harvest, 1e308 * 10 - 1e308 * 10)",
        "start_modifier(vigil, 1e308 * 10)",
        "self.morale = 1e308 * 10 - 1e308 * 10",
    ],
    ids=["int-of-inf", "int-of-nan", "modifier-of-inf", "nan-stat"],
)
def test_effects_are_total_at_run_time(src: str) -> None:
    game = mini_game()
    try:
        effect = EffectCompiler(Compiler(mini().lex)).statement(src)
    except ExprError:
        return  # refused at load time: as good
    effect.apply(game.state, Env("ALF", None))
    value = game.state.stats["ALF"]["morale"]
    assert value == value and abs(value) < float("inf")


@pytest.mark.parametrize("text", ["\\ud800", "a\\x00b", "\\x07"], ids=["surrogate", "nul", "bell"])
def test_log_text_with_surrogates_or_control_characters_is_refused(text: str) -> None:
    with pytest.raises(ExprError):
        EffectCompiler(Compiler(mini().lex)).statement(f'log("{text}")')


def test_a_modifier_that_starts_itself_is_refused_at_load(folder: Path) -> None:
    _append(
        folder,
        "actions.toml",
        '\n[[modifier]]\nid = "loop"\nname = "L"\nduration = 2\n'
        'effects = ["start_modifier(loop)"]\n',
    )
    assert any("modifier 'loop' starts itself: loop → loop" in p for p in _problems(folder))


def test_ending_texts_for_an_unknown_country_are_a_located_error(folder: Path) -> None:
    text = (folder / "endings.toml").read_text()
    text = text.replace("[[ending]]", "[[ending]]\ntexts.ZZZ.text = 'x'", 1)
    (folder / "endings.toml").write_text(text)
    assert any("unknown country 'ZZZ'" in p and "texts.ZZZ]" in p for p in _problems(folder))


def test_a_self_starting_modifier_never_crashes_a_simulation(folder: Path) -> None:
    from game.engine.simulate import simulate

    _append(
        folder,
        "actions.toml",
        '\n[[modifier]]\nid = "loop"\nname = "L"\nduration = 2\n'
        'effects = ["start_modifier(loop)"]\n'
        '\n[[action]]\nid = "start_loop"\nname = "S"\nactors = ["ALF"]\n'
        'effects = ["start_modifier(loop)"]\n',
    )
    try:
        scenario = load_scenario(folder)
    except ScenarioError:
        return  # refused at load: as good
    simulate(scenario, 2)
