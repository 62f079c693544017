"""An export on a full disk (a file-size limit, RLIMIT_FSIZE: writes past it fail as on
a full file system) is told as the export's, and closing the connection it ran on
never replaces that with SQLite's raw "disk I/O error" (issue 16: "Something went
wrong on Solace's side…"). Real SQLCipher files."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.errors import DiskFull
from journal.storage import migrate
from journal.storage.database import Database
from journal.storage.lock.engine import open_own_engine
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.export import export_journal
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import write_entries
from tests.ui.shell.test_full_disk import disk_full


def test_an_export_on_a_full_disk_says_so_and_its_connection_closes_quietly(
    data_dir: Path, tmp_path: Path
) -> None:
    journal, _recovery = JournalStore(data_dir).create("Mine", PASSPHRASE, LIGHT_KDF)
    write_entries(journal, 30, word="x" * 900)
    place = tmp_path / "chosen"
    place.mkdir()
    with disk_full(4096), pytest.raises(DiskFull) as refused:
        database = Database(open_own_engine(journal.folder / "journal.db", journal.data_key))
        try:
            export_journal(database, place, sorted(migrate.current_revisions(database.engine)))
        finally:
            database.close()  # its checkpoint is refused too: logged, not raised
    said = refused.value.message
    assert said.startswith("There is not enough free space on this computer to write the export")
    assert "window" not in said
    assert list(place.iterdir()) == []
    journal.lock()
