"""Escape from "Remove a journal…" on the lock screen puts the focus back on "Remove a
journal…", where the person was (break test 15 of session 12, 11b: it went to
"Passphrase", the window's start, as after a screen lock)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from journal.ui.lock.security_dialogs import RemoveJournalDialog


def test_escape_from_remove_a_journal_goes_back_to_it(qtbot, window):  # type: ignore[no-untyped-def]
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
    assert QApplication.focusWidget() is remove
