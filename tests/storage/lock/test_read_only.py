"""A journal whose folder or files were made read-only (by hand, or a read-only
disk) is told plainly at unlock, before anything is written, and left as it is."""

from __future__ import annotations

import stat

import pytest

from journal.errors import JournalReadOnly
from journal.storage.lock.keys import LIGHT_KDF
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import digest, read_only


@pytest.mark.parametrize("part", ["folder", "journal.db", "vault.json"])
def test_a_read_only_journal_is_told_and_not_changed(store, part):
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    journal.lock()
    path = journal.folder if part == "folder" else journal.folder / part
    before = digest(journal.folder)
    with read_only(path):
        mode = stat.S_IMODE(path.stat().st_mode)
        with pytest.raises(JournalReadOnly) as raised:
            store.unlock(journal.folder, PASSPHRASE)
        assert "read-only" in raised.value.message
        assert "Nothing has been changed." in raised.value.message
        assert stat.S_IMODE(path.stat().st_mode) == mode  # never made writable behind it
    assert digest(journal.folder) == before
    store.unlock(journal.folder, PASSPHRASE).lock()  # writable again: it opens
