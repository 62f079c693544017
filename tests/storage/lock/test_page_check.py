"""The check of every page of a large journal, left by its unlock to run while the
window opens (issue 12: at 100k entries it was 0.26 s of a 0.39 s first unlock).
Nothing is written to the file before the check has passed; a file it finds damaged
is written no more, and the window hears of it. Real SQLCipher files; the check is
held by the test only where what waits for it must be seen waiting."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import pytest
import sqlcipher3

from journal.domain.entries.entry import new_entry
from journal.errors import JournalDamaged, JournalFileDamaged, SolaceError
from journal.storage import known_damage, read_back
from journal.storage.changes import SAME_AS
from journal.storage.database import Database
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock import page_check
from journal.storage.lock.engine import key_connection
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.page_check import PageCheck
from journal.storage.lock.store import JournalStore
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import START, flip_a_middle_bit, write_entries


def entry_count(db: Database) -> int:
    return EntryRepository(db).count()


def save_one(db: Database, body: str) -> None:
    EntryRepository(db).save(dataclasses.replace(new_entry(START), body=body))


def held_check(db_path: Path, finding: SolaceError | None) -> tuple[PageCheck, threading.Event]:
    """A check of ``db_path`` that ends with ``finding`` once the test lets it go."""
    let_go = threading.Event()

    def judge() -> SolaceError | None:
        let_go.wait(30)
        return finding

    return PageCheck(db_path, judge), let_go


def in_a_thread(work: object) -> tuple[threading.Thread, list[BaseException]]:
    failed: list[BaseException] = []

    def run() -> None:
        try:
            work()  # type: ignore[operator]
        except BaseException as error:
            failed.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, failed


def test_a_save_waits_for_the_check_while_reads_go_on(journal: OpenJournal) -> None:
    write_entries(journal, 3)
    check, let_go = held_check(journal.folder / "journal.db", None)
    own = journal.own_database()  # a worker's connection, opened while the check runs
    try:
        saving, failed = in_a_thread(lambda: save_one(own, "written while it was checked"))
        saving.join(0.5)
        assert saving.is_alive()  # held, not written
        assert entry_count(journal.db) == 3  # reads are not held

        let_go.set()
        saving.join(30)
        assert not saving.is_alive() and not failed
        assert check.wait() is None
        assert entry_count(journal.db) == 4
    finally:
        let_go.set()
        own.close()


def test_a_save_is_refused_when_the_check_finds_the_file_damaged(journal: OpenJournal) -> None:
    write_entries(journal, 3)
    db_path = journal.folder / "journal.db"
    check, let_go = held_check(db_path, JournalDamaged("Some pages are damaged."))
    own = journal.own_database()
    try:
        saving, failed = in_a_thread(lambda: save_one(own, "never written"))
        saving.join(0.5)
        assert saving.is_alive()
        let_go.set()
        saving.join(30)
        assert [type(error) for error in failed] == [JournalFileDamaged]
        assert known_damage.is_known_file(db_path)
        with pytest.raises(JournalFileDamaged):  # no session begins on it any more
            entry_count(own)
    finally:
        let_go.set()
        own.close()
    assert isinstance(check.refusal, JournalDamaged)


def test_a_save_that_waits_a_while_is_told_on_its_own_thread(journal: OpenJournal) -> None:
    """Break test 34, finding 3: the window froze for the whole check on a slow disk,
    with nothing said. A save that has waited `SAY_WAIT_AFTER_S` is told to the
    listener (True), on the thread that waits, and its end too (False), once each."""
    write_entries(journal, 3)
    check, let_go = held_check(journal.folder / "journal.db", None)
    told: list[tuple[bool, str]] = []
    check.when_writes_wait(lambda waiting: told.append((waiting, threading.current_thread().name)))
    own = journal.own_database()
    try:
        saving, failed = in_a_thread(lambda: save_one(own, "written after the wait was told"))
        saving.join(page_check.SAY_WAIT_AFTER_S + 0.5)
        assert saving.is_alive()
        assert told == [(True, saving.name)]  # told while it still waits

        let_go.set()
        saving.join(30)
        assert not failed
        assert told == [(True, saving.name), (False, saving.name)]
        assert entry_count(journal.db) == 4
    finally:
        let_go.set()
        own.close()


def test_a_save_whose_wait_is_short_is_not_told(journal: OpenJournal) -> None:
    """A check that ends before `SAY_WAIT_AFTER_S` (the usual case on a fast disk)
    tells nothing: the status bar does not flicker at each save."""
    write_entries(journal, 3)
    check, let_go = held_check(journal.folder / "journal.db", None)
    told: list[bool] = []
    check.when_writes_wait(told.append)
    own = journal.own_database()
    try:
        saving, failed = in_a_thread(lambda: save_one(own, "a short wait"))
        let_go.set()
        saving.join(30)
        assert not failed and told == []
        assert entry_count(journal.db) == 4
    finally:
        let_go.set()
        own.close()


def test_a_listener_that_fails_does_not_refuse_the_save(journal: OpenJournal) -> None:
    """The listener runs inside SQLite's preparing of the save: an error it raises is
    logged, never taken for a refusal (which would be told as a damaged file)."""
    write_entries(journal, 3)
    check, let_go = held_check(journal.folder / "journal.db", None)

    def broken(_waiting: bool) -> None:
        raise RuntimeError("the window is gone")

    check.when_writes_wait(broken)
    own = journal.own_database()
    try:
        saving, failed = in_a_thread(lambda: save_one(own, "kept though the telling failed"))
        saving.join(page_check.SAY_WAIT_AFTER_S + 0.3)
        let_go.set()
        saving.join(30)
        assert not failed
        assert entry_count(journal.db) == 4
    finally:
        let_go.set()
        own.close()


@pytest.fixture
def checked_later(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every journal counts as large: its unlock may leave the page check to run."""
    monkeypatch.setattr(page_check, "CHECK_LATER_FROM", 0)


def locked_with_entries(journal: OpenJournal, count: int) -> Path:
    write_entries(journal, count, word="remembering " * 40)
    folder = journal.folder
    journal.lock()
    return folder


@pytest.mark.usefixtures("checked_later")
def test_a_damaged_journal_opens_then_its_check_refuses_every_write(
    store: JournalStore, journal: OpenJournal
) -> None:
    """The check runs beside the unlock: when it ends first (a small file, a busy
    machine), the unlock is refused with what it found; else the journal opens, and
    every write is refused once the check has found the damage. Either way the same
    words, and journal.db exactly as it was."""
    folder = locked_with_entries(journal, 200)
    db_path = folder / "journal.db"
    flip_a_middle_bit(db_path)
    before = db_path.read_bytes()

    try:
        opened = store.unlock(folder, PASSPHRASE, check_later=True)
    except JournalDamaged as refused:  # the check ended during the unlock
        refusal: SolaceError | None = refused
    else:
        heard = threading.Event()
        opened.if_damaged(heard.set)
        try:
            assert opened.page_check is not None
            refusal = opened.page_check.wait()
            assert heard.wait(5)
            assert opened.damage_known
            with pytest.raises(JournalFileDamaged):
                save_one(opened.db, "never written")
        finally:
            opened.lock()
    assert isinstance(refusal, JournalDamaged)
    assert "Some pages of the journal's database are damaged." in refusal.message
    assert db_path.read_bytes() == before  # no checkpoint, no write at the lock


@pytest.mark.usefixtures("checked_later")
def test_a_sound_journal_checked_later_is_not_read_again_at_the_lock(
    store: JournalStore, journal: OpenJournal
) -> None:
    folder = locked_with_entries(journal, 50)
    opened = store.unlock(folder, PASSPHRASE, check_later=True)
    heard = threading.Event()
    opened.if_damaged(heard.set)
    try:
        assert opened.page_check is not None
        save_one(opened.db, "written once its pages passed")  # waits for the check
        assert opened.page_check.done and opened.page_check.refusal is None
        assert entry_count(opened.db) == 51
        assert not opened.damage_found()
    finally:
        opened.lock()
    assert not heard.is_set()


def test_a_small_journal_is_checked_before_it_opens(
    store: JournalStore, journal: OpenJournal
) -> None:
    folder = locked_with_entries(journal, 5)
    assert (folder / "journal.db").stat().st_size < page_check.CHECK_LATER_FROM
    flip_a_middle_bit(folder / "journal.db")
    with pytest.raises(JournalDamaged):
        store.unlock(folder, PASSPHRASE, check_later=True)


@pytest.mark.usefixtures("checked_later")
def test_a_journal_with_commits_left_in_its_log_is_checked_before_it_opens(
    store: JournalStore, journal: OpenJournal
) -> None:
    """A WAL left by a session that did not close: closing the window's connection
    would copy it into journal.db, so its pages are judged first, as always."""
    key = bytes(journal.data_key)
    folder = locked_with_entries(journal, 5)
    db_path = folder / "journal.db"
    connection = sqlcipher3.connect(str(db_path), isolation_level=None)
    key_connection(connection, key)
    connection.execute("INSERT INTO journal_settings (key, value) VALUES ('left', 'in the log')")
    known_damage.close_without_checkpoint(connection, db_path)
    connection.close()
    assert db_path.with_name("journal.db-wal").stat().st_size

    opened = store.unlock(folder, PASSPHRASE, check_later=True)
    try:
        assert opened.page_check is None
        assert read_back.unchanged_since_read(db_path)
    finally:
        opened.lock()


def test_no_key_rotation_over_a_file_its_check_found_damaged(journal: OpenJournal) -> None:
    """Break test 34: SQLCipher's rekey passes no authorizer, and it re-encrypted a
    file the check had found damaged, rewriting the key file. Now it is refused and
    nothing changes."""
    write_entries(journal, 3)
    db_path = journal.folder / "journal.db"
    check, let_go = held_check(db_path, JournalDamaged("Some pages are damaged."))
    journal.page_check = check  # as an unlock that left the check to run sets it
    key_file = (journal.folder / "vault.json").read_bytes()
    before = db_path.read_bytes()
    try:
        rotating, failed = in_a_thread(lambda: journal.rotate_data_key(PASSPHRASE))
        rotating.join(0.5)
        assert rotating.is_alive()  # waits for the check
        let_go.set()
        rotating.join(30)
        assert [type(error) for error in failed] == [JournalFileDamaged]
    finally:
        let_go.set()
    assert (journal.folder / "vault.json").read_bytes() == key_file
    assert db_path.read_bytes() == before


@pytest.mark.usefixtures("checked_later")
def test_a_file_that_does_not_open_is_refused_with_what_its_check_found(
    store: JournalStore, journal: OpenJournal
) -> None:
    """Break test 34: a damaged first page stops the window's connection from opening
    before the check ends; the unlock now waits for it and says what it found, as the
    unlock that checked first did ("does not open with its key" told nothing)."""
    folder = locked_with_entries(journal, 50)
    db_path = folder / "journal.db"
    raw = bytearray(db_path.read_bytes())
    raw[300] ^= 0x10  # inside page 1, past the salt
    db_path.write_bytes(bytes(raw))

    with pytest.raises(JournalDamaged) as refused:
        store.unlock(folder, PASSPHRASE, check_later=True)
    assert "The beginning of the journal's database is damaged." in refused.value.message
    assert db_path.read_bytes() == bytes(raw)
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith("journal.db")) == [
        "journal.db"
    ]  # no log left beside it: "changed nothing"


def test_a_restored_journal_opens_while_its_pages_are_checked(journal: OpenJournal) -> None:
    """Break test 34: every connection to a journal just restored makes TEMP triggers
    (`journal.storage.changes`), which SQLite reports as a write to its schema table;
    held, the unlock of a restored journal waited for the whole check."""
    journal.db.set_setting(SAME_AS, "backup-2026-12-01")
    write_entries(journal, 3)
    check, let_go = held_check(journal.folder / "journal.db", None)
    opened: list[Database] = []
    try:
        opening, failed = in_a_thread(lambda: opened.append(journal.own_database()))
        opening.join(10)
        assert not opening.is_alive() and not failed
        assert entry_count(opened[0]) == 3
    finally:
        let_go.set()
        for db in opened:
            db.close()
    assert check.wait() is None


def test_a_checkpoint_during_the_check_does_not_hang_it(
    store: JournalStore, journal: OpenJournal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Break test 35, finding 1 (serious): an import begun during the check closed its
    own connection, whose checkpoint held `read_back`'s lock while the guard held it
    until the check ended; the check's last step, noting the file as read in full,
    waited for that lock. Both waited for good, and so did every save after. Now a
    checkpoint asked for during the check ends once the check has."""
    from tests.storage.lock.held_checks import hold_page_checks

    folder = locked_with_entries(journal, 3)
    let_go = hold_page_checks(monkeypatch)
    opened = store.unlock(folder, PASSPHRASE, check_later=True)
    own = opened.own_database()
    try:

        def checkpoint() -> None:
            with own.engine.connect() as connection:
                read_back.checkpoint(connection, folder / "journal.db")

        checkpointing, failed = in_a_thread(checkpoint)
        checkpointing.join(0.5)
        assert checkpointing.is_alive()  # held by the guard
        let_go.set()
        checkpointing.join(10)
        assert not checkpointing.is_alive() and not failed
        assert opened.page_check is not None and opened.page_check.wait() is None
    finally:
        let_go.set()
        own.close()
    save_one(opened.db, "written once it was checked")
    assert not opened.damage_found()
    opened.lock()


def test_a_connection_closed_during_the_check_closes_at_once(
    store: JournalStore, journal: OpenJournal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing a connection of its own (an import's preview, an export) during the
    check does not wait for it: there is nothing to checkpoint, since every write waits
    (break test 35, finding 7: Export… froze the window for the whole check)."""
    from tests.storage.lock.held_checks import hold_page_checks

    folder = locked_with_entries(journal, 3)
    db_path = folder / "journal.db"
    let_go = hold_page_checks(monkeypatch)
    opened = store.unlock(folder, PASSPHRASE, check_later=True)
    try:
        before = db_path.read_bytes()
        own = opened.own_database()
        assert entry_count(own) == 3
        closing, failed = in_a_thread(own.close)
        closing.join(5)
        assert not closing.is_alive() and not failed
        assert opened.checking_pages
        assert db_path.read_bytes() == before
    finally:
        let_go.set()
    assert opened.page_check is not None and opened.page_check.wait() is None
    opened.lock()


def test_a_body_draft_as_kept_already_is_not_written_so_nothing_waits(
    store: JournalStore, journal: OpenJournal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every lock, backup and export saves the body log's form first; it wrote (a
    DELETE of no draft, the same draft again) even when nothing had changed, and so
    waited for the check: Export… with nothing typed froze the window for the whole
    check (re-test of break test 35, finding 7). Now nothing is written then."""
    from journal.storage.body.repository import BodyRepository
    from tests.storage.lock.held_checks import hold_page_checks

    folder = locked_with_entries(journal, 3)
    for kept in (None, "a half-filled form"):
        let_go = hold_page_checks(monkeypatch)
        opened = store.unlock(folder, PASSPHRASE, check_later=True)
        repository = BodyRepository(opened.db)
        try:
            saving, failed = in_a_thread(lambda: repository.save_draft(kept))  # noqa: B023
            saving.join(5)
            assert not saving.is_alive() and not failed
            assert opened.checking_pages
        finally:
            let_go.set()
        assert repository.draft() == kept
        repository.save_draft("a half-filled form")  # written once the check passed
        opened.lock()
