"""A journal on a disk with no room left is said to need room, never to be damaged
(break test 14 of session 10, finding 2): SQLite cannot open a journal in WAL mode
without room for its index, and the checks that look for damage open it, so a full
disk was told as "The journal's database has been cut short" with Restore a backup
as the way out. Runs a worker in a user and mount namespace (``unshare``) with a
real 3 MB tmpfs filled to its last byte."""

from __future__ import annotations

from pathlib import Path

from tests.small_disk import run_on_small_disk

WORKER = Path(__file__).with_name("full_disk_unlock_worker.py")


def test_an_unlock_on_a_full_disk_asks_for_room_and_opens_once_there_is(tmp_path):  # type: ignore[no-untyped-def]
    seen = run_on_small_disk(WORKER, tmp_path / "small")
    assert seen["full"] == "DiskFull", seen
    assert "not enough free space" in seen["message"] and "damaged" not in seen["message"]
    assert "Nothing has been changed" in seen["message"]
    assert seen["after"] == "She would have been born in May."  # every word, once room is made
