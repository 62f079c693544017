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
