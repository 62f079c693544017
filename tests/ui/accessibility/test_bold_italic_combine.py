"""Bold and italic add up, each key turning its own style on or off, and the
announcement says what changed (break test 9 of session 14, finding 3: Italic on
"**I miss you**" gave "*I miss you*", heard as "Italic off"; Italic then Bold was
refused, so bold italic could not be made)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument

from tests.ui.entries.editing import CTRL, focused_editor

BOLD, ITALIC = Qt.Key.Key_B, Qt.Key.Key_I


def _read(markdown: str) -> list[tuple[str, bool, bool]]:
    """(text, bold, italic) runs as a CommonMark reader (Qt's md4c) shows ``markdown``."""
    document = QTextDocument()
    document.setMarkdown(markdown)
    runs = []
    iterator = document.firstBlock().begin()
    while not iterator.atEnd():
        fmt = iterator.fragment().charFormat()
        bold = fmt.fontWeight() >= QFont.Weight.Bold
        runs.append((iterator.fragment().text(), bold, fmt.fontItalic()))
        iterator += 1
    return runs


def _press(qtbot, editor, *keys: Qt.Key) -> str:  # type: ignore[no-untyped-def]
    for key in keys:
        qtbot.keyClick(editor, key, CTRL)
    return str(editor.markdown())


def test_bold_then_italic_and_italic_then_bold_make_bold_italic(qtbot, a11y_events):  # type: ignore[no-untyped-def]
    for first, second in ((BOLD, ITALIC), (ITALIC, BOLD)):
        editor = focused_editor(qtbot)
        qtbot.keyClicks(editor, "I miss you")
        qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
        a11y_events.clear()
        assert _press(qtbot, editor, first, second) == "***I miss you***"
        assert _read(editor.markdown()) == [("I miss you", True, True)]
        said = a11y_events.announcements(assertive=False)
        names = {BOLD: "Bold", ITALIC: "Italic"}
        assert said == [f"{names[first]}: “I miss you”", f"{names[second]}: “I miss you”"]
        # Each key takes its own style off again, and says so.
        a11y_events.clear()
        left = "*I miss you*" if first == BOLD else "**I miss you**"
        assert _press(qtbot, editor, first) == left
        assert a11y_events.announcements(assertive=False) == [f"{names[first]} off: “I miss you”"]
        assert _press(qtbot, editor, second) == "I miss you"


def test_the_word_at_the_caret_takes_both_styles(qtbot):  # type: ignore[no-untyped-def]
    editor = focused_editor(qtbot)
    qtbot.keyClicks(editor, "I miss you")
    for _ in range(5):
        qtbot.keyClick(editor, Qt.Key.Key_Left)  # "mi|ss"
    assert _press(qtbot, editor, BOLD) == "I **miss** you"
    assert _press(qtbot, editor, ITALIC) == "I ***miss*** you"
    assert _read(editor.markdown())[1] == ("miss", True, True)
    assert _press(qtbot, editor, BOLD) == "I *miss* you"
    assert _press(qtbot, editor, ITALIC) == "I miss you"


def test_the_editor_shows_bold_italic_as_both(qtbot):  # type: ignore[no-untyped-def]
    editor = focused_editor(qtbot)
    qtbot.keyClicks(editor, "***x*** and *a **b** c*")
    ranges = editor.document().firstBlock().layout().formats()
    shown = [
        (r.start, r.format.fontWeight() >= QFont.Weight.DemiBold, r.format.fontItalic())
        for r in ranges
    ]
    assert (3, True, True) in shown  # "x"
    assert any(bold and italic for start, bold, italic in shown if start == 17)  # "b"
