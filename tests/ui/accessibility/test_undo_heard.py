"""Undo in an entry is heard as what it took back (break test 15 of session 7,
finding 11): Qt's own text event for removed text carries only blanks, so a screen
reader heard eighteen spaces when the whole entry went."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

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
    a11y_events.listen()
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL | SHIFT)
    assert body.markdown() == "Alpha beta gamma."
    assert a11y_events.announcements(assertive=False) == [
        "Undone: typing a tab",
        "Undone: typing “gamma.”",
        "Redone: typing “gamma.”",
    ]


def test_undo_after_emoji_says_the_whole_word(qtbot, unlocked_window, a11y_events):  # type: ignore[no-untyped-def]
    """Emoji before the change shift nothing said (break test 9 of session 10, finding
    5: after four emoji "sunflower" was said as "lower"; an emoji is two of Qt's
    positions and one of Python's characters)."""
    area = _writing(qtbot, unlocked_window)
    body = area.editor.body
    body.setPlainText("😢😢😢😢 👨\u200d👩\u200d👧 start ")  # no undo step of its own
    body.moveCursor(QTextCursor.MoveOperation.End)
    write(qtbot, area, "sunflower")
    a11y_events.listen()
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL | SHIFT)
    assert a11y_events.announcements(assertive=False) == [
        "Undone: typing “sunflower”",
        "Redone: typing “sunflower”",
    ]


def test_undo_and_redo_in_the_title_are_heard(qtbot, unlocked_window, a11y_events):  # type: ignore[no-untyped-def]
    """Every text field with undo says it, as the words do (issue 15, finding 32)."""
    area = _writing(qtbot, unlocked_window)
    title = area.editor.title
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    qtbot.keyClicks(title, "Rain")
    a11y_events.listen()
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)
    assert title.text() == ""
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL | SHIFT)
    assert title.text() == "Rain"
    assert a11y_events.announcements(assertive=False) == [
        "Undone: typing “Rain”",
        "Redone: typing “Rain”",
    ]


def test_undo_in_the_response_box_and_from_the_edit_menu_is_heard(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store, a11y_events
):
    """Together's response box (issue 15, finding 9), by key and by Edit > Undo."""
    from journal.ui.shell.actions import ActionId
    from tests.ui.together.support import open_together, seeded

    window = unlocked_window
    together = open_together(qtbot, window, seeded(window, store))
    box = together.session_page.reader.page.respond_box
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClicks(box, "Thank you")
    a11y_events.clear()
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert box.toPlainText() == "Thank"  # a word at a time, as in an entry
    window.action_by_id[ActionId.REDO].trigger()
    assert box.toPlainText() == "Thank you"
    assert a11y_events.announcements(assertive=False) == [
        "Undone: typing “you”",
        "Redone: typing “you”",
    ]
