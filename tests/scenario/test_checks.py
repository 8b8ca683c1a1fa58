"""Graph, logic, use and geometry checks: each broken copy is reported at its FILE:LINE."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.errors import ScenarioError
from game.scenario.load import load_scenario
from tests.helpers import broken_copy, line_of


def problems_of(folder: Path) -> list[str]:
    """Return every error and warning of a scenario folder as the validator prints them."""
    try:
        return load_scenario(folder, thorough=True).warnings
    except ScenarioError as exc:
        return [str(p) for p in exc.problems]


# (id, file, old text, new text, text on the expected line, severity, message part, key path)
CASES = [
    (
        "self-follow-same-turn",
        "events.toml",
        'follow = [{ event = "pass_lost", delay = 0 }]',
        'follow = [{ event = "border_clash", delay = 0 }]',
        'follow = [{ event = "border_clash"',
        "error",
        "circle within one turn: border_clash → border_clash",
        "event[1].options[2].follow[0]",
    ),
    (
        "self-follow-later",
        "events.toml",
        'follow = [{ event = "pass_lost", delay = 0 }]',
        'follow = [{ event = "border_clash", delay = 2 }]',
        'follow = [{ event = "border_clash"',
        "warning",
        "border_clash also fires on its own, so copies pile up",
        "event[1].options[2].follow[0]",
    ),
    (
        "trigger-self-once",
        "events.toml",
        "'log(\"Chorum celebrates\")']",
        '\'log("Chorum celebrates")\', "trigger(pact_signed, 1)"]',
        "trigger(pact_signed, 1)",
        "warning",
        "schedules itself (pact_signed → pact_signed) but fires only once",
        "event[3].options[0].effects[3]",
    ),
    (
        "negative-trigger-delay",
        "actions.toml",
        '"trigger(pact_signed)"]',
        '"trigger(pact_signed, -1)"]',
        "trigger(pact_signed, -1)",
        "error",
        "a delay cannot be negative",
        "action[3].effects[2]",
    ),
    (
        "flag-and-not-flag",
        "events.toml",
        'when = "regions(CHR) >= 3 and tension < 50"',
        'when = "flag.pact and tension < 50 and not flag.pact"',
        "and not flag.pact",
        "warning",
        "'flag.pact' and 'not flag.pact' cannot both hold",
        "event[6].when",
    ),
    (
        "stat-beyond-max",
        "events.toml",
        'when = "regions(CHR) >= 3 and tension < 50"',
        'when = "self.morale > 100"',
        "self.morale > 100",
        "warning",
        "'self.morale > 100' can never hold: Morale runs from 0 to 100",
        "event[6].when",
    ),
    (
        "year-after-the-end",
        "events.toml",
        "year >= 1901",
        "year >= 1937",
        "year >= 1937",
        "warning",
        "'year >= 1937' can never hold: the scenario runs from 1900 to 1904",
        "event[5].when",
    ),
    (
        "date-after-the-end",
        "actions.toml",
        'date >= \\"1900-07\\"',
        'date >= \\"1950-07\\"',
        "1950-07",
        "warning",
        "can never hold: the scenario runs from January 1900 to December 1904",
        "action[3].when",
    ),
    (
        "contradictory-bounds",
        "events.toml",
        'when = "tension >= 30 or flag.feud"',
        'when = "tension >= 60 and tension < 20"',
        "tension >= 60 and",
        "warning",
        "'tension >= 60' and 'tension < 20' cannot both hold",
        "event[1].when",
    ),
    (
        "triggered-only-chance",
        "events.toml",
        'triggered_only = true\ntext = "Bravian',
        'triggered_only = true\nchance = 0.25\ntext = "Bravian',
        "chance = 0.25",
        "warning",
        "'chance' is ignored: a triggered_only event fires when",
        "event[2].chance",
    ),
    (
        "chance-zero",
        "events.toml",
        "chance = 0.5",
        "chance = 0",
        "chance = 0",
        "warning",
        "chance = 0: the event never fires",
        "event[0].chance",
    ),
    (
        "historical-date-alone",
        "actions.toml",
        'historical = true\nhistorical_date = "1900-04"',
        'historical_date = "1900-04"',
        'historical_date = "1900-04"',
        "warning",
        "'historical_date' is ignored without historical = true",
        "action[1].historical_date",
    ),
    (
        "site-on-one-shot",
        "actions.toml",
        "cooldown = 2",
        'cooldown = 2\nsite = "old_fort"',
        'site = "old_fort"',
        "warning",
        "'site' is ignored: only running projects",
        "action[0].site",
    ),
    (
        "ending-for-unplayable",
        "endings.toml",
        'countries = ["ALF", "BRV"]',
        'countries = ["ALF", "CHR"]',
        'countries = ["ALF", "CHR"]',
        "warning",
        "CHR is not playable: only playable countries get an ending",
        "ending[1].countries[1]",
    ),
    (
        "no-fallback-ending",
        "endings.toml",
        'when = "True"',
        'when = "tension < 50"',
        "playable = ",
        "warning",
        "no fallback ending for ALF",
        "scenario.playable",
    ),
    (
        "ending-hidden-behind-fallback",
        "endings.toml",
        "priority = 10\ncountries",
        "priority = -5\ncountries",
        "priority = -5",
        "warning",
        "the ending is never reached: 'stalemate' always holds and is tried first",
        "ending[1].priority",
    ),
    (
        "unused-flag",
        "scenario.toml",
        'feud = "A blood feud divides the valleys"',
        'feud = "A blood feud divides the valleys"\nspare = "Never used"',
        'spare = "Never used"',
        "warning",
        "nothing sets or reads flag 'spare'",
        "flags.spare",
    ),
    (
        "flag-read-never-set",
        "actions.toml",
        '"set_flag(feud)", "start_modifier(vigil)"',
        '"clear_flag(feud)", "start_modifier(vigil)"',
        'feud = "A blood feud',
        "warning",
        "nothing sets flag 'feud', so conditions on it never hold",
        "flags.feud",
    ),
    (
        "modifier-never-started",
        "actions.toml",
        '"set_flag(feud)", "start_modifier(vigil)"',
        '"set_flag(feud)"',
        'endings.toml::id = "vigil"',
        "warning",
        "nothing starts modifier 'vigil'",
        "modifier[0].id",
    ),
    (
        "promise-nothing-holds-to",
        "events.toml",
        'text = "Protest in words"',
        'text = "Close the pass for good"',
        'text = "Close the pass for good"',
        "warning",
        "the answer says 'for good' but sets no flag that a condition reads",
        "event[1].options[1].text",
    ),
    (
        "unused-named-condition",
        "scenario.toml",
        "[relations]",
        '[conditions]\ncalm = "tension < 10"\n\n[relations]',
        'calm = "tension < 10"',
        "warning",
        "nothing uses named condition 'calm'",
        "conditions.calm",
    ),
    (
        "unused-effect-group",
        "scenario.toml",
        "[relations]",
        '[effect_groups]\nfeast = ["self.morale += 1"]\n\n[relations]',
        "feast = [",
        "warning",
        "nothing uses effect group 'feast'",
        "effect_groups.feast",
    ),
    (
        "keyword-id",
        "events.toml",
        'id = "golden_age"',
        'id = "lambda"',
        'id = "lambda"',
        "error",
        "'lambda' is a word of the expression language",
        "event[6].id",
    ),
    (
        "event-unknown-site",
        "events.toml",
        'text = "Shots are fired at the High Pass."',
        'text = "Shots are fired at the High Pass."\nsite = "old_frot"',
        'site = "old_frot"',
        "error",
        "unknown site 'old_frot' (did you mean 'old_fort'?)",
        "event[1].site",
    ),
    (
        "event-unknown-region",
        "events.toml",
        'text = "Shots are fired at the High Pass."',
        'text = "Shots are fired at the High Pass."\nregion = "high_pas"',
        'region = "high_pas"',
        "error",
        "unknown region 'high_pas' (did you mean 'high_pass'?)",
        "event[1].region",
    ),
    (
        "event-site-and-region",
        "events.toml",
        'text = "Shots are fired at the High Pass."',
        'text = "Shots are fired at the High Pass."\nsite = "old_fort"\nregion = "high_pass"',
        'region = "high_pass"',
        "warning",
        "'region' is ignored: the map centres on the site",
        "event[1].region",
    ),
    (
        "swapped-lon-lat",
        "map.toml",
        "[[[2.0, 46.0], [2.5, 46.0], [2.5, 47.0], [2.0, 47.0]]]",
        "[[[2.0, 46.0], [2.5, 46.0], [2.5, 47.0], [2.0, 147.0]]]",
        "[2.0, 147.0]",
        "error",
        "point 4 [2, 147] is out of range (longitude −180 to 180, latitude −90 to 90); "
        "it looks like [lat, lon]",
        "region[1].polygons[0]",
    ),
    (
        "outside-extent",
        "map.toml",
        "[[[0.0, 45.0], [2.0, 45.0]",
        "[[[-3.0, 45.0], [2.0, 45.0]",
        "[[[-3.0, 45.0]",
        "warning",
        "point 1 [-3, 45] lies outside the map's extent",
        "region[0].polygons[0]",
    ),
    (
        "self-intersecting-ring",
        "map.toml",
        "[[[2.0, 46.0], [2.5, 46.0], [2.5, 47.0], [2.0, 47.0]]]",
        "[[[2.0, 46.0], [2.5, 47.0], [2.5, 46.0], [2.0, 47.0]]]",
        "[[[2.0, 46.0], [2.5, 47.0]",
        "warning",
        "the ring crosses itself near [2.25, 46.50]",
        "region[1].polygons[0]",
    ),
    (
        "overlapping-regions",
        "map.toml",
        "[[[0.0, 44.0], [2.5, 44.0], [2.5, 45.0], [0.0, 45.0]]]",
        "[[[0.0, 44.0], [2.5, 44.0], [2.5, 46.0], [0.0, 46.0]]]",
        "[2.5, 46.0], [0.0, 46.0]]]",
        "warning",
        "region 'south_vale' overlaps region 'upper_vale' (",
        "region[3].polygons",
    ),
    (
        "short-map-name-longer-than-the-name",
        "scenario.toml",
        'name = "Alfland"',
        'name = "Alfland"\nshort = "Alfland Major"',
        'short = "Alfland Major"',
        "error",
        "a short map name has at most 12 letters and is shorter than the name",
        "country[0].short",
    ),
    (
        "short-map-name-on-two-lines",
        "scenario.toml",
        'name = "Alfland"',
        'name = "Alfland"\nshort = "Al.\\nf."',
        'short = "Al.',
        "error",
        "a short map name is one line without extra spaces",
        "country[0].short",
    ),
    (
        "site-in-no-region",
        "map.toml",
        "lon = 1.0\nlat = 46.0",
        "lon = 4.4\nlat = 43.6",
        "lon = 4.4",
        "warning",
        "site 'mint' lies in no region",
        "site[1].lon",
    ),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "needle", "severity", "message", "path"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_broken_copy_is_reported_at_its_line(
    tmp_path: Path,
    file: str,
    old: str,
    new: str,
    needle: str,
    severity: str,
    message: str,
    path: str,
) -> None:
    folder = broken_copy(tmp_path, file, old, new)
    tables = ("scenario.", "flags.", "conditions.", "effect_groups.")
    where = "scenario.toml" if path.startswith(tables) else file
    if "::" in needle:
        where, needle = needle.split("::")
    line = line_of(folder, where, needle)
    head = f"{folder / where}:{line}: {severity}: "
    found = [p for p in problems_of(folder) if message in p]
    assert found, problems_of(folder)
    assert found[0].startswith(head), found[0]
    assert found[0].endswith(f"[{path}]")
    assert "\n" not in found[0]


def test_overlap_names_where_the_other_region_is(tmp_path: Path) -> None:
    case = next(c for c in CASES if c[0] == "overlapping-regions")
    folder = broken_copy(tmp_path, *case[1:4])
    line = line_of(folder, "map.toml", 'id = "upper_vale"')
    other = f"{folder / 'map.toml'}:{line}"
    assert any(other in p for p in problems_of(folder) if "overlaps" in p)


def test_duplicate_table_names_the_first_line(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "map.toml", "[map]", '[flags]\npact = "again"\n\n[map]')
    # Files are read in name order: map.toml comes first.
    second = f"{folder / 'scenario.toml'}:{line_of(folder, 'scenario.toml', 'pact = ')}"
    found = [p for p in problems_of(folder) if "defined twice" in p]
    assert found and f"(first at {folder / 'map.toml'}:2)" in found[0]
    assert found[0].startswith(f"{second}: error: ")


def test_a_promise_kept_by_a_flag_that_is_read_is_not_reported(tmp_path: Path) -> None:
    old = 'text = "Protest in words"\neffects = ["self.morale -= 3"]'
    new = 'text = "Swear the feud for good"\neffects = ["self.morale -= 3", "set_flag(feud)"]'
    folder = broken_copy(tmp_path, "events.toml", old, new)
    assert not [p for p in problems_of(folder) if "the answer says" in p]


def test_a_promise_word_inside_another_word_is_not_reported(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "events.toml", 'text = "Feast"', 'text = "Feast on the bandstand"'
    )
    assert not [p for p in problems_of(folder) if "the answer says" in p]


@pytest.mark.parametrize("name", ["rapallo", "pact"])
def test_bundled_scenarios_have_no_warnings(name: str) -> None:
    assert load_scenario(name, thorough=True).warnings == []


def test_a_ring_of_two_events_is_printed_whole(tmp_path: Path) -> None:
    old = 'triggered_only = true\ntext = "Bravian'
    new = 'triggered_only = true\nonce = false\ntext = "Bravian'
    folder = broken_copy(tmp_path, "events.toml", old, new)
    path = folder / "events.toml"
    text = path.read_text().replace(
        'effects = ["self.morale -= 10"]',
        'effects = ["self.morale -= 10"]\nfollow = [{ event = "border_clash", delay = 1 }]',
        1,
    )
    path.write_text(text)
    line = line_of(folder, "events.toml", 'follow = [{ event = "pass_lost"')
    found = [p for p in problems_of(folder) if "go round in a circle" in p]
    assert found == [
        f"{path}:{line}: warning: follow-ups go round in a circle: border_clash → pass_lost → "
        "border_clash repeats; border_clash also fires on its own, so copies pile up turn after "
        "turn [event[1].options[2].follow[0]]"
    ]


def test_the_map_check_gives_up_on_more_pairs_than_a_map_has(tmp_path: Path) -> None:
    square = "[[0.0, 44.0], [4.0, 44.0], [4.0, 47.0], [0.0, 47.0]]"
    extra = "".join(
        f'\n[[region]]\nid = "r{i}"\nname = "R"\nowner = "CHR"\npolygons = [{square}]\n'
        for i in range(210)
    )
    folder = broken_copy(tmp_path, "map.toml", "[[site]]", extra.lstrip("\n") + "\n[[site]]")
    assert any("pairs of regions to compare for overlaps" in p for p in problems_of(folder))
