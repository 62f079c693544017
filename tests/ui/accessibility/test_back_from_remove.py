"""Escape from "Remove a journal…" on the lock screen puts the focus in the passphrase,
its text selected, as after Restore a backup… (issue 15 break test of session 24, F7:
back on "Remove a journal…", the space of a passphrase typed on pressed it again, the
rest went into the dialog, and Enter pressed "Remove for good"). Break test 15 of
session 12, 11b, had asked for the button; a passphrase typed there is the danger.)"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from journal.ui.lock.security_dialogs import RemoveJournalDialog


def test_escape_from_remove_a_journal_goes_to_the_passphrase(qtbot, window):  # type: ignore[no-untyped-def]
    window.activateWindow()
    remove = window.lock_screen.unlock_page.remove_button
    remove.setFocus()
    qtbot.waitUntil(remove.hasFocus)
    escaped: list[bool] = []

    def escape() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RemoveJournalDialog):
            QTimer.singleShot(20, escape)
            return
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Escape)
        escaped.append(True)

    QTimer.singleShot(0, escape)
    qtbot.keyClick(remove, Qt.Key.Key_Return)  # runs the dialog until Escape
    assert escaped
    window.activateWindow()  # the window manager's part, after the dialog closed
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    page = window.lock_screen.unlock_page
    assert QApplication.focusWidget() is page.passphrase
    qtbot.keyClicks(page.passphrase, "blue river stone")
    assert QApplication.activeModalWidget() is None  # the button was not pressed again
    assert page.passphrase.text() == "blue river stone"
