"""Together's choices, kept encrypted in each journal's own settings table.

The keys are declared once here. Values are plain text: "1"/"0" for switches.
"""

from __future__ import annotations

from journal.storage.database import Database

SHARE_RECOVERY = "together/share_recovery"
"""Share a summary of the body log's recovery with the partner. Off by default."""
SHARING_EXPLAINED = "together/sharing_explained"
"""The calm note on what sharing means has been shown once."""
MY_NAME = "together/name"
MY_NAME_MAX = 40  # characters of the name a writer goes by in Together
"""The name this journal's writer is shown by in Together (default: the journal's name)."""
WRITERS = "together/writers"
"""A one-journal couple's two names, one per line (empty: a journal of one)."""


def read_flag(db: Database, key: str) -> bool:
    """A Together switch stored in the journal's settings: True when it is on ("1")."""
    return db.get_setting(key, "0") == "1"


def write_flag(db: Database, key: str, on: bool) -> None:
    """Store a Together switch in the journal's settings as "1" or "0"."""
    db.set_setting(key, "1" if on else "0")
