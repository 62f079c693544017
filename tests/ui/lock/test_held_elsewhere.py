"""At the lock screen, a journal another program holds locked is said to be in use,
with nothing offered that replaces it (break test 16d of session 28, F1: it was said
to be damaged, with Rescue what can be read… focused and Restore a backup… beside it).
The real window, the passphrase typed and Enter; the other program is a real process."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.storage.lock.test_held_elsewhere import held


def test_unlocking_a_journal_another_program_holds_says_so_and_offers_no_rescue(  # type: ignore[no-untyped-def]
    qtbot, window, store
):
    page = window.lock_screen.unlock_page
    (info,) = store.journals()
    with held(info.folder / "journal.db", "whole file", ""):
        qtbot.keyClicks(page.passphrase, PASSPHRASE)
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "Another program" in page.error.text(), timeout=UNLOCK_WAIT_MS)
    assert "damaged" not in page.error.text()
    assert not page.rescue_button.isVisible()
    assert window.is_locked
    # Once the other program let go, the same passphrase opens it.
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
