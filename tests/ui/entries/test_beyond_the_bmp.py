"""Emoji and other characters beyond U+FFFF shift nothing the editor shows or says
(break test 9 of session 10, findings 1 and 5): Qt counts them as two UTF-16 units,
Python as one character, and a position carried across unconverted put the bold of
"😢😢 **real**" on the "**" and the Bold button's state one word off."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont

from journal.ui.common.utf16 import unit_offsets
from journal.ui.entries.markdown import MarkdownEditor

LINES = {
    "two emoji": "😢😢 **real** word",
    "a ZWJ family": "👨‍👩‍👧 **real** word",
    "CJK Extension B": "𠀋𠀋𠀋 **real** word",
}


def _bold_characters(editor: MarkdownEditor, line: str) -> str:
    """The characters of ``line`` the editor draws bold and not dimmed."""
    editor.setPlainText(line)
    layout = editor.document().firstBlock().layout()
    dim = editor.palette().color(editor.palette().ColorRole.PlaceholderText)
    bold_units: set[int] = set()
    for span in layout.formats():
        fmt = span.format
        if fmt.fontWeight() >= QFont.Weight.DemiBold and fmt.foreground().color() != dim:
            bold_units.update(range(span.start, span.start + span.length))
    at = unit_offsets(line)
    return "".join(c for i, c in enumerate(line) if at[i] in bold_units)


@pytest.mark.parametrize("line", LINES.values(), ids=LINES.keys())
def test_the_bold_falls_on_the_words_between_the_stars(qtbot, line: str) -> None:  # type: ignore[no-untyped-def]
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    assert _bold_characters(editor, line) == "real"


@pytest.mark.parametrize("line", LINES.values(), ids=LINES.keys())
def test_the_bold_button_is_pressed_only_inside_the_bold_word(qtbot, line: str) -> None:  # type: ignore[no-untyped-def]
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.setPlainText(line + " after")
    at = unit_offsets(line + " after")
    cursor = editor.textCursor()
    # Right after "real", before its closing stars: still in the bold word (the drift
    # put the cursor past the stars); and in "word", after them.
    for index, inside in ((line.index("real") + 4, True), (line.index("word") + 2, False)):
        cursor.setPosition(at[index])
        editor.setTextCursor(cursor)
        assert ("bold" in editor.formatting_at_cursor()) is inside, line[:index]
