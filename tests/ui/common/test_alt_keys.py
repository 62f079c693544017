"""An Alt+letter that is no shortcut types nothing into any field (break test 16 of
session 9, finding 1: Alt+L, pressed for a button that was hidden, put an "l" into
the entry, and autosave kept it)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.entries.test_editor import journal_area, write


def test_alt_with_a_letter_no_shortcut_uses_types_nothing(qtbot, unlocked_window):
    area = journal_area(unlocked_window)
    area.new_entry()
    editor = area.editor
    write(qtbot, area, "after the backup")
    for field, before in ((editor.body, "after the backup"), (editor.title, "")):
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_End)
        for key in (Qt.Key.Key_L, Qt.Key.Key_Q, Qt.Key.Key_7):
            qtbot.keyClick(field, key, Qt.KeyboardModifier.AltModifier)
        text = field.toPlainText() if field is editor.body else field.text()
        assert text == before
    # Typing itself is untouched, shifted letters included.
    qtbot.keyClicks(editor.title, "Still Here")
    assert editor.title.text() == "Still Here"
