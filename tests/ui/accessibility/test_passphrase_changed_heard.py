"""A new passphrase is confirmed, on screen and heard: after a recovery-key unlock and
in Settings (both closed silently, the person left to guess whether it changed)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.ui.lock.screen import NEW_PASSPHRASE_SAVED
from journal.ui.lock.security_dialogs import (
    CHANGE_IN_FORCE,
    ChangePassphraseDialog,
    SecurityAction,
)
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.ui.lock.test_screen import make_window

NEW = "a fresh new passphrase"


def test_a_passphrase_set_after_a_recovery_key_unlock_is_confirmed(  # type: ignore[no-untyped-def]
    qtbot, data_dir, a11y_events
):
    store = JournalStore(data_dir)
    journal, recovery = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    journal.confirm_recovery_key()  # written down: an unconfirmed key opens nothing
    journal.lock()
    win = make_window(qtbot, data_dir)
    screen = win.lock_screen
    qtbot.mouseClick(screen.unlock_page.recovery_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.recovery_page.key, recovery.lower())
    qtbot.mouseClick(screen.recovery_page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: screen.currentWidget() is screen.new_passphrase_page, timeout=UNLOCK_WAIT_MS
    )
    fields = screen.new_passphrase_page.passphrase
    qtbot.keyClicks(fields.first, NEW)
    qtbot.keyClicks(fields.second, NEW)
    qtbot.waitUntil(screen.new_passphrase_page.ready)
    a11y_events.clear()
    with qtbot.waitSignal(win.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.mouseClick(screen.new_passphrase_page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: NEW_PASSPHRASE_SAVED in a11y_events.announcements())
    shown = [win.statusBar().currentMessage(), *win.notices.texts()]
    assert NEW_PASSPHRASE_SAVED in shown
    win.lock()


def test_a_passphrase_changed_in_settings_is_confirmed(qtbot, unlocked_window, a11y_events):  # type: ignore[no-untyped-def]
    window = unlocked_window

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ChangePassphraseDialog)
        dialog.current.setText(PASSPHRASE)
        dialog.new.first.setText(NEW)
        dialog.new.second.setText(NEW)
        dialog.start()

    QTimer.singleShot(0, fill)
    a11y_events.clear()
    window._security_action(SecurityAction.CHANGE_PASSPHRASE)
    assert CHANGE_IN_FORCE in a11y_events.announcements()
    assert CHANGE_IN_FORCE in [window.statusBar().currentMessage(), *window.notices.texts()]
