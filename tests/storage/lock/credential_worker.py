"""Run by test_credential_change in a child process: change one credential and die
of SIGKILL just before the Nth rename of a key file (``vault.json``) anywhere.

usage: credential_worker.py FOLDER PASSPHRASE passphrase|recovery|reset|rotation N NEW_PASSPHRASE

"reset" is the lock screen's "Choose a new passphrase" after an unlock with the
recovery key: PASSPHRASE is then the recovery key.

The kill comes from an audit hook on ``os.rename`` (which ``os.replace`` raises
before the system call), so the files are exactly as a crash there leaves them.
N = 0 never kills: the worker then prints "renames <count>" at the end, and the new
recovery key as "recovery <key>".
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from journal.storage.lock.store import JournalStore


def main() -> None:
    folder, passphrase, operation = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    kill_at, new = int(sys.argv[4]), sys.argv[5]
    store = JournalStore(folder.parent.parent)
    if operation == "reset":
        journal = store.unlock_with_recovery_key(folder, passphrase)
    else:
        journal = store.unlock(folder, passphrase)
    renames = 0

    def hook(event: str, args: tuple[object, ...]) -> None:
        nonlocal renames
        if event == "os.rename" and str(args[1]).endswith("vault.json"):
            renames += 1
            if renames == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)

    sys.addaudithook(hook)
    if operation == "passphrase":
        journal.change_passphrase(new)
    elif operation == "reset":
        journal.change_passphrase(new)
        journal.confirm_recovery_key()
    elif operation == "rotation":
        sys.stdout.write(f"recovery {journal.rotate_data_key(passphrase)}\n")
        sys.stdout.flush()
    else:
        sys.stdout.write(f"recovery {journal.new_recovery_key()}\n")
    sys.stdout.write(f"renames {renames}\n")
    sys.stdout.flush()
    journal.lock()


if __name__ == "__main__":
    main()
