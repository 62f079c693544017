"""A title is one line (break test of issue 9, finding 6): a pasted line break or tab
becomes a space as it arrives, in the title and in every other single-line field."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from journal.storage.entries.repository import EntryRepository
from journal.ui.common.widgets import qt_text
from tests.ui.entries.test_editor import journal_area

PASTED = 'He said "no": \\ --- #x\r\nsecond line\t<b>'
SHOWN = 'He said "no": \\ --- #x second line <b>'


def _paste_into(qtbot, field: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    data = QMimeData()
    data.setText(qt_text(text))
    QApplication.clipboard().setMimeData(data)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_a_pasted_title_is_one_line_as_shown_and_as_saved(qtbot, unlocked_window):
    area = journal_area(unlocked_window)
    area.new_entry()
    qtbot.keyClicks(area.editor.body, "words")
    _paste_into(qtbot, area.editor.title, PASTED)
    assert area.editor.title.text() == SHOWN
    assert area.editor.save_now()
    entry = EntryRepository(unlocked_window.journal.db).get(area.editor.entry_id)
    assert entry is not None and entry.title == SHOWN


def test_every_single_line_field_takes_a_pasted_line_as_one_line(qtbot, unlocked_window):
    area = journal_area(unlocked_window)
    area.new_entry()
    _paste_into(qtbot, area.editor.tags, "grief\nhope")
    # The Tags field holds a list: a line pasted is a tag (re-test 51, N1: "grief hope"
    # was kept as the one tag "grief-hope").
    assert area.editor.tags.text() == "grief, hope"
    fields = [
        field
        for field in unlocked_window.findChildren(QLineEdit)
        if field.echoMode() == QLineEdit.EchoMode.Normal and field.validator() is not None
    ]
    assert area.editor.title in fields and area.editor.tags in fields
    for field in fields:
        validator = field.validator()
        assert validator is not None
        _state, text, _ = validator.validate("one\ntwo\tthree", 0)
        lines = "one, two three" if field is area.editor.tags else "one two three"
        assert text in (lines, "one\ntwo\tthree")  # number fields check their own
