"""The pygame-ce / pygame_gui frontend."""

import os

# pygame prints a banner on import; the command line's JSON output must stay clean.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
