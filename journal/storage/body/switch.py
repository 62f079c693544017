"""Whether a journal keeps a body log: a choice of that journal, stored encrypted inside
it (never in settings.ini), made when the journal is created and changed in Settings.

A partner who did not carry the pregnancy may keep a journal without a body log.
Turning it off hides the body log; nothing already logged is deleted.
"""

from __future__ import annotations

from journal.storage.database import Database

KEEPS_BODY_LOG_KEY = "body/keeps_log"


class BodyLogSwitch:
    """Reads and writes the choice in the open journal ``db`` (on by default, so every
    journal made before the choice existed keeps its body log)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def on(self) -> bool:
        return self._db.get_setting(KEEPS_BODY_LOG_KEY, "1") != "0"

    def set(self, on: bool) -> None:
        self._db.set_setting(KEEPS_BODY_LOG_KEY, "1" if on else "0")
