"""Ctrl+N in an entry's words saves them and starts a new entry, and says so: the focus
stays in the same field, so nothing else is heard (break test 15 of session 15,
finding 11)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.storage.entries.repository import EntryRepository
from journal.ui.entries.area import NEW_SAID, SAVED_NEW_SAID
from tests.ui.entries.test_editor import journal_area


def test_ctrl_n_in_the_words_says_saved_and_new_entry(qtbot, unlocked_window, a11y_events):  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.activateWindow()
    area = journal_area(window)
    body = area.editor.body
    body.setFocus()
    qtbot.waitUntil(body.hasFocus)
    qtbot.keyClicks(body, "Test words.")
    a11y_events.listen()
    qtbot.keyClick(body, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is body and body.toPlainText() == ""
    assert a11y_events.announcements() == [SAVED_NEW_SAID]
    assert window.journal is not None
    repo = EntryRepository(window.journal.db)
    assert [s.headline for s in repo.summaries_page(0, 5)] == ["Test words."]
    # Again in the blank entry: nothing to save, still said.
    a11y_events.clear()
    qtbot.keyClick(body, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert a11y_events.announcements() == [NEW_SAID]
