"""Keys in the entry editor (break test of issue 9, finding 3): Tab types a tab into
the entry, so what is typed after it stays in the text and never reaches the Mood;
Ctrl+Tab, or Escape then Tab, leave it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.storage.entries.repository import EntryRepository
from journal.ui.entries.markdown import LEAVING_THE_TEXT
from tests.ui.entries.test_editor import journal_area

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _writing(qtbot, window):  # type: ignore[no-untyped-def]
    area = journal_area(window)
    area.new_entry()
    window.activateWindow()
    area.editor.body.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is area.editor.body)
    return area


def _saved_body(window, area) -> str:  # type: ignore[no-untyped-def]
    assert area.editor.save_now()
    entry = EntryRepository(window.journal.db).get(area.editor.entry_id)
    assert entry is not None
    return entry.body


def test_tab_types_a_tab_and_the_words_after_it_reach_the_entry(qtbot, unlocked_window):
    area = _writing(qtbot, unlocked_window)
    qtbot.keyClicks(area.editor.body, "abc")
    qtbot.keyClick(area.editor.body, Qt.Key.Key_Tab)
    qtbot.keyClicks(area.editor.body, "here is my indented line. he")
    assert QApplication.focusWidget() is area.editor.body
    assert _saved_body(unlocked_window, area) == "abc\there is my indented line. he"
    assert area.editor.mood.mood() is None


def test_ctrl_tab_and_escape_then_tab_leave_the_text_and_say_how(qtbot, unlocked_window):
    area = _writing(qtbot, unlocked_window)
    body = area.editor.body
    assert "Control+Tab" in body.accessibleDescription() == LEAVING_THE_TEXT
    qtbot.keyClicks(body, "words")
    qtbot.keyClick(body, Qt.Key.Key_Tab, CTRL)
    assert QApplication.focusWidget() is not body
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_Tab, CTRL | SHIFT)
    assert QApplication.focusWidget() is not body
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_Escape)
    qtbot.keyClick(body, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not body
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_Escape)
    qtbot.keyClicks(body, "x")  # any other key: Tab types a tab again
    qtbot.keyClick(body, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is body
    assert _saved_body(unlocked_window, area) == "wordsx\t"
