"""Every line break comes back as itself: ``\\n``, ``\\r\\n``, a lone ``\\r`` and U+2029
(issue 9, "character for character"; break test 9 of session 14, finding 6: a pasted
lone ``\\r`` and U+2029 came back as ``\\n``). The real editor, driven by keys."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from journal.ui.entries.long_lines import LONG_LINE
from journal.ui.entries.markdown import MarkdownEditor

MIXED = "old Mac\rWindows\r\nWord\u2029and\u2028this\nlast"


def _editor(qtbot) -> MarkdownEditor:  # type: ignore[no-untyped-def]
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    return editor


def _paste(editor: MarkdownEditor, text: str) -> None:
    data = QMimeData()
    data.setText(text)
    QApplication.clipboard().setMimeData(data)
    editor.paste()


def _caret_to(editor: MarkdownEditor, position: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(position)
    editor.setTextCursor(cursor)


def test_each_break_is_kept_as_pasted_loaded_and_copied(qtbot):
    editor = _editor(qtbot)
    _paste(editor, MIXED)
    assert editor.markdown() == MIXED
    assert editor.document().blockCount() == 5  # each break shows as one (U+2028 inside)
    editor.selectAll()
    editor.copy()
    assert QApplication.clipboard().text() == MIXED
    editor.set_markdown(MIXED)
    assert editor.markdown() == MIXED


def test_a_long_line_between_other_breaks_is_kept(qtbot):
    editor = _editor(qtbot)
    text = "a" * (LONG_LINE * 2) + "\r" + "word " * LONG_LINE + "\u2029end\r\n"
    editor.set_markdown(text)
    assert editor.document().blockCount() > 4  # the long lines are held in pieces
    assert editor.markdown() == text
    qtbot.keyClicks(editor, "ok")
    assert editor.markdown() == text + "ok"


def test_a_many_lines_paste_keeps_its_breaks_and_goes_as_one_undo_step(qtbot):
    editor = _editor(qtbot)
    text = "line\r\n" * 12_000 + "mac\r" * 12_000 + "para\u2029" * 3
    _paste(editor, text)
    assert editor.markdown() == text
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.markdown() == ""


def test_enter_after_a_lone_carriage_return_makes_a_line_that_stays(qtbot):
    """A ``\\n`` typed at the start of the line after a lone ``\\r`` would make
    ``\\r\\n``, one break: the new line would be gone when read back."""
    editor = _editor(qtbot)
    editor.set_markdown("a\rb")
    _caret_to(editor, 2)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.document().blockCount() == 3
    stored = editor.markdown()
    assert stored == "a\r\rb"
    editor.set_markdown(stored)
    assert editor.document().blockCount() == 3
    _caret_to(editor, 4)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # anywhere else Enter types "\n"
    assert editor.markdown() == "a\r\rb\n"


def test_emptying_a_line_between_cr_and_lf_shows_what_is_stored_and_undo_brings_it_back(qtbot):
    editor = _editor(qtbot)
    editor.set_markdown("a\rb\nc")
    _caret_to(editor, 3)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    # "a\r" + "\nc" is one Windows line break: shown as one line break, as read back.
    assert editor.markdown() == "a\r\nc"
    assert editor.document().blockCount() == 2
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.markdown() == "a\rb\nc"
    assert editor.document().blockCount() == 3


def test_joining_lines_keeps_the_first_lines_break(qtbot):
    editor = _editor(qtbot)
    editor.set_markdown("one\r\n\u2029two\rthree")
    _caret_to(editor, 5)  # the start of "two", after an empty line
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.markdown() == "one\r\ntwo\rthree"
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.markdown() == "one\r\ntwothree"
