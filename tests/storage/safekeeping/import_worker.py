"""Run by test_import_cut_short in a child process: import a jrnl JSON file into a
journal and stop inside the import's transaction, once its entries are written but
before they are committed, so the parent can kill -9 it there (as a lock, which
replaces the process, or a power cut would).

usage: import_worker.py DATA_DIR FOLDER PASSPHRASE FILE
Prints "inserted" when the entries are written and the transaction still open.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from journal.domain.safekeeping.sources import plan_for
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping import importer


def main() -> None:
    data_dir, folder, passphrase, source = sys.argv[1:5]
    journal = JournalStore(Path(data_dir)).unlock(Path(folder), passphrase)
    plan = plan_for(Path(source))
    insert = importer.insert_entries

    def insert_then_wait(*args, **kwargs):  # type: ignore[no-untyped-def]
        inserted = insert(*args, **kwargs)
        sys.stdout.write("inserted\n")
        sys.stdout.flush()
        threading.Event().wait()  # until killed
        return inserted

    importer.insert_entries = insert_then_wait  # type: ignore[assignment]
    importer.apply(journal, plan, name=Path(source).name)


if __name__ == "__main__":
    main()
