"""argparse's own words on the command line: --help and its errors in the chosen language."""

from __future__ import annotations

import argparse
import inspect
from collections.abc import Iterator

import pytest

from game import cli_words, locale
from game.cli import build_parser, main


@pytest.fixture(autouse=True)
def _source_language() -> Iterator[None]:
    yield
    locale.set_language(locale.SOURCE)


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(args)
    out = capsys.readouterr()
    return int(done.value.code or 0), out.out, out.err


def test_help_speaks_german(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(["--lang", "de", "--help"], capsys)
    assert code == 0
    assert out.startswith("Aufruf: rapallo")
    for words in ("Positionsargumente:", "Optionen:", "diese Hilfe anzeigen und beenden"):
        assert words in out
    assert "Diplomatie zwischen den Kriegen" in out
    assert "usage:" not in out and "options:" not in out and "show this help" not in out


def test_a_subcommands_help_and_errors_speak_russian(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(["--lang=ru", "validate", "--help"], capsys)
    assert code == 0 and out.startswith("использование: rapallo validate")
    assert "показать эту справку и выйти" in out
    code, _out, err = _run(["--lang", "ru", "simulate", "--games", "x"], capsys)
    assert code == 2
    assert "аргумент --games: недопустимое значение типа int: 'x'" in err
    code, _out, err = _run(["--lang", "ru", "--bogus"], capsys)
    assert code == 2 and "нераспознанные аргументы: --bogus" in err


def test_german_errors_name_the_choices(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(["--lang", "de", "valdate"], capsys)
    assert code == 2
    assert "ungültige Wahl: 'valdate' (möglich sind 'validate'" in err
    code, _out, err = _run(["--lang", "de", "loc", "template"], capsys)
    assert code == 2 and "diese Argumente fehlen: SCENARIO, LANG" in err


def test_english_stays_argparses_own() -> None:
    locale.set_language("en")
    text = build_parser().format_help()
    assert text.startswith("usage: rapallo") and "\noptions:\n" in text


def test_russian_plural_forms_of_an_argument_count() -> None:
    locale.set_language("ru")
    assert [cli_words.plurals(n)[0] % n for n in (1, 3, 5)] == [
        "ожидался 1 аргумент",
        "ожидалось 3 аргумента",
        "ожидалось 5 аргументов",
    ]


def test_every_marked_message_is_one_argparse_says() -> None:
    source = inspect.getsource(argparse)
    missing = [w for w in cli_words.WORDS if repr(w)[1:-1] not in source]
    assert not missing, missing
