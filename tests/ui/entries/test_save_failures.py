"""Writing when the journal cannot be written: a full disk, and a journal another
process holds. Each is told plainly under the editor, the words stay in the window,
the save is tried again on its own, and the database stays whole."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from journal.storage.entries.repository import EntryRepository
from journal.storage.safekeeping.checks import check_database
from journal.ui.entries.area import JournalArea
from journal.ui.entries.saving import SaveJob
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.ui.shell.test_full_disk import disk_full

WORDS = "Words written as the disk filled"


def journal_area(window) -> JournalArea:  # type: ignore[no-untyped-def]
    return next(area for area in window.areas if isinstance(area, JournalArea))


def failed(job: SaveJob) -> bool:
    return job.error is not None


def start_writing(qtbot, window, words: str) -> JournalArea:  # type: ignore[no-untyped-def]
    area = journal_area(window)
    area.new_entry()
    area.editor.retry.setInterval(50)  # the same retry, sooner, so the test is short
    qtbot.keyClicks(area.editor.body, words)
    return area


def test_a_full_disk_is_told_the_words_stay_and_are_saved_when_there_is_room(
    qtbot, unlocked_window
):
    window = unlocked_window
    area = start_writing(qtbot, window, WORDS)
    editor = area.editor
    with disk_full(4096):  # the WAL cannot grow past its first page
        assert not editor.save_now()
        assert "not enough free space" in editor.status.text()
        assert editor.status.kind == "error"
        assert editor.body.toPlainText() == WORDS and editor.is_dirty
        with qtbot.waitSignal(editor.retry.timeout, timeout=5_000):
            pass  # tried again on its own, in the background
        with qtbot.waitSignal(editor.saver.finished, timeout=10_000, check_params_cb=failed):
            pass  # still no room: still kept, tried again later
        assert editor.is_dirty and editor.retry.isActive()
        assert editor.body.toPlainText() == WORDS
    with qtbot.waitSignal(editor.saved, timeout=5_000):
        pass  # room again: the next retry saves on its own
    assert "Saved" in editor.status.text()
    journal, key = window.journal, bytes(window.journal.data_key)
    saved = EntryRepository(journal.db).get(editor.entry_id or "")
    assert saved is not None and saved.body == WORDS
    window.lock()
    assert check_database(journal.folder / "journal.db", key).ok


@contextmanager
def held_by_another_process(db: Path, key: bytes) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the database's write lock until the block ends."""
    code = textwrap.dedent(
        """
        import sys, sqlcipher3
        connection = sqlcipher3.connect(sys.argv[1], isolation_level=None)
        connection.set_key(bytearray(b"x'" + sys.stdin.readline().strip().encode() + b"'"))
        connection.execute("BEGIN IMMEDIATE")
        print("held", flush=True)
        sys.stdin.readline()
        connection.execute("ROLLBACK")
        """
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write(key.hex() + "\n")
    holder.stdin.flush()
    assert holder.stdout.readline().strip() == "held"
    try:
        yield holder
    finally:
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()


def test_a_journal_held_by_another_process_is_told_waits_briefly_and_loses_nothing(
    qtbot, unlocked_window
):
    window = unlocked_window
    journal = window.journal
    assert journal.db.busy_timeout_ms() <= 250  # a save never freezes the window for long
    words = "Written while another program held the journal"
    with held_by_another_process(journal.folder / "journal.db", bytes(journal.data_key)):
        area = start_writing(qtbot, window, words)
        editor = area.editor
        assert not editor.save_now()  # waited briefly on the save connection, then told
        assert editor.saver.database is not None
        assert editor.saver.database.busy_timeout_ms() <= 250
        assert "Another program is using this journal" in editor.status.text()
        assert editor.body.toPlainText() == words and editor.is_dirty
        window.lock()  # the words are sealed with the journal's key, not lost
    page = window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        page.unlock_button.click()
    editor = journal_area(window).editor
    assert editor.body.toPlainText() == words
    saved = EntryRepository(window.journal.db).get(editor.entry_id or "")
    assert saved is not None and saved.body == words  # saved for good once it could be
