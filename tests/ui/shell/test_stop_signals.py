"""A request to stop (SIGTERM from a logout or a shutdown, SIGHUP, Ctrl+C's SIGINT)
saves what was just typed and locks, as Quit does: SIGTERM ended Solace where it stood,
and a new entry typed in the last second was lost (break test 43, F2)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.ui.shell.single_instance import SingleInstance
from tests.ui.shell.driven import Driven

PASSPHRASE = "lantern over the water"


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_stop_request_saves_the_words_just_typed(qapp, data_dir: Path, stop: int) -> None:  # type: ignore[no-untyped-def]
    journal, _ = JournalStore(data_dir).create("Stopped", PASSPHRASE, LIGHT_KDF)
    journal.confirm_recovery_key()
    journal.lock()
    words = "the last words before the laptop shut down"
    app = Driven(data_dir, "typed", {"passphrase": PASSPHRASE, "words": words})
    try:
        app.expect("typed")
        os.kill(app.pid, stop)  # well inside the autosave's pause
        assert app.process.wait(timeout=60) == 0
    finally:
        app.kill()
    instance = SingleInstance(data_dir)  # let go: a new start is not told "already open"
    assert instance.acquire()
    instance.release()
    opened = JournalStore(data_dir).unlock(journal.folder, PASSPHRASE)
    try:
        repository = EntryRepository(opened.db)
        bodies = [repository.get(s.id).body for s in repository.summaries_page(0, 10)]  # type: ignore[union-attr]
    finally:
        opened.lock()
    assert bodies == [words]
