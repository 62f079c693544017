"""A paragraph too long to highlight (over ``MARKED_LIMIT`` characters) is shown as
written, its markers as characters; the editor says so under the words, once for each
entry, the first time such a paragraph holds what would be formatting in a short one
(break test 9 of session 15, finding 3: `**` typed around a pasted 4,017-character
paragraph showed its stars, with nothing said). Nothing typed is changed. The real
window, a real journal, keys and a real paste."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication

from journal.domain.entries.markup import MARKED_LIMIT
from journal.ui.common.widgets import qt_text
from journal.ui.entries.as_written import SHOWN_AS_WRITTEN
from tests.ui.entries.editing import CTRL
from tests.ui.entries.test_save_failures import journal_area

PARAGRAPH = (
    "Today I went back to the hospital where we lost you and I could not stop shaking. " * 49
).strip()


def _paste(qtbot, body, text: str) -> None:  # type: ignore[no-untyped-def]
    data = QMimeData()
    data.setText(qt_text(text))
    QApplication.clipboard().setMimeData(data)
    qtbot.keyClick(body, Qt.Key.Key_V, CTRL)


def test_markers_in_a_very_long_paragraph_are_said_once_an_entry(qtbot, unlocked_window):
    assert len(PARAGRAPH) > MARKED_LIMIT
    area = journal_area(unlocked_window)
    area.new_entry()
    editor = area.editor
    body = editor.body
    said: list[None] = []
    body.shown_as_written.connect(lambda: said.append(None))
    qtbot.keyClicks(body, "I wrote this long before:")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    _paste(qtbot, body, PARAGRAPH)
    assert not editor.long_note.isVisibleTo(editor)  # no marker in it: nothing to say
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClicks(body, "**")
    _paste(qtbot, body, PARAGRAPH)
    qtbot.keyClicks(body, "**")
    written = f"I wrote this long before:\n{PARAGRAPH}\n**{PARAGRAPH}**"
    assert body.markdown() == written  # every character as typed
    assert editor.long_note.text() == SHOWN_AS_WRITTEN
    assert editor.long_note.isVisibleTo(editor)
    assert len(said) == 1  # once, however much is typed in it
    qtbot.keyClicks(body, " and *more* ~~here~~")
    assert len(said) == 1
    assert editor.save_now()
    # Another entry: gone; the long one again: said again, as it opens.
    area.new_entry()
    assert not editor.long_note.isVisibleTo(editor)
    qtbot.keyClicks(editor.body, "A short **bold** line")
    assert not editor.long_note.isVisibleTo(editor)
    assert editor.save_now()
    (row,) = [
        area.model.index(n)
        for n in range(area.model.rowCount())
        if str(area.model.index(n).data()).startswith("I wrote")
    ]
    place = area.timeline.visualRect(row).center()
    qtbot.mouseClick(area.timeline.viewport(), Qt.MouseButton.LeftButton, pos=place)
    qtbot.waitUntil(lambda: editor.body.markdown().startswith("I wrote"))
    assert editor.long_note.text() == SHOWN_AS_WRITTEN
    assert len(said) == 2


def test_a_long_paragraph_started_as_a_quote_is_said(qtbot, unlocked_window):
    area = journal_area(unlocked_window)
    area.new_entry()
    body = area.editor.body
    qtbot.keyClicks(body, "> ")
    _paste(qtbot, body, PARAGRAPH)
    assert body.markdown() == f"> {PARAGRAPH}"
    assert area.editor.long_note.text() == SHOWN_AS_WRITTEN
