"""Fuzz the loader, the expression compiler and the save reader (short runs; -m slow: long)."""

from __future__ import annotations

import contextlib
import copy
import json
import os
import random
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from game.engine.commands import ChooseOption, EndTurn, GameError, TakeAction
from game.engine.saves import (
    SaveError,
    first_difference,
    read_save,
    replay_save,
    restore,
    write_save,
)
from game.engine.snapshot import state_hash, to_json
from game.rules.compiler import Compiler, ExprError
from game.rules.statements import EffectCompiler
from game.rules.types import Env
from game.scenario import errors, toml_cache
from game.scenario.errors import ScenarioError
from game.scenario.limits import expression_problem
from game.scenario.load import load_scenario
from tests import fuzz
from tests.helpers import MINI, mini, mini_game

SHORT = {"loader": 150, "compiler": 400, "evaluation": 200, "saves": 150}
LONG = 20_000
LIMIT = 2.0  # seconds a case may take
# Failures owned and tracked elsewhere, by a text of their traceback: counted, reported, not hidden.
KNOWN: dict[str, str] = {}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for the loader's mutated copies and the save reader's files."""
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture
def no_cache() -> Iterator[None]:
    """Parse every mutated file afresh instead of filling the cache with copies."""
    toml_cache.ENABLED = False
    yield
    toml_cache.ENABLED = True


# --- the loader ------------------------------------------------------------------------------

_FILES = sorted(p.name for p in MINI.glob("*.toml"))
_TEXTS = {name: (MINI / name).read_text(encoding="utf-8") for name in _FILES}


def loader_target(folder: Path) -> fuzz.Target:
    """Return a target that corrupts one file of a copy of the test scenario and loads it."""
    if not folder.exists():
        shutil.copytree(MINI, folder)

    def target(rng: random.Random) -> None:
        name = rng.choice(_FILES)
        path = folder / name
        roll = rng.random()
        try:
            if roll < 0.08:
                path.write_bytes(fuzz.flip_bytes(rng, _TEXTS[name].encode()))
            elif roll < 0.1:
                path.unlink()
                _odd_file(rng, path, folder)
            else:
                text = fuzz.mutate_lines(rng, _TEXTS[name])
                path.write_text(text, encoding="utf-8", errors="surrogatepass")
            try:
                load_scenario(folder)
            except ScenarioError as exc:
                _check_problems(exc)
        finally:
            _reset(path, name)

    return target


def _odd_file(rng: random.Random, path: Path, folder: Path) -> None:
    """Put something that is not a plain file where a scenario file was."""
    kind = rng.randrange(5)
    if kind == 0:
        path.mkdir()
    elif kind == 1:
        os.mkfifo(path)
    elif kind == 2:
        path.symlink_to("/dev/zero")
    elif kind == 3:
        path.symlink_to(folder / "nowhere.toml")
    else:
        path.symlink_to(path)


def _reset(path: Path, name: str) -> None:
    if path.is_dir() and not path.is_symlink():
        path.rmdir()
    elif path.exists() or path.is_symlink():
        path.unlink()
    path.write_text(_TEXTS[name], encoding="utf-8")


def _check_problems(exc: ScenarioError) -> None:
    assert exc.problems, "a ScenarioError without problems"
    assert len(exc.problems) <= errors.MAX_REPORTED + 1
    for problem in exc.problems:
        assert problem.file and problem.line >= 0 and problem.message
        assert len(problem.message) <= errors.MAX_MESSAGE
        str(problem).encode("utf-8", "backslashreplace")


# --- the expression compiler -------------------------------------------------------------------

_ATOMS = [
    "ALF.morale",
    "BRV.treasury",
    "self.morale",
    "tension",
    "flag.pact",
    "1",
    "2.5",
    "1e308",
    "1e309",
    "9" * 30,
    "True",
    "relation(ALF, BRV)",
    "owner(high_pass)",
    "fired(harvest)",
    "turns_since(pact)",
    "date",
    '"1901-01"',
    '"\\ud800"',
    '"a\\x00b"',
    "x",
    "__class__",
    "().__class__",
    "lambda: 0",
    "[]",
    "{}",
    "trigger(harvest, 2)",
    "start_modifier(vigil, 3)",
    "set_flag(pact)",
    'log("news")',
    'rename(ALF, "Alfa")',
]
_OPS = [" + ", " - ", " * ", " / ", " and ", " or ", " < ", " >= ", " == ", " ** ", " % "]
_OPS += [".", ", ", "(", ")", " not ", " if ", " += ", " -= ", " = ", "[", "]", ":", ";", "\n"]


def expression(rng: random.Random) -> str:
    """Return a random expression built from real atoms and operators, often malformed."""
    parts = [rng.choice(_ATOMS)]
    for _ in range(rng.randint(0, 14)):
        parts.append(rng.choice(_OPS))
        parts.append(rng.choice(_ATOMS))
    if rng.random() < 0.3:
        parts.insert(rng.randrange(len(parts) + 1), fuzz.hostile_text(rng, 20))
    if rng.random() < 0.05:
        parts = [rng.choice(["(", "not ", "-"]) * rng.randint(10, 600), *parts]
    return "".join(parts)


def _compile(src: str) -> list[Any]:
    """Compile a source every way, through the same length gate the loader and console use."""
    if expression_problem(src):
        return []
    compiler = Compiler(mini().lex)
    built: list[Any] = []
    for make in (compiler.value, compiler.condition, EffectCompiler(compiler).statement):
        try:
            built.append(make(src))
        except ExprError as exc:
            assert str(exc)
    return built


def compiler_target(rng: random.Random) -> None:
    """Compile a random expression: a node or an ExprError, in time."""
    _compile(expression(rng))


def evaluation_target(rng: random.Random) -> None:
    """Compile, then evaluate, apply and describe on a game: nothing may raise."""
    game = mini_game(seed=rng.randrange(1000))
    env = Env("ALF", None)
    for built in _compile(expression(rng)):
        if hasattr(built, "apply"):
            built.describe(game.state, env, mini().lex)
            built.apply(game.state, env)
        else:
            built.fn(game.state, env)
    for stats in game.state.stats.values():
        assert all(v == v and abs(v) != float("inf") for v in stats.values())
    state_hash(game.state)
    json.dumps(to_json(game.state), allow_nan=False)


# --- the save reader ---------------------------------------------------------------------------


def _base_save(folder: Path) -> bytes:
    game = mini_game(seed=9, humans=["ALF"])
    for _ in range(3):
        while game.state.pending.get("ALF"):
            eid = game.state.pending["ALF"][0]
            option = next(o for o in game.event_options("ALF", eid) if o.ok)
            game.apply(ChooseOption("ALF", eid, option.option.id))
        views = [v for v in game.available_actions("ALF") if v.ok and not v.targets]
        if views:
            game.apply(TakeAction("ALF", views[0].action.d.id))
        game.apply(EndTurn("ALF"))
    path = folder / "base.json"
    write_save(path, game)
    return path.read_bytes()


_ODD_JSON: list[Any] = [
    None,
    True,
    0,
    -1,
    2**70,
    1.5,
    -0.0,
    "",
    "x" * 5000,
    "\ud800",
    "ALF",
    "NOBODY",
    [],
    {},
    [[[[[]]]]],
    {"kind": "console", "line": "self.morale = 1", "country": "NOBODY"},
    ["ZZZ"],
]


def _poke(rng: random.Random, data: Any) -> None:
    """Replace, delete or add one value somewhere inside JSON data."""
    node = data
    for _ in range(rng.randint(0, 4)):
        if isinstance(node, dict) and node:
            child = node[rng.choice(list(node))]
        elif isinstance(node, list) and node:
            child = rng.choice(node)
        else:
            break
        if not isinstance(child, dict | list):
            break
        node = child
    if isinstance(node, dict) and node:
        key = rng.choice(list(node))
        if rng.random() < 0.2:
            del node[key]
        else:
            node[key] = copy.deepcopy(rng.choice(_ODD_JSON))
    elif isinstance(node, list) and node:
        node[rng.randrange(len(node))] = copy.deepcopy(rng.choice(_ODD_JSON))


def saves_target(folder: Path) -> fuzz.Target:
    """Return a target that damages a good save and reads, restores and uses it."""
    base = _base_save(folder)
    path = folder / "case.json"

    def target(rng: random.Random) -> None:
        if rng.random() < 0.3:
            raw = fuzz.flip_bytes(rng, base)
        else:
            data = json.loads(base)
            for _ in range(rng.randint(1, 3)):
                _poke(rng, data)
            text = json.dumps(data)
            if rng.random() < 0.1:
                text = text.replace('"seed": ', '"seed": ' + "9" * rng.choice([400, 5000]), 1)
            if rng.random() < 0.05:
                text = text.replace("100.0", "1e400", 1)
            raw = text.encode("utf-8", "surrogatepass")
        path.write_bytes(raw)
        try:
            save = read_save(path)
            loaded = restore(save, mini())
        except SaveError as exc:
            assert "\n" not in str(exc)
            return
        replayed = replay_save(save, mini())
        assert first_difference(replayed.game, to_json(loaded.game.state)) == ""
        game = loaded.game
        game.date_text()
        for cid in game.state.humans:
            game.available_actions(cid)
        if game.state.humans and not game.state.over:
            with contextlib.suppress(GameError):
                game.apply(EndTurn(game.state.humans[0]))

    return target


# --- runs ----------------------------------------------------------------------------------------


def _targets(workspace: Path) -> dict[str, Callable[[], fuzz.Target]]:
    return {
        "loader": lambda: loader_target(workspace / "loader"),
        "compiler": lambda: compiler_target,
        "evaluation": lambda: evaluation_target,
        "saves": lambda: saves_target(workspace),
    }


def _run(name: str, cases: int, workspace: Path) -> fuzz.Outcome:
    outcome = fuzz.run(_targets(workspace)[name](), cases, seed=1, limit=LIMIT, known=KNOWN)
    print(outcome.summary(name))
    return outcome


def _assert_clean(outcome: fuzz.Outcome) -> None:
    assert not outcome.failures, outcome.failures[0][1]
    assert not outcome.slow, outcome.slow[:5]


@pytest.mark.usefixtures("no_cache")
@pytest.mark.parametrize(
    "name",
    ["loader", "compiler", "evaluation", "saves"],
)
def test_short_fuzz_run(name: str, workspace: Path) -> None:
    _assert_clean(_run(name, SHORT[name], workspace))


@pytest.mark.slow
@pytest.mark.usefixtures("no_cache")
@pytest.mark.parametrize("name", ["loader", "compiler", "evaluation", "saves"])
def test_long_fuzz_run(name: str, workspace: Path) -> None:
    _assert_clean(_run(name, LONG, workspace))


def test_the_harness_reports_failures_and_slow_cases() -> None:
    import time

    def target(rng: random.Random) -> None:
        if rng.random() < 0.5:
            raise KeyError("boom")
        time.sleep(0.02)

    outcome = fuzz.run(target, 10, limit=0.01)
    assert outcome.cases == 10 and outcome.failures and outcome.slow
    assert "KeyError" in outcome.failures[0][1]
