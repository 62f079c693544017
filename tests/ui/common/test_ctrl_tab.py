"""Ctrl+Tab moves on from any control with no use of its own for it: from an entry's
text it reached "Share with my partner" and stayed there at every further press
(break test 40, finding 7; `journal.ui.common.tab_stops`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def _focus() -> QWidget | None:
    return QApplication.focusWidget()


def test_ctrl_tab_never_stays_on_a_control(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    entries = next(a for a in unlocked_window.areas if a.area_id == "journal")
    qtbot.mouseClick(entries.new_button, Qt.MouseButton.LeftButton)
    body = entries.editor.body
    body.setFocus()
    qtbot.waitUntil(body.hasFocus)
    visited: list[QWidget | None] = [body]
    for _ in range(8):
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        assert _focus() is not visited[-1], f"Ctrl+Tab stayed on {visited[-1]!r}"
        visited.append(_focus())
    assert entries.editor.shared in visited  # the control it stayed on
    # And back, with Ctrl+Shift+Tab, from the tick box.
    entries.editor.shared.setFocus()
    qtbot.waitUntil(entries.editor.shared.hasFocus)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(entries.editor.shared, Qt.Key.Key_Backtab, modifiers)
    assert _focus() is not entries.editor.shared


def test_ctrl_tab_goes_on_from_a_date_field(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    """Re-test 40, e: in "Written on" (and the body log's Time) Ctrl+Tab did nothing,
    Qt's date field taking every Tab key; in the Body log's tabs it turns the tab, as
    from every other field there."""
    entries = next(a for a in unlocked_window.areas if a.area_id == "journal")
    qtbot.mouseClick(entries.new_button, Qt.MouseButton.LeftButton)
    when = entries.editor.when
    when.setFocus()
    qtbot.waitUntil(when.hasFocus)
    qtbot.keyClick(when, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert _focus() is not when and not when.isAncestorOf(_focus())

    body = unlocked_window.area("body")
    unlocked_window.show_area(body)
    tabs = body.tabs
    tabs.setCurrentIndex(0)
    time = body.form.time
    time.setFocus()
    qtbot.waitUntil(time.hasFocus)
    qtbot.keyClick(time, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 1
