"""Rescue: a journal with a damaged page in the middle gives up what can still be
read into a new journal, says what could not be read, and is never changed."""

from __future__ import annotations

import pytest

from journal.errors import WrongPassphrase
from journal.storage.body.repository import BodyRepository
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.safekeeping.rescue import rescue
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import digest, flip_a_middle_page_of_entries, write_entries

NEW_PASSPHRASE = "a new passphrase for what was rescued"


def test_what_can_be_read_of_a_damaged_journal_goes_into_a_new_one(store, data_dir):
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    write_entries(journal, 300)
    key = bytes(journal.data_key)
    journal.lock()
    flip_a_middle_page_of_entries(journal.folder / "journal.db", key)
    before = digest(journal.folder)

    with pytest.raises(WrongPassphrase):
        rescue(data_dir, journal.folder, "not the passphrase", "Mine, rescued", NEW_PASSPHRASE)
    rescued = rescue(
        data_dir, journal.folder, PASSPHRASE, "Mine, rescued", NEW_PASSPHRASE, LIGHT_KDF
    )
    assert digest(journal.folder) == before  # the damaged journal was never written
    assert 0 < rescued.entries < 300  # the page that fails its HMAC held some
    summary = rescued.summary("Mine")
    assert f"{rescued.entries} entries" in summary and "could not be read: up to" in summary
    assert "“Mine” itself was not changed." in summary
    assert EntryRepository(rescued.journal.db).count() == rescued.entries
    assert BodyRepository(rescued.journal.db).logs() == []
    folder = rescued.journal.folder
    rescued.journal.lock()
    again = store.unlock(folder, NEW_PASSPHRASE)  # a journal of its own, with its own key
    assert EntryRepository(again.db).count() == rescued.entries
    again.lock()
    assert not list(data_dir.glob(".rescue-*"))  # the scratch copy is gone
