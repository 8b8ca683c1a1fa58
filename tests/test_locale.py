"""The program's own words: catalogues complete, plurals, dates and numbers by locale."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from game import locale

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _source_language() -> Iterator[None]:
    yield
    locale.set_language(locale.SOURCE)


def test_the_package_imports_no_other_game_module_and_no_pygame() -> None:
    for path in (ROOT / "game" / "locale").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            assert not [n for n in names if n.startswith(("game", "pygame"))], path


def test_german_and_russian_catalogues_are_found() -> None:
    assert locale.available() == ["en", "de", "ru"]
    assert locale.set_language("xx") == "en"


@pytest.mark.parametrize(
    ("code", "expected"), [("en", "May 1924"), ("de", "Mai 1924"), ("ru", "май 1924")]
)
def test_month_names_stand_alone(code: str, expected: str) -> None:
    locale.set_language(code)
    assert locale.month_year(1924 * 12 + 4) == expected


@pytest.mark.parametrize(
    ("code", "expected"), [("en", "12,345.5"), ("de", "12.345,5"), ("ru", "12\u00a0345,5")]
)
def test_numbers_follow_the_locale(code: str, expected: str) -> None:
    locale.set_language(code)
    assert locale.number(12345.5) == expected
    assert locale.number(1924) == "1924"  # years and other four-digit numbers stay whole
    assert locale.number(2.5) == ("2.5" if code == "en" else "2,5")
    assert locale.number(40.0) == "40"
    assert locale.number(float("nan")) == "0"


def test_system_locale_picks_a_spoken_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "ru_RU.UTF-8")
    assert locale.system_language() == "ru"
    monkeypatch.setenv("LANGUAGE", "pt_BR")
    assert locale.system_language() == "en"


def _marked() -> set[str]:
    """Every message the program marks for translation, as pybabel extract finds it."""
    method_map = [("**.py", "python")]
    keywords = {"_": None, "gettext": None, "N_": None, "ngettext": (1, 2)}
    found: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "game"), method_map, keywords=keywords
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


@pytest.mark.parametrize("code", ["de", "ru"])
def test_every_marked_string_is_translated(code: str) -> None:
    with locale.catalogue_path(code).open("rb") as po:
        catalog = read_po(po, locale=code)
    done = {
        m.id if isinstance(m.id, str) else m.id[0]
        for m in catalog
        if m.id and not m.fuzzy and all(m.string if isinstance(m.string, tuple) else [m.string])
    }
    missing = sorted(_marked() - done)
    assert missing == [], f"{code}: {len(missing)} untranslated, e.g. {missing[:5]}"


def test_russian_plural_forms_in_a_blocker() -> None:
    from game.engine.eligibility import points

    locale.set_language("ru")
    assert [points(n, 0).message for n in (1, 3, 5, 21)] == [
        "Нужно 1 очко действий (у вас 0)",
        "Нужно 3 очка действий (у вас 0)",
        "Нужно 5 очков действий (у вас 0)",
        "Нужно 21 очко действий (у вас 0)",
    ]


def test_conditions_explain_themselves_in_german() -> None:
    from game.engine.eligibility import blockers
    from tests.helpers import mini_game

    game = mini_game()
    locale.set_language("de")
    found = {
        b.message
        for action in game.scenario.actions.values()
        for b in blockers(game.scenario, game.state, action, "ALF")
    }
    assert found, "the mini scenario has blocked actions at the start"
    assert all(not m.startswith(("Requires", "Needs", "Already")) for m in found), found


def test_date_conditions_read_in_the_language() -> None:
    from game.rules.operators import _DATE_WORDS  # noqa: PLC2701 - the patterns under test

    locale.set_language("ru")
    assert locale._(_DATE_WORDS["≥"]).format(month=locale.month_in_phrase(1922 * 12 + 3)) == (
        "с апреля 1922"
    )
