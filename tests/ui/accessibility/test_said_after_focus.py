"""What is said as the focus moves is said after the move (issue 15 break test): a
screen reader stops speaking when the focus changes, so words sent just before a
focus move were cut off by the name of the control that took it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from journal.ui.entries.area import GONE_FOR_GOOD, JournalArea
from tests.ui.accessibility.conftest import Recorder
from tests.ui.accessibility.screens import area, fever_log_deleted

Event = QAccessible.Event


def said_after_every_focus(heard: Recorder, words: str) -> None:
    """``words`` were announced, politely, and no focus moved after them."""
    heard.settle()
    kinds = [(e.kind, e.message) for e in heard.events]
    said = [
        i
        for i, (kind, message) in enumerate(kinds)
        if kind == Event.Announcement and message == words
    ]
    assert said, f"never said: {words!r}; heard {heard.announcements()}"
    moved = [i for i, (kind, _) in enumerate(kinds) if kind == Event.Focus]
    assert moved, "the focus never moved"
    assert max(moved) < said[-1], f"the focus moved after {words!r} was said, cutting it off"


def test_the_time_to_undo_running_out_is_said_after_the_focus_reaches_new_entry(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    journal: JournalArea = area(unlocked_window, "journal")  # type: ignore[assignment]
    qtbot.mouseClick(journal.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(journal.editor.body.hasFocus)
    qtbot.keyClicks(journal.editor.body, "A quiet walk.")
    journal.editor.save_now()
    qtbot.mouseClick(journal.editor.delete_button, Qt.MouseButton.LeftButton)
    question = journal.question
    assert question is not None
    qtbot.keyClick(question.yes_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not question.isVisible())
    unlocked_window.activateWindow()
    qtbot.waitUntil(unlocked_window.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is journal.undo_button)
    a11y_events.listen()
    with qtbot.waitSignal(journal.undo_timer.timeout):
        journal.undo_timer.start(50)  # the rest of the few seconds to undo, shortened
    assert not journal.undo_row.isVisible()
    assert QApplication.focusWidget() is journal.new_button
    said_after_every_focus(a11y_events, GONE_FOR_GOOD)


def test_a_body_log_brought_back_is_said_after_the_focus_lands(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    body = fever_log_deleted(qtbot, unlocked_window)
    unlocked_window.activateWindow()
    qtbot.waitUntil(unlocked_window.isActiveWindow)
    undo = body.undo_bar.button  # type: ignore[attr-defined]
    thing = body.undo_bar.text.text().removeprefix("The log of ").removesuffix(" was deleted.")  # type: ignore[attr-defined]
    qtbot.waitUntil(undo.hasFocus)
    a11y_events.listen()
    qtbot.keyClick(undo, Qt.Key.Key_Space)
    focus = QApplication.focusWidget()  # the list, or its tab while the list was empty
    assert focus in (body.past.table, body.tabs.tabBar()) and focus.isVisible()  # type: ignore[attr-defined]
    said_after_every_focus(a11y_events, f"The log of {thing} is back.")


def test_the_time_to_undo_a_body_log_running_out_is_said_after_the_focus_reaches_a_log(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    """Break test 15 of session 25, F18: on the bus the list's focus, then "The time to
    undo has passed…", then the focus of the list's current log, which cut it off."""
    from journal.storage.body.repository import BodyRepository
    from tests.ui.accessibility.screens import fever_log

    journal = unlocked_window.journal
    BodyRepository(journal.db).save_log(fever_log(hours_ago=3.0))  # one stays listed
    body = fever_log_deleted(qtbot, unlocked_window)
    unlocked_window.activateWindow()
    qtbot.waitUntil(unlocked_window.isActiveWindow)
    qtbot.waitUntil(body.undo_bar.button.hasFocus)  # type: ignore[attr-defined]
    a11y_events.listen()
    timer = body.undo_bar.timer  # type: ignore[attr-defined]
    with qtbot.waitSignal(timer.timeout):
        timer.start(50)  # the rest of the few seconds to undo, shortened
    assert QApplication.focusWidget() is body.past.table  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: GONE_FOR_GOOD in a11y_events.announcements(), timeout=5000)
    qtbot.wait(50)  # the list's current log, told a moment after the list's focus
    table = body.past.table  # type: ignore[attr-defined]
    named = [e.name for e in a11y_events.events if e.kind == Event.Focus]
    focus_of_a_log = [name for name in named if name != table.accessibleName()]
    assert focus_of_a_log, "the focus of the log in the list was never told"
    said_after_every_focus(a11y_events, GONE_FOR_GOOD)
