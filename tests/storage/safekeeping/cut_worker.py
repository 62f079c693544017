"""Run in a child process by tests of work cut short: do one piece of work on a journal
and stop at a chosen point inside it, saying so, so the parent can kill -9 it there
(as a lock, which replaces the process, or a power cut would).

usage: cut_worker.py DATA_DIR FOLDER PASSPHRASE import FILE
    Import FILE (any format Solace reads); says "inserted" once the entries are
    written and the import's transaction is still open.
usage: cut_worker.py DATA_DIR FOLDER PASSPHRASE backup-file TARGET
    "Back up now…" to TARGET; says "renaming" once the backup file is whole in its
    hidden ``.NAME.partial``, before it is renamed into place.
usage: cut_worker.py DATA_DIR FOLDER PASSPHRASE rescue NAME
    Rescue what can be read into a new journal NAME (light key derivation, passphrase
    `NEW_PASSPHRASE`); says "applied" once every row is written into it, before it is
    listed.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from journal.domain.safekeeping.sources import plan_for
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping import archive, importer, status
from journal.storage.safekeeping import rescue as rescuing


def stop_after(function: Callable[..., Any], word: str) -> Callable[..., Any]:
    """``function``, which says ``word`` and waits to be killed once it has run (or,
    for "renaming", before it runs)."""

    def stopped(*args: Any, **kwargs: Any) -> Any:
        result = None if word == "renaming" else function(*args, **kwargs)
        sys.stdout.write(word + "\n")
        sys.stdout.flush()
        threading.Event().wait()  # until killed
        return result

    return stopped


NEW_PASSPHRASE = "a new long passphrase for what was rescued"


def main() -> None:
    data_dir, folder, passphrase, work, path = sys.argv[1:6]
    if work == "rescue":
        rescuing.apply = stop_after(rescuing.apply, "applied")  # type: ignore[assignment]
        rescuing.rescue(Path(data_dir), Path(folder), passphrase, path, NEW_PASSPHRASE, LIGHT_KDF)
        return
    journal = JournalStore(Path(data_dir)).unlock(Path(folder), passphrase)
    if work == "import":
        importer.insert_entries = stop_after(importer.insert_entries, "inserted")  # type: ignore[assignment]
        importer.apply(journal, plan_for(Path(path)), name=Path(path).name)
    else:
        write = status.write_archive

        def write_then_stop(*args: Any) -> Any:  # the backup is taken: stop at its rename
            archive.os.replace = stop_after(archive.os.replace, "renaming")  # type: ignore[assignment]
            return write(*args)

        status.write_archive = write_then_stop  # type: ignore[assignment]
        status.back_up_to(journal, Path(path))


if __name__ == "__main__":
    main()
