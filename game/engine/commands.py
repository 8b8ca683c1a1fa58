"""Commands: every change a player (or a replay) makes to a game, as frozen values."""

from __future__ import annotations

from typing import Any

from attrs import asdict, frozen


class GameError(Exception):
    """An illegal command; the message is fit to show the player."""


@frozen
class TakeAction:
    """Spend action points on an action, optionally aimed at a target country."""

    country: str
    action: str
    target: str | None = None


@frozen
class ChooseOption:
    """Answer a pending event with one of its options."""

    country: str
    event: str
    option: str


@frozen
class EndTurn:
    """Finish a human country's turn; `None` resolves a turn with no humans."""

    country: str | None = None


@frozen
class Console:
    """An author's console line: an effect such as `X.stat = 40`, or `fire EVENT`."""

    line: str
    country: str | None = None


Command = TakeAction | ChooseOption | EndTurn | Console
_KINDS: dict[str, type] = {
    "action": TakeAction,
    "choose": ChooseOption,
    "end": EndTurn,
    "console": Console,
}
_NAMES = {v: k for k, v in _KINDS.items()}


def command_to_json(cmd: Command) -> dict[str, Any]:
    """Return a command as a JSON-ready dict with a `kind` key."""
    return {"kind": _NAMES[type(cmd)], **asdict(cmd)}


def command_from_json(data: Any) -> Command:
    """Rebuild a command from its JSON form; raise ValueError on anything else."""
    if not isinstance(data, dict) or data.get("kind") not in _KINDS:
        raise ValueError(f"not a command: {str(data)[:80]}")
    kind = _KINDS[data["kind"]]
    fields = {k: v for k, v in data.items() if k != "kind"}
    for value in fields.values():
        if value is not None and not isinstance(value, str):
            raise ValueError(f"bad command field in {str(data)[:80]}")
    try:
        return kind(**fields)  # type: ignore[no-any-return]
    except TypeError as exc:
        raise ValueError(f"bad command {str(data)[:80]}: {exc}") from None
