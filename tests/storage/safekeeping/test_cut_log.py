"""A write-ahead log cut short is kept aside before the journal opens, and said (break
test 16 of session 17, finding 1): a ``journal.db-wal`` cut to 16, 32 or 40 bytes (a
copy or a sync that stopped early, a file-system repair) opened as a healthy journal
without the acknowledged commits it had held, saying nothing, and the checkpoint at
the next lock deleted the log, the evidence with it.

The logs here are those a writer killed with SIGKILL left (`crashed`: every save
acknowledged), cut after the fact."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping import wal
from journal.storage.safekeeping.cut_log import CUT_LOG_PREFIX, cut_log_words, kept_cut_logs
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.test_damaged_log import FRAME, crashed


@pytest.fixture(scope="module")
def crash(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A crashed journal's folder and its log's bytes as the crash left them."""
    folder, _saved = crashed(tmp_path_factory.mktemp("crash") / "data")
    return folder, (folder / "journal.db-wal").read_bytes()


def _copy(crash: tuple[Path, bytes], to: Path, log: bytes) -> Path:
    """The crashed journal copied to ``to``, its log replaced by ``log``."""
    folder, _log = crash
    copy = to / "data" / "journals" / folder.name
    copy.mkdir(parents=True, mode=0o700)
    for name in ("vault.json", "journal.db"):
        (copy / name).write_bytes((folder / name).read_bytes())
    (copy / "journal.db-wal").write_bytes(log)
    return copy


@pytest.mark.parametrize("size", [16, 32, 40, wal.HEADER_BYTES + FRAME + 100, -7])
def test_a_log_cut_short_is_kept_aside_and_stays_after_the_lock(
    crash: tuple[Path, bytes], tmp_path: Path, size: int
) -> None:
    log = crash[1][:size]
    folder = _copy(crash, tmp_path, log)
    journal = JournalStore(folder.parent.parent).unlock(folder, PASSPHRASE)
    try:
        kept = journal.cut_log
        assert kept is not None
        assert kept.parent == folder and kept.name.startswith(CUT_LOG_PREFIX)
    finally:
        journal.lock()
    # No checkpoint deleted it: byte for byte what was found, private, never plaintext.
    assert kept_cut_logs(folder) == [kept]
    assert kept.read_bytes() == log
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert b"Canaryotter" not in kept.read_bytes()
    words = cut_log_words(kept)
    assert "may be missing" in words and kept.name in words and "Restore a backup" in words
    # Opened again: the same log is not kept twice (it is gone, checkpointed).
    again = JournalStore(folder.parent.parent).unlock(folder, PASSPHRASE)
    try:
        assert again.cut_log is None
    finally:
        again.lock()
    assert kept_cut_logs(folder) == [kept]


@pytest.mark.parametrize("log", ["whole", "empty", "whole frames"])
def test_a_log_of_a_shape_sqlite_leaves_is_not_kept(
    crash: tuple[Path, bytes], tmp_path: Path, log: str
) -> None:
    """The log as the crash left it (whole frames), an empty one (a new log, or one a
    checkpoint truncated), or one cut where a frame ends, which its bytes cannot tell
    from a log SQLite wrote (see `wal.cut_short`)."""
    data = crash[1]
    frames = (len(data) - wal.HEADER_BYTES) // FRAME
    bytes_of = {
        "whole": data,
        "empty": b"",
        "whole frames": data[: wal.HEADER_BYTES + FRAME * max(1, frames // 2)],
    }
    folder = _copy(crash, tmp_path, bytes_of[log])
    journal = JournalStore(folder.parent.parent).unlock(folder, PASSPHRASE)
    try:
        assert journal.cut_log is None
    finally:
        journal.lock()
    assert kept_cut_logs(folder) == []


def test_the_shape_rule() -> None:
    header = bytes(wal.HEADER_BYTES)  # not a verified header: the database's page size
    assert not wal.cut_short(0, b"")
    for size in (1, 16, 32, 40, wal.HEADER_BYTES + FRAME - 1, wal.HEADER_BYTES + FRAME + 24):
        assert wal.cut_short(size, header[:size]), size
    for frames in (1, 2, 50):
        assert not wal.cut_short(wal.HEADER_BYTES + frames * FRAME, header), frames
