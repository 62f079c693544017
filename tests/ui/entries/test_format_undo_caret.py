"""Undoing a formatting step puts the caret back where it was before it, and redoing
it where the formatting left it (break test 15 of session 12, finding 1): undoing
Ctrl+B put the caret at the very start of the entry, where the next words went, unheard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.entries.editing import CTRL, SHIFT, focused_editor

FORMAT_KEYS = {
    "bold": (Qt.Key.Key_B, CTRL),
    "italic": (Qt.Key.Key_I, CTRL),
    "heading": (Qt.Key.Key_H, CTRL | SHIFT),
    "quote": (Qt.Key.Key_Q, CTRL | SHIFT),
}


@pytest.mark.parametrize("name", list(FORMAT_KEYS))
def test_undo_and_redo_of_a_format_keep_the_caret_where_the_person_was(qtbot, name):  # type: ignore[no-untyped-def]
    editor = focused_editor(qtbot)
    qtbot.keyClicks(editor, "I miss you so")
    qtbot.keyClick(editor, Qt.Key.Key_Left)  # "I miss you s|o": in the word, it is formatted
    before = editor.textCursor().position()
    qtbot.keyClick(editor, *FORMAT_KEYS[name])
    formatted, after = editor.toPlainText(), editor.textCursor().position()
    assert formatted != "I miss you so"
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClicks(editor, " much.")
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # the words
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # the formatting
    assert editor.toPlainText() == "I miss you so"
    assert editor.textCursor().position() == before
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL | SHIFT)  # redone
    assert editor.toPlainText() == formatted
    assert editor.textCursor().position() == after
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    qtbot.keyClicks(editor, "o")  # goes on where the caret was heard to be
    assert editor.toPlainText() == "I miss you soo"


def test_a_second_ctrl_b_at_the_words_end_ends_the_bold_there(qtbot):  # type: ignore[no-untyped-def]
    """Ctrl+B leaves the caret at the end of the word, before its closing stars (and
    its redo puts it back there): the next Ctrl+B was refused as "not a word" there,
    then took the bold off; as in a writing app, it ends the bold there and the word
    stays bold (break test 9 of session 19, finding 1). Inside the word it comes off."""
    editor = focused_editor(qtbot)
    qtbot.keyClicks(editor, "one two")
    qtbot.keyClick(editor, Qt.Key.Key_Left)  # in the word: the word is made bold
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert editor.toPlainText() == "one **two**"
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    qtbot.keyClick(editor, Qt.Key.Key_Left)  # "one **two|**", where its redo leaves it
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert editor.toPlainText() == "one **two**"
    assert editor.textCursor().position() == len("one **two**")
    qtbot.keyClicks(editor, " three")
    assert editor.toPlainText() == "one **two** three"
