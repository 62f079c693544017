"""Ctrl+B and Ctrl+I with nothing chosen and no word at the caret turn the style on for
what is typed next, as a writing app does (break test 10 of session 12, finding 5:
"Hello there " then Ctrl+B then "bold words" stayed plain, the B button never lit).
The entry is plain Markdown, so the pair of markers goes in with the caret between
them; the button shows it on; the same key again at once takes the empty pair off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from journal.ui.entries.markdown import MarkdownEditor


@pytest.fixture
def editor(qtbot) -> Iterator[MarkdownEditor]:  # type: ignore[no-untyped-def]
    holder = QWidget()
    layout = QVBoxLayout(holder)
    made = MarkdownEditor()
    layout.addWidget(made.toolbar())
    layout.addWidget(made)
    qtbot.addWidget(holder)
    holder.show()
    made.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is made)
    yield made  # the holder is kept until the test ends
    holder.close()


@pytest.mark.parametrize(
    ("key", "name", "marker"), [(Qt.Key.Key_B, "bold", "**"), (Qt.Key.Key_I, "italic", "*")]
)
def test_the_style_is_on_for_what_is_typed_next(qtbot, editor, key, name, marker) -> None:  # type: ignore[no-untyped-def]
    button = editor.button(name)
    qtbot.keyClicks(editor, "Hello there ")
    qtbot.keyClick(editor, key, Qt.KeyboardModifier.ControlModifier)
    assert button.isChecked()  # shown on before a letter is typed
    qtbot.keyClicks(editor, "kind words")
    assert editor.toPlainText() == f"Hello there {marker}kind words{marker}"
    assert name in editor.formatting_at_cursor() and button.isChecked()
    # On a new line, the same; pressed again at once, it is off and nothing is left.
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, key, Qt.KeyboardModifier.ControlModifier)
    assert button.isChecked()
    qtbot.keyClick(editor, key, Qt.KeyboardModifier.ControlModifier)
    assert not button.isChecked()
    assert editor.toPlainText() == f"Hello there {marker}kind words{marker}\n"


@pytest.mark.parametrize(
    ("key", "name", "marker"), [(Qt.Key.Key_B, "bold", "**"), (Qt.Key.Key_I, "italic", "*")]
)
@pytest.mark.parametrize("by", ["button", "key"])
def test_pressed_again_after_the_words_the_style_ends_there(  # type: ignore[no-untyped-def]
    qtbot, editor, key, name, marker, by
) -> None:
    """B, type, B (break test 9 of session 19, finding 1): the second press ends the
    style after the word, which stays bold (italic); it took the markers off, and the
    word and everything after it went plain. One Ctrl+Z takes back one thing done."""
    button = editor.button(name)

    def press() -> None:
        if by == "button":
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        else:
            qtbot.keyClick(editor, key, Qt.KeyboardModifier.ControlModifier)

    qtbot.keyClicks(editor, "plain ")
    press()
    qtbot.keyClicks(editor, "strong")
    press()
    assert not button.isChecked()  # off for what comes next
    qtbot.keyClicks(editor, " after")
    assert editor.toPlainText() == f"plain {marker}strong{marker} after"
    assert not button.isChecked()
    cursor = editor.textCursor()
    cursor.setPosition(len(f"plain {marker}str"))
    editor.setTextCursor(cursor)
    assert button.isChecked()  # the word is still bold (italic)
    qtbot.keyClick(editor, Qt.Key.Key_End)
    undo = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(editor, Qt.Key.Key_Z, undo)
    assert editor.toPlainText() == f"plain {marker}strong{marker}"
    qtbot.keyClick(editor, Qt.Key.Key_Z, undo)
    assert editor.toPlainText() == f"plain {marker}{marker}"
    qtbot.keyClick(editor, Qt.Key.Key_Z, undo)
    assert editor.toPlainText() == "plain "


@pytest.mark.parametrize("how", ["key", "button"])
def test_at_a_words_edge_no_word_changes_and_what_comes_is_bold(qtbot, editor, how) -> None:  # type: ignore[no-untyped-def]
    """Break test of session 20, N1: with the caret just after a word's last letter or
    just before its first, Ctrl+B (or B) wrapped the whole word; as in a word
    processor, nothing written changes there and what is typed next is bold. Inside
    a word, the word is made bold."""

    def bold() -> None:
        if how == "key":
            qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        else:
            qtbot.mouseClick(editor.button("bold"), Qt.MouseButton.LeftButton)
            editor.setFocus()

    qtbot.keyClicks(editor, "one two")
    bold()  # "one two|"
    assert editor.toPlainText() == "one two****"
    qtbot.keyClicks(editor, "fold")
    assert editor.toPlainText() == "one two**fold**"
    editor.setPlainText("one two")
    qtbot.keyClick(editor, Qt.Key.Key_End)
    bold()
    qtbot.keyClicks(editor, " three")  # the space goes before the pair: no star shows
    assert editor.toPlainText() == "one two **three**"
    editor.setPlainText("one two")
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    for _ in "one ":
        qtbot.keyClick(editor, Qt.Key.Key_Right)
    bold()  # "one |two"
    assert editor.toPlainText() == "one ****two"
    qtbot.keyClicks(editor, "my")
    assert editor.toPlainText() == "one **my**two"
    editor.setPlainText("one two")
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    bold()  # "one tw|o"
    assert editor.toPlainText() == "one **two**"
