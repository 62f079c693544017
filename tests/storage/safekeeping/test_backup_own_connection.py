"""A backup is made on a connection of its own: Back up now… runs it on a worker
thread while the window goes on reading through its one connection, and there the
backup's commit reset the cursor of a read under way ("Cursor needed to be reset
because of commit/rollback", the fresh-clone run of session 27)."""

from __future__ import annotations

from sqlalchemy import text

from journal.domain.safekeeping.rotation import Reason
from journal.storage.lock.journal import OpenJournal
from tests.storage.safekeeping.helpers import write_entries


def test_a_read_of_the_window_goes_on_whole_across_a_backup(journal: OpenJournal) -> None:
    write_entries(journal, 30)
    with journal.db.engine.connect() as window_reads:
        rows = window_reads.execute(text("SELECT id FROM entries"))
        first = rows.fetchone()  # the list half read, as the window reads it
        made = journal.backup(Reason.MANUAL)
        rest = rows.fetchall()
    assert first is not None and len(rest) == 29
    assert made.folder.is_dir()
