"""A recovery key that was on screen and never confirmed opens nothing after a crash
either (note 8, #14: "a partner's unconfirmed key still opens the journal in Together
after a crash"; break test 14 of session 7, finding 1).

Closing the key's window, locking or quitting withdraw such a key at once
(test_unconfirmed_key.py). A kill -9 or a power cut while it is on screen leaves it in
the key file: here a child process (`key_on_screen_worker`) shows a key and is killed
with a real SIGKILL, and the key must then open neither the journal (from the lock
screen, a restore, or Together's partner unlock) nor any file Solace keeps once
Solace starts again.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from journal.errors import WrongRecoveryKey
from journal.storage.lock import keys
from journal.storage.lock.journal import RECOVERY_KEY_WITHDRAWN
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.lock.vault import SlotKind, parse_header, unwrap_candidates
from journal.storage.together.session import open_partner

pytestmark = pytest.mark.slow
WORKER = Path(__file__).with_name("key_on_screen_worker.py")
PASSPHRASE = "quiet passphrase of ours"
OPERATIONS = ["create", "new-key", "rotate"]


def killed_with_key_on_screen(store: JournalStore, operation: str) -> tuple[Path, str]:
    """The journal's folder and the recovery key a child process had on screen,
    unconfirmed, when it was killed with SIGKILL."""
    folder = "-"
    if operation != "create":
        journal, _first = store.create("Left", PASSPHRASE, LIGHT_KDF)
        journal.confirm_recovery_key()
        journal.snapshot("manual")  # a kept copy of the key file, to be settled too
        journal.lock()
        folder = str(journal.folder)
    child = subprocess.Popen(
        [sys.executable, str(WORKER), str(store.data_dir), folder, operation, PASSPHRASE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline() if child.stdout is not None else ""
        assert line.startswith("shown "), child.stderr.read() if child.stderr else ""
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=120)
        for stream in (child.stdin, child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert child.returncode == -signal.SIGKILL
    _shown, path, key = line.rstrip("\n").split(" ", 2)
    return Path(path), key


def files_opened_by(folder: Path, recovery: str) -> list[str]:
    """Every key file in the journal's folder (live and kept) that ``recovery``
    unwraps, whether its slot is confirmed or not."""
    secret = keys.normalise_recovery_key(recovery)
    return sorted(
        str(path.relative_to(folder))
        for path in folder.rglob("vault.json")
        if unwrap_candidates(parse_header(path.read_bytes()), SlotKind.RECOVERY, secret)
    )


@pytest.mark.parametrize("operation", OPERATIONS)
def test_the_key_on_screen_at_a_crash_does_not_unlock_the_journal(
    store: JournalStore, operation: str
) -> None:
    folder, shown = killed_with_key_on_screen(store, operation)
    left = files_opened_by(folder, shown)
    assert left  # the crash left it in the key file
    with pytest.raises(WrongRecoveryKey):  # "That recovery key did not open this journal"
        store.unlock_with_recovery_key(folder, shown)
    assert files_opened_by(folder, shown) == left  # a refused key changes nothing
    journal = store.unlock(folder, PASSPHRASE)  # the person's passphrase still opens it
    assert journal.recovery_key_problem == RECOVERY_KEY_WITHDRAWN  # a new key, and why
    assert files_opened_by(folder, shown) == []  # withdrawn from every file by that unlock
    journal.lock()


@pytest.mark.parametrize("operation", OPERATIONS)
def test_the_next_start_withdraws_it_from_every_kept_file(
    store: JournalStore, operation: str
) -> None:
    folder, shown = killed_with_key_on_screen(store, operation)
    assert store.withdraw_keys_left_on_screen() == 1  # what Solace does as it starts
    assert files_opened_by(folder, shown) == []
    assert store.withdraw_keys_left_on_screen() == 0
    journal = store.unlock(folder, PASSPHRASE)
    assert journal.recovery_key_problem == RECOVERY_KEY_WITHDRAWN
    new = journal.new_recovery_key()
    journal.recovery_key_shown()
    journal.confirm_recovery_key()
    journal.lock()
    store.unlock_with_recovery_key(folder, new).lock()  # a confirmed key works


def test_a_partner_opened_in_together_loses_the_key_left_on_screen(
    store: JournalStore,
) -> None:
    folder, shown = killed_with_key_on_screen(store, "new-key")
    owner, _owner_key = store.create("Mine", "my own quiet passphrase", LIGHT_KDF)
    partner = open_partner(store, owner, folder, PASSPHRASE)  # Together's unlock
    try:
        assert files_opened_by(folder, shown) == []
        assert partner.recovery_key_problem == RECOVERY_KEY_WITHDRAWN
    finally:
        partner.lock()
        owner.lock()
    with pytest.raises(WrongRecoveryKey):
        store.unlock_with_recovery_key(folder, shown)
