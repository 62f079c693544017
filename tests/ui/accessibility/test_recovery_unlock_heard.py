"""Unlocking with the recovery key, heard: the key field says what to type and for which
journal, and the page that follows says the key opened it and why a new passphrase is
asked (break test 15 of session 12, finding 10: only "Recovery key", then "New
passphrase", were heard)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.ui.accessibility.conftest import Recorder
from tests.ui.lock.test_enter import _window


def test_the_recovery_key_path_says_what_to_do_and_that_it_worked(  # type: ignore[no-untyped-def]
    qtbot, data_dir, a11y_events: Recorder
):
    store = JournalStore(data_dir)
    journal, recovery = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    journal.confirm_recovery_key()
    journal.lock()
    win = _window(qtbot, data_dir)
    screen = win.lock_screen
    screen.unlock_page.recovery_button.setFocus()
    qtbot.keyClick(screen.unlock_page.recovery_button, Qt.Key.Key_Return)
    page = screen.recovery_page
    assert screen.currentWidget() is page
    described = page.key.accessibleDescription()
    assert "For the journal \u201cMine\u201d." in described
    assert "Type the recovery key you wrote down." in described
    qtbot.keyClicks(page.key, recovery)
    a11y_events.clear()
    qtbot.keyClick(page.key, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: screen.currentWidget() is screen.new_passphrase_page, timeout=UNLOCK_WAIT_MS
    )
    said = (
        "For the journal \u201cMine\u201d. Your journal is open. Please choose a new "
        "passphrase to use from now on."
    )
    assert said in a11y_events.announcements(assertive=False)
    win.lock()
