"""Words sealed at a lock never stay on disk under a retired key, and a lock or a
seal that lands while a key operation runs waits for it (session 6, finding 2)."""

from __future__ import annotations

import threading

import pytest

from journal.errors import SealedDraftsUnreadable
from journal.storage.lock import engine as lock_engine
from journal.storage.lock import journal as lock_journal
from journal.storage.lock.drafts import DRAFTS_NAME
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.store import JournalStore
from tests.conftest import PASSPHRASE

WORDS = {"journal": "Words kept at the last lock, Corvellan"}


def test_a_rotation_reseals_the_drafts_kept_at_an_earlier_lock(store, journal):  # type: ignore[no-untyped-def]
    folder = journal.folder
    assert journal.keep_drafts(WORDS) is None  # sealed beside the database
    journal.rotate_data_key(PASSPHRASE)
    journal.lock()

    reopened = store.unlock(folder, PASSPHRASE)
    assert reopened.sealed_drafts() == WORDS  # they open under the new key
    reopened.lock()


def test_drafts_that_no_longer_open_are_told_and_not_left_on_disk(store, journal):  # type: ignore[no-untyped-def]
    folder = journal.folder
    (folder / DRAFTS_NAME).write_bytes(b"\0" * 12 + b"not sealed with this journal's key")
    with pytest.raises(SealedDraftsUnreadable) as told:
        journal.sealed_drafts()
    assert "could not be given back" in told.value.message
    assert not (folder / DRAFTS_NAME).exists()


def test_drafts_sealed_while_a_rotation_runs_open_after_it(  # type: ignore[no-untyped-def]
    store: JournalStore, journal: OpenJournal, monkeypatch
):
    """A lock's seal during the re-encryption waits for it and uses the new key."""
    started = threading.Event()
    real_rekey = lock_engine.rekey_connection

    def held_rekey(connection, key):  # type: ignore[no-untyped-def]
        started.set()
        # Held a moment, so that the seal below certainly comes while the rotation
        # runs; nothing is timed or asserted on the length of the hold.
        threading.Event().wait(0.5)
        real_rekey(connection, key)

    monkeypatch.setattr(lock_journal, "rekey_connection", held_rekey)
    rotation = threading.Thread(target=journal.rotate_data_key, args=(PASSPHRASE,))
    rotation.start()
    assert started.wait(30)
    assert journal.keep_drafts(WORDS) is None  # as the lock does
    rotation.join()
    folder = journal.folder
    journal.lock()

    reopened = store.unlock(folder, PASSPHRASE)
    assert reopened.sealed_drafts() == WORDS
    reopened.lock()
