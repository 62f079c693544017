"""A journal whose database another process holds locked is told as in use, never as
damaged (break test 16d of session 28, F1: a sound journal locked by another program
at unlock was said to be "cut short: part of it is missing", with Restore and Rescue
offered, which would have thrown away what was written after the newest backup).

The other process is real: a subprocess that takes a POSIX lock on the whole file (as
a backup or sync tool may), or that holds SQLite's own write lock through SQLCipher with
the journal's key (as another copy of Solace does). Real SQLCipher files in tmp_path.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from journal.errors import JournalInUse
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import digest, write_entries

_WHOLE_FILE = """
import fcntl, sys, time
f = open(sys.argv[1], "r+b")
fcntl.lockf(f, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(120)
"""
_SQLITE_WRITER = """
import sys, time, sqlcipher3
c = sqlcipher3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA key = \\"x'" + sys.argv[2] + "'\\"")
c.execute("BEGIN EXCLUSIVE")
print("held", flush=True)
time.sleep(120)
"""


@contextmanager
def held(db: Path, how: str, key_hex: str) -> Iterator[None]:
    """``db`` locked by another process while the block runs."""
    script = _WHOLE_FILE if how == "whole file" else _SQLITE_WRITER
    holder = subprocess.Popen(
        [sys.executable, "-c", script, str(db), key_hex], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()  # type: ignore[union-attr]


@pytest.mark.parametrize("how", ["whole file", "SQLite write lock"])
def test_a_journal_held_by_another_process_is_in_use_not_damaged(data_dir, how):
    store = JournalStore(data_dir)
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    write_entries(journal, 3)
    key_hex = bytes(journal.data_key).hex()
    folder = journal.folder
    journal.lock()
    with held(folder / "journal.db", how, key_hex):
        before = digest(folder)  # with what the other program made (its WAL index)
        with pytest.raises(JournalInUse) as raised:
            store.unlock(folder, PASSPHRASE)
        assert digest(folder) == before
    assert "Another program has this journal's files open" in raised.value.message
    assert "Nothing has been changed." in raised.value.message
    opened = store.unlock(folder, PASSPHRASE)  # let go: it opens, whole
    try:
        assert opened.db is not None
        from journal.storage.entries.repository import EntryRepository

        assert EntryRepository(opened.db).count() == 3
    finally:
        opened.lock()
