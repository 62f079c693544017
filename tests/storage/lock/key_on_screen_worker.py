"""Run by test_key_left_on_screen in a child process: put a new recovery key "on
screen" and wait there, unconfirmed, until the parent kills this process with SIGKILL
(a crash or a power cut while the key page or dialog was open).

usage: key_on_screen_worker.py DATA_DIR FOLDER|- create|new-key|rotate PASSPHRASE

"create" makes a new journal named "Left" in DATA_DIR (FOLDER is "-"); "new-key" and
"rotate" unlock FOLDER with PASSPHRASE and make a new recovery key or rotate the data
key. Then, as the lock screen does once the key is on screen, `recovery_key_shown`;
prints "shown FOLDER KEY" and blocks reading stdin, never confirming the key.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore


def main() -> None:
    data_dir, folder, operation, passphrase = sys.argv[1:5]
    store = JournalStore(Path(data_dir))
    if operation == "create":
        journal, key = store.create("Left", passphrase, LIGHT_KDF)
    else:
        journal = store.unlock(Path(folder), passphrase)
        key = journal.new_recovery_key() if operation == "new-key" else (
            journal.rotate_data_key(passphrase)
        )
    journal.recovery_key_shown()
    sys.stdout.write(f"shown {journal.folder} {key}\n")
    sys.stdout.flush()
    sys.stdin.read()  # the key stays on screen until the parent's SIGKILL


if __name__ == "__main__":
    main()
