"""The side panel's tabs: country, actions, diplomacy and ledger."""
