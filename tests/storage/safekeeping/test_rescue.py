"""Rescue of a truncated journal: every entry whose own page is still in the file
comes back, word for word, into a new journal, and the person is told how many did
and that some could not (real SQLCipher files, cut as a failing disk or an
interrupted copy leaves them)."""

from __future__ import annotations

import dataclasses
import random
import shutil
import string
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from journal.domain.entries.entry import new_entry
from journal.errors import JournalDamaged
from journal.storage.entries.models import EntryRow
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.checks import PAGE_SIZE
from journal.storage.safekeeping.rescue import rescue
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import START, digest, flip_a_middle_page_of_entries

ENTRIES = 200
NEW_PASSPHRASE = "a new long passphrase for what was rescued"


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[str, str]]]:
    """A locked journal of 200 entries of about 1,500 characters each (prose that
    packs little, so the entries' pages spread through the file among the search
    index's), and each entry's (body, created) by id."""
    data_dir = tmp_path_factory.mktemp("written")
    journal, _recovery = JournalStore(data_dir).create("Written", PASSPHRASE, LIGHT_KDF)
    rng = random.Random(16)
    repo = EntryRepository(journal.db)
    originals: dict[str, tuple[str, str]] = {}
    for n in range(ENTRIES):
        words = (
            "".join(rng.choices(string.ascii_lowercase, k=rng.randint(2, 9))) for _ in range(250)
        )
        entry = dataclasses.replace(
            new_entry(START + timedelta(hours=n)), body=f"day {n}: " + " ".join(words)
        )
        repo.save(entry)
        originals[entry.id] = (entry.body, entry.created_at.isoformat())
    folder = journal.folder
    journal.lock()
    assert not (folder / "journal.db-wal").exists()  # every page is in journal.db
    return folder, originals


def cut_copy(folder: Path, tmp_path: Path, size: int) -> tuple[Path, Path]:
    """A data folder holding a copy of ``folder`` with its database cut to ``size``
    bytes, and the copied journal's folder."""
    data_dir = tmp_path / "data"
    copy = data_dir / "journals" / folder.name
    shutil.copytree(folder, copy)
    with (copy / "journal.db").open("r+b") as db:
        db.truncate(size)
    return data_dir, copy


def rescued_entries(
    data_dir: Path, folder: Path, name: str
) -> tuple[dict[str, tuple[str, str]], str]:
    """Rescue ``folder`` into a new journal; its entries by id, and the summary."""
    result = rescue(data_dir, folder, PASSPHRASE, name, NEW_PASSPHRASE, LIGHT_KDF)
    try:
        with result.journal.db.session() as session:
            found = {
                e.id: (e.body, e.created_at.isoformat()) for e in session.scalars(select(EntryRow))
            }
    finally:
        result.journal.lock()
    assert result.entries == len(found)
    return found, result.summary("Written")


CUTS = {  # fraction of the file kept, and bytes past it (an odd size cuts a page)
    "a third": (1 / 3, 0),
    "half": (1 / 2, 0),
    "half, odd size": (1 / 2, 1),
    "two thirds": (2 / 3, 2049),
    "nine tenths": (9 / 10, 0),
}


@pytest.mark.parametrize("case", CUTS, ids=list(CUTS))
def test_a_cut_journal_gives_back_every_entry_whose_pages_are_left(written, tmp_path, case):
    folder, originals = written
    fraction, extra = CUTS[case]
    size = (folder / "journal.db").stat().st_size
    kept_pages = int(size * fraction) // PAGE_SIZE
    cut = kept_pages * PAGE_SIZE + extra
    data_dir, copy = cut_copy(folder, tmp_path, cut)
    before = digest(copy)

    found, said = rescued_entries(data_dir, copy, "Rescued")

    assert digest(copy) == before  # the damaged journal is not touched
    assert not list(data_dir.glob(".rescue-*"))  # nor is any scratch copy left
    assert found.items() <= originals.items()  # word for word, at its own time
    # The entries' pages spread through the file: about as many come back as pages
    # are left past the journal's first pages (its schema, settings and library).
    assert len(found) >= ENTRIES * (fraction - 0.25), (case, len(found))
    assert f"{len(found)} entries and" in said and "were rescued from “Written”" in said
    if len(found) < ENTRIES:
        assert "What could not be read:" in said
        assert "entries" in said.split("could not be read")[1]

    # A longer piece of the same file gives back all of these and more: what comes back
    # depends on which pages are left, not on where the file ends.
    longer = cut + (size - cut) // 2 // PAGE_SIZE * PAGE_SIZE
    data_dir, copy = cut_copy(folder, tmp_path / "longer", longer)
    more, _said = rescued_entries(data_dir, copy, "Rescued longer")
    assert found.keys() <= more.keys()


def test_the_whole_file_gives_back_everything(written, tmp_path):
    folder, originals = written
    data_dir, copy = cut_copy(folder, tmp_path, (folder / "journal.db").stat().st_size)
    found, said = rescued_entries(data_dir, copy, "Rescued")
    assert found == originals
    assert "Everything could be read" in said


def test_a_file_cut_before_any_entry_makes_no_empty_journal(written, tmp_path):
    folder, _originals = written
    data_dir, copy = cut_copy(folder, tmp_path, 3 * PAGE_SIZE + 7)
    with pytest.raises(JournalDamaged, match="nothing to rescue"):
        rescue(data_dir, copy, PASSPHRASE, "Rescued", NEW_PASSPHRASE, LIGHT_KDF)
    assert [j.folder for j in JournalStore(data_dir).journals()] == [copy]


def test_a_damaged_page_costs_only_the_entries_on_it(written, tmp_path):
    folder, originals = written
    data_dir, copy = cut_copy(folder, tmp_path, (folder / "journal.db").stat().st_size)
    opened = JournalStore(data_dir).unlock(copy, PASSPHRASE)
    key = bytes(opened.data_key)
    opened.lock()
    flip_a_middle_page_of_entries(copy / "journal.db", key)

    found, said = rescued_entries(data_dir, copy, "Rescued")

    assert found.items() <= originals.items()
    assert ENTRIES - 4 <= len(found) < ENTRIES  # one page holds at most 3 of these entries
    assert f"up to {ENTRIES - len(found)} entries" in said


def test_a_rescue_on_a_full_disk_says_so_for_the_rescue_and_leaves_no_journal(written, tmp_path):
    """Break test 16, finding 10: "Something went wrong on Solace's side… restarting
    Solace usually helps" at the moment the disk had just failed the person."""
    import resource

    from journal.errors import DiskFull

    size = (written[0] / "journal.db").stat().st_size
    data_dir, copy = cut_copy(written[0], tmp_path, size)
    before = digest(copy)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size // 2, hard))
    try:
        with pytest.raises(DiskFull) as full:
            rescue(data_dir, copy, PASSPHRASE, "Rescued", NEW_PASSPHRASE, LIGHT_KDF)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert full.value.message.startswith(
        "There is not enough free space on this computer to write the rescued journal "
        "(it needs about "
    )
    assert "Nothing has been changed. Please free some space and try again." in full.value.message
    assert [j.name for j in JournalStore(data_dir).journals()] == ["Written"]
    assert digest(copy) == before
    assert not [p for p in data_dir.iterdir() if p.name.startswith(".rescue-")]


def test_the_rescue_names_records_in_the_same_words_as_the_import():
    """One table of plain names (rows.PLAIN_NAMES): the rescue's own copy lacked the
    newer kinds and said "body signs" where an import says "warning signs noticed
    before"."""
    from journal.storage.safekeeping.rescue import Lost
    from journal.storage.safekeeping.rows import plain_name

    for table in ("body_signs", "closeness_own_ideas", "together_responses"):
        assert Lost(between=3).told(table) == f"up to 3 {plain_name(table)}"
    assert Lost(between=3).told("body_signs") == "up to 3 warning signs noticed before"


def test_the_rescue_summary_says_one_entry_not_one_entries(journal):
    from journal.storage.safekeeping.rescue import Rescued

    said = Rescued(
        journal, "", entries=1, records=1, unreadable=(), by_table=(("body_logs", 1),)
    ).summary("Alpha")
    assert said.startswith("1 entry and 1 body log record were rescued")


@pytest.fixture(scope="module")
def with_body_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A locked journal of 120 entries (as `written`) and 30 body log records."""
    from journal.domain.body.log import BodyLog
    from journal.storage.body.repository import BodyRepository

    data_dir = tmp_path_factory.mktemp("with body log")
    journal, _recovery = JournalStore(data_dir).create("Written", PASSPHRASE, LIGHT_KDF)
    rng = random.Random(11)
    repo = EntryRepository(journal.db)
    for n in range(120):
        words = (
            "".join(rng.choices(string.ascii_lowercase, k=rng.randint(2, 9))) for _ in range(250)
        )
        repo.save(dataclasses.replace(new_entry(START + timedelta(hours=n)), body=" ".join(words)))
    BodyRepository(journal.db).save_logs(
        BodyLog(id=f"log {n}", logged_at=START + timedelta(hours=n), chills=True) for n in range(30)
    )
    folder = journal.folder
    journal.lock()
    return folder


def in_the_new_journal(result) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """How many rows of each kind the rescued journal holds (only kinds with some)."""
    with result.journal.db.engine.connect() as connection:
        found = {
            table: connection.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar_one()
            for table in ("entries", "body_logs", "remembrance_dates", "journal_settings")
        }
    return {table: number for table, number in found.items() if number}


def rescued(data_dir, copy) -> tuple[str, dict[str, int]]:  # type: ignore[no-untyped-def]
    """Rescue the damaged journal in ``copy``: its summary and what it holds."""
    result = rescue(data_dir, copy, PASSPHRASE, "Rescued", NEW_PASSPHRASE, LIGHT_KDF)
    try:
        return result.summary("Written"), in_the_new_journal(result)
    finally:
        result.journal.lock()


def test_the_summary_says_exactly_what_the_new_journal_holds(with_body_log, tmp_path):
    """Break test 16 of session 10, finding 11: the summary said "N other records
    (body log, dates, marks)" whatever they were; it names each kind with its count, as
    the new journal holds them, and what could not be read."""
    from journal.storage.safekeeping.rows import counted

    data_dir, copy = cut_copy(
        with_body_log, tmp_path, (with_body_log / "journal.db").stat().st_size
    )
    opened = JournalStore(data_dir).unlock(copy, PASSPHRASE)
    key = bytes(opened.data_key)
    opened.lock()
    flip_a_middle_page_of_entries(copy / "journal.db", key)

    said, held = rescued(data_dir, copy)

    assert held["body_logs"] == 30 and 116 <= held["entries"] < 120
    assert said.startswith(
        f"{held['entries']} entries and 30 body log records were rescued from “Written”"
    )
    assert all(counted(number, table) in said for table, number in held.items())
    assert f"What could not be read: up to {120 - held['entries']} entries." in said
    assert "other records" not in said


def test_a_damaged_list_of_tables_is_said_and_no_body_log_is_claimed(with_body_log, tmp_path):
    """The file's first page (its list of tables) damaged: the entries are found page by
    page, but the body log cannot be found at all, and the summary says so."""
    data_dir, copy = cut_copy(
        with_body_log, tmp_path, (with_body_log / "journal.db").stat().st_size
    )
    raw = bytearray((copy / "journal.db").read_bytes())
    raw[300] ^= 0x10  # inside the first page, past SQLCipher's salt
    (copy / "journal.db").write_bytes(bytes(raw))

    said, held = rescued(data_dir, copy)

    assert "body_logs" not in held
    assert said.startswith(
        f"{held['entries']} entries and no other records (body log, dates, marks) were rescued"
    )
    assert (
        "every record besides entries (body log, dates, marks and the rest): the part of " in said
    )
    assert "Everything could be read" not in said


def test_a_rescued_journal_has_no_backup_file_of_the_damaged_one(written, tmp_path):
    """Break test 16 of session 11, finding 7: the rescue copied the damaged journal's
    "last backup file" (when and where), so the new journal's Settings named a backup
    that cannot bring it back; its unfinished work (an export's unfinished copy, to be
    deleted at unlock) came along too. Facts about the damaged journal's own files stay
    behind; the person's choices (the name shown in Together) come along."""
    from journal.storage.safekeeping.status import (
        LAST_COPY_AT,
        LAST_COPY_PLACE,
        back_up_to,
        backup_status,
    )
    from journal.storage.safekeeping.unfinished import UNFINISHED_EXPORT
    from journal.storage.together.settings import MY_NAME

    folder, _originals = written
    data_dir, copy = cut_copy(folder, tmp_path, (folder / "journal.db").stat().st_size)
    opened = JournalStore(data_dir).unlock(copy, PASSPHRASE)
    key = bytes(opened.data_key)
    (tmp_path / "usb").mkdir()
    back_up_to(opened, tmp_path / "usb" / "written.solacebackup")
    assert backup_status(opened).last_copy_place  # the damaged journal has one
    opened.db.set_setting(UNFINISHED_EXPORT, str(tmp_path / "usb" / "export.partial"))
    opened.db.set_setting(MY_NAME, "Sam")
    opened.lock()
    flip_a_middle_page_of_entries(copy / "journal.db", key)

    result = rescue(data_dir, copy, PASSPHRASE, "Rescued", NEW_PASSPHRASE, LIGHT_KDF)
    try:
        db = result.journal.db
        status = backup_status(result.journal)
        assert status.last_copy_at is None and not status.last_copy_place
        assert db.get_setting(LAST_COPY_AT) == "" and db.get_setting(LAST_COPY_PLACE) == ""
        assert db.get_setting(UNFINISHED_EXPORT) == ""
        assert db.get_setting(MY_NAME) == "Sam"
    finally:
        result.journal.lock()
