"""Run by test_damaged_log in a child process: write entries, then wait to be killed.

usage: wal_worker.py DATA_DIR PASSPHRASE COUNT
Creates a journal "Crashy" under DATA_DIR (light key derivation), saves COUNT entries
with `EntryRepository.save` (each one acknowledged: its commit returned), and more
until the WAL's current log holds at least two commits (where SQLite's automatic
checkpoint restarted the log depends on the entries' random ids), prints "ready N"
(N: the entries saved) and sleeps with the journal open, so the parent's kill -9
leaves the WAL as a crash does (break test 16 of session 12, finding 2).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping import wal
from tests.storage.safekeeping.helpers import write_entries


def live_commits(path: Path) -> int:
    """The commit frames of the current log of the WAL at ``path`` (those SQLite reads)."""
    data = path.read_bytes()
    reading = wal.read_log(data)
    step = wal.FRAME_HEADER_BYTES + reading.page_size
    frames = (len(data) - wal.HEADER_BYTES) // step if reading.page_size else 0
    live = reading.stops_at if reading.stops_at >= 0 else frames
    starts = (wal.HEADER_BYTES + n * step for n in range(live))
    return sum(1 for at in starts if int.from_bytes(data[at + 4 : at + 8], "big"))


def main() -> None:
    data_dir, passphrase, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    journal, _recovery = JournalStore(data_dir).create("Crashy", passphrase, LIGHT_KDF)
    write_entries(journal, count, word="Canaryotter")
    while live_commits(journal.folder / "journal.db-wal") < 2:
        write_entries(journal, 1, start=count, word="Canaryotter")
        count += 1
    sys.stdout.write(f"ready {count}\n")
    sys.stdout.flush()
    time.sleep(600)


if __name__ == "__main__":
    main()
