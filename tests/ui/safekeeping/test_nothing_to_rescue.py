"""A journal whose database holds nothing to read (0 bytes) is offered its newest good
backup and Restore, never "Rescue what can be read…" (break test 16 of session 11,
finding b). The real lock screen, real files."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.domain.safekeeping.rotation import Reason
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.storage.safekeeping.helpers import write_entries


def test_an_empty_database_offers_the_backups_beside_it_and_no_rescue(qtbot, store, window):
    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    write_entries(journal, 3)
    journal.backup(Reason.DAILY)
    journal.lock()
    (info.folder / "journal.db").write_bytes(b"")

    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=UNLOCK_WAIT_MS)
    said = page.error.text()
    assert "empty (0 bytes)" in said
    assert "Solace keeps its own backups of this journal beside it (1 now)" in said
    assert "Rescue" not in said
    assert not page.rescue_button.isVisible()
    assert page.restore_button.isVisible() and page.restore_button.hasFocus()
