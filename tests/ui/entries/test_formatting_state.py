"""The formatting buttons show whether bold, italic, heading, a list or a quote is on
where the cursor is, and follow it as it moves and as formatting is toggled."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from journal.ui.entries.markdown import MarkdownEditor

NAMES = ("bold", "italic", "heading", "bullets", "numbers", "quote")


def _on(editor: MarkdownEditor) -> set[str]:
    """What the toolbar buttons show as pressed."""
    return {name for name in NAMES if editor.button(name).isChecked()}


def _at(editor: MarkdownEditor, position: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(position)
    editor.setTextCursor(cursor)


def test_buttons_follow_the_cursor(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = MarkdownEditor()
    editor._bar = editor.toolbar()  # type: ignore[attr-defined]
    qtbot.addWidget(editor)
    qtbot.addWidget(editor._bar)
    editor.show()
    text = "## A heading\nSome **strong** and *soft* words\n- a list\n1. first\n> quoted"
    editor.setPlainText(text)
    lines = text.split("\n")
    starts = [sum(len(line) + 1 for line in lines[:i]) for i in range(len(lines))]

    _at(editor, starts[0] + 5)
    assert _on(editor) == {"heading"}
    _at(editor, starts[1] + lines[1].index("strong") + 2)
    assert _on(editor) == {"bold"}
    _at(editor, starts[1] + lines[1].index("soft") + 1)
    assert _on(editor) == {"italic"}
    _at(editor, starts[1] + 1)
    assert _on(editor) == set()
    _at(editor, starts[2] + 4)
    assert _on(editor) == {"bullets"}
    _at(editor, starts[3] + 4)
    assert _on(editor) == {"numbers"}
    _at(editor, starts[4] + 4)
    assert _on(editor) == {"quote"}


def test_toggling_shows_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = MarkdownEditor()
    editor._bar = editor.toolbar()  # type: ignore[attr-defined]
    qtbot.addWidget(editor)
    qtbot.addWidget(editor._bar)
    editor.show()
    qtbot.keyClicks(editor, "gentle")
    editor.moveCursor(QTextCursor.MoveOperation.StartOfLine)
    editor.moveCursor(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    editor.actions_by_name["bold"].trigger()
    assert editor.toPlainText() == "**gentle**"
    assert "bold" in _on(editor)
    editor.actions_by_name["heading"].trigger()
    assert _on(editor) >= {"bold", "heading"}
    editor.actions_by_name["bold"].trigger()
    assert "bold" not in _on(editor)
    assert "heading" in _on(editor)


def test_one_ctrl_b_changes_the_bold_button_once_and_only_when_bold_changed(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Break test 15 of session 7 (re-check n): one Ctrl+B inside a word flipped the
    Bold button checked, unchecked, checked (three state changes heard), and on an
    empty editor reported Bold checked although nothing changed."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from journal.ui.entries.markdown import NOTHING_TO_FORMAT

    holder = QWidget()
    layout = QVBoxLayout(holder)
    editor = MarkdownEditor()
    bar = editor.toolbar()
    layout.addWidget(bar)
    layout.addWidget(editor)
    qtbot.addWidget(holder)
    holder.show()
    editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    bold = editor.button("bold")
    states: list[bool] = []
    bold.toggled.connect(states.append)
    refused: list[str] = []
    editor.refused.connect(refused.append)

    ctrl_b = (Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    # No word here: bold for what is typed next (break test 10 of session 12, finding
    # 5), and the same key again takes it off; nothing is refused.
    qtbot.keyClick(editor, *ctrl_b)
    assert editor.toPlainText() == "****" and editor.textCursor().position() == 2
    assert states == [True] and bold.isChecked()
    qtbot.keyClick(editor, *ctrl_b)
    assert editor.toPlainText() == "" and refused == []
    assert states == [True, False] and not bold.isChecked()
    states.clear()
    editor.setPlainText("  ")
    editor.selectAll()
    qtbot.keyClick(editor, *ctrl_b)  # only spaces chosen: nothing to make bold
    assert editor.toPlainText() == "  " and refused == [NOTHING_TO_FORMAT]
    assert states == []
    editor.clear()

    qtbot.keyClicks(editor, "gentle")
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    qtbot.keyClick(editor, *ctrl_b)
    assert editor.toPlainText() == "**gentle**"
    assert states == [True]
    qtbot.keyClick(editor, *ctrl_b)
    assert editor.toPlainText() == "gentle"
    assert states == [True, False]
    qtbot.mouseClick(bold, Qt.MouseButton.LeftButton)  # the button asks, the text answers
    assert editor.toPlainText() == "**gentle**" and states == [True, False, True]


@pytest.mark.parametrize("text", ["quiet", "Today was hard. **walk**"])
def test_italic_that_cannot_begin_at_the_caret_says_why_and_what_to_do(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Break test 15 of session 29, F12: Ctrl+I at the end of "quiet", where Ctrl+B had
    just begun a bold run, said "Choose the words… or put the cursor in a word", with
    the cursor at a word."""
    from PySide6.QtCore import Qt

    from journal.ui.entries.markdown import cannot_start_here
    from tests.ui.entries.editing import editor_with_toolbar

    _holder, editor = editor_with_toolbar(qtbot)
    refused: list[str] = []
    editor.refused.connect(refused.append)
    editor.setPlainText(text)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == text  # nothing changed
    assert refused == [cannot_start_here("Italic")]
