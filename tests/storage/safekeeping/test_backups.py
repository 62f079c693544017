"""Automatic backups on real encrypted journals: checked before they count, rotated,
complete while another connection writes, and opening only with today's credentials."""

from __future__ import annotations

import dataclasses
import os
import shutil
import threading
from datetime import UTC, datetime, timedelta

import sqlcipher3

from journal.domain.common.local_time import local_day
from journal.domain.entries.entry import new_entry
from journal.domain.safekeeping.rotation import Reason
from journal.storage.database import Database
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.engine import key_connection, open_engine
from journal.storage.safekeeping.backups import (
    backup_is_due,
    deep_check_pending,
    list_backups,
    newest_good_backup,
    pending,
)
from journal.storage.safekeeping.checks import STRUCTURE_DAMAGED, check_database, fts_ok
from journal.storage.types import register_functions
from tests.storage.safekeeping.helpers import digest, flip_a_middle_bit, write_entries


def test_a_backup_is_checked_and_holds_the_journal_with_its_header(journal):
    write_entries(journal, 20)
    backup = journal.backup(Reason.MANUAL)
    assert backup.header.read_bytes() == (journal.folder / "vault.json").read_bytes()
    result = check_database(backup.database, journal.data_key)
    assert result.ok, result.problems
    assert result.journal_id == journal.header.journal_id
    copy = Database(open_engine(backup.database, journal.data_key))
    assert EntryRepository(copy).count() == 20
    copy.close()
    assert [b.folder for b in list_backups(journal.folder)] == [backup.folder]
    assert oct(backup.database.stat().st_mode & 0o777) == "0o600"


def test_a_backup_taken_while_another_connection_writes_holds_every_committed_row(journal):
    other = Database(open_engine(journal.folder / "journal.db", journal.data_key))
    committed: list[int] = []
    stop = threading.Event()

    def writer() -> None:
        repo = EntryRepository(other)
        n = 0
        while not stop.is_set() and n < 400:
            entry = new_entry(datetime(2025, 1, 1, tzinfo=UTC) + timedelta(minutes=n))
            repo.save(dataclasses.replace(entry, body=f"row {n}"))
            committed.append(n)
            n += 1

    thread = threading.Thread(target=writer)
    thread.start()
    while len(committed) < 50 and thread.is_alive():
        thread.join(0.01)
    assert thread.is_alive(), "the writer stopped early"
    acknowledged = len(committed)
    backup = journal.backup(Reason.MANUAL)
    stop.set()
    thread.join()
    other.close()
    copy = Database(open_engine(backup.database, journal.data_key))
    assert EntryRepository(copy).count() >= acknowledged
    copy.close()
    assert check_database(backup.database, journal.data_key).ok


def test_rotation_keeps_seven_days_and_deletes_only_after_a_newer_good_backup(journal):
    """Forty days of daily backups (issue 16): the newest of each of the last 7 days and
    of each of the last 4 ISO weeks are kept, the rest deleted, and only once a newer
    backup has passed every check."""
    first = journal.backup(Reason.DAILY)
    root = first.folder.parent
    # Thirty-nine earlier days of daily backups, as if taken over forty days.
    for days in range(1, 40):
        stamp = (first.taken_at - timedelta(days=days)).strftime("%Y%m%dT%H%M%S%fZ")
        shutil.copytree(first.folder, root / f"{stamp}-daily")
    assert len(list_backups(journal.folder)) == 40  # nothing deleted before a new backup
    newest = journal.backup(Reason.DAILY)
    assert pending(newest)
    assert len(list_backups(journal.folder)) == 41  # nor while none has passed every check
    assert deep_check_pending(journal.folder, journal.data_key, journal.key_generation) == []
    kept = list_backups(journal.folder)
    assert kept[-1] == newest and not pending(newest)
    days = [local_day(b.taken_at) for b in kept]
    today = local_day(newest.taken_at)
    assert len(days) == len(set(days))  # one a day: today's newest, not the earlier one
    assert [today - timedelta(days=n) for n in range(7)] == sorted(days, reverse=True)[:7]
    weeks = sorted({d.isocalendar()[:2] for d in days}, reverse=True)
    assert len(weeks) == 4  # the newest of each of 4 weeks; none from a week before
    for week in weeks:  # each week's backup kept is its newest day that had one
        in_week = [d for d in days if d.isocalendar()[:2] == week]
        assert max(in_week) == max(
            today - timedelta(days=n)
            for n in range(40)
            if (today - timedelta(days=n)).isocalendar()[:2] == week
        )


def test_a_backup_whose_structure_fails_the_later_checks_is_deleted_and_told(journal):
    write_entries(journal, 40)
    good = journal.backup(Reason.BEFORE_IMPORT)
    deep_check_pending(journal.folder, journal.data_key, journal.key_generation)
    bad = journal.backup(Reason.DAILY)
    assert pending(bad) and not pending(good)
    broken = Database(open_engine(bad.database, journal.data_key))
    with broken.engine.begin() as connection:  # authentic pages, a damaged search index
        connection.exec_driver_sql("DELETE FROM entries_fts_data WHERE id > 1")
    broken.close()
    told = deep_check_pending(journal.folder, journal.data_key, journal.key_generation)
    # One sentence says what is wrong (SQLite's integrity_check reads FTS5 tables too,
    # so the structure check, first in order, is the one told).
    assert len(told) == 1 and told[0].endswith("so Solace removed it. " + STRUCTURE_DAMAGED)
    assert list_backups(journal.folder) == [good]


def test_a_partial_backup_left_by_a_crash_is_never_listed_and_is_cleared(journal):
    root = journal.folder / "backups"
    root.mkdir()
    (root / ".partial-20250101T000000000000Z-daily").mkdir()
    assert list_backups(journal.folder) == []
    journal.backup(Reason.DAILY)
    assert [p.name.startswith(".") for p in root.iterdir()] == [False]


def test_a_backup_is_due_once_a_day(journal):
    assert backup_is_due(journal.folder)
    journal.backup(Reason.DAILY)
    assert not backup_is_due(journal.folder)


def test_checks_find_flipped_bits_and_leave_the_file_as_it_was(journal):
    write_entries(journal, 200)
    backup = journal.backup(Reason.MANUAL)
    flip_a_middle_bit(backup.database, 0x01)
    before = digest(backup.folder)
    result = check_database(backup.database, journal.data_key)
    assert "Some pages of the database are damaged." in result.problems
    assert digest(backup.folder) == before
    assert newest_good_backup(journal.folder, journal.data_key) is None


def test_the_newest_good_backup_skips_a_damaged_newer_one(journal):
    good = journal.backup(Reason.BEFORE_IMPORT)
    bad = journal.backup(Reason.BEFORE_RESTORE)
    with open(bad.database, "r+b") as handle:
        handle.truncate(os.path.getsize(bad.database) // 2 + 3)
    found = newest_good_backup(journal.folder, journal.data_key)
    assert found is not None and found.folder == good.folder


def test_an_fts_check_ended_by_an_error_judges_nothing_and_only_corruption_counts(journal, caplog):
    """The FTS5 check of a backup that ends in an error other than SQLite's word that
    the index is corrupt (here the file is locked by another connection's write, and
    this one does not wait) judges nothing, and is logged with SQLite's words:
    `check_database` runs it again alone before a fresh backup is called damaged (seen
    twice in loaded full runs)."""
    write_entries(journal, 20)
    backup = journal.backup(Reason.DAILY)
    uri = f"{backup.database.as_uri()}?mode=rw"
    checking = sqlcipher3.connect(uri, uri=True, isolation_level=None, timeout=0)
    writing = sqlcipher3.connect(uri, uri=True, isolation_level=None)
    try:
        for connection in (checking, writing):
            key_connection(connection, journal.data_key)
            register_functions(connection)
        writing.execute("BEGIN IMMEDIATE")  # holds the write lock

        assert fts_ok(checking, "entries_fts") is None
        assert "FTS integrity-check: OperationalError: database is locked" in caplog.text

        writing.execute("ROLLBACK")
        assert fts_ok(checking, "entries_fts") is True
        checking.execute("DELETE FROM entries_fts_data WHERE id > 1")
        assert fts_ok(checking, "entries_fts") is False
    finally:
        writing.close()
        checking.close()
    assert not check_database(backup.database, journal.data_key).ok
