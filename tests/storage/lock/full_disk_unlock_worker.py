"""Unlocks a journal on a really full, small file system (a tmpfs), for
test_full_disk_unlock.py. Run inside ``unshare --user --map-root-user --mount`` so that
the tmpfs can be mounted without privileges and vanishes with the process.

usage: full_disk_unlock_worker.py MOUNT_POINT

Prints one JSON object: the error the unlock raised on the full disk (its class and
message), and the entry's text read after room was made again.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from journal.domain.entries.entry import new_entry
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore

PASSPHRASE = "quiet river stone lantern"
WORDS = "She would have been born in May."


def fill(path: Path) -> None:
    """Write ``path`` until the file system has no byte left."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 16, 1 << 10, 1):
            try:
                while True:
                    os.write(handle, b"\0" * size)
            except OSError as error:
                if error.errno != errno.ENOSPC:
                    raise
    finally:
        os.close(handle)


def main() -> None:
    mount = Path(sys.argv[1])
    mount.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], check=True)
    store = JournalStore(mount / "data")
    journal, _ = store.create("Eve", PASSPHRASE, LIGHT_KDF)
    journal.confirm_recovery_key()
    entry = replace(new_entry(datetime.now(UTC)), body=WORDS)
    EntryRepository(journal.db).save(entry)
    folder = journal.folder
    journal.lock()
    filler = mount / "filler"
    fill(filler)
    seen: dict[str, str] = {}
    try:
        store.unlock(folder, PASSPHRASE).lock()
        seen["full"] = "opened"
    except Exception as error:  # what the person would be told
        seen["full"] = type(error).__name__
        seen["message"] = str(error)
    os.unlink(filler)
    opened = store.unlock(folder, PASSPHRASE)
    kept = EntryRepository(opened.db).get(entry.id)
    seen["after"] = kept.body if kept is not None else ""
    opened.lock()
    print(json.dumps(seen))


if __name__ == "__main__":
    main()
