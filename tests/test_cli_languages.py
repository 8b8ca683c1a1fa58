"""`validate` in German and Russian: the checker's words translated, FILE:LINE and paths kept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from game import locale
from game.cli import main
from tests.helpers import broken_copy


@pytest.fixture(autouse=True)
def _source_language() -> Iterator[None]:
    yield
    locale.set_language(locale.SOURCE)


def _line(path: Path, text: str) -> int:
    """Return the number of the first line of a file that holds a text."""
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def _broken(tmp_path: Path) -> Path:
    """Return a copy of the test scenario with an unknown country and a misspelt stat."""
    folder = broken_copy(tmp_path, "events.toml", 'country = "BRV"', 'country = "BRX"')
    actions = folder / "actions.toml"
    actions.write_text(actions.read_text().replace("self.treasury >= 20", "self.treasure >= 20"))
    return folder


EXPECTED = {
    "de": (
        "Fehler: unbekanntes Land 'BRX' (meinten Sie 'BRV'?) [event[1].country]",
        "Fehler: in 'owner(high_pass) == self and self.treasure >= 20': "
        "unbekannter Kennwert 'treasure' (meinten Sie 'treasury'?) [action[2].when]",
    ),
    "ru": (
        "ошибка: неизвестная страна 'BRX' (может быть, 'BRV'?) [event[1].country]",
        "ошибка: в 'owner(high_pass) == self and self.treasure >= 20': "
        "неизвестный показатель 'treasure' (может быть, 'treasury'?) [action[2].when]",
    ),
}


@pytest.mark.parametrize("code", ["de", "ru"])
def test_validate_speaks_the_chosen_language_and_keeps_the_places(
    code: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _broken(tmp_path)
    assert main(["--lang", code, "validate", str(folder)]) == 1
    out = capsys.readouterr().out
    events, actions = folder / "events.toml", folder / "actions.toml"
    country, stat = EXPECTED[code]
    at_country, at_stat = _line(events, 'country = "BRX"'), _line(actions, "self.treasure >= 20")
    assert f"{events}:{at_country}: {country}" in out
    assert f"{actions}:{at_stat}: {stat}" in out
    assert "unknown" not in out and "did you mean" not in out


def test_a_toml_syntax_error_is_explained_in_german(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = broken_copy(tmp_path, "events.toml", 'country = "BRV"', 'country = "BRV')
    assert main(["--lang", "de", "validate", str(folder)]) == 1
    out = capsys.readouterr().out
    events = folder / "events.toml"
    line = _line(events, 'country = "BRV')
    assert f"{events}:{line}: Fehler: TOML-Syntax: nicht geschlossen: Zeichenkette" in out
    assert "eine einzeilige Zeichenkette muss in ihrer Zeile enden" in out
    assert "(unzulässiges Zeichen '\\n')" in out  # tomllib's own words, translated


def test_english_stays_as_it_was(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _broken(tmp_path)
    assert main(["--lang", "en", "validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert (
        ": error: in 'owner(high_pass) == self and self.treasure >= 20': "
        "unknown stat 'treasure' (did you mean 'treasury'?) [action[2].when]"
    ) in out


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("de", "keine GeoJSON-Datei"),
        ("ru", "это не файл GeoJSON"),
    ],
)
def test_map_import_reports_a_bad_file_in_the_language(
    code: str, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = broken_copy(tmp_path, "events.toml", 'country = "BRV"', 'country = "BRV"')
    bad = tmp_path / "bad.geojson"
    bad.write_text("{ not json", encoding="utf-8")
    argv = ["--lang", code, "map", "import", str(bad), "--id-property", "id"]
    assert main([*argv, "--scenario", str(folder)]) == 2
    err = capsys.readouterr().err
    assert f"map import: {bad}: {words}" in err, err
