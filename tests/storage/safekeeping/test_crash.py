"""kill -9 while writing, backing up and restoring (30 trials), and a full disk during a
backup and a restore (a file-size limit in a subprocess): every acknowledged commit is
there, the three integrity checks pass, and the journal is the old or the restored
one, never a mix."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from journal.domain.safekeeping.rotation import Reason
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.archive import write_archive
from journal.storage.safekeeping.checks import check_database
from journal.storage.safekeeping.restore import restore
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import digest, write_entries

WORKER = Path(__file__).with_name("crash_worker.py")
TRIALS = 30


def entry_ids(store: JournalStore, folder: Path) -> set[str]:
    journal = store.unlock(folder, PASSPHRASE)
    try:
        result = check_database(folder / "journal.db", journal.data_key)
        assert result.ok, result.problems
        repo = EntryRepository(journal.db)
        return {s.id for s in repo.summaries_page(0, 10_000)}
    finally:
        journal.lock()


def make_archive(store: JournalStore, tmp_path: Path) -> tuple[Path, Path, set[str]]:
    journal, _ = store.create("Crash test", PASSPHRASE, LIGHT_KDF)
    write_entries(journal, 12, word="restored")
    backup = journal.backup(Reason.MANUAL)
    archive = write_archive(
        backup.database, backup.header, backup.taken_at, tmp_path / "r.solacebackup"
    )
    ids = {s.id for s in EntryRepository(journal.db).summaries_page(0, 100)}
    journal.lock()
    return journal.folder, archive, ids


def run_until_killed(args: list[str], phase: str, delay: float) -> list[str]:
    """Start the worker, and kill -9 it ``delay`` seconds after it says it began
    ``phase`` ("w", "backing", "restoring"). Returns every line it said before dying."""
    child = subprocess.Popen(
        [sys.executable, str(WORKER), *args], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    lines: list[str] = []
    for line in child.stdout:
        lines.append(line.strip())
        if line.startswith(phase):
            break
    try:
        child.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
    child.wait()
    lines += child.stdout.read().splitlines()
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL, "the worker stopped by itself"
    return lines


@pytest.mark.slow
@pytest.mark.timeout(360)  # 30 processes started one after another: minutes on a loaded machine
def test_kill_during_writes_backups_and_restores_loses_no_acknowledged_commit(
    store, data_dir, tmp_path
):
    rng = random.Random(16)
    folder, archive, restored = make_archive(store, tmp_path)
    ended_in: list[str] = []
    for trial in range(TRIALS):
        # Each trial starts from the archive's content and ends by restoring it again.
        phase = ("w", "backing", "restoring")[trial % 3]
        args = [str(data_dir), str(folder), str(archive), PASSPHRASE]
        # The first trial of each phase kills at once, so each phase is surely hit
        # however fast the backup is; the others kill at a random moment within 50 ms.
        delay = 0.0 if trial < 3 else rng.uniform(0.0, 0.05)
        lines = run_until_killed(args, phase, delay)
        ended_in.append(lines[-1].split()[0] if lines else "ready")
        store.journals()  # the lock screen's listing finishes an interrupted restore
        present = entry_ids(store, folder)
        since = lines[max((i for i, ln in enumerate(lines) if ln == "restored"), default=-1) + 1 :]
        acknowledged = {ln[2:] for ln in since if ln.startswith("w ")}
        if ended_in[-1] == "restoring":
            assert present in (restored, restored | acknowledged), "a mix of two journals"
        else:
            assert restored | acknowledged <= present, "an acknowledged entry was lost"
            assert len(present - restored - acknowledged) <= 1  # one write not yet told
        restore(data_dir, archive, PASSPHRASE)
    assert {"w", "backing", "restoring"} <= set(ended_in), ended_in


@pytest.mark.slow
@pytest.mark.parametrize("operation", ["backup", "restore"])
def test_a_full_disk_during_a_backup_or_restore_is_told_and_changes_nothing(
    store, data_dir, tmp_path, operation
):
    folder, archive, _ = make_archive(store, tmp_path)
    journal = store.unlock(folder, PASSPHRASE)
    write_entries(journal, 300, start=100, word="kept")
    journal.lock()
    before = digest(folder)
    size = (folder / "journal.db").stat().st_size
    result = subprocess.run(
        [
            sys.executable,
            str(WORKER),
            str(data_dir),
            str(folder),
            str(archive),
            PASSPHRASE,
            "full-disk",
            str(size // 3),
            operation,
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "not enough free space" in result.stdout
    doing = {"backup": "to make a backup of your journal", "restore": "to restore this backup"}
    assert doing[operation] in result.stdout and "Nothing has been changed" in result.stdout
    assert "in the window" not in result.stdout  # no window holds any (break 16, N6)
    assert "Traceback" not in result.stderr
    after = digest(folder)
    assert {k: v for k, v in after.items() if not k.startswith("backups")} == {
        k: v for k, v in before.items() if not k.startswith("backups")
    }
    assert not any(".partial" in k or ".restore" in k for k in after)
    assert len(entry_ids(store, folder)) == 312
