"""A couple-prompt answer typed and left with Back, or by choosing another prompt, is
never dropped: it waits, and Back says so (break test 15 of session 15, finding 13)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.ui.together.prompts import ANSWER_BACK, ANSWER_WAITS
from tests.ui.accessibility.screens import area


def open_answers(qtbot, together) -> None:  # type: ignore[no-untyped-def]
    button = together.start.prompts_button
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(together.answers.isVisible)


def test_back_keeps_a_typed_answer_and_says_so(qtbot, unlocked_window, a11y_events):  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.activateWindow()
    together = area(window, "together")
    window.show_area(together)
    open_answers(qtbot, together)
    answers = together.answers
    answers.text.setFocus()
    qtbot.keyClicks(answers.text, "Your laugh.")
    qtbot.keyClick(answers.text, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is answers.back_button
    a11y_events.clear()
    qtbot.keyClick(answers.back_button, Qt.Key.Key_Return)
    qtbot.waitUntil(together.start.isVisible)
    assert a11y_events.announcements().count(ANSWER_WAITS) == 1

    open_answers(qtbot, together)
    assert answers.text.toPlainText() == "Your laugh."
    assert answers.kept_note.text() == ANSWER_BACK

    # Another prompt chosen, then this one again: still there.
    answers.prompt.setFocus()
    qtbot.keyClick(answers.prompt, Qt.Key.Key_Down)
    assert answers.text.toPlainText() == ""
    qtbot.keyClick(answers.prompt, Qt.Key.Key_Up)
    assert answers.text.toPlainText() == "Your laugh."
    # Kept: no longer a draft; Back then says nothing.
    answers.keep_button.click()
    a11y_events.clear()
    answers.back_button.click()
    assert ANSWER_WAITS not in a11y_events.announcements()
    open_answers(qtbot, together)
    assert answers.text.toPlainText() == "Your laugh."
    assert answers.kept_note.text() == ""
