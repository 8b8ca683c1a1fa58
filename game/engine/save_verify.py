"""Check a save to the last bit: every stored turn hash, the snapshot and the check sum."""

from __future__ import annotations

from game.engine.saves import CHECK_SUM, SaveFile, as_data, check_sum, first_difference, replay_save
from game.locale import _
from game.scenario.compiled import Scenario


def verify(save: SaveFile, scenario: Scenario) -> tuple[bool, str]:
    """Replay a save; check every stored hash, the snapshot and the check sum; return (ok, why)."""
    loaded = replay_save(save, scenario)
    if loaded.notice and loaded.diverged_at is not None:
        return False, loaded.notice
    got = loaded.game.state.hashes
    for turn, (want, have) in enumerate(zip(save.hashes, got, strict=False), start=1):
        if want != have:
            words = _("turn {turn}: hash {have} differs from the saved {want}")
            return False, words.format(turn=turn, have=have, want=want)
    if len(got) != len(save.hashes):
        words = _("replay gave {count} turn hashes, the save holds {saved}")
        return False, words.format(count=len(got), saved=len(save.hashes))
    if save.snapshot is not None and (differs := first_difference(loaded.game, save.snapshot)):
        return False, _("the snapshot does not match the replay: {reason}").format(reason=differs)
    if save.check and save.check != check_sum(as_data(save)):
        return False, _(CHECK_SUM)
    if save.snapshot is not None:
        words = _("{count} turn hashes match, and so does the snapshot")
        return True, words.format(count=len(got))
    return True, _("{count} turn hashes match").format(count=len(got))
