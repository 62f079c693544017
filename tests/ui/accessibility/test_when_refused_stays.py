"""A moment in the future refused in "Written on" keeps the focus there at Tab, and Bold
pressed where the caret stands in bold words takes their bold off (break test 10 of
session 15, finding 1: Tab walked on to Bold, and a Space there was refused with
"bold or italic needs words that start and end with a letter…" about words that do)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.ui.entries.editor import FUTURE_MESSAGE
from journal.ui.entries.markdown import CANNOT_FORMAT
from tests.ui.entries.test_editor import journal_area


def test_tab_from_a_refused_date_stays_and_bold_takes_a_runs_bold_off(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    window = unlocked_window
    window.activateWindow()
    area = journal_area(window)
    area.new_entry()
    body = area.editor.body
    qtbot.keyClicks(body, "Hello there ")
    qtbot.keyClick(body, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(body, "bold words")
    assert body.toPlainText() == "Hello there **bold words**"
    when = area.editor.when
    kept = when.dateTime()
    when.setFocus()
    qtbot.waitUntil(when.hasFocus)
    qtbot.keyClick(when, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(when, f"{kept.date().year() + 1}-06-01 10:00")
    a11y_events.listen()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is when  # stays, showing the date it keeps
    assert when.dateTime() == kept
    assert a11y_events.announcements().count(FUTURE_MESSAGE) == 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # the second Tab moves on
    bold = body.button("bold")
    assert QApplication.focusWidget() is bold

    # Space on B with the caret after "bold words", before the closing "**": the bold
    # ends there, the words staying bold (break test 9 of session 19, finding 1), never
    # refused.
    qtbot.keyClick(bold, Qt.Key.Key_Space)
    assert body.toPlainText() == "Hello there **bold words**"
    assert not bold.isChecked()
    assert CANNOT_FORMAT not in a11y_events.announcements()
    # At an empty spot B by Space does what Ctrl+B does: bold on for what comes next.
    cursor = body.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    body.setTextCursor(cursor)
    qtbot.keyClicks(body, " ")
    bold.setFocus()
    qtbot.keyClick(bold, Qt.Key.Key_Space)
    assert body.toPlainText() == "Hello there **bold words** ****"
    assert body.textCursor().position() == len("Hello there **bold words** **")


def test_the_entry_s_own_year_typed_back_takes_the_refusal_away(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Re-test of break test 15 of session 29, N1: "2027" typed over the year was
    refused; Shift+Tab back and the entry's own year typed over it changed nothing, so
    "That time has not come yet" stayed under a field that was right, and was heard
    with it."""
    window = unlocked_window
    window.activateWindow()
    area = journal_area(window)
    area.new_entry()
    when = area.editor.when
    kept = when.dateTime()
    year = kept.date().year()
    note = area.editor.notes.note("created_at")
    when.setFocus(Qt.FocusReason.TabFocusReason)  # the year selected, as by Tab
    qtbot.waitUntil(when.hasFocus)
    qtbot.keyClicks(when, str(year + 1))
    qtbot.keyClick(when, Qt.Key.Key_Tab)  # the year read: refused, said under the field
    assert note.text() == FUTURE_MESSAGE
    if QApplication.focusWidget() is when:  # (a refused moment holds one Tab)
        qtbot.keyClick(when, Qt.Key.Key_Tab)
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(when.hasFocus)
    qtbot.keyClicks(when, str(year))
    qtbot.keyClick(when, Qt.Key.Key_Tab)
    assert when.dateTime() == kept
    assert note.text() == ""
    assert FUTURE_MESSAGE not in when.accessibleDescription()
