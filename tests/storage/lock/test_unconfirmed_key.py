"""A recovery key withdrawn because it was shown and never confirmed opens no file
Solace keeps: neither the live key file nor any snapshot's copy (break test 14 of
session 7, finding 1)."""

from __future__ import annotations

import pytest

from journal.domain.safekeeping.rotation import Reason
from journal.errors import WrongRecoveryKey
from journal.storage.lock import keys
from journal.storage.lock.journal import RECOVERY_KEY_WITHDRAWN
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.lock.vault import SlotKind, parse_header, unwrap_candidates

OLD = "old quiet passphrase"


def opened_by(folder, recovery: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The key files in ``folder`` (live and kept) that ``recovery`` unwraps."""
    secret = keys.normalise_recovery_key(recovery)
    return sorted(
        str(path.relative_to(folder))
        for path in folder.rglob("vault.json")
        if unwrap_candidates(parse_header(path.read_bytes()), SlotKind.RECOVERY, secret)
    )


def test_a_withdrawn_key_opens_neither_the_journal_nor_its_snapshots(store: JournalStore):
    journal, _first = store.create("Kept", OLD, LIGHT_KDF)
    journal.confirm_recovery_key()
    journal.backup(Reason.DAILY)
    journal.backup(Reason.MANUAL)
    shown = journal.new_recovery_key()
    journal.recovery_key_shown()
    assert len(opened_by(journal.folder, shown)) == 3  # the live file and two copies

    assert journal.withdraw_unconfirmed_recovery_key()  # "Close anyway"
    assert opened_by(journal.folder, shown) == []
    folder = journal.folder
    journal.lock()
    with pytest.raises(WrongRecoveryKey):
        store.unlock_with_recovery_key(folder, shown)
    journal = store.unlock(folder, OLD)
    assert journal.recovery_key_problem == RECOVERY_KEY_WITHDRAWN
    new = journal.new_recovery_key()
    journal.recovery_key_shown()
    journal.confirm_recovery_key()
    assert journal.recovery_key_problem == ""
    assert not journal.withdraw_unconfirmed_recovery_key()  # confirmed: kept
    journal.lock()
    store.unlock_with_recovery_key(folder, new).lock()


def test_a_key_never_shown_is_not_withdrawn(store: JournalStore):
    """A lock that waited for "New recovery key" closed its dialog before the key was
    on screen: nobody saw it, and the next unlock says it was never shown."""
    journal, _first = store.create("Kept", OLD, LIGHT_KDF)
    journal.confirm_recovery_key()
    journal.new_recovery_key()
    assert not journal.withdraw_unconfirmed_recovery_key()
    journal.lock()
