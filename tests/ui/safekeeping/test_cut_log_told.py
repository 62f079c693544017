"""A log of the latest changes found cut short is said once the journal opens (break
test 16 of session 17, finding 1): the journal opened without its latest entries and
nothing was said. Now a note at the top of the window says that the latest changes
may be missing, where the cut log is kept, and that a backup file may hold them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.cut_log import CUT_LOG_PREFIX, kept_cut_logs
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.storage.safekeeping.helpers import write_entries


def test_a_cut_log_is_said_on_the_first_screen(qtbot, store: JournalStore, window) -> None:  # type: ignore[no-untyped-def]
    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    write_entries(journal, 3)
    log = info.folder / "journal.db-wal"
    cut = log.read_bytes()[:40]  # the header and a few bytes, as a copy that stopped
    journal.lock()
    log.write_bytes(cut)

    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    (kept,) = kept_cut_logs(info.folder)
    assert kept.name.startswith(CUT_LOG_PREFIX)
    (said,) = [text for text in window.notices.texts() if "journal.db-wal" in text]
    assert "the latest changes you made may be missing" in said
    assert kept.name in said and "Restore a backup" in said
