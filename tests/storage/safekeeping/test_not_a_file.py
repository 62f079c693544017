"""A pipe, a folder or a device where Solace expects a file is refused at once, never
waited on (break test 16, finding 5: a FIFO named ``journal.db`` made Unlock wait
forever, and the process lived on after quitting). The same for every file Solace
opens from the data folder (vault.json, drafts.sealed, backups) and from a path the
person chose (an import, a backup file)."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from journal.domain.safekeeping.imported import ImportRefused
from journal.domain.safekeeping.sources import plan_for
from journal.errors import JournalDamaged
from journal.storage.lock.drafts import read_sealed
from journal.storage.safekeeping.archive import NotABackup, read_manifest
from tests.conftest import LIGHT_KDF, PASSPHRASE
from tests.storage.safekeeping.helpers import digest, write_entries

WAIT_S = 30  # far beyond any of these (they take milliseconds); a hang never ends


def finishes(work: Callable[[], Any], blocked: Path) -> BaseException | None:
    """Run ``work`` on a thread; the error it raised (None when none). A thread still
    waiting after ``WAIT_S`` fails the test, and is let go by opening ``blocked`` (a
    pipe) for writing and closing it, so the run ends either way."""
    raised: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as error:
            raised.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(WAIT_S)
    if thread.is_alive():
        if blocked.exists():
            os.close(os.open(blocked, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(WAIT_S)
        pytest.fail(f"still waiting on {blocked.name} after {WAIT_S} s")
    return raised[0] if raised else None


def pipe(path: Path) -> Path:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
    os.mkfifo(path, 0o600)
    return path


@pytest.fixture
def locked(store):
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    write_entries(journal, 20)
    journal.lock()
    return journal.folder


def folder_in_place(path: Path) -> Path:
    path.unlink()
    path.mkdir()
    return path


def link_to_pipe(path: Path) -> Path:
    target = pipe(path.with_name("elsewhere"))
    path.unlink()
    path.symlink_to(target)
    return target


def link_to_device(path: Path) -> Path:
    path.unlink()
    path.symlink_to("/dev/zero")
    return path


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (pipe, "a pipe"),
        (folder_in_place, "a folder"),
        (link_to_pipe, "a pipe"),
        (link_to_device, "a device"),
    ],
)
def test_a_journal_db_that_is_not_a_file_is_told_at_unlock_at_once(store, locked, make, kind):
    db = locked / "journal.db"
    blocked = make(db)
    before = digest(locked)
    error = finishes(lambda: store.unlock(locked, PASSPHRASE), blocked)
    assert isinstance(error, JournalDamaged)
    assert f"journal.db) is not a file Solace can read: it is {kind}." in error.message
    assert "changed nothing" in error.message
    assert digest(locked) == before
    assert [j.folder for j in store.journals()] == [locked]  # still listed, with its offers


def test_a_write_ahead_log_that_is_a_pipe_is_told_at_unlock_at_once(store, locked):
    wal = pipe(locked / "journal.db-wal")
    error = finishes(lambda: store.unlock(locked, PASSPHRASE), wal)
    assert isinstance(error, JournalDamaged)
    assert "(journal.db-wal) that is not a file Solace can read: it is a pipe." in error.message


def test_a_key_file_that_is_a_pipe_is_told_and_the_list_still_shows_the_journal(store, locked):
    header = pipe(locked / "vault.json")
    listed = finishes(store.journals, header)
    assert listed is None
    error = finishes(lambda: store.unlock(locked, PASSPHRASE), header)
    assert isinstance(error, JournalDamaged)
    assert "(vault.json) is not a file Solace can read: it is a pipe." in error.message


def test_a_pipe_in_place_of_the_sealed_drafts_holds_no_drafts(locked):
    sealed = pipe(locked / "drafts.sealed")
    found: list[bytes | None] = []
    assert finishes(lambda: found.append(read_sealed(locked)), sealed) is None
    assert found == [None]


def test_a_pipe_chosen_to_import_is_refused_with_what_it_is(tmp_path):
    chosen = pipe(tmp_path / "journal.json")
    error = finishes(lambda: plan_for(chosen), chosen)
    assert isinstance(error, ImportRefused)
    assert "This is not a file Solace can read: it is a pipe." in str(error)


def test_a_pipe_chosen_to_restore_is_refused_with_what_it_is(tmp_path):
    chosen = pipe(tmp_path / "backup.solacebackup")
    error = finishes(lambda: read_manifest(chosen), chosen)
    assert isinstance(error, NotABackup)
    assert "it is not a file Solace can read (it is a pipe)." in error.message


def test_a_rescue_of_a_journal_db_that_is_a_pipe_says_there_is_nothing_to_rescue(
    data_dir, locked
):
    from journal.storage.safekeeping.rescue import rescue

    db = pipe(locked / "journal.db")
    error = finishes(
        lambda: rescue(data_dir, locked, PASSPHRASE, "Rescued", "a new long passphrase", LIGHT_KDF),
        db,
    )
    assert isinstance(error, JournalDamaged)
    assert "is not a file Solace can read: it is a pipe, so there is nothing to rescue" in (
        error.message
    )
