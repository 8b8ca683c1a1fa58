"""The guided first game's words, marked for the catalogues (pybabel cannot read TOML).

Each title and text of assets/guide.toml appears here exactly; the card shows it through `_()`.
A test fails when the two differ, so a changed step cannot lose its translations unnoticed.
"""

from __future__ import annotations

from game.locale import N_

WORDS = (
    N_("A guided first game"),
    N_(
        "You lead {country} in “{scenario}”. This guide walks you through your first turn on "
        "the game's own screens, one thing at a time. Press Next (or Space) to go on; leave the"
        " guide whenever you like."
    ),
    N_("An event"),
    N_(
        "Each turn opens with the events that befall your country. Read what has happened, then"
        " look under each answer: its effects are listed before you choose, and an answer you "
        "cannot take says why. “History note” tells what really happened. Choose an answer for "
        "every event that waits."
    ),
    N_("The top bar"),
    N_(
        "Your country at a glance: the date and the turn, its key numbers with this turn's "
        "change beside each, and the action points ({ap} now) you may spend this turn. Hover "
        "over a number for what it means and what changed it."
    ),
    N_("Actions"),
    N_(
        "Actions are how you spend action points: envoys, trade talks, secret projects, "
        "policies at home. Open the Actions tab."
    ),
    N_("Pick an action"),
    N_(
        "Click any action in the list. Greyed-out ones cannot be taken now; pick one anyway to "
        "see why."
    ),
    N_("The preview"),
    N_(
        "Before you commit, the preview shows what the action costs, what it will change and, "
        "when it cannot be taken, each reason why (a number too low, a treaty missing). Nothing"
        " happens until you press Take."
    ),
    N_("Diplomacy"),
    N_("Open the Diplomacy tab."),
    N_("Treaties and relations"),
    N_(
        "Here are the treaties in force, the ones you may propose, and your relations with "
        "every country. A proposal tells you beforehand whether the other side would accept, "
        "and why or why not."
    ),
    N_("The ledger"),
    N_("Open the Ledger."),
    N_("The ledger"),
    N_(
        "The ledger charts the numbers turn by turn, so you can see where things are heading. "
        "Click a country on the map to add it to the chart."
    ),
    N_("Ending the turn"),
    N_(
        "When you have spent your action points, or want to keep them, end the turn. The other "
        "countries act, projects move on and the date advances. End the turn now."
    ),
    N_("Over to you"),
    N_(
        "That is all you need to play. Press F1 at any time for the keys. The game goes on from"
        " here; good luck."
    ),
)
