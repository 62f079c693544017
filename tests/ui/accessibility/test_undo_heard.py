"""Undo in an entry is heard as what it took back (break test 15 of session 7,
finding 11): Qt's own text event for removed text carries only blanks, so a screen
reader heard eighteen spaces when the whole entry went."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.entries.test_editor import write
from tests.ui.entries.test_keys import _writing

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_undo_and_redo_say_what_they_took_back_and_put_back(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    area = _writing(qtbot, unlocked_window)
    body = area.editor.body
    write(qtbot, area, "Alpha beta gamma.")
    qtbot.keyClick(body, Qt.Key.Key_Tab)
    a11y_events.clear()
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL | SHIFT)
    assert body.markdown() == "Alpha beta gamma."
    assert a11y_events.announcements(assertive=False) == [
        "Undone: typing a tab",
        "Undone: typing “gamma.”",
        "Redone: typing “gamma.”",
    ]
