"""An unlock trusts a database file nothing has touched since Solace locked it cleanly,
and checks every page of any other (issue 12, with issue 16's rule kept: damage is
found at unlock, before anything is written over it). See
`journal.storage.lock.clean_lock`."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from journal.errors import JournalDamaged
from journal.storage.lock import clean_lock
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping import checks
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import digest, write_entries

DAMAGED = "Some pages of the journal's database are damaged."


@pytest.fixture
def folder(store: JournalStore) -> Path:
    """A journal of 300 entries (about 60 pages), locked cleanly."""
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    write_entries(journal, 300)
    journal.lock()
    return journal.folder


@pytest.fixture
def pages_walked(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files whose every page's HMAC an unlock checked (`failing_pages`, run as it
    is, only counted)."""
    walked: list[Path] = []
    real = checks.failing_pages

    def counted(db_path, data_key, *, read_only=False):  # type: ignore[no-untyped-def]
        walked.append(db_path)
        return real(db_path, data_key, read_only=read_only)

    monkeypatch.setattr("journal.storage.safekeeping.damage.failing_pages", counted)
    return walked


def flip_a_middle_byte_keeping_times(db: Path) -> None:
    """A flipped bit in a middle page, its modification time put back as it was (as a
    copy with ``cp -p`` or a sync tool would): only the status-change time tells."""
    status = db.stat()
    raw = bytearray(db.read_bytes())
    raw[len(raw) // 2 + 17] ^= 0x04
    with open(db, "r+b") as handle:  # in place: the same inode
        handle.write(raw)
    os.utime(db, ns=(status.st_atime_ns, status.st_mtime_ns))


def test_a_file_untouched_since_a_clean_lock_is_not_walked_again(
    store: JournalStore, folder: Path, pages_walked: list[Path]
) -> None:
    assert clean_lock.untouched_since_lock(folder / "journal.db")
    journal = store.unlock(folder, PASSPHRASE)
    assert pages_walked == []  # issue 12: the walk was most of a large unlock's time
    assert not (folder / clean_lock.NOTE_NAME).exists()  # none while it is open
    write_entries(journal, 1, start=300)
    # Written (in the WAL): until a clean lock the file is no longer vouched for.
    assert not clean_lock.untouched_since_lock(folder / "journal.db")
    journal.lock()
    assert clean_lock.untouched_since_lock(folder / "journal.db")


def test_a_bit_flipped_after_the_lock_is_found_though_the_times_were_put_back(
    store: JournalStore, folder: Path, pages_walked: list[Path]
) -> None:
    flip_a_middle_byte_keeping_times(folder / "journal.db")
    before = digest(folder)
    with pytest.raises(JournalDamaged) as raised:
        store.unlock(folder, PASSPHRASE)
    assert DAMAGED in raised.value.message
    assert pages_walked
    assert digest(folder) == before  # the note too: nothing changed by the attempt


def test_a_session_that_never_locked_leaves_every_page_to_check(
    store: JournalStore, folder: Path, pages_walked: list[Path]
) -> None:
    journal = store.unlock(folder, PASSPHRASE)
    write_entries(journal, 5, start=300)
    journal.db.close()  # the process ended here (checkpointed): no lock noted the file
    assert not clean_lock.untouched_since_lock(folder / "journal.db")
    journal = store.unlock(folder, PASSPHRASE)
    journal.lock()
    assert pages_walked == [folder / "journal.db"]


def test_a_file_put_in_its_place_during_the_session_is_not_vouched_for(
    store: JournalStore, folder: Path, pages_walked: list[Path], tmp_path: Path
) -> None:
    """A sync tool that replaces journal.db while it is open (another inode) with a
    damaged copy: the lock notes nothing, and the next unlock finds the damage."""
    db = folder / "journal.db"
    journal = store.unlock(folder, PASSPHRASE)
    copy = tmp_path / "copy.db"
    shutil.copyfile(db, copy)
    flip_a_middle_byte_keeping_times(copy)
    os.replace(copy, db)
    journal.lock()
    assert not clean_lock.untouched_since_lock(db)
    with pytest.raises(JournalDamaged) as raised:
        store.unlock(folder, PASSPHRASE)
    assert DAMAGED in raised.value.message


def test_a_note_from_elsewhere_is_not_trusted(folder: Path) -> None:
    """A note that names another file (a copied folder), or that is not one Solace
    wrote, vouches for nothing."""
    db = folder / "journal.db"
    note = folder / clean_lock.NOTE_NAME
    for written in ('{"st_ino": 1}', "not json", "[]", ""):
        note.write_text(written)
        assert not clean_lock.untouched_since_lock(db)
