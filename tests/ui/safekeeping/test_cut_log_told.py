"""A log of the latest changes found cut short is said once the journal opens (break
test 16 of session 17, finding 1): the journal opened without its latest entries and
nothing was said. Now a note at the top of the window says that the latest changes
may be missing, where the cut log is kept, and that a backup file may hold them."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt

from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.cut_log import CUT_LOG_PREFIX, kept_cut_logs
from journal.ui.shell.notices import Notice
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.storage.safekeeping.helpers import write_entries


def _unlock_after_cut(qtbot, window, folder: Path, journal: OpenJournal, keep: int) -> list[Path]:  # type: ignore[no-untyped-def]
    """Write entries into ``journal``, lock it, cut its log to its first ``keep`` bytes
    (a negative ``keep``: all but as many at its end), unlock it through the lock
    screen with the keyboard, and return the cut logs kept."""
    write_entries(journal, 3)
    log = folder / "journal.db-wal"
    cut = log.read_bytes()[:keep]
    journal.lock()
    log.write_bytes(cut)
    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    return kept_cut_logs(folder)


def test_a_cut_log_is_said_on_the_first_screen(qtbot, store: JournalStore, window) -> None:  # type: ignore[no-untyped-def]
    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    # The header and a few bytes, as a copy that stopped.
    (kept,) = _unlock_after_cut(qtbot, window, info.folder, journal, keep=40)
    assert kept.name.startswith(CUT_LOG_PREFIX)
    (said,) = [text for text in window.notices.texts() if "journal.db-wal" in text]
    assert "the latest changes you made may be missing" in said
    assert kept.name in said and "Restore a backup" in said


def test_a_log_a_failed_save_left_is_said_as_that_save(qtbot, store: JournalStore, window) -> None:  # type: ignore[no-untyped-def]
    """Break test 16c of session 26, finding 1: after the disk was full, the log ends
    where the failed save stopped, and the words it could not write were sealed beside
    the journal. The unlock that brings them back said "the latest changes you made
    may be missing" and advised restoring a backup, which would put back a journal
    without them. It now says what happened: nothing saved is missing, the words are
    back, and where the unfinished log is kept."""
    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    draft = {
        "id": str(uuid.uuid4()),
        "stored": False,
        "created_at": datetime.now(UTC).isoformat(),
        "title": "",
        "body": "Words the full disk could not take",
        "tags": "",
        "mood": None,
        "feelings": [],
        "shared": False,
    }
    assert journal.keep_drafts({"journal": json.dumps(draft)}) is None  # as the lock does
    # The last frame torn where the write stopped.
    (kept,) = _unlock_after_cut(qtbot, window, info.folder, journal, keep=-100)
    (said,) = [text for text in window.notices.texts() if "journal.db-wal" in text]
    assert "Nothing that was saved is missing" in said and "it is back" in said
    assert kept.name in said
    assert "Restore a backup" not in said and "may be missing" not in said
    editor = next(a for a in window.areas if a.area_id == "journal").editor  # type: ignore[attr-defined]
    assert editor.body.toPlainText() == "Words the full disk could not take"


def test_a_cut_log_note_is_said_again_until_it_is_read(qtbot, store: JournalStore, window) -> None:  # type: ignore[no-untyped-def]
    """Said once from memory, the note was lost to a lock before it was read, and the
    kept log stayed in the journal's folder unsaid (the same kind as re-test 41, F3)."""
    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    _unlock_after_cut(qtbot, window, info.folder, journal, keep=40)
    (said,) = [text for text in window.notices.texts() if "journal.db-wal" in text]
    window.lock()  # before it was read
    _unlock(qtbot, window)
    assert said in window.notices.texts()
    note = next(n for n in window.notices.findChildren(Notice) if n.text == said)
    qtbot.mouseClick(note.close_button, Qt.MouseButton.LeftButton)
    window.lock()
    _unlock(qtbot, window)
    assert said not in window.notices.texts()


def _unlock(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
