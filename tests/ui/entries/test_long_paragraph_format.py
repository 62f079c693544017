"""Formatting in a paragraph too long for its markers to be read is refused with a kind
reason under the editor, and nothing changes (break test 9 of session 14, finding 4:
Bold, Italic, Heading, Quote and List put raw "**", "*", "## ", "> ", "- " into a
paragraph of more than 4,000 characters, which the editor, the list row and Together
then showed as text)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication

from journal.domain.entries.markup import MARKED_LIMIT
from journal.ui.common.widgets import qt_text
from journal.ui.entries.markdown import TOO_LONG_TO_FORMAT
from tests.ui.entries.editing import CTRL, SHIFT
from tests.ui.entries.test_save_failures import journal_area

OUTPOURING = (
    "Today I went back to the hospital where we lost you and I could not stop shaking. " * 55
).strip()


def test_formatting_a_paragraph_too_long_to_show_it_is_refused_kindly(qtbot, unlocked_window):
    assert len(OUTPOURING) > MARKED_LIMIT
    area = journal_area(unlocked_window)
    area.new_entry()
    body = area.editor.body
    data = QMimeData()
    data.setText(qt_text(f"A short first line\n{OUTPOURING}"))
    QApplication.clipboard().setMimeData(data)
    qtbot.keyClick(body, Qt.Key.Key_V, CTRL)
    written = body.markdown()
    presses = [
        lambda: (
            qtbot.keyClick(body, Qt.Key.Key_A, CTRL) or qtbot.keyClick(body, Qt.Key.Key_B, CTRL)
        ),
        lambda: qtbot.keyClick(body, Qt.Key.Key_I, CTRL),
        lambda: qtbot.keyClick(body, Qt.Key.Key_H, CTRL | SHIFT),
        lambda: qtbot.keyClick(body, Qt.Key.Key_Q, CTRL | SHIFT),
        lambda: body.actions_by_name["bullets"].trigger(),
        lambda: body.actions_by_name["numbers"].trigger(),
        # the caret alone in the long paragraph, no word chosen
        lambda: (
            qtbot.keyClick(body, Qt.Key.Key_End, CTRL) or qtbot.keyClick(body, Qt.Key.Key_B, CTRL)
        ),
    ]
    for press in presses:
        area.editor.text_note.clear()
        press()
        assert body.markdown() == written
        assert area.editor.text_note.text() == TOO_LONG_TO_FORMAT
    # the caret alone at the end of the long paragraph, no word chosen
    qtbot.keyClick(body, Qt.Key.Key_End, CTRL)
    qtbot.keyClick(body, Qt.Key.Key_B, CTRL)
    assert body.markdown() == written
    assert area.editor.text_note.text() == TOO_LONG_TO_FORMAT
    assert area.editor.save_now()
    assert area.model.index(0).data() == "A short first line"
    # The short line formats as ever.
    qtbot.keyClick(body, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(body, Qt.Key.Key_End, SHIFT)
    qtbot.keyClick(body, Qt.Key.Key_B, CTRL)
    assert body.markdown().startswith("**A short first line**\n")
