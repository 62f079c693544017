"""An Alt+letter brings the control it names into view even when that control has the
focus already (the lead's walk of session 28): Settings at 200 % text, Alt+T (Theme),
the page scrolled down to the backups, Alt+T again: no focus moved, so the page
stayed where the wheel left it and the key seemed to do nothing. Real window and keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea

from journal.settings import FONT_SCALE


def test_alt_letter_on_the_focused_control_scrolls_it_back_into_view(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.settings.set(FONT_SCALE, 200)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.settings_dialog is not None, timeout=5000)
    dialog = window.settings_dialog
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()), timeout=5000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    theme = QApplication.focusWidget()
    assert isinstance(theme, QComboBox)
    area = max(dialog.findChildren(QScrollArea), key=lambda a: a.widget().height())
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0  # the page scrolls at 200 % text
    qtbot.wait(500)  # the text size's new layout settled (it follows the focus meanwhile)
    bar.setValue(bar.maximum())  # scrolled down to the backups, as with the scroll bar
    qtbot.wait(200)
    assert bar.value() == bar.maximum() and theme.visibleRegion().isEmpty()
    assert theme.hasFocus()

    qtbot.keyClick(theme, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not theme.visibleRegion().isEmpty(), timeout=5000)
    assert theme.hasFocus()
