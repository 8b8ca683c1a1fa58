"""Scenario translations: loc/LANG.toml put in, fallback, checks and the template."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

from game.cli import main
from game.scenario.load import load_scenario
from game.scenario.loc import check_folder, folder_sources, read_entries, source_hash
from game.scenario.loc_file import template
from tests.helpers import MINI


def _copy(tmp: Path, loc: str = "") -> Path:
    folder = tmp / "mini"
    shutil.copytree(MINI, folder)
    if loc:
        (folder / "loc").mkdir()
        (folder / "loc" / "de.toml").write_text(loc)
    return folder


GERMAN = f"""
[country.ALF]
name = "Alfland (de)"
name_hash = "{source_hash("Alfland")}"

[event.harvest]
title = "Eine reiche Ernte"
title_hash = "stale"

[event.harvest.options.sell]
text = "Den Überschuss verkaufen {{self.treasury}}"

[stats.morale]
name = "Moral"

[event.no_such_event]
title = "Gibt es nicht"
"""


def test_translations_replace_the_texts_and_missing_ones_fall_back(tmp_path: Path) -> None:
    folder = _copy(tmp_path, GERMAN)
    original = load_scenario(folder, language="en")
    german = load_scenario(folder, language="de")
    assert german.language == "de" and original.language == "en"
    assert german.lex.countries["ALF"] == "Alfland (de)"
    assert german.lex.stats["morale"].name == "Moral"
    assert german.events["harvest"].d.title == "Eine reiche Ernte"
    assert german.lex.countries["BRV"] == original.lex.countries["BRV"]  # not translated
    # An option whose {…} fields differ from the original's keeps the original.
    assert german.lex.options["harvest"]["sell"] == "Sell the surplus"
    assert german.content_hash == original.content_hash


def test_the_loader_ignores_the_loc_folder_as_content(tmp_path: Path) -> None:
    plain = load_scenario(_copy(tmp_path / "a"), language="en")
    with_loc = load_scenario(_copy(tmp_path / "b", GERMAN), language="en")
    assert with_loc.content_hash == plain.content_hash
    assert with_loc.warnings == plain.warnings


def test_a_broken_translation_file_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    folder = _copy(tmp_path, "[country.ALF\nname = ")
    scenario = load_scenario(folder, language="de")
    assert scenario.language == "en"
    assert any("translation not used" in w for w in scenario.warnings)


def test_check_reports_missing_stale_extra_and_fields(tmp_path: Path) -> None:
    folder = _copy(tmp_path, GERMAN)
    found = check_folder(folder, "de")
    assert "country.ALF.name" not in found.missing + found.stale
    assert "event.harvest.title" in found.stale
    assert "stats.morale.name" in found.stale  # no hash kept: cannot be trusted as current
    assert "event.harvest.options.sell.text" in found.fields
    assert found.extra == ["event.no_such_event.title"]
    assert "country.BRV.name" in found.missing
    assert "ending.peace.texts.BRV.title" in found.missing


def test_template_keeps_translations_and_lists_every_key(tmp_path: Path) -> None:
    folder = _copy(tmp_path, GERMAN)
    found = folder_sources(folder)
    text = template("de", "mini", found, read_entries(folder, "de"))
    data = tomllib.loads(text)
    assert data["country"]["ALF"]["name"] == "Alfland (de)"
    assert data["country"]["BRV"]["name"] == ""
    assert data["event"]["harvest"]["title_hash"] == "stale"  # still stale until refreshed
    assert data["country"]["BRV"]["name_hash"] == source_hash("Bravia")
    assert "# Bravia" in text
    assert "Gibt es nicht" in text  # a text whose key went away is kept as a comment


def test_long_texts_round_trip_through_the_template(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    long = 'Ein "langer" Text mit \\ Backslash, ' + "und vielen Wörtern " * 20 + "am Ende."
    entries = read_entries(_copy(tmp_path / "x", f"[event.harvest]\ntext = {long!r}\n"), "de")
    entries["event.harvest.text"].text = long
    data = tomllib.loads(template("de", "mini", folder_sources(folder), entries))
    assert data["event"]["harvest"]["text"] == long


def test_loc_template_and_check_on_the_command_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = _copy(tmp_path)
    assert main(["loc", "template", str(folder), "de"]) == 0
    assert (folder / "loc" / "de.toml").is_file()
    assert main(["loc", "check", str(folder), "de"]) == 0
    assert main(["loc", "check", str(folder), "de", "--strict"]) == 1
    out = capsys.readouterr().out
    assert "country.ALF.name: untranslated" in out
    assert main(["validate", str(folder), "--strict"]) == 0  # untranslated texts never fail it
    assert main(["loc", "template", str(folder), "en"]) == 2
