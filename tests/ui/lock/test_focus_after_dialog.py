"""Closing Restore a backup… or Rescue what can be read… with nothing done gives the
focus back to the passphrase field (break test 16 of session 23): it stayed on the
link that opened the dialog, and the space of a passphrase typed on pressed the link
and opened the dialog again, the words before it lost."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from journal.ui.safekeeping.restore_dialog import RestoreDialog


def open_dialog(qtbot, window, button) -> QDialog:  # type: ignore[no-untyped-def]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QDialog), timeout=5000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_after_restore_is_closed_a_passphrase_typed_goes_in_its_field(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.lock_screen.unlock_page
    page.passphrase.setText("wrong words")  # refused before: typed over, never added to
    dialog = open_dialog(qtbot, window, page.restore_button)
    assert isinstance(dialog, RestoreDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)
    qtbot.waitUntil(page.passphrase.hasFocus, timeout=5000)
    qtbot.keyClicks(QApplication.focusWidget(), "my quiet words")
    qtbot.wait(100)
    assert QApplication.activeModalWidget() is None  # the link was not pressed again
    assert page.passphrase.text() == "my quiet words"


def test_after_rescue_is_closed_over_damage_the_passphrase_has_the_focus(
    qtbot, store, window
) -> None:  # type: ignore[no-untyped-def]
    from journal.ui.safekeeping.rescue_dialog import RescueDialog
    from tests.ui.safekeeping.test_restore_flow import damaged_at_unlock

    (info,) = store.journals()
    page = damaged_at_unlock(qtbot, window, info.folder)
    qtbot.waitUntil(lambda: not window.lock_screen.keys_held.holding, timeout=10_000)
    dialog = open_dialog(qtbot, window, page.rescue_button)
    assert isinstance(dialog, RescueDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)
    qtbot.waitUntil(page.passphrase.hasFocus, timeout=5000)
    page.passphrase.clear()
    qtbot.keyClicks(QApplication.focusWidget(), "my quiet words")
    qtbot.wait(100)
    assert QApplication.activeModalWidget() is None
    assert page.passphrase.text() == "my quiet words"
