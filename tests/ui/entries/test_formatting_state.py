"""The formatting buttons show whether bold, italic, heading, a list or a quote is on
where the cursor is, and follow it as it moves and as formatting is toggled."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QToolButton

from journal.ui.entries.markdown import MarkdownEditor

NAMES = ("bold", "italic", "heading", "bullets", "numbers", "quote")


def _on(editor: MarkdownEditor) -> set[str]:
    """What the toolbar buttons show as pressed."""
    bar = editor._bar
    return {
        name
        for name in NAMES
        if (button := bar.widgetForAction(editor.actions_by_name[name])) is not None
        and isinstance(button, QToolButton)
        and button.isChecked()
    }


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
    assert editor.actions_by_name["heading"].isChecked()
