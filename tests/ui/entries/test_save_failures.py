"""Writing when the journal cannot be written: a full disk, and another process that
wants the journal (Solace holds it alone while it is open; unlocking one that another
process holds is told). Each is told plainly under the editor, the words stay in the window,
the save is tried again on its own, and the database stays whole."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt

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
        assert "the disk is full" in editor.status.text()
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


HOLDER = textwrap.dedent(
    """
    import sys, sqlcipher3
    connection = sqlcipher3.connect(sys.argv[1], isolation_level=None, timeout=0.1)
    connection.set_key(bytearray(b"x'" + sys.stdin.readline().strip().encode() + b"'"))
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("CREATE TABLE intruder(x)")
    except sqlcipher3.OperationalError as error:
        print("refused:", error, flush=True)
        sys.exit(0)
    print("held", flush=True)
    sys.stdin.readline()
    connection.execute("ROLLBACK")
    """
)


@contextmanager
def another_process(db: Path, key: bytes) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """Another process that tries to write to the database and, when it can, holds its
    write lock until the block ends. Yields the process and what it said ("held", or
    "refused: ..." when the database was not its to write)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write(key.hex() + "\n")
    holder.stdin.flush()
    said = holder.stdout.readline().strip()
    try:
        yield holder, said
    finally:
        # The line that lets it go, through communicate(), which ignores a pipe the
        # holder has closed by exiting (it does once refused): written directly after
        # poll() said it still ran, it raised BrokenPipeError when it exited between.
        holder.communicate("\n", timeout=30)


def test_an_open_journal_is_solaces_alone_another_process_cannot_change_it(
    qtbot, unlocked_window
):
    window = unlocked_window
    journal = window.journal
    assert journal.db.busy_timeout_ms() <= 250  # a save never freezes the window for long
    area = start_writing(qtbot, window, WORDS)
    assert area.editor.save_now()
    with another_process(journal.folder / "journal.db", bytes(journal.data_key)) as (_, said):
        assert said.startswith("refused: database is locked")
        area.editor.body.insertPlainText(" and more")
        assert area.editor.save_now()  # Solace's own saves go on while the other waits
    assert not (journal.folder / "journal.db-shm").exists()  # no shared, mapped WAL index
    saved = EntryRepository(journal.db).get(area.editor.entry_id or "")
    assert saved is not None and saved.body == WORDS + " and more"


def test_a_journal_another_process_holds_is_told_at_unlock_and_opens_once_it_lets_go(
    qtbot, window, store
):
    folder = store.journals()[0].folder
    files = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    key = _data_key(store, folder)
    page = window.lock_screen.unlock_page
    with another_process(folder / "journal.db", key) as (_, said):
        assert said == "held"
        qtbot.keyClicks(page.passphrase, PASSPHRASE)
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "Another program" in page.error.text(), timeout=UNLOCK_WAIT_MS)
        assert "Nothing has been changed" in page.error.text()
        assert "damaged" not in page.error.text() and window.journal is None
        assert page.passphrase.text() == PASSPHRASE  # nothing to type again
        assert {name: (folder / name).read_bytes() for name in files} == files  # the other
        # process's own -wal and -shm files aside, Solace changed nothing
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert window.journal is not None


def _data_key(store, folder: Path) -> bytes:  # type: ignore[no-untyped-def]
    opened = store.unlock(folder, PASSPHRASE)
    try:
        return bytes(opened.data_key)
    finally:
        opened.lock()
