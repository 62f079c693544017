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

from pathlib import Path

from journal.ui.shell.held_words import DRAFTS_HELD, drafts_kept
from tests.small_disk import run_on_small_disk

WORKER = Path(__file__).with_name("small_disk_worker.py")


def test_a_lock_on_a_full_small_disk_says_where_the_words_really_are(tmp_path):  # type: ignore[no-untyped-def]
    seen = run_on_small_disk(WORKER, tmp_path / "small")
    # not "held in memory ... would lose them"; the cause as the save met it
    assert seen["notice"] == drafts_kept("the disk is full")
    assert seen["notice"] != DRAFTS_HELD
    assert seen["sealed_file"] and not seen["held"]
    assert "Words typed as the disk filled" in seen["editor"]
