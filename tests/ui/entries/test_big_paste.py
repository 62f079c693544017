"""A paste of many short lines costs Python nothing per plain line (issue 9: 166,000
short lines froze the window for seconds; a profile of the real editor's paste put a
fifth of it in the highlighter, a Python call and a search for every line, and a
Python step per line looking for long ones). Work is counted here, not timed: the
lines that may hold a marker are still highlighted, the others are left as Qt made
them, and the text is exact. Qt's own insert and layout are the rest (the benchmark in
tests/benchmarks/test_editor_bench.py times them)."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QPalette

from journal.ui.entries.markdown import MarkdownEditor

LINES = 5_000


def _searches_while(work: Any) -> int:
    """How many regular-expression searches (of any pattern) ``work`` makes."""
    count = 0

    def tally(_frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event == "c_call" and getattr(arg, "__name__", "") in ("search", "match"):
            count += 1

    sys.setprofile(tally)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count


def _dimmed(editor: MarkdownEditor, number: int) -> str:
    block = editor.document().findBlockByNumber(number)
    dim = editor.palette().color(QPalette.ColorRole.PlaceholderText)
    text = block.text()
    return "".join(
        text[span.start : span.start + span.length]
        for span in block.layout().formats()
        if span.format.foreground().color() == dim
    )


def test_a_big_paste_highlights_only_the_lines_that_may_hold_a_marker(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.insertPlainText("before **")
    lines = ["I miss you."] * LINES
    lines[2_500] = "a **quiet** day"
    lines[4_000] = "> she said"
    text = "\n".join(lines) + "** after"
    data = QMimeData()
    data.setText(text)

    searches = _searches_while(lambda: editor.insertFromMimeData(data))

    assert searches < 100  # one per line before: 5,000
    assert editor.markdown() == "before **" + text
    assert _dimmed(editor, 2_500) == "****"
    assert _dimmed(editor, 4_000) == "> "
    assert _dimmed(editor, 0) == "" and _dimmed(editor, 10) == ""
    assert _dimmed(editor, LINES - 1) == ""  # "I miss you.** after": one "**" is text
    editor.undo()
    assert editor.markdown() == "before **"
