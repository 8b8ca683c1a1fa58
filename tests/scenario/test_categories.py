"""[categories] headings and atlas places: checked, translated, covered by the loc tools."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.scenario.errors import ScenarioError
from game.scenario.load import load_scenario
from game.scenario.loc import check_folder, folder_sources, source_hash
from tests.helpers import MINI

HEADINGS = """[categories]
domestic = "Home affairs"
diplomacy = "Diplomacy"
secret = "Secret work"

"""
PLACES = {"places": [{"name": "Athens", "lon": 23.7, "lat": 38.0, "country": "BRV"}]}


def _copy(tmp: Path, headings: str = HEADINGS, loc: str = "") -> Path:
    folder = tmp / "mini"
    shutil.copytree(MINI, folder)
    actions = folder / "actions.toml"
    actions.write_text(headings + actions.read_text())
    (folder / "atlas.json").write_text(json.dumps(PLACES))
    if loc:
        (folder / "loc").mkdir()
        (folder / "loc" / "de.toml").write_text(loc)
    return folder


def _problems(folder: Path) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(folder, thorough=True)
    return [str(p) for p in caught.value.problems]


def test_headings_are_the_scenarios_and_ids_without_the_table(tmp_path: Path) -> None:
    sc = load_scenario(_copy(tmp_path / "a"), language="en")
    assert sc.category_name("secret") == "Secret work"
    plain = load_scenario(MINI, language="en")
    assert plain.categories == {} and plain.category_name("secret") == "Secret"


def test_a_category_the_table_lacks_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    folder = _copy(tmp_path, HEADINGS.replace("diplomacy =", "diplomcy ="))
    found = _problems(folder)
    assert any(
        "unknown category 'diplomacy' (did you mean 'diplomcy'?)" in p and "category" in p
        for p in found
    ), found


def test_a_category_no_action_uses_is_a_warning(tmp_path: Path) -> None:
    folder = _copy(tmp_path, HEADINGS.replace("secret =", 'naval = "Navy"\nsecret ='))
    sc = load_scenario(folder, thorough=True, language="en")
    assert any("category 'naval' is the category of no action" in w for w in sc.warnings)


def test_the_loc_files_translate_headings_and_places(tmp_path: Path) -> None:
    german = f"""
[categories.secret]
name = "Geheime Unternehmungen"
name_hash = "{source_hash("Secret work")}"

[place.BRV]
name = "Athen"
name_hash = "{source_hash("Athens")}"
"""
    folder = _copy(tmp_path, loc=german)
    found = folder_sources(folder)
    assert found["categories.secret.name"] == "Secret work"
    assert found["place.BRV.name"] == "Athens"
    sc = load_scenario(folder, language="de")
    assert sc.category_name("secret") == "Geheime Unternehmungen"
    assert sc.category_name("diplomacy") == "Diplomacy"  # untranslated: the original
    assert sc.place_names == {"BRV": "Athen"}
    findings = check_folder(folder, "de")
    assert "categories.diplomacy.name" in findings.missing
    assert "categories.secret.name" not in findings.missing + findings.stale
    assert "place.BRV.name" not in findings.missing + findings.stale + findings.extra
    assert load_scenario(folder, language="en").place_names == {}


@pytest.mark.parametrize("name", ["rapallo", "pact"])
@pytest.mark.parametrize("code", ["de", "ru"])
def test_bundled_scenarios_translate_every_heading_and_capital(name: str, code: str) -> None:
    from game.paths import scenarios_dir

    folder = scenarios_dir() / name
    found = folder_sources(folder)
    keys = [k for k in found if k.startswith(("categories.", "place."))]
    assert any(k.startswith("place.") for k in keys) and any("categories." in k for k in keys)
    findings = check_folder(folder, code, found)
    assert not set(keys) & set(findings.missing + findings.stale), findings
    sc = load_scenario(folder, language=code)
    actions = {a.d.category for a in sc.actions.values()}
    assert actions <= set(sc.categories)
    athens = {"de": "Athen", "ru": "Афины"}[code]
    assert sc.place_names["GRE"] == athens
