"""Closing a note while another waits behind it (re-test 47, N7): the focus goes back
where she works, and the note behind is heard as it comes into view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.body.test_signs_waiting import shown_note


def test_words_typed_after_closing_a_note_never_close_the_note_behind_it(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    """Re-test 47, N7: with a second note queued, closing one gave the focus to the next
    one's Close button, so "I am ok" typed after lost "I", closed that note unread with
    the space (the warning, then), and sent "am ok" to the area list."""
    window = unlocked_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    behind = "Your backup could not be made."
    window.tell(behind)
    window.tell("What you were writing in Together when Solace last locked is back there.")
    a11y_events.clear()
    qtbot.mouseClick(shown_note(window).close_button, Qt.MouseButton.LeftButton)
    assert shown_note(window).text == behind
    assert behind in a11y_events.announcements(assertive=False)  # heard as it comes back
    words = window.area("journal").editor.body
    assert QApplication.focusWidget() is words
    qtbot.keyClicks(QApplication.focusWidget(), "I am ok")
    assert "I am ok" in words.toPlainText()
    assert shown_note(window).text == behind
