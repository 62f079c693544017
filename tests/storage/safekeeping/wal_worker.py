"""Run by test_damaged_log in a child process: write entries, then wait to be killed.

usage: wal_worker.py DATA_DIR PASSPHRASE COUNT
Creates a journal "Crashy" under DATA_DIR (light key derivation), saves COUNT entries
with `EntryRepository.save` (each one acknowledged: its commit returned), prints
"ready" and sleeps with the journal open, so the parent's kill -9 leaves the WAL
as a crash does (break test 16 of session 12, finding 2).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from tests.storage.safekeeping.helpers import write_entries


def main() -> None:
    data_dir, passphrase, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    journal, _recovery = JournalStore(data_dir).create("Crashy", passphrase, LIGHT_KDF)
    write_entries(journal, count, word="Canaryotter")
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    time.sleep(600)


if __name__ == "__main__":
    main()
