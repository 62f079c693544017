"""While a passphrase is checked, what is typed goes nowhere: never into a plain field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit


def test_the_lock_screen_keeps_the_focus_on_the_passphrase_while_it_is_checked(qtbot, window):
    window.activateWindow()
    page = window.lock_screen.unlock_page
    page.passphrase.setFocus()
    qtbot.keyClicks(page.passphrase, "not the passphrase")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert window.lock_screen.busy
    assert QApplication.focusWidget() is page.passphrase
    qtbot.keyClicks(page.passphrase, " typed while busy")
    assert page.passphrase.text() == "not the passphrase"  # held: nothing typed is taken
    assert not any("busy" in f.text() for f in window.findChildren(QLineEdit))
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=10_000)
    assert QApplication.focusWidget() is page.passphrase
    qtbot.keyClicks(page.passphrase, "x")
    assert page.passphrase.text().endswith("x")  # released once the check is done
