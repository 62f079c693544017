"""A paste that offers HTML only (a web page, a word processor) goes in as its text:
it went in as nothing, with no word (break test 43, F9). Its paragraphs and line
breaks become line breaks; a picture has no text and is left out."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication

from journal.ui.common.exact_copy import TypedTextField
from tests.ui.entries.test_editor import journal_area

HTML = (
    "<p>Went to the <b>river</b> with <a href='https://example.org'>Mum</a>.</p>"
    "<p>Line one<br>line two</p><img src='x.png'><ul><li>first</li><li>second</li></ul>"
)
TEXT_OF_HTML = "Went to the river with Mum.\nLine one\nline two\nfirst\nsecond"


def _html_only_on_the_clipboard() -> None:
    mime = QMimeData()
    mime.setHtml(HTML)
    QApplication.clipboard().setMimeData(mime)
    assert not QApplication.clipboard().mimeData().hasText()


def test_an_html_only_paste_goes_into_an_entry_as_its_text(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    area = journal_area(unlocked_window)
    unlocked_window.new_entry()
    body = area.editor.body
    qtbot.waitUntil(body.hasFocus)
    _html_only_on_the_clipboard()
    qtbot.keyClick(body, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert body.toPlainText().strip("\n") == TEXT_OF_HTML


def test_an_html_only_paste_goes_into_a_note_as_its_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    note = TypedTextField()
    qtbot.addWidget(note)
    note.show()
    note.setFocus()
    _html_only_on_the_clipboard()
    qtbot.keyClick(note, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert note.toPlainText().strip("\n") == TEXT_OF_HTML
