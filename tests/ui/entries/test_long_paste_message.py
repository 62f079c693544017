"""The message for a paste too long for one entry is read whole in the editor's two
message lines at 1366x768, what to do included (break test 9 of session 14, finding 7:
it ended "…Nothing was changed. You could split …")."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QSize, Qt
from PySide6.QtWidgets import QApplication

from journal.domain.entries.entry import MAX_BODY_CHARS
from journal.ui.common.fit import text_height
from tests.ui.entries.editing import CTRL
from tests.ui.entries.test_save_failures import journal_area
from tests.ui.shell.test_fits_any_screen import settle_layouts


def test_the_too_long_paste_message_fits_whole_at_1366x768(qtbot, unlocked_window):
    window = unlocked_window
    window.resize(QSize(1366, 768))
    area = journal_area(window)
    area.new_entry()
    qtbot.keyClicks(area.editor.body, "Words of today")
    huge = QMimeData()
    huge.setText("x" * (MAX_BODY_CHARS + 1))
    QApplication.clipboard().setMimeData(huge)
    qtbot.keyClick(area.editor.body, Qt.Key.Key_V, CTRL)
    settle_layouts(window)
    note = area.editor.text_note
    assert area.editor.body.toPlainText() == "Words of today"
    assert note.text().startswith("Nothing was changed") and "Split it" in note.text()
    assert text_height(note, note.width()) <= note.height(), note.text()
