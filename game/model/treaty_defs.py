"""Treaties as authors write them: who may propose, who is asked, why they accept, what follows."""

from __future__ import annotations

from attrs import field, frozen

from game.model.blocks import EffectEntry
from game.model.values import Count, Id, YearMonth


@frozen
class AcceptReason:
    """One weighed reason of an invited party: `value` counts for (+) or against (−) accepting."""

    value: str = field(
        metadata={"doc": "Expression from the invited party's side (`self`; `target` proposes)."}
    )
    why: str = field(metadata={"doc": 'The reason in a player\'s words, e.g. "Relations".'})


@frozen
class TreatyDef:
    """An agreement one country proposes and the others accept or refuse."""

    id: Id = field(metadata={"doc": "Treaty id, for treaty(), sign_treaty() and end_treaty()."})
    name: str = field(metadata={"doc": "Display name."})
    accept: list[AcceptReason] = field(
        metadata={
            "doc": "Reasons {value, why} weighed by each invited party; it accepts when their "
            "sum is above zero."
        }
    )
    description: str = field(default="", metadata={"doc": "What it is, for the player."})
    history: str = field(default="", metadata={"doc": "What really happened, for the player."})
    proposers: list[str] = field(
        factory=list, metadata={"doc": "Country ids that may propose it; empty: any country."}
    )
    parties: list[str] = field(
        factory=list,
        metadata={
            "doc": "Multilateral: the countries invited besides the proposer. Empty: bilateral, "
            "the proposer picks one partner."
        },
    )
    targets: list[str] = field(
        factory=list,
        metadata={"doc": "Bilateral: the partners it may be proposed to; empty: any other."},
    )
    min_parties: int = field(
        default=2, metadata={"doc": "Signatories needed, the proposer included, for it to sign."}
    )
    when: str = field(default="", metadata={"doc": "Condition on the proposer (`self`)."})
    target_when: str = field(
        default="",
        metadata={"doc": "Condition on each invited party (`target`; `self` is the proposer)."},
    )
    cost: Count = field(default=Count(1), metadata={"doc": "Action points a proposal costs."})
    on_sign: list[EffectEntry] = field(
        factory=list,
        metadata={"doc": "Effects when signed (`self`: proposer, `target`: first partner)."},
    )
    on_refused: list[EffectEntry] = field(
        factory=list,
        metadata={"doc": "Effects when refused (`self`: proposer, `target`: who refused)."},
    )
    per_turn: list[EffectEntry] = field(
        factory=list, metadata={"doc": "Effects each turn while it is in force."}
    )
    duration: Count = field(
        default=Count(0), metadata={"doc": "Turns it stays in force; 0: until ended or broken."}
    )
    ends_when: str = field(
        default="", metadata={"doc": "Condition that ends it (checked each turn); empty: never."}
    )
    breakable: bool = field(default=True, metadata={"doc": "A party may break it."})
    on_break: list[EffectEntry] = field(
        factory=list,
        metadata={"doc": "Effects for the party that breaks it (`self`; `target`: another)."},
    )
    secret: bool = field(
        default=False,
        metadata={"doc": "Only the parties know it exists, until expose_treaty() reveals it."},
    )
    exclusive: list[str] = field(
        factory=list, metadata={"doc": "Treaty ids a party to it cannot also be party to."}
    )
    ai_weight: float = field(
        default=1.0, metadata={"doc": "Multiplier on the AI's liking for proposing it; 0: never."}
    )
    historical: bool = field(
        default=False, metadata={"doc": "What really happened; historical mode signs it."}
    )
    historical_date: YearMonth = field(
        default=YearMonth(""),
        metadata={"doc": '"YYYY-MM" from which the historical-mode AI proposes and accepts it.'},
    )
