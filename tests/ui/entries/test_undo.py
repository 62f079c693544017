"""Undo in an entry (break test 15 of session 7, finding 11): one Ctrl+Z after a
stray Tab took back the whole entry, and the next autosave wrote it empty. Undo takes
back the last word typed (never more than was typed since the last save), and never
what was loaded."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.storage.entries.repository import EntryRepository
from tests.ui.entries.test_editor import write
from tests.ui.entries.test_keys import _saved_body, _writing

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_one_ctrl_z_after_a_stray_tab_takes_back_the_tab_only(qtbot, unlocked_window):
    area = _writing(qtbot, unlocked_window)
    body = area.editor.body
    write(qtbot, area, "Alpha beta gamma.")  # waits for "Saved at"
    qtbot.keyClick(body, Qt.Key.Key_Tab)
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL)
    assert body.markdown() == "Alpha beta gamma."
    assert _saved_body(unlocked_window, area) == "Alpha beta gamma."
    # Further back, a word at a time.
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL)
    assert body.markdown() == "Alpha beta"
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL | SHIFT)
    assert body.markdown() == "Alpha beta gamma."


def test_undo_takes_back_a_word_at_a_time_while_typing(qtbot, unlocked_window):
    area = _writing(qtbot, unlocked_window)
    body = area.editor.body
    qtbot.keyClicks(body, "I miss you today.")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClicks(body, "Hard night")
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL)
    assert body.markdown() == "I miss you today.\nHard"
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL)
    assert body.markdown() == "I miss you today.\n"
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL)
    assert body.markdown() == "I miss you today."


def test_undo_never_goes_back_past_the_entry_that_was_opened(qtbot, unlocked_window):
    area = _writing(qtbot, unlocked_window)
    write(qtbot, area, "Kept words")
    area.editor.title.setFocus()
    qtbot.keyClicks(area.editor.title, "A title")
    first = area.editor.entry_id
    assert area.editor.start_new()
    write(qtbot, area, "Another day")
    entry = EntryRepository(unlocked_window.journal.db).get(first)
    assert entry is not None
    assert area.editor.load(entry)
    body, title = area.editor.body, area.editor.title
    for field in (body, title, area.editor.tags):
        field.setFocus()
        for _ in range(3):
            qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
        qtbot.keyClick(field, Qt.Key.Key_Z, CTRL | SHIFT)
    assert body.markdown() == "Kept words"
    assert title.text() == "A title"
    assert _saved_body(unlocked_window, area) == "Kept words"
