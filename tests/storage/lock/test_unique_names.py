"""Journal names are unique on this computer, compared as a person reads them (NFC,
trimmed, any case): a new journal under a name in use is refused, a restored journal
of another computer's "Mine" arrives as "Mine (2)" (break test 16 of session 12b,
finding 6: two journals called "Mine" on one lock screen). Real files, real keys."""

from __future__ import annotations

import unicodedata

import pytest

from journal.domain.safekeeping.rotation import Reason
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.names import NameInUse, free_name
from journal.storage.lock.store import JournalStore
from journal.storage.lock.vault import read_header
from journal.storage.safekeeping.archive import write_archive
from journal.storage.safekeeping.rescue import rescue
from journal.storage.safekeeping.restore import restore
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import flip_a_middle_page_of_entries, write_entries

CAFE = "Café journal"


@pytest.mark.parametrize(
    "again",
    ["Mine", "mine", "  MINE  ", "Mine\u00a0"],
    ids=["same", "lower case", "spaces and capitals", "a no-break space"],
)
def test_a_new_journal_under_a_name_in_use_is_refused_and_nothing_made(store, again):
    first, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    first.lock()
    with pytest.raises(NameInUse) as told:
        store.create(again, PASSPHRASE, LIGHT_KDF)
    assert told.value.message.startswith("There is already a journal called “")
    assert [j.name for j in store.journals()] == ["Mine"]
    assert not list(store.root.glob(".creating-*"))


def test_names_are_compared_after_unicode_normalisation(store):
    first, _ = store.create(unicodedata.normalize("NFC", CAFE), PASSPHRASE, LIGHT_KDF)
    first.lock()
    with pytest.raises(NameInUse):
        store.create(unicodedata.normalize("NFD", CAFE), PASSPHRASE, LIGHT_KDF)


def test_a_restored_journal_of_the_same_name_is_added_as_mine_2(store, data_dir, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    other, _ = JournalStore(elsewhere).create("Mine", PASSPHRASE, LIGHT_KDF)
    write_entries(other, 2)
    made = other.backup(Reason.MANUAL)
    backup = write_archive(made.database, made.header, made.taken_at, tmp_path / "mine.backup")
    other.lock()
    mine, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    mine.lock()

    target = restore(data_dir, backup, PASSPHRASE, expected_journal=None)

    assert read_header(target).name == "Mine (2)"
    assert sorted(j.name for j in store.journals()) == ["Mine", "Mine (2)"]
    store.unlock(target, PASSPHRASE).lock()  # its keys open it as before
    assert free_name(data_dir, "mine") == "mine (3)"


def test_a_rescue_into_a_name_in_use_is_refused_and_nothing_made(store, data_dir):
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    write_entries(journal, 60, word="x" * 900)
    key, folder = bytes(journal.data_key), journal.folder
    journal.lock()
    flip_a_middle_page_of_entries(folder / "journal.db", key)

    with pytest.raises(NameInUse):
        rescue(data_dir, folder, PASSPHRASE, "MINE", "a new long passphrase here", LIGHT_KDF)
    assert [j.folder for j in store.journals()] == [folder]


def test_free_name_keeps_a_journal_its_own_name(store, data_dir):
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    journal.lock()
    assert free_name(data_dir, "Mine", besides=journal.folder) == "Mine"
    assert free_name(data_dir, "Mine") == "Mine (2)"
