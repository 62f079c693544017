"""Run by test_crash in a child process: write, back up and restore until killed.

usage: crash_worker.py DATA_DIR FOLDER ARCHIVE PASSPHRASE
Each cycle: unlock, write a few entries (printing "w <id>" after each commit),
take a backup ("backing" / "backed"), lock, restore ARCHIVE ("restoring" /
"restored"). Prints "ready" first, so the parent kills mid-way.

usage: crash_worker.py DATA_DIR FOLDER ARCHIVE PASSPHRASE full-disk LIMIT OPERATION
Runs OPERATION (backup or restore) once under a file-size limit of LIMIT bytes
and prints the message the person would read.
"""

from __future__ import annotations

import dataclasses
import resource
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from journal.domain.entries.entry import new_entry
from journal.domain.safekeeping.rotation import Reason
from journal.errors import SolaceError
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.restore import restore


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def cycles(store: JournalStore, folder: Path, archive: Path, passphrase: str) -> None:
    say("ready")
    n = 0
    while True:
        journal = store.unlock(folder, passphrase)
        repo = EntryRepository(journal.db)
        for _ in range(5):
            entry = dataclasses.replace(new_entry(datetime.now(UTC)), body=f"cycle {n}")
            repo.save(entry)
            say(f"w {entry.id}")
            n += 1
        say("backing")
        journal.backup(Reason.DAILY)
        say("backed")
        journal.lock()
        say("restoring")
        restore(store.data_dir, archive, passphrase)
        say("restored")


def full_disk(
    store: JournalStore, folder: Path, archive: Path, passphrase: str, limit: int, operation: str
) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    journal = store.unlock(folder, passphrase)
    if operation == "restore":
        journal.lock()
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        if operation == "backup":
            journal.backup(Reason.MANUAL)
        else:
            restore(store.data_dir, archive, passphrase)
    except SolaceError as error:
        say(error.message)
    else:
        say("no error")
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        if journal.is_open:
            journal.lock()


def main() -> None:
    data_dir, folder, archive, passphrase = (
        Path(sys.argv[1]),
        Path(sys.argv[2]),
        Path(sys.argv[3]),
        sys.argv[4],
    )
    store = JournalStore(data_dir)
    if len(sys.argv) > 5 and sys.argv[5] == "full-disk":
        full_disk(store, folder, archive, passphrase, int(sys.argv[6]), sys.argv[7])
    else:
        cycles(store, folder, archive, passphrase)


if __name__ == "__main__":
    main()
