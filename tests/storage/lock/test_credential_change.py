"""A crash at any write of a credential change never leaves the old credential opening
a kept file whose key opens the live journal while the new one is live (break test
14, finding 1: a kill -9 between the live vault.json and the snapshots' copies).

A child process changes the passphrase (or makes a new recovery key) and is killed
just before each rename of a key file in turn (see `credential_worker`); after each,
every key file Solace keeps (the live one, each snapshot's, any half-written one) is
tried with the old and the new credential.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from journal.domain.safekeeping.rotation import Reason
from journal.storage.lock import keys
from journal.storage.lock.engine import open_engine
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.lock.vault import SlotKind, parse_header, unwrap_candidates

pytestmark = pytest.mark.slow
WORKER = Path(__file__).with_name("credential_worker.py")
OLD, NEW = "old quiet passphrase", "new quiet passphrase"


def run_worker(
    folder: Path, operation: str, kill_at: int, secret: str = OLD
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(WORKER), str(folder), secret, operation, str(kill_at), NEW],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def key_files(folder: Path) -> list[Path]:
    """Every key file kept in a journal's folder, whole or half-written."""
    return [p for p in folder.rglob("*") if p.is_file() and "vault.json" in p.name]


def opens_live(folder: Path, kind: SlotKind, secret: bytes) -> list[str]:
    """The key files that ``secret`` unwraps to a key opening the live database."""
    found = []
    for path in key_files(folder):
        try:
            header = parse_header(path.read_bytes())
        except Exception:  # half-written: opens nothing
            continue
        for _generation, key in unwrap_candidates(header, kind, secret):
            try:
                open_engine(folder / "journal.db", key).dispose()
            except Exception:
                continue
            found.append(str(path.relative_to(folder)))
    return sorted(found)


@pytest.fixture
def template(tmp_path: Path) -> tuple[Path, str]:
    """A journal with two snapshots, its folder, and its recovery key."""
    journal, recovery = JournalStore(tmp_path / "template").create("Kept", OLD, LIGHT_KDF)
    journal.confirm_recovery_key()
    journal.backup(Reason.DAILY)
    journal.backup(Reason.MANUAL)
    folder = journal.folder
    journal.lock()
    return folder, recovery


@pytest.mark.timeout(600)
@pytest.mark.parametrize("operation", ["passphrase", "recovery"])
def test_no_old_credential_opens_a_kept_file_once_the_new_one_is_live(
    tmp_path, template, operation
):
    source, recovery = template
    if operation == "passphrase":
        kind, old, new = SlotKind.PASSPHRASE, OLD, NEW
        secret = keys.normalise_passphrase
    else:
        kind, old, new = SlotKind.RECOVERY, recovery, ""
        secret = keys.normalise_recovery_key
    clean = tmp_path / "clean" / "journals" / source.name
    shutil.copytree(source, clean)
    finished = run_worker(clean, operation, 0)
    assert finished.returncode == 0, finished.stderr
    said = dict(line.split(" ", 1) for line in finished.stdout.splitlines())
    renames = int(said["renames"])
    assert opens_live(clean, kind, secret(old)) == []
    assert renames >= 3  # the live key file and the two snapshots' copies
    for kill_at in range(1, renames + 1):
        folder = tmp_path / f"kill{kill_at}" / "journals" / source.name
        shutil.copytree(source, folder)
        result = run_worker(folder, operation, kill_at)
        assert result.returncode == -signal.SIGKILL, (kill_at, result.stderr[-400:])
        old_opens = opens_live(folder, kind, secret(old))
        if "vault.json" not in old_opens:  # the change happened: the old one opens nothing
            assert old_opens == [], (kill_at, old_opens)
            if new:
                assert "vault.json" in opens_live(folder, kind, secret(new)), kill_at


@pytest.mark.timeout(600)
@pytest.mark.parametrize("operation", ["passphrase", "reset"])
def test_after_a_crash_in_a_passphrase_change_the_new_one_opens_or_the_old_one_is_told(
    tmp_path, template, operation
):
    """Break test 14 of session 7, finding 3: killed between a snapshot's key file and
    the live one, the new passphrase was refused as wrong with no word, and after a
    reset with the recovery key the person knew no passphrase that worked. At every
    kill point now, the new passphrase either opens the journal (the change is
    finished, the old one then refused) or is refused with words saying the change
    did not take effect and what still opens it, which then does, with a note."""
    from journal.errors import PassphraseChangeInterrupted, WrongPassphrase
    from journal.storage.lock.journal import (
        CHANGE_FINISHED_NOTE,
        CHANGE_NOT_MADE_NOTE,
        CHANGE_NOTE_NAME,
    )

    source, recovery = template
    secret = recovery if operation == "reset" else OLD
    clean = tmp_path / "clean" / "journals" / source.name
    shutil.copytree(source, clean)
    finished = run_worker(clean, operation, 0, secret)
    assert finished.returncode == 0, finished.stderr
    renames = int(dict(line.split(" ", 1) for line in finished.stdout.splitlines())["renames"])
    assert not (clean / CHANGE_NOTE_NAME).exists()
    outcomes = set()
    for kill_at in range(1, renames + 1):
        folder = tmp_path / f"kill{kill_at}" / "journals" / source.name
        shutil.copytree(source, folder)
        result = run_worker(folder, operation, kill_at, secret)
        assert result.returncode == -signal.SIGKILL, (kill_at, result.stderr[-400:])
        assert (folder / CHANGE_NOTE_NAME).exists(), kill_at  # noted before any write
        store = JournalStore(folder.parent.parent)
        try:
            journal = store.unlock(folder, NEW)
        except PassphraseChangeInterrupted as refused:
            outcomes.add("told")
            assert "before the new one took effect" in refused.message, kill_at
            assert ("recovery key still opens it" in refused.message) == (operation == "reset")
            journal = (
                store.unlock_with_recovery_key(folder, recovery)
                if operation == "reset"
                else store.unlock(folder, OLD)
            )
            assert journal.key_change_note == ("" if operation == "reset" else CHANGE_NOT_MADE_NOTE)
            journal.lock()
            assert opens_live(folder, SlotKind.PASSPHRASE, keys.normalise_passphrase(NEW)) == []
            with pytest.raises(WrongPassphrase) as plain:  # told once: now plainly wrong
                store.unlock(folder, NEW)
            assert type(plain.value) is WrongPassphrase
        else:
            outcomes.add("finished")
            assert journal.key_change_note == CHANGE_FINISHED_NOTE, kill_at
            journal.lock()
            assert opens_live(folder, SlotKind.PASSPHRASE, keys.normalise_passphrase(OLD)) == []
            with pytest.raises(WrongPassphrase):
                store.unlock(folder, OLD)
            store.unlock(folder, NEW).lock()
        assert not (folder / CHANGE_NOTE_NAME).exists()
    assert outcomes == {"told", "finished"}
