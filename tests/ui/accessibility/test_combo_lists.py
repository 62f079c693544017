"""A drop-down's open list is heard by the drop-down's name, and an item chosen in it
with Enter is what the drop-down is heard saying as the focus comes back (issue 15,
break test of session 25, F9: the list was unnamed, and "Not noted" was heard for the
"Spotting" just chosen)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from tests.ui.body.support import saved_logs

Focus = QAccessible.Event.Focus


def test_choosing_bleeding_from_its_list_is_heard_by_name_and_new_choice(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    window = unlocked_window
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    bleeding = window.area("body").form.bleeding  # type: ignore[union-attr]
    bleeding.setFocus()
    qtbot.waitUntil(bleeding.hasFocus)
    a11y_events.record_names = True
    a11y_events.listen()
    qtbot.keyClick(bleeding, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(bleeding.view().isVisible)
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Return):
        qtbot.keyClick(QApplication.focusWidget(), key)
    qtbot.waitUntil(lambda: not bleeding.view().isVisible())
    assert bleeding.currentText() == "Spotting"
    assert a11y_events.names(Focus) == ["Bleeding", "No bleeding", "Spotting", "Spotting"]
    assert saved_logs(window.journal) == []  # Enter in the list chose; nothing saved
    qtbot.wait(50)
    assert not bleeding.view().isVisible()  # nor opened the list again
