"""A journal whose key file is missing or damaged is listed, explained in plain words,
and opened again from the copy kept with its snapshots when there is one."""

from __future__ import annotations

import json
import os

import pytest

from journal.errors import JournalDamaged, JournalMissing
from journal.storage.lock.keys import LIGHT_KDF
from tests.conftest import PASSPHRASE


def made(store, snapshot: bool, name: str = "Mine"):
    journal, recovery = store.create(name, PASSPHRASE, LIGHT_KDF)
    journal.confirm_recovery_key()
    if snapshot:
        journal.snapshot("manual")
    journal.lock()
    return journal.folder, recovery


def test_a_missing_key_file_is_listed_with_what_can_help(store):
    folder, _ = made(store, snapshot=True)
    (folder / "vault.json").unlink()
    (listed,) = store.journals()
    assert listed.name == "Mine" and not listed.readable
    assert "key file (vault.json) is missing" in listed.problem
    assert "recovery key" in listed.help and "copy of the key file" in listed.help
    store.unlock(folder, PASSPHRASE).lock()  # opened with the kept copy
    assert (folder / "vault.json").exists()
    assert store.journals()[0].readable


def test_a_wrong_passphrase_for_a_missing_key_file_is_told_as_a_wrong_passphrase(store):
    """The files were found (a copy of the key file is kept): a mistyped passphrase or
    recovery key hears the usual words, not "could not be found" (break test 14,
    finding 2b), and nothing is written."""
    from journal.errors import WrongPassphrase, WrongRecoveryKey

    folder, recovery = made(store, snapshot=True)
    (folder / "vault.json").unlink()
    before = sorted(p.name for p in folder.iterdir())
    with pytest.raises(WrongPassphrase) as told:
        store.unlock(folder, "not the passphrase at all")
    assert "could not be found" not in str(told.value)
    with pytest.raises(WrongRecoveryKey):
        store.unlock_with_recovery_key(folder, "A" * len(recovery))
    assert sorted(p.name for p in folder.iterdir()) == before
    store.unlock(folder, PASSPHRASE).lock()  # the right one still opens it


def test_the_recovery_key_also_opens_with_the_kept_copy(store):
    folder, recovery = made(store, snapshot=True)
    (folder / "vault.json").write_text("{ not json")
    store.unlock_with_recovery_key(folder, recovery).lock()
    (kept,) = folder.glob("vault.json.damaged-*")
    assert kept.read_text() == "{ not json"


def test_without_any_copy_the_listing_says_so_and_nothing_is_touched(store):
    folder, _ = made(store, snapshot=False)
    (folder / "vault.json").unlink()
    (listed,) = store.journals()
    assert listed.name.startswith("Journal in folder")
    assert "No copy of the key file" in listed.help and str(folder) in listed.help
    with pytest.raises(JournalMissing):
        store.unlock(folder, PASSPHRASE)
    assert sorted(p.name for p in folder.iterdir()) == ["journal.db"]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"memory_kib": 0}, "memory_kib is 0"),
        ({"memory_kib": 2**40}, "memory_kib is 1099511627776"),
        ({"memory_kib": 4 * 2**20, "iterations": 64}, "iterations is 64, outside 1 to 12"),
        ({"memory_kib": 4 * 2**20}, "memory_kib is 4194304, outside 1 to 1048576"),
        ({"memory_kib": 2**20, "iterations": 12}, "iterations x memory_kib is 12582912"),
        ({"iterations": "three"}, "iterations is \"three\", not a whole number"),
        ({"iterations": None}, "iterations is null, not a whole number"),
        ({"lanes": 8, "memory_kib": 16}, "below 8 per lane"),
        ({"algorithm": "md5"}, "'md5' is unknown"),
    ],
)
def test_bad_key_derivation_parameters_are_named(store, change, words):
    """Beyond the caps (4x Solace's default, see keys.py) a header counts as damaged:
    no key derivation is even started."""
    folder, _ = made(store, snapshot=False)
    header = json.loads((folder / "vault.json").read_text())
    for slot in header["slots"]:
        slot["kdf"].update(change)
    (folder / "vault.json").write_text(json.dumps(header))
    (listed,) = store.journals()
    assert "key-derivation settings" in listed.problem and words in listed.problem
    assert listed.name == "Mine"  # its name is still read (break test 14, session 10)
    assert not listed.opens  # no copy of the key file: nothing typed can help
    with pytest.raises(JournalDamaged) as raised:
        store.unlock(folder, PASSPHRASE)
    assert words in raised.value.message


@pytest.mark.parametrize("name", [42, ["Mine"], None, "", "x" * 201])
def test_a_journal_name_that_is_not_text_is_named_as_damage(store, name):
    folder, _ = made(store, snapshot=False)
    header = json.loads((folder / "vault.json").read_text())
    header["name"] = name
    (folder / "vault.json").write_text(json.dumps(header))
    (listed,) = store.journals()
    assert "journal name is" in listed.problem and not listed.opens
    with pytest.raises(JournalDamaged) as raised:
        store.unlock(folder, PASSPHRASE)
    assert "journal name is" in raised.value.message


def deny_reading(monkeypatch, folder) -> None:
    """What the system does for a folder this user may not read (chmod 000, another
    user's): anything inside it cannot even be looked at."""
    import errno
    from pathlib import Path

    real_stat = Path.stat

    def stat(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if folder in self.parents:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)


def check_listed_as_unreadable(store, folder) -> None:
    listed = {info.folder: info for info in store.journals()}
    info = listed[folder]  # listed, not vanished
    assert "not allowed to read this journal's folder" in info.problem
    assert str(folder) in info.help and not info.opens and not info.restorable


def test_a_journal_folder_that_may_not_be_read_is_listed_with_what_is_wrong(store):
    if os.geteuid() == 0:
        pytest.skip("runs as root, which chmod 000 does not stop (the next test covers it)")
    folder, _ = made(store, snapshot=False)
    folder.chmod(0)
    try:
        check_listed_as_unreadable(store, folder)
    finally:
        folder.chmod(0o700)


def test_a_folder_the_system_refuses_to_read_is_listed_not_raised(store, monkeypatch):
    folder, _ = made(store, snapshot=False)
    other, _ = made(store, snapshot=False, name="Ours")  # names are unique here
    deny_reading(monkeypatch, folder)
    check_listed_as_unreadable(store, folder)
    assert next(i for i in store.journals() if i.folder == other).readable


def test_the_default_key_derivation_is_within_the_caps():
    from journal.storage.lock.keys import DEFAULT_KDF, KdfParams

    assert KdfParams.from_json(DEFAULT_KDF.to_json()) == DEFAULT_KDF


@pytest.mark.parametrize("snapshot", [True, False])
def test_another_journals_key_file_is_named_as_such_and_mended_from_the_kept_copy(
    store, snapshot
):
    """Break test 16, N8: with another journal's vault.json in its folder, the right
    passphrase was called wrong, the other's passphrase called the intact database
    damaged, and the offered restore rolled the journal back."""
    from journal.storage.entries.repository import EntryRepository
    from tests.storage.safekeeping.helpers import write_entries

    folder, _ = made(store, snapshot)
    journal = store.unlock(folder, PASSPHRASE)
    write_entries(journal, 5, word="after the snapshot")
    journal.lock()
    other, _ = store.create("Other", "the other passphrase", LIGHT_KDF)
    other.lock()
    (folder / "vault.json").write_bytes((other.folder / "vault.json").read_bytes())
    database = (folder / "journal.db").read_bytes()

    listed = next(info for info in store.journals() if info.folder == folder)
    assert "belongs to another journal, “Other”" in listed.problem
    assert "database has not been touched" in listed.problem
    assert listed.opens is snapshot
    with pytest.raises(JournalDamaged) as told:
        store.unlock(folder, "the other passphrase")
    assert "belongs to another journal" in str(told.value)
    assert "does not open with its key" not in str(told.value)
    assert (folder / "journal.db").read_bytes() == database
    if not snapshot:
        with pytest.raises(JournalDamaged, match="No copy of this journal's own key file"):
            store.unlock(folder, PASSPHRASE)
        return
    opened = store.unlock(folder, PASSPHRASE)  # the kept copy put back, nothing rolled back
    assert EntryRepository(opened.db).count() == 5
    opened.lock()
    assert next(info for info in store.journals() if info.folder == folder).readable


def test_a_key_file_nested_too_deeply_is_named_as_damage_not_a_crash(store):
    """A vault.json is readable by anyone with the folder: JSON nested past the decoder's
    recursion limit raised RecursionError, which nothing caught (break test 16 of the
    eighth session found the kind in an import)."""
    folder, _ = made(store, snapshot=False)
    (folder / "vault.json").write_text('{"slots": ' + "[" * 100_000 + "]" * 100_000 + "}")
    (listed,) = store.journals()
    assert listed.problem and not listed.opens
    with pytest.raises(JournalDamaged):
        store.unlock(folder, PASSPHRASE)


def test_a_link_in_the_place_of_a_journal_folder_is_listed_never_followed(store, tmp_path):
    """Break test 14 of session 10, finding 9: a journal's folder that is a link left
    the list without a word. It is listed with what to do, and nothing is changed."""
    folder, _ = made(store, snapshot=False)
    elsewhere = tmp_path / "elsewhere"
    folder.rename(elsewhere)
    folder.symlink_to(elsewhere, target_is_directory=True)
    (listed,) = store.journals()
    assert "is a link" in listed.problem and not listed.opens
    assert str(folder.parent) in listed.help and "Nothing has been changed" in listed.help
    assert folder.is_symlink() and sorted(p.name for p in elsewhere.iterdir()) == [
        "journal.db",
        "vault.json",
    ]
