"""Run by test_crash_safety in a child process: repeat a key operation until killed.

usage: crash_worker.py DATA_DIR FOLDER passphrase|rotate|CUT [PASSPHRASE]
Prints "ready" once the journal is open, so the parent kills mid-way. For "rotate"
it prints "recovery <key>" for each new recovery key before confirming it, as the
lock screen shows a key before the person confirms writing it down.

A CUT (one of `CUTS`) runs its operation once and kills this process with SIGKILL at
an exact point of it, as a crash or a power cut there would: the point is the nth
call of one of the journal's steps, cut before that step runs.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.store import JournalStore

OLD, NEW = "old passphrase here", "new passphrase here"


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


#: name: (operation, the step cut, at which call of it).
CUTS = {
    # OK pressed: the passphrase check, the first slow step, has just begun (break
    # test 14 of session 11, finding 7: a kill here was never told).
    "rotate-at-check": ("rotate", "check_passphrase", 1),
    "recovery-key-at-check": ("recovery-key", "check_passphrase", 1),
    "passphrase-at-check": ("passphrase", "check_passphrase", 1),
    # The note is written; nothing else changed yet (no header written).
    "rotate-before-write": ("rotate", "_write", 1),
    # The header holds both generations' slots; the database is not re-keyed yet.
    "rotate-before-rekey": ("rotate", "rekey_connection", 1),
    # The database is re-keyed; the header still holds both generations' slots.
    "rotate-after-rekey": ("rotate", "_write", 2),
    # The header holds only the new generation; the snapshots are not settled yet.
    "rotate-before-settling": ("rotate", "settle_snapshots", 1),
    # Nothing changed yet: the snapshots are being given the live header first.
    "recovery-key-before-write": ("recovery-key", "settle_snapshots", 1),
    # The live header has the new recovery slot; the snapshots are not settled yet.
    "recovery-key-after-write": ("recovery-key", "settle_snapshots", 2),
}


def cut_at(step: str, nth: int) -> None:
    """SIGKILL this process when `OpenJournal.<step>` (or the journal module's
    function ``step``) is called for the nth time."""
    import journal.storage.lock.journal as module

    owner: object = OpenJournal if hasattr(OpenJournal, step) else module
    original = getattr(owner, step)
    calls = 0

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == nth:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(*args, **kwargs)

    setattr(owner, step, counted)


def main() -> None:
    data_dir, folder, operation = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    store = JournalStore(data_dir)
    current = sys.argv[4] if len(sys.argv) > 4 else OLD
    journal = store.unlock(folder, current)
    say("ready")
    if operation in CUTS:
        kind, step, nth = CUTS[operation]
        cut_at(step, nth)
        if kind == "rotate":
            journal.rotate_data_key(current)
        elif kind == "passphrase":  # as Settings does: the current one checked inside
            journal.change_passphrase(NEW, current=current)
        else:
            journal.new_recovery_key(current)
        raise SystemExit(f"{operation}: the cut was never reached")
    while True:
        if operation == "passphrase":
            current = NEW if current == OLD else OLD
            journal.change_passphrase(current)
        else:
            recovery = journal.rotate_data_key(OLD)
            say(f"recovery {recovery}")
            journal.confirm_recovery_key()


if __name__ == "__main__":
    main()
