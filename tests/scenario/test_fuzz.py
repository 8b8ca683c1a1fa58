"""Fuzzing the loader and the expression compiler: only located ScenarioErrors come out."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from game.rules.compiler import Compiler, ExprError
from game.rules.statements import EffectCompiler
from game.scenario import load as loader
from game.scenario import read
from game.scenario.errors import ScenarioError
from game.scenario.load import load_scenario
from tests.helpers import MINI, mini

FILES = sorted(p.name for p in MINI.glob("*.toml"))
ODD = [
    "",
    "0",
    "-1",
    "1e308",
    "99999999999999999999",
    "true",
    '"x"',
    "[]",
    "{}",
    "[[[[[[1]]]]]]",
    '"\u202e\u0000"',
    '"ÿ ü 𝔘"',
    "nan",
    "inf",
    '"""',
    "'",
    "{a = {b = {c = 1}}}",
]


@hs.composite
def mutation(draw: hs.DrawFn) -> tuple[str, str]:
    """Pick a file and return it with one random, plausible corruption."""
    name = draw(hs.sampled_from(FILES))
    lines = (MINI / name).read_text().splitlines()
    kind = draw(hs.sampled_from(["delete", "duplicate", "value", "bytes", "nest", "key", "swap"]))
    i = draw(hs.integers(0, len(lines) - 1))
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "value" and "=" in lines[i]:
        key = lines[i].split("=", 1)[0]
        lines[i] = f"{key}= {draw(hs.sampled_from(ODD))}"
    elif kind == "bytes":
        junk = draw(hs.text(max_size=40))
        pos = draw(hs.integers(0, len(lines[i])))
        lines[i] = lines[i][:pos] + junk + lines[i][pos:]
    elif kind == "nest":
        depth = draw(hs.integers(1, 3000))
        lines.insert(i, f"deep = {'[' * depth}{']' * depth}")
    elif kind == "key" and "=" in lines[i]:
        lines[i] = (
            draw(hs.from_regex(r"[a-z_]{1,12}", fullmatch=True)) + " =" + lines[i].split("=", 1)[1]
        )
    elif kind == "swap":
        j = draw(hs.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
    return name, "\n".join(lines)


def _check(name: str, text: str | bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "fuzz"
        shutil.copytree(MINI, folder)
        path = folder / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_scenario(folder)
        except ScenarioError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert problem.file and problem.line >= 0 and problem.message
                assert "Traceback" not in problem.message


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutation())
def test_mutated_scenarios_give_only_located_errors(case: tuple[str, str]) -> None:
    _check(*case)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(hs.sampled_from(FILES), hs.binary(max_size=400))
def test_random_bytes_give_only_located_errors(name: str, data: bytes) -> None:
    _check(name, data)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutation())
def test_long_loader_fuzz(case: tuple[str, str]) -> None:
    _check(*case)


_ATOMS = [
    "ALF.morale",
    "BRV.treasury",
    "self.morale",
    "tension",
    "flag.pact",
    "1",
    "2.5",
    "True",
    "relation(ALF, BRV)",
    "owner(high_pass)",
    "ALF",
    "fired(harvest)",
    "turns_since(pact)",
    "date",
    '"1901-01"',
    "x",
    "__class__",
    "'a'",
    "()",
    "lambda: 0",
    "[]",
    "{}",
]
_OPS = [
    " + ",
    " - ",
    " * ",
    " / ",
    " and ",
    " or ",
    " < ",
    " >= ",
    " == ",
    " ** ",
    " % ",
    ".",
    ", ",
    "(",
    ")",
    " not ",
    " if ",
    " += ",
    " = ",
    "[",
    "]",
    ":",
    ";",
]


@hs.composite
def expression(draw: hs.DrawFn) -> str:
    """Build a random expression from real atoms and operators, often malformed."""
    parts = [draw(hs.sampled_from(_ATOMS))]
    for _ in range(draw(hs.integers(0, 12))):
        parts.append(draw(hs.sampled_from(_OPS)))
        parts.append(draw(hs.sampled_from(_ATOMS)))
    if draw(hs.booleans()):
        parts.insert(0, draw(hs.text(max_size=10)))
    return "".join(parts)


def _compile_all_ways(src: str) -> None:
    c = Compiler(mini().lex)
    for compile_ in (c.value, c.condition, EffectCompiler(c).statement):
        try:
            compile_(src)
        except ExprError as exc:
            assert str(exc)


@settings(max_examples=400, deadline=None)
@given(expression())
def test_expressions_compile_or_fail_with_expr_error(src: str) -> None:
    _compile_all_ways(src)


@settings(max_examples=100, deadline=None)
@given(hs.text(max_size=300))
def test_random_text_compiles_or_fails_with_expr_error(src: str) -> None:
    _compile_all_ways(src)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None)
@given(expression())
def test_long_expression_fuzz(src: str) -> None:
    _compile_all_ways(src)


@pytest.mark.parametrize("depth", [60, 500, 50_000])
def test_deep_expressions_are_refused_clearly(depth: int) -> None:
    with pytest.raises(ExprError, match="too deeply|characters long"):
        Compiler(mini().lex).value("(" * depth + "1" + ")" * depth)
    with pytest.raises(ExprError, match="too deeply|characters long"):
        Compiler(mini().lex).value("not " * depth + "True")


def test_oversized_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "big"
    shutil.copytree(MINI, folder)
    monkeypatch.setattr(read, "MAX_FILE_BYTES", 10_000)
    (folder / "padding.toml").write_text("# " + "x" * 20_000)
    with pytest.raises(ScenarioError, match="file too large"):
        load_scenario(folder)


def test_too_many_files_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    shutil.copytree(MINI, folder)
    for i in range(read.MAX_FILES):
        (folder / f"extra{i}.toml").write_text("")
    with pytest.raises(ScenarioError, match="more than"):
        load_scenario(folder)


def test_too_many_definitions_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "defs"
    shutil.copytree(MINI, folder)
    monkeypatch.setattr(loader, "MAX_ITEMS", 10)
    with pytest.raises(ScenarioError, match="more than 10 definitions"):
        load_scenario(folder)
