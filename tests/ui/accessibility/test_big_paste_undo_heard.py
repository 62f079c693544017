"""Undo and redo of a paste of many lines stay one step each, exact, and are said by
the paste's size (issue 9: the undo of a 2-million-character paste blocked the window;
its redo called into Python once per line, and reading the whole text twice to say
what changed cost more). The real editor, driven by keys."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication

from journal.ui.entries.markdown import MarkdownEditor
from journal.ui.entries.pasting import SLICED_PASTE_LINES

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _styled(editor: MarkdownEditor, line: int) -> bool:
    block = editor.document().findBlockByNumber(line)
    return bool(block.layout().formats())


def test_undo_and_redo_of_a_many_lines_paste(qtbot, a11y_events):  # type: ignore[no-untyped-def]
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    qtbot.keyClicks(editor, "Before ")
    lines = ["I miss you."] * SLICED_PASTE_LINES
    lines[5] = "a **bold** line"
    pasted = "\n".join(lines) + "\n"
    data = QMimeData()
    data.setText(pasted)
    QApplication.clipboard().setMimeData(data)
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL)
    editor.finish_paste()
    assert editor.markdown() == "Before " + pasted
    a11y_events.clear()

    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # the whole paste, one step
    assert editor.markdown() == "Before "
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL | SHIFT)
    assert editor.markdown() == "Before " + pasted
    assert _styled(editor, 5) and not _styled(editor, 6)  # highlighted as typed
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.markdown() == "Before "
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # then what was typed before it
    assert editor.markdown() in ("Before", "")
    said = a11y_events.announcements(assertive=False)
    assert said[:3] == [
        f"Undone: pasting {len(pasted):,} characters",
        f"Redone: pasting {len(pasted):,} characters",
        f"Undone: pasting {len(pasted):,} characters",
    ]
