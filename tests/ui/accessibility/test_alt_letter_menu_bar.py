"""An Alt+letter never leaves the menu bar taking the keys (break test 15 of session 18,
finding 15): after Alt+N (Note) on a loaded machine, the menu bar was in its keyboard
mode and the next letters typed ran its menus ("e", "d": Edit > Delete…)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


def _body_log_shown(qtbot, window):  # type: ignore[no-untyped-def]
    from tests.ui.accessibility.screens import area, settle

    body = area(window, "body")
    window.show_area(body)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2_000)
    settle()
    return body


def test_keys_typed_after_an_alt_letter_go_to_its_field_not_the_menu_bar(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    """Alt goes down, N chooses the Note, and Qt's menu bar is armed again before Alt is
    let go (Alt reported down again while held, as it can be on a loaded machine; the
    tester's exact cause was not reproduced): letting go of that Alt ends an
    Alt+letter, so the menu bar stays out of the way and "ed" goes into the note."""
    from tests.ui.accessibility.screens import settle

    window = unlocked_window
    note = _body_log_shown(qtbot, window).form.note
    qtbot.keyPress(QApplication.focusWidget(), Qt.Key.Key_N, ALT)  # Alt down, N down
    assert QApplication.focusWidget() is note
    qtbot.keyRelease(note, Qt.Key.Key_N, NONE)  # N up, Alt still down
    qtbot.keyPress(note, Qt.Key.Key_Alt, ALT)  # Alt reported down again
    qtbot.keyRelease(note, Qt.Key.Key_Alt, NONE)  # Alt up
    settle()
    qtbot.keyClicks(QApplication.focusWidget(), "ed")
    settle()
    assert window.menuBar().activeAction() is None
    assert QApplication.focusWidget() is note
    assert note.toPlainText().endswith("ed")


def test_alt_pressed_alone_still_chooses_the_menu_bar(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Alt pressed and let go alone puts the menu bar in its keyboard mode, as ever;
    Escape gives the keys back to the field."""
    from tests.ui.accessibility.screens import settle

    window = unlocked_window
    note = _body_log_shown(qtbot, window).form.note
    note.setFocus()
    qtbot.keyPress(note, Qt.Key.Key_Alt, ALT)
    qtbot.keyRelease(note, Qt.Key.Key_Alt, NONE)
    settle()
    assert window.menuBar().activeAction() is not None
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    settle()
    assert QApplication.focusWidget() is note
