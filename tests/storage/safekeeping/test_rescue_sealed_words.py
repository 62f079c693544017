"""Words sealed at a lock (`drafts.sealed`) beside a journal then refused as damaged
come along with "Rescue what can be read…", or the summary says plainly that they
could not (break test 16 of session 13, finding 3: left behind without a word, and
the summary said "Everything could be read"). Real files, real keys."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from journal.storage.lock.drafts import DRAFTS_NAME
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.rescue import rescue
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import (
    digest,
    flip_a_middle_page_of_entries,
    write_entries,
)

NEW_PASSPHRASE = "a new long passphrase for what was rescued"
WORDS = {"journal": json.dumps({"id": "e-1", "body": "Willowcanary after the damage"})}


def damaged_with_words(data_dir: Path) -> Path:
    """A journal of 60 entries whose last lock sealed ``WORDS`` beside it, then a bit
    flipped in a page of its entries; its folder."""
    journal, _recovery = JournalStore(data_dir).create("Mine", PASSPHRASE, LIGHT_KDF)
    write_entries(journal, 60, word="x" * 900)
    assert journal.keep_drafts(WORDS) is None  # what a lock does when the save fails
    key, folder = bytes(journal.data_key), journal.folder
    journal.lock()
    flip_a_middle_page_of_entries(folder / "journal.db", key)
    return folder


def test_the_sealed_words_come_along_and_the_summary_says_so(data_dir):
    folder = damaged_with_words(data_dir)
    before = digest(folder)

    result = rescue(data_dir, folder, PASSPHRASE, "Mine (rescued)", NEW_PASSPHRASE, LIGHT_KDF)
    try:
        assert result.journal.sealed_drafts() == WORDS  # sealed again for the new journal
    finally:
        result.journal.lock()
    said = result.summary("Mine")
    assert "and the words you had not saved yet were rescued from “Mine”" in said
    assert "are back where you were writing them" in said
    assert digest(folder) == before  # the damaged journal keeps its own copy, unchanged
    # The new journal's own key opens them at its next unlock; the old one's does not.
    again = JournalStore(data_dir).unlock(result.journal.folder, NEW_PASSPHRASE)
    try:
        assert again.sealed_drafts() == WORDS
    finally:
        again.lock()


def test_sealed_words_that_do_not_open_are_said_plainly(data_dir):
    folder = damaged_with_words(data_dir)
    sealed = bytearray((folder / DRAFTS_NAME).read_bytes())
    sealed[-1] ^= 0x01  # the small file damaged too
    (folder / DRAFTS_NAME).write_bytes(bytes(sealed))

    result = rescue(data_dir, folder, PASSPHRASE, "Mine (rescued)", NEW_PASSPHRASE, LIGHT_KDF)
    new_folder = result.journal.folder
    result.journal.lock()
    said = result.summary("Mine")
    assert "The words you had not saved yet, kept encrypted beside “Mine”" in said
    assert "could not be read" in said and "Everything could be read" not in said
    assert not (new_folder / DRAFTS_NAME).exists()


def test_words_held_in_memory_only_come_along_too(data_dir, tmp_path):
    """A lock that could not even write the small file holds the sealed bytes in memory
    (`HeldWords`); the rescue is handed them."""
    folder = damaged_with_words(data_dir)
    held = (folder / DRAFTS_NAME).read_bytes()
    shutil.move(folder / DRAFTS_NAME, tmp_path / "elsewhere")

    result = rescue(
        data_dir, folder, PASSPHRASE, "Mine (rescued)", NEW_PASSPHRASE, LIGHT_KDF, held=held
    )
    try:
        assert result.journal.sealed_drafts() == WORDS
    finally:
        result.journal.lock()
