"""Together with the keyboard alone, every control with a spoken name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.couples import PARTNER_PASSPHRASE
from tests.ui.shell.test_accessibility import spoken_name, unnamed_controls
from tests.ui.together.support import seeded, together, unlock_owner


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def tab_until(qtbot, window, wanted: QWidget, limit: int = 60) -> list[str]:
    """Press Tab until ``wanted`` has the focus; the spoken names passed on the way."""
    names = []
    for _ in range(limit):
        if focus() is wanted:
            return names
        qtbot.keyClick(focus(), Qt.Key.Key_Tab)
        current = focus()
        names.append(spoken_name(current, set()) or type(current).__name__)
    raise AssertionError(f"never reached {wanted.accessibleName()!r}: {names}")


def test_a_keyboard_only_walk_through_together(qtbot, unlocked_window, store):
    folder = seeded(unlocked_window, store)
    window = unlocked_window
    window.activateWindow()
    area = together(window)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    start = area.start
    assert unnamed_controls(start) == []
    start.partner.setFocus()
    # choose the partner's journal with the arrow keys, then Tab to the passphrase
    while start.partner.currentData() != str(folder):
        qtbot.keyClick(start.partner, Qt.Key.Key_Down)
    tab_until(qtbot, window, start.passphrase)
    qtbot.keyClicks(start.passphrase, PARTNER_PASSPHRASE)
    with qtbot.waitSignal(area.exclusive, timeout=10_000):
        qtbot.keyClick(start.passphrase, Qt.Key.Key_Return)

    page = area.session_page
    reader = page.reader
    assert focus() is reader.page
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        assert unnamed_controls(page) == [], page.tabs.tabText(tab)
    page.tabs.setCurrentIndex(0)
    reader.page.setFocus()
    qtbot.keyClick(reader.page, Qt.Key.Key_Down)
    qtbot.keyClick(reader.page, Qt.Key.Key_PageDown)
    assert reader.position.text() == "3 of 4"
    qtbot.keyClick(reader.page, Qt.Key.Key_Up)
    assert reader.position.text() == "2 of 4"
    # Tab reaches the response box and the button; Alt+S shows the list
    tab_until(qtbot, window, reader.page.respond_box)
    qtbot.keyClicks(reader.page.respond_box, "Yes, I remember.")
    tab_until(qtbot, window, reader.page.respond_button)
    qtbot.keyClick(reader.page.respond_button, Qt.Key.Key_Space)
    assert [r.text for r in reader.page.item.responses] == ["Yes, I remember."]
    qtbot.keyClick(focus(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Show as a list
    qtbot.waitUntil(lambda: reader.views.currentWidget() is reader.list)  # an animated click
    assert focus() is reader.list
    qtbot.keyClick(reader.list, Qt.Key.Key_End)
    assert reader.position.text() == "4 of 4"
    qtbot.keyClick(reader.list, Qt.Key.Key_Home)
    assert reader.position.text() == "1 of 4"
    qtbot.keyClick(reader.list, Qt.Key.Key_Return)  # opens it one at a time
    assert reader.views.currentWidget() is reader.page
    # Ctrl+Tab goes to the next tab, Alt+Shift... the Leave button by its mnemonic
    qtbot.keyClick(page.tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == 1
    leave = page.leave_button
    leave.setFocus()
    qtbot.keyClick(leave, Qt.Key.Key_Space)
    assert window.is_locked
    unlock_owner(qtbot, window)
