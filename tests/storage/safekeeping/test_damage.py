"""A damaged journal is never opened as an empty one: each kind of damage is found at
unlock with its own plain message, and no file is changed by the attempt."""

from __future__ import annotations

import os
import sqlite3

import pytest

from journal.domain.safekeeping.rotation import Reason
from journal.errors import JournalDamaged
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.keys import LIGHT_KDF
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import digest, write_entries


@pytest.fixture
def filled(store):
    """A locked journal of 300 entries (about 60 pages) and its folder."""
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    write_entries(journal, 300)
    journal.lock()
    return journal.folder


def flip(path, offset: int) -> None:
    raw = bytearray(path.read_bytes())
    raw[offset] ^= 0x04
    path.write_bytes(bytes(raw))


def first_page(db):
    flip(db, 100)


def later_page(db):
    flip(db, db.stat().st_size // 2 + 17)


def last_page(db):
    flip(db, db.stat().st_size - 200)


def half(db):
    with open(db, "r+b") as handle:
        handle.truncate(db.stat().st_size // 2 // 4096 * 4096)


def odd_size(db):
    with open(db, "r+b") as handle:
        handle.truncate(db.stat().st_size - 1000)


def empty(db):
    db.write_bytes(b"")


def random_bytes(db):
    db.write_bytes(os.urandom(db.stat().st_size))


def plain_sqlite(db):
    db.unlink()
    connection = sqlite3.connect(db)
    connection.execute("CREATE TABLE entries (body TEXT)")
    connection.execute("INSERT INTO entries VALUES ('not encrypted')")
    connection.commit()
    connection.close()


def pdf(db):
    db.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 200)


def missing(db):
    db.unlink()


CASES = {
    "first page": (first_page, "The beginning of the journal's database is damaged."),
    "later page": (later_page, "Some pages of the journal's database are damaged."),
    "last page": (last_page, "Some pages of the journal's database are damaged."),
    "cut to half": (half, "has been cut short"),
    "cut to an odd size": (odd_size, "has been cut short"),
    "0 bytes": (empty, "is empty (0 bytes)"),
    "random bytes": (random_bytes, "does not open with its key: the file was replaced"),
    "plain SQLite": (plain_sqlite, "ordinary, unencrypted SQLite database"),
    "a PDF renamed": (pdf, "is a PDF document"),
    "missing": (missing, "is missing"),
}


@pytest.mark.parametrize("case", CASES)
def test_each_kind_of_damage_is_told_and_nothing_changes(store, filled, case):
    damage, message = CASES[case]
    damage(filled / "journal.db")
    before = digest(filled)
    with pytest.raises(JournalDamaged) as raised:
        store.unlock(filled, PASSPHRASE)
    assert message in raised.value.message
    assert "changed nothing" in raised.value.message
    assert digest(filled) == before
    assert [j.folder for j in store.journals()] == [filled]  # still listed


def test_the_database_of_another_journal_is_named(store, filled):
    other, _ = store.create("Another", PASSPHRASE, LIGHT_KDF)
    other.lock()
    (filled / "journal.db").write_bytes((other.folder / "journal.db").read_bytes())
    before = digest(filled)
    with pytest.raises(JournalDamaged) as raised:
        store.unlock(filled, PASSPHRASE)
    assert "belongs to another journal (“Another”)" in raised.value.message
    assert digest(filled) == before


def flip_passphrase_key(folder) -> None:
    """Change one base64 letter of the passphrase slot's wrapped key (still valid
    base64 and JSON): the AEAD then fails as it does for a wrong passphrase."""
    header = folder / "vault.json"
    text = header.read_text()
    at = text.index('"wrapped_key": "', text.index('"kind": "passphrase"')) + 20
    header.write_text(text[:at] + ("A" if text[at] != "A" else "B") + text[at + 1 :])


def test_a_flipped_byte_in_the_key_file_is_named_and_the_recovery_key_still_opens_it(store):
    journal, recovery_key = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    journal.confirm_recovery_key()  # an unconfirmed key opens nothing
    write_entries(journal, 3)
    journal.lock()
    folder = journal.folder
    flip_passphrase_key(folder)
    before = digest(folder)
    (info,) = store.journals()
    assert "key file (vault.json) has been changed on the disk" in info.problem
    with pytest.raises(JournalDamaged) as raised:
        store.unlock(folder, PASSPHRASE)
    assert "key file (vault.json) is damaged" in raised.value.message
    assert "recovery key may still open it" in raised.value.message
    assert digest(folder) == before
    opened = store.unlock_with_recovery_key(folder, recovery_key)
    assert EntryRepository(opened.db).count() == 3
    opened.lock()


def test_a_flipped_byte_in_the_key_file_is_mended_from_the_copy_kept_with_the_backups(
    store, filled
):
    opened = store.unlock(filled, PASSPHRASE)
    opened.backup(Reason.DAILY)
    opened.lock()
    flip_passphrase_key(filled)
    damaged = (filled / "vault.json").read_bytes()
    (info,) = store.journals()
    assert "key file (vault.json) is damaged" in info.problem
    assert "Solace keeps a copy of the key file" in info.help
    with pytest.raises(JournalDamaged):  # a wrong passphrase does not mend it
        store.unlock(filled, "not my passphrase at all")
    assert (filled / "vault.json").read_bytes() == damaged
    opened = store.unlock(filled, PASSPHRASE)
    assert EntryRepository(opened.db).count() == 300
    opened.lock()
    (kept,) = filled.glob("vault.json.damaged-*")
    assert kept.read_bytes() == damaged
    assert store.journals()[0].readable


def test_a_damaged_copy_of_the_key_file_in_a_backup_never_touches_the_journal(store, filled):
    opened = store.unlock(filled, PASSPHRASE)
    backup = opened.backup(Reason.DAILY)
    opened.lock()
    flip_passphrase_key(backup.folder)
    (info,) = store.journals()
    assert info.readable
    live = (filled / "vault.json").read_bytes()
    store.unlock(filled, PASSPHRASE).lock()
    assert (filled / "vault.json").read_bytes() == live


def test_a_whole_journal_still_opens_with_every_entry(store, filled):
    opened = store.unlock(filled, PASSPHRASE)
    assert EntryRepository(opened.db).count() == 300
    opened.lock()


def crash_image(store, tmp_path):  # type: ignore[no-untyped-def]
    """A journal of 300 entries as a crash leaves it: the last entry's commit still in
    the WAL (copied while the journal was open), with the key file beside it. Returns
    the folder and the pages the WAL holds."""
    from journal.storage.safekeeping.checks import wal_pages

    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    write_entries(journal, 300)
    with journal.db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    write_entries(journal, 1, start=300, word="Lanterncanary")
    image = tmp_path / "journals" / journal.folder.name
    image.mkdir(parents=True)
    for name in ("journal.db", "journal.db-wal", "vault.json"):
        (image / name).write_bytes((journal.folder / name).read_bytes())
    journal.lock()
    in_wal = wal_pages(image / "journal.db-wal")
    assert in_wal  # the pages of the last commit
    return image, in_wal


def test_a_damaged_page_after_a_crash_is_told_and_the_wal_is_not_copied_into_it(store, tmp_path):
    """Break test 16 of session 12, finding 4: with commits still in the WAL the pages
    were not checked; the first unlock said "Something went wrong on Solace's side"
    and, closing, copied the WAL into the damaged file."""
    from journal.storage.lock.store import JournalStore

    image, in_wal = crash_image(store, tmp_path)
    pages = (image / "journal.db").stat().st_size // 4096
    # A page of the entries: the last one the WAL does not hold (the schema's pages were
    # written when the journal was made, before the entries; a damaged schema page is
    # told as a database that does not open with its key, not as damaged pages).
    page = max(n for n in range(pages // 2, pages) if n not in in_wal)
    flip(image / "journal.db", (page - 1) * 4096 + 300)
    before = {name: (image / name).read_bytes() for name in ("journal.db", "journal.db-wal")}
    with pytest.raises(JournalDamaged) as raised:
        JournalStore(tmp_path).unlock(image, PASSPHRASE)
    assert "Some pages of the journal's database are damaged." in raised.value.message
    assert {name: (image / name).read_bytes() for name in before} == before


def test_a_page_the_wal_holds_anew_opens_with_every_entry(store, tmp_path):
    """A page of the file that a commit in the WAL replaces is read from the WAL: the
    journal opens whole, the entry written just before the crash with it."""
    from journal.storage.lock.store import JournalStore

    image, in_wal = crash_image(store, tmp_path)
    page = max(in_wal)
    flip(image / "journal.db", (page - 1) * 4096 + 300)
    opened = JournalStore(tmp_path).unlock(image, PASSPHRASE)
    assert EntryRepository(opened.db).count() == 301
    opened.lock()
