"""Shift+F10 opens the entry text's context menu, as the Menu key does (break test 15
of session 11, finding 2: nothing opened, nothing was heard)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from tests.ui.entries.test_keys import _writing


def test_shift_f10_opens_the_entry_text_s_menu(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    body = _writing(qtbot, unlocked_window).editor.body
    body.setFocus()
    qtbot.waitUntil(body.hasFocus, timeout=2000)
    qtbot.keyClick(body, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=2000)
    menu = QApplication.activePopupWidget()
    assert any(action.objectName() == "edit-undo" for action in menu.actions())
    menu.close()
