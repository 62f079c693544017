"""Run by test_crash_safety in a child process: repeat a key operation until killed.

usage: crash_worker.py DATA_DIR FOLDER passphrase|rotate
Prints "ready" once the journal is open, so the parent kills mid-way. For "rotate"
it prints "recovery <key>" for each new recovery key before confirming it, as the
lock screen shows a key before the person confirms writing it down.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from journal.storage.lock.store import JournalStore

OLD, NEW = "old passphrase here", "new passphrase here"


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main() -> None:
    data_dir, folder, operation = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    store = JournalStore(data_dir)
    current = OLD
    journal = store.unlock(folder, current)
    say("ready")
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
