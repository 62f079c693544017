"""A passphrase is checked against the journal's key file before Restore asks anything
(break test 16 of session 20, L1), by reading alone: `refused_before_restore` says what
the restore itself would refuse it with, and writes nothing, whatever the answer."""

from __future__ import annotations

from journal.domain.safekeeping.rotation import Reason
from journal.paths import journals_dir
from journal.storage.journal_files import HEADER_NAME
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.restore import NotTheCurrentPassphrase, refused_before_restore
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import digest


def test_the_right_passphrase_passes_a_wrong_one_is_refused_and_nothing_is_written(
    store: JournalStore, journal: OpenJournal
) -> None:
    backup = journal.backup(Reason.DAILY)
    journal.lock()
    root = journals_dir(store.data_dir)
    before = digest(root)
    assert refused_before_restore(store.data_dir, backup.folder, PASSPHRASE) is None
    refused = refused_before_restore(store.data_dir, backup.folder, "not the passphrase at all")
    assert isinstance(refused, NotTheCurrentPassphrase)
    assert digest(root) == before  # not a byte changed, not a file added


def test_a_key_file_that_cannot_be_read_is_left_to_the_restore(
    store: JournalStore, journal: OpenJournal
) -> None:
    """The restore may put it back from a kept copy the passphrase opens: only it can tell."""
    backup = journal.backup(Reason.DAILY)
    folder = journal.folder
    journal.lock()
    (folder / HEADER_NAME).write_bytes(b"{ not a key file")
    wrong = "not the passphrase at all"
    assert refused_before_restore(store.data_dir, backup.folder, wrong) is None
