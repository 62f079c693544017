"""Rescue what can be read… on a journal with most of its pages damaged (break test 16
of session 15): the page-by-page reading stopped at the first page that did not
decrypt (SQLCipher keeps a page's failure on its connection even where the schema
still reads), so every entry after it was left behind, and with no row read the
words sealed at the last lock were left behind too, with "nothing to rescue". Every
readable row and every sealed word comes back, and what could not be read is said
with its count. Real files, real keys, bits flipped in place."""

from __future__ import annotations

import json
import re
import secrets
from pathlib import Path

from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.rescue import rescue
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import digest, write_entries

NEW_PASSPHRASE = "a new long passphrase for what was rescued"
WORDS = {"journal": json.dumps({"id": "e-1", "body": "Willowcanary sealed at the lock"})}
COUNT = 60


def with_sealed_words(data_dir: Path) -> tuple[Path, dict[str, str]]:
    """A journal of `COUNT` entries of words that do not compress (so they fill many
    pages), whose last lock sealed `WORDS` beside it; its folder and each entry's body
    by id."""
    journal, _recovery = JournalStore(data_dir).create("Mine", PASSPHRASE, LIGHT_KDF)
    for n in range(COUNT):
        write_entries(journal, 1, start=n, word=secrets.token_hex(700))
    bodies = {s.id: EntryRepository(journal.db).get(s.id).body for s in _all(journal)}
    assert journal.keep_drafts(WORDS) is None  # what a lock does when the save fails
    folder = journal.folder
    journal.lock()
    return folder, bodies


def _all(journal):  # type: ignore[no-untyped-def]
    return EntryRepository(journal.db).summaries_page(0, COUNT + 10)


def flip_pages(db: Path, spared: set[int]) -> None:
    """Flip one bit in every page of ``db`` but those numbered in ``spared`` (from 1)."""
    raw = bytearray(db.read_bytes())
    for page in range(1, len(raw) // 4096 + 1):
        if page not in spared:
            raw[(page - 1) * 4096 + 300] ^= 0x10
    db.write_bytes(bytes(raw))


def test_every_entry_on_an_intact_page_comes_back_when_two_pages_in_three_are_damaged(data_dir):
    folder, bodies = with_sealed_words(data_dir)
    db = folder / "journal.db"
    flip_pages(db, {page for page in range(1, db.stat().st_size // 4096 + 1) if page % 3 == 0})
    before = digest(folder)

    result = rescue(data_dir, folder, PASSPHRASE, "Mine (rescued)", NEW_PASSPHRASE, LIGHT_KDF)
    try:
        rescued = _all(result.journal)
        repo = EntryRepository(result.journal.db)
        assert len(rescued) >= COUNT // 4  # a third of the pages: about a third of them
        for summary in rescued:  # each one whole, as written
            assert repo.get(summary.id).body == bodies[summary.id]
        assert result.journal.sealed_drafts() == WORDS
    finally:
        result.journal.lock()
    said = result.summary("Mine")
    assert f"{len(rescued)} entries" in said
    assert "the words you had not saved yet were rescued" in said
    missing = re.search(r"What could not be read: up to (\d+) entries", said)
    assert missing is not None, said
    # Entries written after the newest one rescued (their pages damaged too) cannot be
    # counted, and are said as such: which they are follows where the damage fell.
    newest_first = list(bodies)  # as `_all` listed them
    written_after = min(newest_first.index(summary.id) for summary in rescued)
    if written_after:
        assert "and any written after the last one rescued" in said
    assert len(rescued) + int(missing.group(1)) + written_after >= COUNT - 5  # the rest
    assert "Everything could be read" not in said
    assert digest(folder) == before


def test_the_sealed_words_come_back_when_no_page_can_be_read(data_dir):
    folder, _bodies = with_sealed_words(data_dir)
    flip_pages(folder / "journal.db", set())
    before = digest(folder)

    result = rescue(data_dir, folder, PASSPHRASE, "Mine (rescued)", NEW_PASSPHRASE, LIGHT_KDF)
    try:
        assert result.journal.sealed_drafts() == WORDS
        assert not _all(result.journal)
    finally:
        result.journal.lock()
    said = result.summary("Mine")
    assert said.startswith(
        "Only the words you had not saved yet were rescued from “Mine” into this new journal"
    )
    assert "any entries (none could be read)" in said
    assert digest(folder) == before



def test_kinds_the_journal_never_had_are_not_listed_as_lost_and_whole_entries_are_said(
    data_dir,
):
    """Break test 16 of session 19, finding 2: 32 bytes overwritten at three places (as
    the break test did) left every entry readable, yet the summary listed kinds of
    record this journal never had, "any recovery details (none could be read); any
    bookmarks (none could be read)", read as a loss. Rescue cannot tell those from
    kinds that had rows, so it says that once, plainly, and that every entry was read."""
    folder, _bodies = with_sealed_words(data_dir)
    db = folder / "journal.db"
    raw = bytearray(db.read_bytes())
    for at in (len(raw) // 2 + 100, len(raw) // 3 + 100, len(raw) - 2000):
        raw[at : at + 32] = b"\xa5" * 32
    db.write_bytes(bytes(raw))

    result = rescue(data_dir, folder, PASSPHRASE, "Mine (rescued)", NEW_PASSPHRASE, LIGHT_KDF)
    try:
        assert len(_all(result.journal)) == COUNT
    finally:
        result.journal.lock()
    said = result.summary("Mine")
    assert "(none could be read)" not in said
    assert f"{COUNT} entries" in said and "Every entry was read." in said
    assert "so it cannot tell whether there were any" in said
    assert said.startswith(f"{COUNT} entries")  # what is in the new journal comes first
