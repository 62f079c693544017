"""On a small file system that fills up, the lock screen tells the truth about the
words it could not save (session 6, re-check of finding 0).

The journal's write-ahead log takes room until the database closes at the lock; once
it has closed, the small sealed file fits. The lock said "held in Solace's memory
only ... quitting now would lose them" although the next try (at Quit, or a minute
later) wrote them quietly, so Quit never asked. Now the lock tries again as soon as
the database has closed, and says where the words really are.

Runs a worker in a user and mount namespace (``unshare``) with a real 3 MB tmpfs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from journal.ui.shell.held_words import DRAFTS_HELD
from journal.ui.shell.main_window import DRAFTS_KEPT

WORKER = Path(__file__).with_name("small_disk_worker.py")


def test_a_lock_on_a_full_small_disk_says_where_the_words_really_are(tmp_path):  # type: ignore[no-untyped-def]
    unshare = shutil.which("unshare")
    if unshare is None or sys.platform != "linux":
        pytest.skip("needs Linux's unshare for a private tmpfs")
    probe = subprocess.run(
        [unshare, "--user", "--map-root-user", "--mount", "true"], capture_output=True, check=False
    )
    if probe.returncode != 0:
        pytest.skip("user namespaces are not allowed here")
    child = subprocess.run(
        [
            unshare,
            "--user",
            "--map-root-user",
            "--mount",
            sys.executable,
            str(WORKER),
            str(tmp_path / "small"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert child.returncode == 0, child.stderr[-2000:]
    seen = json.loads(child.stdout.strip().splitlines()[-1])
    assert seen["notice"] == DRAFTS_KEPT  # not "held in memory ... would lose them"
    assert seen["notice"] != DRAFTS_HELD
    assert seen["sealed_file"] and not seen["held"]
    assert "Words typed as the disk filled" in seen["editor"]
