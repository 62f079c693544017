"""The first share of an entry, heard: what sharing means is read with the answer that
has the focus, and after either answer the focus goes straight back to the switch
(never on the other answer or "Delete this entry" on its way), with the result said."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from journal.domain.together.sharing import SHARING_MEANS
from journal.ui.entries.editor import KEPT_PRIVATE_TEXT, SHARED_TEXT
from tests.ui.entries.test_editor import journal_area, write

Text = QAccessible.Text


def said(widget, part: QAccessible.Text = Text.Name) -> str:  # type: ignore[no-untyped-def]
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(part)


def test_the_first_share_is_explained_aloud_and_answered_back_at_the_switch(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    area = journal_area(unlocked_window)
    editor = area.editor
    area.new_entry()
    write(qtbot, area, "A morning I want Alex to read")
    if not editor.details_button.isChecked():  # folded on a small screen: open it
        qtbot.mouseClick(editor.details_button, Qt.MouseButton.LeftButton)
    extras = editor.sharing_extras
    for answer, shared, result in (
        (extras.keep_button, False, KEPT_PRIVATE_TEXT),
        (extras.share_button, True, SHARED_TEXT),
    ):
        editor.shared.setFocus()
        qtbot.keyClick(editor.shared, Qt.Key.Key_Space)
        # Focus is on "Share it"; what sharing means is read with it, and with the
        # other answer; each answer is named by its own words.
        assert QApplication.focusWidget() is extras.share_button
        for button in (extras.share_button, extras.keep_button):
            assert said(button) == button.text()
            assert said(button, Text.Description) == SHARING_MEANS
        if answer is extras.keep_button:
            qtbot.keyClick(extras.share_button, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is extras.keep_button
        a11y_events.record_names = True
        a11y_events.listen()
        qtbot.keyClick(answer, Qt.Key.Key_Space)
        assert QApplication.focusWidget() is editor.shared
        assert editor.shared.isChecked() is shared
        # The one focus move is to the switch; the result is said after it.
        assert a11y_events.names(QAccessible.Event.Focus) == [said(editor.shared)]
        assert a11y_events.announcements() == [result]
        a11y_events.record_names = False


def test_after_share_it_the_switch_is_heard_checked_and_shared(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    """Break test 15 of session 12, finding 12: after "Share it" the focus came back to
    the switch while it was still unchecked and described "Private: …"; it was checked
    only after, so the words heard were the opposite of what had just happened."""
    area = journal_area(unlocked_window)
    editor = area.editor
    area.new_entry()
    write(qtbot, area, "A morning I want Alex to read")
    a11y_events.listen()
    extras = editor.sharing_extras
    editor.shared.setFocus()
    qtbot.keyClick(editor.shared, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is extras.share_button
    heard: list[tuple[bool, str]] = []

    def focused(_old, new) -> None:  # type: ignore[no-untyped-def]
        if new is editor.shared:  # as the focus event tells it
            heard.append((editor.shared.isChecked(), said(editor.shared, Text.Description)))

    QApplication.instance().focusChanged.connect(focused)
    try:
        qtbot.keyClick(extras.share_button, Qt.Key.Key_Space)
    finally:
        QApplication.instance().focusChanged.disconnect(focused)
    assert heard == [(True, SHARED_TEXT)]
    assert a11y_events.announcements() == [SHARED_TEXT]


def test_sharing_a_summary_of_the_recovery_is_said_both_ways(qtbot, unlocked_window, a11y_events):  # type: ignore[no-untyped-def]
    """Break test 15 of session 29, F14: Space on "Share a summary of my recovery"
    changed only its checked state; nothing told that health information was now shown
    to the partner, nor that it no longer was."""
    from journal.ui.together.start import RECOVERY_PRIVATE, RECOVERY_SHARED
    from tests.ui.accessibility.screens import area

    together = area(unlocked_window, "together")
    unlocked_window.show_area(together)
    switch = together.start.recovery  # type: ignore[attr-defined]
    switch.setFocus()
    qtbot.waitUntil(switch.hasFocus)
    for shared, words in ((True, RECOVERY_SHARED), (False, RECOVERY_PRIVATE)):
        a11y_events.clear()
        qtbot.keyClick(switch, Qt.Key.Key_Space)
        assert switch.isChecked() is shared
        assert a11y_events.announcements(assertive=False) == [words]
