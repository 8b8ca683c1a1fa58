"""Country descriptions follow the state: the Soviet one drops the White armies later on."""

from __future__ import annotations

from game.model.state import GameState
from tests.ui.driver import Driver
from tests.ui.flows import rapallo_as_germany
from tests.ui.texts import drawn_texts


def _shown_description(drive: Driver, lon: float, lat: float) -> str:
    """Click a place on the map and return the words the Country tab draws."""
    screen = drive.screen
    x, y = screen.map.lonlat_to_screen(lon, lat)
    screen.select(None)
    with drawn_texts() as drawn:
        drive.click_at((round(x), round(y)))
        drive.frames(2)
    return " ".join(drawn)


def _set(st: GameState, year: int, month: int, *flags: str) -> None:
    st.month = year * 12 + month - 1
    for flag in flags:
        st.flags[flag] = st.turn


def test_the_soviet_description_after_1922_speaks_of_no_white_armies(drive: Driver) -> None:
    rapallo_as_germany(drive)
    screen = drive.screen
    sc, st = drive.app.session.game.scenario, drive.app.session.game.state
    early = _shown_description(drive, 37.62, 55.75)
    assert screen.selected == "SOV" and "White armies" in sc.description("SOV", st) in early
    drive.click_at(screen.tab_buttons["country"].rect.center)
    for flags in ((), ("whites_defeated",), ("whites_defeated", "ussr")):
        _set(st, 1923, 3, *flags)
        screen.version = ()
        shown = _shown_description(drive, 37.62, 55.75)
        described = sc.description("SOV", st)
        assert screen.selected == "SOV" and described in shown
        assert "White armies" not in described, (flags, described)
    _set(st, 1927, 1)
    screen.version = ()
    rome = _shown_description(drive, 12.5, 41.9)
    assert screen.selected == "ITA" and "Mussolini" in sc.description("ITA", st) in rome
    drive.shot("description-italy-1927")
