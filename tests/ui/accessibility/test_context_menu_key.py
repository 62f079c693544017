"""Shift+F10 opens the entry text's context menu, as the Menu key does (break test 15
of session 11, finding 2: nothing opened, nothing was heard)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
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


def test_a_menu_opened_by_key_is_named_and_starts_on_its_first_item(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    """The menu was heard as "Solace menu" with nothing current until Down (break test
    15 of session 11, finding 2): it is "Editing", on its first item, as it opens."""
    body = _writing(qtbot, unlocked_window).editor.body
    body.setFocus()
    qtbot.waitUntil(body.hasFocus, timeout=2000)
    qtbot.keyClicks(body, "A quiet day")  # Undo and Select All are offered
    for _time in range(2):  # the second time too
        a11y_events.listen()
        qtbot.keyClick(body, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=2000)
        menu = QApplication.activePopupWidget()
        qtbot.waitUntil(lambda menu=menu: menu.activeAction() is not None, timeout=2000)
        first = next(a for a in menu.actions() if a.isEnabled() and not a.isSeparator())
        assert menu.activeAction() is first
        interface = QAccessible.queryAccessibleInterface(menu)
        assert interface.text(QAccessible.Text.Name) == "Editing"
        assert QAccessible.Event.Focus in [e.kind for e in a11y_events.events]  # the item
        qtbot.keyClick(menu, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=2000)
