"""A restore over a journal whose log (journal.db-wal) is damaged keeps the journal as
it was aside whole, its log included, byte for byte: that log may hold the only copy of
the latest entries, which a rescue can still read (`wal.rechained`). Real files, a real
crash (kill -9 of the writing process)."""

from __future__ import annotations

import shutil
from pathlib import Path

from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping import wal
from journal.storage.safekeeping.restore import restore
from journal.storage.safekeeping.status import back_up_to
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.test_damaged_log import FRAME, crashed


def test_a_restore_keeps_the_damaged_journal_aside_with_its_log(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    folder, _saved = crashed(data_dir)
    # A backup file of the same journal, made from a copy of it without its log.
    copy_dir = tmp_path / "copy"
    shutil.copytree(data_dir, copy_dir)
    (copy_dir / "journals" / folder.name / "journal.db-wal").unlink()
    opened = JournalStore(copy_dir).unlock(copy_dir / "journals" / folder.name, PASSPHRASE)
    backup_file = back_up_to(opened, tmp_path / "mine.solacebackup")
    kept_entries = EntryRepository(opened.db).count()
    opened.lock()
    # The journal's own log damaged in its middle frame.
    log = folder / "journal.db-wal"
    raw = bytearray(log.read_bytes())
    frames = (len(raw) - wal.HEADER_BYTES) // FRAME
    raw[wal.HEADER_BYTES + (frames // 2) * FRAME + wal.FRAME_HEADER_BYTES + 100] ^= 0xFF
    log.write_bytes(bytes(raw))
    damaged_db, damaged_log = (folder / "journal.db").read_bytes(), bytes(raw)

    target = restore(data_dir, backup_file, PASSPHRASE)

    assert target == folder
    aside = [p for p in (folder / "backups").iterdir() if p.name.endswith("-before-restore")]
    assert len(aside) == 1
    assert (aside[0] / "journal.db").read_bytes() == damaged_db
    assert (aside[0] / "journal.db-wal").read_bytes() == damaged_log  # whole, log included
    restored = JournalStore(data_dir).unlock(folder, PASSPHRASE)
    try:
        assert EntryRepository(restored.db).count() == kept_entries
    finally:
        restored.lock()
