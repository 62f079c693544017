"""A crash leaves the WAL (journal.db-wal) beside the journal; one damaged byte in a
frame of an acknowledged commit made SQLite read the WAL only up to it, and the
journal opened without the commits after it, saying nothing; the checkpoint at the
next lock then wrote the shortened journal into journal.db and deleted the WAL
(break test 16 of session 12, finding 2). Now the unlock finds it, says so and
changes no file; a rescue reads the commits after the damaged frame; a restore keeps
the WAL as it was found."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from journal.errors import JournalDamaged
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping import wal
from journal.storage.safekeeping.rescue import rescue
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import digest

WORKER = Path(__file__).with_name("wal_worker.py")
FRAME = wal.FRAME_HEADER_BYTES + 4096
ENTRIES = 300


def crashed(data_dir: Path) -> tuple[Path, int]:
    """The folder of a journal whose writer was killed (SIGKILL) after ``ENTRIES`` or a
    few more acknowledged saves (until the WAL's log holds two commits), with its WAL
    as the crash left it, and how many entries were saved."""
    with subprocess.Popen(
        [sys.executable, str(WORKER), str(data_dir), PASSPHRASE, str(ENTRIES)],
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        try:
            assert child.stdout is not None
            said, saved = child.stdout.readline().split()
            assert said == "ready"
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
    folder = next((data_dir / "journals").iterdir())
    assert (folder / "journal.db-wal").stat().st_size > wal.HEADER_BYTES
    return folder, int(saved)


def damage_first_live_frame(folder: Path) -> None:
    """Flip one byte in the page of the WAL's first frame, which acknowledged commits
    follow (the live log always begins at the first frame)."""
    path = folder / "journal.db-wal"
    raw = bytearray(path.read_bytes())
    raw[wal.HEADER_BYTES + wal.FRAME_HEADER_BYTES + 2000] ^= 0xFF
    path.write_bytes(bytes(raw))
    assert wal.read_log(bytes(raw)).lost_commits >= 1


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, int]:
    folder, saved = crashed(tmp_path / "data")
    damage_first_live_frame(folder)
    return folder, saved


def test_a_damaged_frame_in_the_log_is_told_and_no_file_changes(
    damaged: tuple[Path, int],
) -> None:
    folder, _saved = damaged
    data_dir = folder.parent.parent
    before = digest(data_dir)
    store = JournalStore(data_dir)
    for _attempt in range(2):  # a second attempt finds the same: nothing was mended away
        with pytest.raises(JournalDamaged) as raised:
            store.unlock(folder, PASSPHRASE)
        assert wal.LOG_DAMAGED in raised.value.message
        assert raised.value.rescuable
    assert digest(data_dir) == before


def test_a_rescue_reads_the_commits_after_the_damaged_frame(
    damaged: tuple[Path, int],
) -> None:
    folder, saved = damaged
    data_dir = folder.parent.parent
    before = digest(folder)
    rescued = rescue(data_dir, folder, PASSPHRASE, "Rescued", "a new long passphrase", LIGHT_KDF)
    try:
        bodies = {s.headline for s in EntryRepository(rescued.journal.db).summaries_page(0, 1000)}
        # The last entry saved, long after the damaged frame, is there; at most the
        # entries on the damaged frame's page (one page) are not.
        assert any(f"Canaryotter {saved - 1}" in body for body in bodies)
        assert rescued.entries >= saved - 20
    finally:
        rescued.journal.lock()
    assert digest(folder) == before


def test_a_log_that_verifies_opens_with_every_entry(tmp_path: Path) -> None:
    folder, saved = crashed(tmp_path / "data")
    assert wal.log_problem((folder / "journal.db-wal").read_bytes(), 4096) is None
    opened = JournalStore(tmp_path / "data").unlock(folder, PASSPHRASE)
    try:
        assert EntryRepository(opened.db).count() == saved
    finally:
        opened.lock()


@pytest.mark.parametrize(
    "offset", [0, 10, 20, 28], ids=["magic", "page size", "a salt", "checksum"]
)
def test_a_rescue_reads_a_log_whose_header_is_damaged(tmp_path: Path, offset: int) -> None:
    """SQLite reads no frame of a log whose header does not verify: the rescue read
    journal.db alone, and every entry saved since the last checkpoint (in the log only)
    was left behind. The header is rebuilt from the frames, whose chain holds."""
    folder, saved = crashed(tmp_path / "data")
    path = folder / "journal.db-wal"
    raw = bytearray(path.read_bytes())
    raw[offset] ^= 0x5A
    path.write_bytes(bytes(raw))
    assert wal.read_log(bytes(raw)).page_size == 0  # SQLite would read none of it
    before = digest(folder)

    rescued = rescue(
        tmp_path / "data", folder, PASSPHRASE, "Rescued", "a new long passphrase", LIGHT_KDF
    )
    try:
        bodies = {s.headline for s in EntryRepository(rescued.journal.db).summaries_page(0, 1000)}
        assert any(f"Canaryotter {saved - 1}" in body for body in bodies)  # in the log only
        assert rescued.entries == saved
    finally:
        rescued.journal.lock()
    assert digest(folder) == before


def test_a_rescue_reads_past_a_damaged_middle_frame(tmp_path: Path) -> None:
    """A damaged page in a frame in the middle of the log: the commits after it are
    read, and at most the rows on that one page are missing."""
    folder, saved = crashed(tmp_path / "data")
    path = folder / "journal.db-wal"
    raw = bytearray(path.read_bytes())
    frames = (len(raw) - wal.HEADER_BYTES) // FRAME
    middle = wal.HEADER_BYTES + (frames // 2) * FRAME
    raw[middle + wal.FRAME_HEADER_BYTES + 2000] ^= 0xFF
    path.write_bytes(bytes(raw))

    rescued = rescue(
        tmp_path / "data", folder, PASSPHRASE, "Rescued", "a new long passphrase", LIGHT_KDF
    )
    try:
        bodies = {s.headline for s in EntryRepository(rescued.journal.db).summaries_page(0, 1000)}
        assert any(f"Canaryotter {saved - 1}" in body for body in bodies)
        assert rescued.entries >= saved - 20
    finally:
        rescued.journal.lock()


def _in_the_log_only(data_dir: Path) -> Path:
    """The folder of a journal as a crash leaves it: 60 entries in journal.db and five
    more, "Walcanary 60" to "Walcanary 64", in its WAL only (the files copied while it
    was open, as a kill -9 leaves them)."""
    import shutil

    from tests.storage.safekeeping.helpers import write_entries

    data_dir.mkdir(parents=True, exist_ok=True)
    journal, _recovery = JournalStore(data_dir).create("Mine", PASSPHRASE, LIGHT_KDF)
    write_entries(journal, 60, word="x" * 900)
    with journal.db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    write_entries(journal, 5, start=60, word="Walcanary")
    crashed_folder = data_dir / "journals" / "crashed"
    crashed_folder.mkdir()
    for name in ("vault.json", "journal.db", "journal.db-wal"):
        shutil.copyfile(journal.folder / name, crashed_folder / name)
    journal.lock()
    shutil.rmtree(journal.folder)
    return crashed_folder


def _walcanaries(rescued) -> int:  # type: ignore[no-untyped-def]
    summaries = EntryRepository(rescued.journal.db).summaries_page(0, 1000)
    return sum("Walcanary" in s.headline for s in summaries)


def test_a_damaged_header_and_a_damaged_salt_in_the_first_frame_lose_no_commit(
    tmp_path: Path,
) -> None:
    """The header was rebuilt with the first frame's salts: one damaged byte there too
    and every frame after it read as another log's, so the five entries in the log
    were left out and the summary said "Everything could be read"."""
    folder = _in_the_log_only(tmp_path / "data")
    path = folder / "journal.db-wal"
    raw = bytearray(path.read_bytes())
    raw[0] ^= 0x5A  # the header's magic
    raw[wal.HEADER_BYTES + 8] ^= 0x5A  # the first frame's first salt
    path.write_bytes(bytes(raw))
    before = digest(folder)

    rescued = rescue(
        tmp_path / "data", folder, PASSPHRASE, "Rescued", "a new long passphrase", LIGHT_KDF
    )
    try:
        assert _walcanaries(rescued) == 5
        assert rescued.entries == 65
    finally:
        rescued.journal.lock()
    assert "Everything could be read" in rescued.summary("Mine")
    assert digest(folder) == before


def test_commits_of_a_damaged_log_that_cannot_be_read_are_said_with_their_count(
    tmp_path: Path,
) -> None:
    """A log whose header is damaged and one of whose frames lost its page number: the
    commits from that frame on cannot be read by any rechaining. The summary said
    "Everything could be read" over a journal five entries short."""
    folder = _in_the_log_only(tmp_path / "data")
    path = folder / "journal.db-wal"
    raw = bytearray(path.read_bytes())
    raw[0] ^= 0x5A
    at = wal.HEADER_BYTES + 3 * FRAME  # a frame of the first entry's commit
    raw[at : at + 4] = bytes(4)
    path.write_bytes(bytes(raw))

    rescued = rescue(
        tmp_path / "data", folder, PASSPHRASE, "Rescued", "a new long passphrase", LIGHT_KDF
    )
    rescued.journal.lock()
    said = rescued.summary("Mine")
    assert rescued.entries == 60  # the five in the log are not there, and are said
    assert "Everything could be read" not in said
    assert (
        "What could not be read: 5 saved changes in the journal's log of its latest changes "
        "(journal.db-wal), where it is damaged" in said
    )
