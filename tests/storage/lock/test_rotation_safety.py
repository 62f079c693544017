"""A key rotation is crash-safe and leaves nothing under the retired key (break test 16
of session 9, findings 17 and 18).

A child process rotates the key of a journal that keeps a copy made before a restore,
and is killed just before each rename of a key file in turn (`credential_worker`).
After each, the next unlock with the passphrase opens the journal with everything in
it, and no file under the journal's folder opens with the recovery key the rotation
retired once the new one is live. A key file that lost the old generation while the
database stayed under the old key (the state finding 18 left) is rolled back from a
kept copy at the next unlock, and told.
"""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import pytest

from journal.domain.safekeeping.rotation import Reason
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock import keys
from journal.storage.lock.journal import (
    KEY_CHANGE_NAME,
    ROTATION_NOT_BEGUN,
    OpenJournal,
)
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.lock.vault import (
    SlotKind,
    make_slot,
    parse_header,
    read_header,
    unwrap_candidates,
    with_slots,
    write_header,
)
from journal.storage.safekeeping.backups import list_backups
from journal.storage.safekeeping.checks import opens_with
from journal.storage.safekeeping.restore import restore
from tests.couples import entry
from tests.storage.lock.test_credential_change import OLD, run_worker

pytestmark = pytest.mark.slow


def entry_count(journal: OpenJournal) -> int:
    return EntryRepository(journal.db).count()


def files_opened_by(folder: Path, recovery_key: str) -> list[str]:
    """Every database under ``folder`` that a key file under it, unwrapped with
    ``recovery_key``, opens (walked with the project's own `opens_with`)."""
    secret = keys.normalise_recovery_key(recovery_key)
    found_keys = []
    for path in folder.rglob("vault.json*"):
        try:
            header = parse_header(path.read_bytes())
        except Exception:  # half-written or damaged: opens nothing
            continue
        found_keys += [key for _g, key in unwrap_candidates(header, SlotKind.RECOVERY, secret)]
    return sorted(
        str(db.relative_to(folder))
        for db in folder.rglob("journal.db")
        if any(opens_with(db, key) for key in found_keys)
    )


@pytest.fixture
def kept(tmp_path: Path) -> tuple[Path, str]:
    """A journal restored twice from its daily backup (one entry of two): a daily
    backup and two copies kept before a restore, as a person who restores keeps."""
    store = JournalStore(tmp_path / "template")
    journal, recovery = store.create("Kept", OLD, LIGHT_KDF)
    journal.confirm_recovery_key()
    repo = EntryRepository(journal.db)
    repo.save(entry(1, "first", True))
    journal.backup(Reason.DAILY)
    repo.save(entry(2, "second", True))
    folder = journal.folder
    journal.lock()
    daily = list_backups(folder)[-1].folder
    restore(store.data_dir, daily, OLD)
    restore(store.data_dir, daily, OLD)
    return folder, recovery


def rotated(store: JournalStore, folder: Path) -> str:
    """Rotate the data key of the journal in ``folder``, to its end (the new recovery
    key shown and confirmed), and lock it; returns the new recovery key."""
    journal = store.unlock(folder, OLD)
    new = journal.rotate_data_key(OLD)
    journal.recovery_key_shown()
    journal.confirm_recovery_key()
    journal.lock()
    return new


def test_an_uninterrupted_rotation_after_a_restore_leaves_nothing_under_the_old_key(kept):
    folder, recovery = kept
    store = JournalStore(folder.parent.parent)
    new = rotated(store, folder)
    assert files_opened_by(folder, recovery) == []
    assert "journal.db" in files_opened_by(folder, new)
    journal = store.unlock(folder, OLD)
    assert entry_count(journal) == 1  # the restored journal, as it was backed up
    journal.lock()


@pytest.mark.timeout(600)
def test_a_rotation_killed_at_any_write_leaves_one_set_of_credentials_and_no_old_copy(
    tmp_path, kept
):
    source, recovery = kept
    clean = tmp_path / "clean" / "journals" / source.name
    shutil.copytree(source, clean)
    finished = run_worker(clean, "rotation", 0)
    assert finished.returncode == 0, finished.stderr
    said = dict(line.split(" ", 1) for line in finished.stdout.splitlines())
    renames = int(said["renames"])
    assert files_opened_by(clean, recovery) == []
    assert renames >= 3
    for kill_at in range(1, renames + 1):
        folder = tmp_path / f"kill{kill_at}" / "journals" / source.name
        shutil.copytree(source, folder)
        result = run_worker(folder, "rotation", kill_at)
        assert result.returncode == -signal.SIGKILL, (kill_at, result.stderr[-400:])
        journal = JournalStore(folder.parent.parent).unlock(folder, OLD)
        assert entry_count(journal) == 1, kill_at
        generation = journal.key_generation
        rotated = generation == 2
        assert [s.generation for s in journal.header.slots] == [generation] * 2, kill_at
        journal.lock()
        if rotated:  # the old recovery key opens nothing any more, kept copies included
            assert files_opened_by(folder, recovery) == [], kill_at
        else:
            assert "journal.db" in files_opened_by(folder, recovery), kill_at


def test_a_key_file_left_on_a_generation_the_database_never_took_is_rolled_back(kept):
    """Finding 18's state: vault.json holds only a new generation whose key does not
    open journal.db, with the rotation's note beside it. The next unlock no longer
    calls the journal damaged: the key file comes back from a kept copy, every entry is
    there, the old recovery key still works, and the person is told nothing changed."""
    folder, recovery = kept
    live = read_header(folder)
    stray = bytearray(keys.new_data_key())
    slots = [
        make_slot(live, SlotKind.PASSPHRASE, 2, keys.normalise_passphrase(OLD), stray, LIGHT_KDF),
        make_slot(
            live,
            SlotKind.RECOVERY,
            2,
            keys.normalise_recovery_key(keys.new_recovery_key()),
            stray,
            LIGHT_KDF,
            shown=False,
        ),
    ]
    write_header(folder, with_slots(live, slots))
    (folder / KEY_CHANGE_NAME).write_bytes(b"rotation " + slots[1].salt.hex().encode())
    store = JournalStore(folder.parent.parent)
    journal = store.unlock(folder, OLD)
    assert entry_count(journal) == 1
    assert journal.key_change_note == ROTATION_NOT_BEGUN
    assert not journal.needs_new_recovery_key
    journal.lock()
    assert not (folder / KEY_CHANGE_NAME).exists()
    store.unlock_with_recovery_key(folder, recovery).lock()


def test_a_kept_copy_left_under_a_retired_key_is_re_keyed_at_the_next_unlock(tmp_path, kept):
    """Finding 17's state: a copy kept before a restore that a rotation (finished at an
    unlock, before this order) left under the retired key and its old key file, so
    the retired recovery key still opened it. The next unlock with the passphrase,
    which the rotation did not change, re-keys it under the live key."""
    folder, recovery = kept
    aside = next(p for p in (folder / "backups").iterdir() if p.name.endswith("before-restore"))
    left = tmp_path / "left"
    shutil.copytree(aside, left)
    store = JournalStore(folder.parent.parent)
    new = rotated(store, folder)
    shutil.rmtree(aside)
    shutil.copytree(left, aside)  # as the finish at an earlier unlock left it
    assert files_opened_by(folder, recovery) == [str((aside / "journal.db").relative_to(folder))]
    store.unlock(folder, OLD).lock()
    assert files_opened_by(folder, recovery) == []
    assert str((aside / "journal.db").relative_to(folder)) in files_opened_by(folder, new)


def test_a_rotation_whose_rekey_missed_the_live_file_is_undone_and_told(kept):
    """The live journal.db replaced by path under an open engine (as a restore would
    that the engine outlived): SQLCipher's rekey re-encrypts the file the connection
    holds, not the one at the path. The rotation now checks the file at the path,
    undoes itself and says the key was not rotated; the journal then opens with the
    passphrase and the recovery key as before."""
    from journal.errors import KeyNotChanged

    folder, recovery = kept
    store = JournalStore(folder.parent.parent)
    journal = store.unlock(folder, OLD)
    db = folder / "journal.db"
    held = folder / "held.db"
    db.rename(held)
    shutil.copyfile(held, db)  # a new file at the path; the engine holds the old one
    with pytest.raises(KeyNotChanged) as refused:
        journal.rotate_data_key(OLD)
    assert "The encryption key was not rotated" in refused.value.message
    assert journal.key_generation == 1
    assert entry_count(journal) == 1
    journal.lock()
    held.unlink()
    assert not (folder / KEY_CHANGE_NAME).exists()
    reopened = store.unlock(folder, OLD)
    assert entry_count(reopened) == 1
    assert reopened.key_change_note == ""
    reopened.lock()
    store.unlock_with_recovery_key(folder, recovery).lock()
