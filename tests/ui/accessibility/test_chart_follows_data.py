"""What is said of data follows the data, whenever it changes, not only when the
person moves (issue 15; break test 15 of session 11, finding 5, of its kind): a
chart's summary, its description, kept the words of before when entries changed
elsewhere: the Body log's after a mood was written in the Journal, the mood
chart's after an entry was deleted from the list beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.ui.body.area import CHARTS_TAB
from tests.ui.accessibility.screens import area

CTRL = Qt.KeyboardModifier.ControlModifier


def description(widget) -> str:  # type: ignore[no-untyped-def]
    return widget.accessibleDescription()


def test_the_body_charts_summary_follows_a_mood_written_in_the_journal(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    window = unlocked_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    body, journal = area(window, "body"), area(window, "journal")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, CTRL)
    qtbot.waitUntil(body.isVisible, timeout=2000)
    body.tabs.setCurrentIndex(CHARTS_TAB)  # type: ignore[attr-defined]
    chart = body.chart  # type: ignore[attr-defined]
    assert description(chart) == "No logs in this period yet."
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, CTRL)  # a new entry
    editor = journal.editor  # type: ignore[attr-defined]
    qtbot.waitUntil(editor.body.hasFocus, timeout=2000)
    qtbot.keyClicks(editor.body, "A heavy day")
    editor.mood.setFocus()
    qtbot.keyClick(editor.mood, Qt.Key.Key_Down)  # the first mood offered
    assert editor.mood.mood() is not None
    assert editor.save_now()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, CTRL)
    qtbot.waitUntil(body.isVisible, timeout=2000)
    said = description(chart)
    assert said != "No logs in this period yet."
    assert said == body.chart_text.summary.text()  # type: ignore[attr-defined]
    assert body.chart_text.table.rowCount() == 1  # type: ignore[attr-defined]


def test_the_mood_charts_summary_follows_an_entry_deleted_beside_it(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    window = unlocked_window
    window.resize(1366, 768)  # the list and the chart side by side
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    journal = area(window, "journal")
    window.show_area(journal)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, CTRL)
    editor = journal.editor  # type: ignore[attr-defined]
    qtbot.waitUntil(editor.body.hasFocus, timeout=2000)
    qtbot.keyClicks(editor.body, "A heavy day")
    editor.mood.setFocus()
    qtbot.keyClick(editor.mood, Qt.Key.Key_Down)
    assert editor.save_now()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, CTRL)  # one more, no mood
    qtbot.waitUntil(editor.body.hasFocus, timeout=2000)
    qtbot.keyClicks(editor.body, "Later")
    assert editor.save_now()
    journal.chart_button.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClick(journal.chart_button, Qt.Key.Key_Space)  # type: ignore[attr-defined]
    view = journal.chart.view  # type: ignore[attr-defined]
    assert description(view).startswith("1 period with a mood")  # never "1 periods"
    timeline = journal.timeline  # type: ignore[attr-defined]
    timeline.setFocus()
    timeline.setCurrentIndex(journal.model.index(1))  # type: ignore[attr-defined]
    assert journal.model.row_view(1)[0].summary.mood is not None  # type: ignore[attr-defined]
    qtbot.keyClick(timeline, Qt.Key.Key_Delete)
    question = journal.question  # type: ignore[attr-defined]
    assert question is not None
    qtbot.waitUntil(question.isVisible, timeout=2000)
    question.yes_button.setFocus()
    qtbot.keyClick(question.yes_button, Qt.Key.Key_Space)
    assert journal.pages.currentWidget() is journal.chart  # type: ignore[attr-defined]
    assert description(view) == "No moods recorded in this period yet."
