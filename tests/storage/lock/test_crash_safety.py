"""kill -9 during a passphrase change or a data-key rotation: exactly one set of
credentials works afterwards, and every row is intact (20 trials each)."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from journal.errors import WrongPassphrase
from journal.storage.lock.engine import open_engine
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.lock.vault import SlotKind, read_header, unwrap_candidates

WORKER = Path(__file__).with_name("crash_worker.py")
OLD, NEW = "old passphrase here", "new passphrase here"
TRIALS = 20
ROWS = 200


def make_journal(store: JournalStore) -> Path:
    journal, _ = store.create("Crash test", OLD, LIGHT_KDF)
    with journal.db.session() as session:
        for i in range(ROWS):
            session.execute(
                text("INSERT INTO journal_settings VALUES (:k, :v)"),
                {"k": f"row-{i:04d}", "v": "x" * 500},
            )
    journal.lock()
    return journal.folder


def kill_mid_operation(data_dir: Path, folder: Path, operation: str, rng: random.Random) -> None:
    child = subprocess.Popen(
        [sys.executable, str(WORKER), str(data_dir), str(folder), operation],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    try:
        child.wait(timeout=rng.uniform(0.01, 0.25))
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL, "the worker stopped by itself"


def opens(store: JournalStore, folder: Path, passphrase: str) -> bool:
    try:
        journal = store.unlock(folder, passphrase)
    except WrongPassphrase:
        return False
    with journal.db.session() as session:
        count = session.execute(text("SELECT count(*) FROM journal_settings")).scalar_one()
        check = session.execute(text("PRAGMA integrity_check")).scalar_one()
    journal.lock()
    assert count == ROWS
    assert check == "ok"
    return True


@pytest.mark.slow
def test_kill_during_passphrase_change_leaves_exactly_one_passphrase(store, data_dir):
    rng = random.Random(7)
    folder = make_journal(store)
    for _ in range(TRIALS):
        kill_mid_operation(data_dir, folder, "passphrase", rng)
        old_works = opens(store, folder, OLD)
        new_works = opens(store, folder, NEW)
        assert old_works != new_works
        if new_works:  # put it back for the next trial
            journal = store.unlock(folder, NEW)
            journal.change_passphrase(OLD)
            journal.lock()


@pytest.mark.slow
def test_kill_during_key_rotation_leaves_one_working_key_and_all_data(store, data_dir):
    rng = random.Random(11)
    folder = make_journal(store)
    for _ in range(TRIALS):
        kill_mid_operation(data_dir, folder, "rotate", rng)
        assert working_data_keys(folder) == 1
        assert opens(store, folder, OLD)
        generations = {slot.generation for slot in read_header(folder).slots}
        assert len(generations) == 1


def working_data_keys(folder: Path) -> int:
    """How many of the data keys the header wraps under the passphrase open the file."""
    header = read_header(folder)
    working = 0
    for _generation, key in unwrap_candidates(header, SlotKind.PASSPHRASE, OLD.encode()):
        try:
            open_engine(folder / "journal.db", key).dispose()
        except WrongPassphrase:
            continue
        working += 1
    return working
