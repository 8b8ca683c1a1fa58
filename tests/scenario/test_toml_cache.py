"""The parsed-TOML cache gives exactly what tomllib gives, and survives damage."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from game.scenario import toml_cache
from tests.helpers import MINI

TEXT = (MINI / "events.toml").read_text()


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(toml_cache, "FOLDER", tmp_path)
    monkeypatch.setattr(toml_cache, "ENABLED", True)
    return tmp_path


def test_cached_parse_equals_tomllib(folder: Path) -> None:
    first = toml_cache.parse(TEXT)
    assert len(list(folder.glob("*.json"))) == 1
    assert toml_cache.parse(TEXT) == first == tomllib.loads(TEXT)


def test_damaged_copy_is_ignored_and_replaced(folder: Path) -> None:
    toml_cache.parse(TEXT)
    copy = next(folder.glob("*.json"))
    copy.write_text('{"broken": ')
    assert toml_cache.parse(TEXT) == tomllib.loads(TEXT)
    assert toml_cache.parse(TEXT) == tomllib.loads(TEXT)


def test_dates_are_parsed_but_not_copied(folder: Path) -> None:
    text = "when = 1922-04-16\n"
    assert toml_cache.parse(text) == tomllib.loads(text)
    assert not list(folder.glob("*.json"))


def test_syntax_errors_still_raise(folder: Path) -> None:
    with pytest.raises(tomllib.TOMLDecodeError):
        toml_cache.parse("x = [")
