"""Quitting never leaves a process behind, even while a background task waits on a
file that never answers (break test 16, finding 5: after Ctrl+Q the process lived on
with no window, its unlock thread blocked on a pipe named journal.db)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

STUCK = """
import sys
from PySide6.QtCore import QCoreApplication
from journal.app import exit_without_teardown
from journal.ui.common.workers import run_in_background

app = QCoreApplication([])
task = run_in_background(lambda: open(sys.argv[1], "rb").read(), print, print, owner=None)
exit_without_teardown(0, 300)
"""


def test_the_process_ends_when_a_background_task_is_stuck_on_a_pipe(tmp_path: Path) -> None:
    stuck = tmp_path / "journal.db"
    os.mkfifo(stuck, 0o600)
    ran = subprocess.run(
        [sys.executable, "-c", STUCK, str(stuck)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        timeout=120,  # a process left behind would never end: this is far beyond 0.3 s
        check=False,
    )
    assert ran.returncode == 0, ran.stderr.decode(errors="replace")[-400:]


def test_closing_the_window_while_it_unlocks_ends_the_process(qapp, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """Closed while the key is derived (re-test 41, F6), Solace locks and ends: no
    process is left holding the journal with no window, and the next start opens it.
    The key derivation takes about 0.1 s here (32 MiB), so the close meets it under way."""
    from journal.storage.lock.keys import KdfParams
    from journal.storage.lock.store import JournalStore
    from journal.ui.shell.single_instance import SingleInstance
    from tests.ui.shell.driven import Driven

    passphrase = "lantern over the water"
    journal, _ = JournalStore(data_dir).create(
        "Closed", passphrase, KdfParams(iterations=1, memory_kib=32 * 1024, lanes=1)
    )
    journal.confirm_recovery_key()
    journal.lock()
    app = Driven(data_dir, "close-unlocking", {"passphrase": passphrase})
    try:
        said, _ = app.expect("closing-busy", "closing-idle")
        assert said == "closing-busy"
        assert app.process.wait(timeout=60) == 0
    finally:
        app.kill()
    instance = SingleInstance(data_dir)  # a new start is not told "already open"
    assert instance.acquire()
    instance.release()
    JournalStore(data_dir).unlock(journal.folder, passphrase).lock()
