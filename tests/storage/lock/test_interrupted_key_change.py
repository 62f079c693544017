"""A rotation or a new recovery key cut short by a crash is told as what happened
(break test 14, finding 3).

The worker (crash_worker.py) runs the operation in a child process and is killed with
SIGKILL at an exact point of it. The next unlock must say that Solace was interrupted
while making the new key, never that a key on screen was not confirmed: none was ever
shown. A key that was shown and left unconfirmed is still told as that.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from journal.errors import WrongRecoveryKey
from journal.storage.lock.journal import (
    KEY_CHANGE_NAME,
    NEW_KEY_INTERRUPTED,
    NEW_KEY_LOCKED,
    NEW_KEY_NOT_BEGUN,
    RECOVERY_KEY_WITHDRAWN,
    ROTATION_INTERRUPTED,
    ROTATION_LOCKED,
    ROTATION_NOT_BEGUN,
)
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore

WORKER = Path(__file__).with_name("crash_worker.py")
OLD = "old passphrase here"


def cut(data_dir: Path, folder: Path, where: str, passphrase: str = OLD) -> None:
    """Run the operation ``where`` names in a child process, killed at its point."""
    child = subprocess.run(
        [sys.executable, str(WORKER), str(data_dir), str(folder), where, passphrase],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.stdout.splitlines()[:1] == ["ready"], child.stderr
    assert child.returncode == -signal.SIGKILL, child.stderr


def confirmed_journal(store: JournalStore) -> tuple[Path, str]:
    journal, recovery = store.create("Crash test", OLD, LIGHT_KDF)
    journal.confirm_recovery_key()
    journal.snapshot("manual")
    journal.lock()
    return journal.folder, recovery


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ("rotate-after-rekey", ROTATION_INTERRUPTED),
        ("rotate-before-settling", ROTATION_INTERRUPTED),
        ("recovery-key-after-write", NEW_KEY_INTERRUPTED),
    ],
)
def test_an_interrupted_key_change_is_told_as_an_interruption(store, data_dir, where, reason):  # type: ignore[no-untyped-def]
    folder, old_recovery = confirmed_journal(store)
    cut(data_dir, folder, where)

    journal = store.unlock(folder, OLD)
    assert journal.recovery_key_problem == reason
    journal.lock()
    journal = store.unlock(folder, OLD)  # a second crash before the new key: still said
    assert journal.recovery_key_problem == reason
    journal.lock()
    cut(data_dir, folder, "recovery-key-before-write")  # and a crash while replacing it
    journal = store.unlock(folder, OLD)
    assert journal.recovery_key_problem == reason

    new_recovery = journal.new_recovery_key()  # what the lock screen does first
    journal.recovery_key_shown()  # ...and then shows it
    assert not (folder / KEY_CHANGE_NAME).exists()
    journal.confirm_recovery_key()
    assert journal.recovery_key_problem == ""
    journal.lock()
    with pytest.raises(WrongRecoveryKey):
        store.unlock_with_recovery_key(folder, old_recovery)
    store.unlock_with_recovery_key(folder, new_recovery).lock()


@pytest.mark.parametrize("where", ["rotate-at-check", "rotate-before-write", "rotate-before-rekey"])
def test_a_rotation_cut_before_it_began_is_told_not_dropped(store, data_dir, where):  # type: ignore[no-untyped-def]
    """Break test 14 of session 6, finding 3: killed right after the note, the next
    unlock dropped the rotation in silence, and the old recovery key and copies still
    opened everything though the dialog said they would stop. Now it is told, once,
    and what it says is true: nothing changed, the old recovery key still works.
    Killed during the passphrase check, the first seconds after OK (break test 14 of
    session 11, finding 7), it was not told at all: the note came after the check."""
    folder, recovery = confirmed_journal(store)
    cut(data_dir, folder, where)
    assert (folder / KEY_CHANGE_NAME).exists()

    journal = store.unlock(folder, OLD)
    assert journal.key_change_note == ROTATION_NOT_BEGUN
    assert "nothing changed" in journal.key_change_note
    assert "your passphrase, your old recovery key and any copies" in journal.key_change_note
    assert journal.recovery_key_problem == ""  # the confirmed key still works
    assert not (folder / KEY_CHANGE_NAME).exists()
    generation = journal.key_generation
    journal.lock()
    store.unlock_with_recovery_key(folder, recovery).lock()  # as the note says
    journal = store.unlock(folder, OLD)
    assert journal.key_change_note == ""  # told once
    assert journal.key_generation == generation
    journal.lock()


@pytest.mark.parametrize("where", ["recovery-key-at-check", "recovery-key-before-write"])
def test_a_new_recovery_key_cut_before_it_began_is_made_at_the_next_unlock(  # type: ignore[no-untyped-def]
    store, data_dir, where
):
    """Break test 14 of session 6, finding 4: the person asked for the old recovery
    key to stop working; a kill right after the note left it working, silently. The
    next unlock now finishes what was asked: a new key, shown with the true reason.
    The note is written before the passphrase check (session 11, finding 7)."""
    folder, old_recovery = confirmed_journal(store)
    cut(data_dir, folder, where)

    journal = store.unlock(folder, OLD)
    assert journal.recovery_key_problem == NEW_KEY_NOT_BEGUN
    assert journal.key_change_note == ""
    journal.lock()
    journal = store.unlock(folder, OLD)  # not made yet: still said
    assert journal.recovery_key_problem == NEW_KEY_NOT_BEGUN
    new_recovery = journal.new_recovery_key()  # what the lock screen does first
    journal.recovery_key_shown()  # then it shows the key: only now the note goes
    assert not (folder / KEY_CHANGE_NAME).exists()
    journal.confirm_recovery_key()
    assert journal.recovery_key_problem == ""
    journal.lock()
    with pytest.raises(WrongRecoveryKey):
        store.unlock_with_recovery_key(folder, old_recovery)
    store.unlock_with_recovery_key(folder, new_recovery).lock()


def test_a_key_shown_but_never_confirmed_is_still_told_as_that(store):  # type: ignore[no-untyped-def]
    """(The storage's `lock` stands for a crash here: it withdraws nothing. The next
    unlock withdraws the key left on screen, see test_key_left_on_screen.py.)"""
    folder, _recovery = confirmed_journal(store)
    journal = store.unlock(folder, OLD)
    journal.new_recovery_key()
    journal.recovery_key_shown()  # shown; Solace closed before "I have written it down"
    journal.lock()
    journal = store.unlock(folder, OLD)
    assert journal.recovery_key_problem == RECOVERY_KEY_WITHDRAWN
    journal.lock()


@pytest.mark.parametrize(
    ("operation", "reason"),
    [("rotate", ROTATION_LOCKED), ("new key", NEW_KEY_LOCKED)],
)
def test_a_key_made_but_never_shown_is_told_as_never_shown(store, operation, reason):  # type: ignore[no-untyped-def]
    """A lock that waited for the operation to finish closed its dialog before the new
    key was shown (session 6, finding 9): the next unlock says it was never shown, not
    that it was on screen, and that Solace was locked, not interrupted (break test 14
    of session 9, finding 3)."""
    folder, _recovery = confirmed_journal(store)
    journal = store.unlock(folder, OLD)
    if operation == "rotate":
        journal.rotate_data_key(OLD)
    else:
        journal.new_recovery_key()
    journal.lock()  # before the key reached the screen
    journal = store.unlock(folder, OLD)
    assert journal.recovery_key_problem == reason
    journal.lock()


@pytest.mark.parametrize("operation", ["rotate", "new key"])
def test_a_key_never_shown_after_none_worked_never_speaks_of_the_one_before(  # type: ignore[no-untyped-def]
    store, operation
):
    """Break test 14 of session 9, finding 3: with no working recovery key (one shown
    and closed without being confirmed, so withdrawn), a rotation or a new key cut
    short by Ctrl+L was told as "Solace was interrupted … the recovery key you had
    before no longer opens this journal". Now it says Solace was locked, and speaks of
    no earlier key."""
    folder, _recovery = confirmed_journal(store)
    journal = store.unlock(folder, OLD)
    journal.new_recovery_key()
    journal.recovery_key_shown()
    assert journal.withdraw_unconfirmed_recovery_key()  # closed without confirming
    assert journal.header.recovery_slot(journal.key_generation) is None
    if operation == "rotate":
        journal.rotate_data_key(OLD)
    else:
        journal.new_recovery_key()
    journal.lock()  # Ctrl+L: waits for the work, then locks before the key is shown
    journal = store.unlock(folder, OLD)
    said = journal.recovery_key_problem
    assert said.startswith("Solace was locked (or closed) while it was"), said
    assert "interrupted" not in said
    assert "you had before" not in said
    journal.lock()


def test_a_passphrase_change_cut_during_its_check_is_told(store, data_dir):  # type: ignore[no-untyped-def]
    """Killed while Settings checked the current passphrase (the first slow step after
    OK), the change was never noted, and nothing told her the new passphrase had not
    taken (break test 14 of session 11, finding 7): now the new one is refused with
    the reason, and the old one opens with a note that nothing changed."""
    from journal.errors import PassphraseChangeInterrupted
    from journal.storage.lock.journal import CHANGE_NOT_MADE_NOTE

    folder, _recovery = confirmed_journal(store)
    cut(data_dir, folder, "passphrase-at-check")
    with pytest.raises(PassphraseChangeInterrupted) as refused:
        store.unlock(folder, "new passphrase here")
    assert "the passphrase you had before still opens it" in refused.value.message
    journal = store.unlock(folder, OLD)
    assert journal.key_change_note == CHANGE_NOT_MADE_NOTE
    journal.lock()
    journal = store.unlock(folder, OLD)
    assert journal.key_change_note == ""  # told once
    journal.lock()


def test_a_rotation_cut_at_its_check_with_no_recovery_key_is_still_told(store, data_dir):  # type: ignore[no-untyped-def]
    """With no recovery key at the time (one shown and closed without confirming), the
    note names none; a rotation cut before it changed anything is told all the same,
    and the missing key is made."""
    from journal.storage.lock.journal import RECOVERY_KEY_MISSING

    folder, _recovery = confirmed_journal(store)
    journal = store.unlock(folder, OLD)
    journal.new_recovery_key()
    journal.recovery_key_shown()
    assert journal.withdraw_unconfirmed_recovery_key()
    journal.lock()
    journal = store.unlock(folder, OLD)  # the lock screen would show a new key first:
    journal.lock()  # ... closed by a crash before it did
    cut(data_dir, folder, "rotate-at-check")
    journal = store.unlock(folder, OLD)
    assert journal.key_change_note == ROTATION_NOT_BEGUN
    assert journal.recovery_key_problem in (RECOVERY_KEY_MISSING, RECOVERY_KEY_WITHDRAWN)
    journal.lock()


@pytest.mark.parametrize("operation", ["rotate", "new key", "passphrase"])
def test_a_wrong_passphrase_leaves_no_note_behind(store, operation):  # type: ignore[no-untyped-def]
    """The note written before the check goes when the check fails: nothing is told
    at the next unlock, since nothing was asked with the right passphrase."""
    from journal.errors import WrongPassphrase

    folder, _recovery = confirmed_journal(store)
    journal = store.unlock(folder, OLD)
    slots = journal.header.slots
    with pytest.raises(WrongPassphrase):
        if operation == "rotate":
            journal.rotate_data_key("not the passphrase")
        elif operation == "new key":
            journal.new_recovery_key("not the passphrase")
        else:
            journal.change_passphrase("new passphrase here", current="not the passphrase")
    assert journal.header.slots == slots
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []
    journal.lock()
    journal = store.unlock(folder, OLD)
    assert journal.key_change_note == "" and journal.recovery_key_problem == ""
    journal.lock()


def test_a_rotation_refused_for_a_wrong_passphrase_keeps_the_note_it_found(store):  # type: ignore[no-untyped-def]
    """Its own note goes, and the one it replaced comes back: a recovery key withdrawn
    earlier is still told as withdrawn at the next unlock."""
    from journal.errors import WrongPassphrase

    folder, _recovery = confirmed_journal(store)
    journal = store.unlock(folder, OLD)
    journal.new_recovery_key()
    journal.recovery_key_shown()
    assert journal.withdraw_unconfirmed_recovery_key()  # "Close anyway"
    with pytest.raises(WrongPassphrase):
        journal.rotate_data_key("not the passphrase")
    journal.lock()
    journal = store.unlock(folder, OLD)
    assert journal.recovery_key_problem == RECOVERY_KEY_WITHDRAWN
    assert journal.key_change_note == ""
    journal.lock()
