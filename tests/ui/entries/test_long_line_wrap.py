"""A line longer than the view wraps like any other, with no sideways scroll bar
(issue 9, break test finding 10b: a 1.9-million-character line without a space showed
a horizontal scroll bar, the caret at its end was off screen so typed letters were
invisible, and the bar stayed for the next entry)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.ui.entries.markdown import MarkdownEditor


def _in_view(editor: MarkdownEditor) -> bool:
    return editor.viewport().rect().contains(editor.cursorRect())


def test_a_run_without_spaces_wraps_and_the_caret_stays_in_view(qtbot):
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.resize(600, 400)
    editor.show()
    qtbot.waitExposed(editor)
    run = "a" * 300_000
    editor.set_markdown(run)
    qtbot.waitUntil(lambda: not editor.opening)  # it goes in slices (fid17 finding 3)
    assert editor.markdown() == run  # nothing added or lost by the wrapping
    assert editor.horizontalScrollBar().maximum() == 0
    assert _in_view(editor)
    qtbot.keyClicks(editor, "END")
    assert editor.markdown() == run + "END" and _in_view(editor)
    editor.set_markdown("An ordinary day.\nA second line.")
    assert editor.horizontalScrollBar().maximum() == 0


def test_a_pasted_run_without_spaces_wraps_too(qtbot):
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.resize(600, 400)
    editor.show()
    qtbot.waitExposed(editor)
    editor.set_markdown("")
    QApplication.clipboard().setText("b" * 50_000)
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.markdown() == "b" * 50_000
    assert editor.horizontalScrollBar().maximum() == 0
    assert _in_view(editor)
