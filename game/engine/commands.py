"""Commands: every change a player (or a replay) makes to a game, as frozen values."""

from __future__ import annotations

from typing import Any

from attrs import asdict, fields, frozen

from game.locale import _
from game.scenario.limits import MAX_EXPRESSION


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


MAX_CONSOLE_LINE = MAX_EXPRESSION  # characters; longer lines are refused before parsing


@frozen
class Console:
    """An author's console line: an effect such as `X.stat = 40`, or `fire EVENT`."""

    line: str
    country: str | None = None


@frozen
class ProposeTreaty:
    """Propose a treaty: to one partner (bilateral) or to its listed parties (multilateral)."""

    country: str
    treaty: str
    parties: tuple[str, ...] = ()


@frozen
class AnswerProposal:
    """Accept or refuse a treaty proposal waiting for this country."""

    country: str
    proposal: int
    accept: bool


@frozen
class BreakTreaty:
    """Break a treaty in force that the country is party to."""

    country: str
    treaty: str


Command = (
    TakeAction | ChooseOption | EndTurn | Console | ProposeTreaty | AnswerProposal | BreakTreaty
)
_KINDS: dict[str, type] = {
    "action": TakeAction,
    "choose": ChooseOption,
    "end": EndTurn,
    "console": Console,
    "propose": ProposeTreaty,
    "answer": AnswerProposal,
    "break": BreakTreaty,
}
_NAMES = {v: k for k, v in _KINDS.items()}


def command_to_json(cmd: Command) -> dict[str, Any]:
    """Return a command as a JSON-ready dict with a `kind` key."""
    data = asdict(cmd)
    if "parties" in data:
        data["parties"] = list(data["parties"])
    return {"kind": _NAMES[type(cmd)], **data}


def command_from_json(data: Any) -> Command:
    """Rebuild a command from its JSON form; raise ValueError on anything else."""
    if not isinstance(data, dict) or data.get("kind") not in _KINDS:
        raise ValueError(_("not a command: {data}").format(data=str(data)[:80]))
    kind = _KINDS[data["kind"]]
    fields = {k: v for k, v in data.items() if k != "kind"}
    for name, value in fields.items():
        if not _fits(value, _FIELD_TYPES.get((kind, name), ())):
            words = _("bad command field {name} in {data}")
            raise ValueError(words.format(name=repr(name), data=str(data)[:80]))
    if "parties" in fields:
        fields["parties"] = tuple(fields["parties"])
    try:
        return kind(**fields)  # type: ignore[no-any-return]
    except TypeError as exc:
        words = _("bad command {data}: {reason}")
        raise ValueError(words.format(data=str(data)[:80], reason=exc)) from None


MAX_PARTIES = 64


def _fits(value: Any, kinds: tuple[str, ...]) -> bool:
    if value is None:
        return "none" in kinds
    if isinstance(value, bool):
        return "bool" in kinds
    if isinstance(value, int):
        return "int" in kinds and abs(value) < 2**31
    if isinstance(value, str):
        return "str" in kinds
    if isinstance(value, list | tuple):
        return (
            "strs" in kinds and len(value) <= MAX_PARTIES and all(isinstance(v, str) for v in value)
        )
    return False


_FIELD_TYPES: dict[tuple[type, str], tuple[str, ...]] = {
    (kind, f.name): (
        ("int",)
        if f.type == "int"
        else ("bool",)
        if f.type == "bool"
        else ("strs",)
        if f.type.startswith("tuple")
        else ("str", "none")
        if "None" in f.type
        else ("str",)
    )
    for kind in _KINDS.values()
    for f in fields(kind)
}
