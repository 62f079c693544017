"""A journal made by an older Solace, on a disk without the room its update needs, is
told so and left as it was, and a full disk is never told as a wrong key (break test
41, finding 1); with room for the update but not for the compaction after it, the
journal opens and its file is compacted at a later unlock, never left larger (finding
2). Runs a worker in a user and mount namespace (``unshare``) with a real 8 MB tmpfs."""

from __future__ import annotations

from pathlib import Path

from tests.small_disk import run_on_small_disk

WORKER = Path(__file__).with_name("small_disk_upgrade_worker.py")


def test_an_update_without_room_is_told_and_changes_nothing(tmp_path):  # type: ignore[no-untyped-def]
    seen = run_on_small_disk(WORKER, tmp_path / "small")
    # A check that could not read the file for lack of room says so, not "its key".
    assert seen["check"] == ["The database could not be read from the disk."], seen
    assert seen["unlock"].startswith("DiskFull: There is not enough free space"), seen
    assert "to update your journal for this version of Solace" in seen["unlock"], seen
    assert "Nothing has been changed." in seen["unlock"], seen
    assert seen["backups"] == 0, seen  # no snapshot left filling the disk
    assert "to update your partner's journal for this version of Solace" in seen["partner"]
    assert "free space on this computer to" in seen["partner"], seen
    assert seen["partner_stick"].startswith(
        "DiskFull: There is not enough free space on the drive that holds your partner's "
        "journal to update your partner's journal for this version of Solace (it needs "
        "about "
    ), seen
    assert " of free space). Nothing has been changed." in seen["partner_stick"], seen
    # With room for the update but not its compaction: opened, and compacted later.
    assert seen["after"].startswith("She would have been born in May."), seen  # every word
    assert seen["at_heads"] is True, seen
    assert seen["pending"] is True and seen["grew"] <= 0, seen
    assert seen["pending_after_room"] is False and seen["shrank"] > 0, seen
    assert seen["backups_after"] == 1, seen  # the one snapshot
    assert seen["kit_pending"] is True, seen  # no compaction with room for the file once
    # A backup waiting for its checks on a full disk is kept, and checked with room.
    assert seen["pending_before"] >= 1, seen
    assert seen["deep_full"] == [] and seen["pending_kept"] == seen["pending_before"], seen
    assert seen["deep_room"] == [] and seen["pending_left"] == 0, seen
