"""A key change on files that refuse writes changes nothing and says so (break test 14
of session 6, finding 6): Change passphrase on an immutable journal folder answered
with the editor's "it will try again" (nothing tried again), never said the passphrase
was unchanged, and left the snapshot opening only with the refused new passphrase.

The journal's folder and key file (or a snapshot's) are made unwritable: immutable
with ``chattr +i`` when the tests run as root (which ignores permissions), else
read-only permissions.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from journal.domain.safekeeping.rotation import Reason
from journal.errors import KeyNotChanged
from journal.storage.lock import keys
from journal.storage.lock.journal import KEY_CHANGE_NAME, OpenJournal
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.lock.vault import SlotKind
from tests.storage.lock.test_credential_change import opens_live

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux files")
OLD, NEW = "old quiet passphrase", "new quiet passphrase"


@contextmanager
def refusing(*paths: Path) -> Iterator[None]:
    """While inside, every write to ``paths`` (folders and files) is refused."""
    if os.geteuid() != 0:
        modes = {path: path.stat().st_mode for path in paths}
        for path in paths:
            path.chmod(0o500 if path.is_dir() else 0o400)
        try:
            yield
        finally:
            for path, mode in modes.items():
                path.chmod(mode)
        return
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    names = [str(path) for path in paths]
    if subprocess.run(["chattr", "+i", *names], capture_output=True).returncode != 0:
        pytest.skip("this file system cannot make files immutable")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", *names], check=True)


def open_journal(tmp_path: Path) -> tuple[OpenJournal, str, Path]:
    """A journal with a snapshot; the snapshot's folder."""
    journal, recovery = JournalStore(tmp_path / "data").create("Kept", OLD, LIGHT_KDF)
    journal.confirm_recovery_key()
    journal.backup(Reason.MANUAL)
    (snapshot,) = (journal.folder / "backups").iterdir()
    return journal, recovery, snapshot


def passphrase_opens(journal: OpenJournal, passphrase: str) -> list[str]:
    return opens_live(journal.folder, SlotKind.PASSPHRASE, keys.normalise_passphrase(passphrase))


@pytest.mark.parametrize("refused", ["journal folder", "snapshot"])
def test_a_refused_passphrase_change_changes_nothing_and_says_so(tmp_path, refused) -> None:  # type: ignore[no-untyped-def]
    journal, _recovery, snapshot = open_journal(tmp_path)
    everything = passphrase_opens(journal, OLD)
    assert len(everything) == 2  # the live key file and the snapshot's
    folder = journal.folder
    where = (folder, folder / "vault.json") if refused == "journal folder" else (
        snapshot,
        snapshot / "vault.json",
    )
    with refusing(*where), pytest.raises(KeyNotChanged) as raised:
        journal.change_passphrase(NEW)

    said = raised.value.message
    assert said.startswith("Your passphrase was not changed: Solace could not write this")
    assert said.endswith("Your current passphrase still works.")
    assert "try again" not in said
    # Nothing opens with the refused passphrase; everything still with the old one.
    assert passphrase_opens(journal, NEW) == []
    assert passphrase_opens(journal, OLD) == everything
    journal.change_passphrase(NEW)  # writable again: it takes, everywhere
    assert passphrase_opens(journal, NEW) == everything
    assert passphrase_opens(journal, OLD) == []
    journal.lock()


def test_a_refused_new_recovery_key_changes_nothing_and_leaves_no_note(tmp_path) -> None:  # type: ignore[no-untyped-def]
    journal, recovery, snapshot = open_journal(tmp_path)
    with refusing(snapshot, snapshot / "vault.json"), pytest.raises(KeyNotChanged) as raised:
        journal.new_recovery_key()
    assert raised.value.message.startswith("No new recovery key was made")
    assert raised.value.message.endswith("Your current recovery key still works.")
    assert not (journal.folder / KEY_CHANGE_NAME).exists()  # no "interrupted" next time
    folder = journal.folder
    journal.lock()
    store = JournalStore(tmp_path / "data")
    reopened = store.unlock_with_recovery_key(folder, recovery)
    assert reopened.recovery_key_problem == ""
    reopened.lock()


def test_a_refused_rotation_changes_nothing_and_says_so(tmp_path) -> None:  # type: ignore[no-untyped-def]
    journal, recovery, _snapshot = open_journal(tmp_path)
    folder = journal.folder
    generation = journal.key_generation
    with refusing(folder / "vault.json"), pytest.raises(KeyNotChanged) as raised:
        journal.rotate_data_key(OLD)
    assert raised.value.message.startswith("The encryption key was not rotated")
    assert not (folder / KEY_CHANGE_NAME).exists()
    journal.lock()
    store = JournalStore(tmp_path / "data")
    reopened = store.unlock_with_recovery_key(folder, recovery)
    assert reopened.key_generation == generation
    assert reopened.key_change_note == "" and reopened.recovery_key_problem == ""
    reopened.lock()
