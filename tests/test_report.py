"""Balance reports that tell the truth: all firings dated, endings never reached, no-ending
games counted, charts with axes."""

from __future__ import annotations

from pathlib import Path

from game.engine.simulate import aggregate, simulate
from game.report import render_html
from game.rules.lexicon import month_of
from game.scenario.load import load_scenario
from game.sim_cli import format_report
from tests.helpers import broken_copy, mini


def _game(months: list[str], endings: dict[str, str]) -> dict:
    return {
        "conditions": {},
        "endings": endings,
        "scores": {},
        "events": ["border_clash"] if months else [],
        "event_months": {"border_clash": [month_of(m) for m in months]} if months else {},
        "actions": {},
        "dropped": {},
        "series": [],
    }


def test_repeatable_events_report_first_and_median_of_all_firings() -> None:
    results = [
        _game(["1901-04", "1901-07", "1902-01"], {"ALF": "peace", "BRV": "peace"}),
        _game(["1903-10"], {"ALF": "peace", "BRV": "peace"}),
    ]
    report = aggregate(mini(), results, 0, False)
    assert report["event_first"]["border_clash"] == "April 1901"
    # The median of all four firings is one that happened (not the last of each game).
    assert report["event_dates"]["border_clash"] == "July 1901"
    assert report["firings"]["border_clash"] == 4
    text = format_report(mini(), report)
    assert "border_clash                     July 1901 (first April 1901; 4 firings)" in text


def test_games_without_an_ending_and_endings_never_reached_are_listed(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "endings.toml", 'when = "True"', 'when = "tension > 99"')
    path = folder / "endings.toml"
    path.write_text(path.read_text().replace("flag.pact and tension < 40", "tension > 99"))
    sc = load_scenario(folder)
    report = simulate(sc, games=10)
    assert report["no_ending"]["ALF"] > 0
    assert "stalemate" in report["endings_never"]
    text = format_report(sc, report)
    assert "no ending: no ending's condition held" in text
    assert "Endings never reached: " in text and "stalemate" in text
    assert "got no ending in" in render_html(sc, report)


def test_charts_have_labelled_axes() -> None:
    page = render_html(mini(), simulate(mini(), games=4))
    assert '<line x1="40"' in page  # the value axis
    assert ">1900</text>" in page and ">1904</text>" in page  # years along the bottom
    assert 'text-anchor="end">100</text>' in page  # the bound of a stat
    assert "by year: median line, 10–90% of games shaded" in page
