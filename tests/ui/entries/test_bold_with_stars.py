"""Bold and italic over words that hold a star typed as text (session 20 break test,
N2): Ctrl+B over "2*3 and 4*5" was refused, naming the "*". The words are made bold,
every character typed stays, and the export reads the same. Only italic over a star
at the words' edge ("*star") is still refused: no marker makes it italic in the
editor ("_*star_" and "**star*" are not read as italic there)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument

from journal.domain.safekeeping.shown_html import as_shown, as_typed
from journal.ui.entries.markdown import CANNOT_FORMAT
from tests.ui.entries.editing import CTRL, SHIFT, focused_editor


def _bold_in_the_export(markdown: str) -> str:
    """The bold characters a CommonMark reader (Qt's md4c) shows of the export of
    ``markdown``."""
    document = QTextDocument()
    document.setMarkdown(as_shown(markdown))
    bold = []
    block = document.firstBlock()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().fontWeight() >= QFont.Weight.Bold:
                bold.append(fragment.text())
            iterator += 1
        block = block.next()
    return "".join(bold)


def _select_last(qtbot, editor, count: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(editor, Qt.Key.Key_End)
    for _ in range(count):
        qtbot.keyClick(editor, Qt.Key.Key_Left, SHIFT)


def test_bold_over_words_holding_a_star_makes_them_bold_and_keeps_every_star(qtbot):  # type: ignore[no-untyped-def]
    for typed, chosen, bold in (
        ("so 2*3 and 4*5", "2*3 and 4*5", "2*3 and 4*5"),
        ("x*y", "x*y", "x*y"),
        ("d a_b*c", "a_b*c", "a_b*c"),
    ):
        editor = focused_editor(qtbot)
        refused: list[str] = []
        editor.refused.connect(refused.append)
        qtbot.keyClicks(editor, typed)
        _select_last(qtbot, editor, len(chosen))
        qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
        after = editor.markdown()
        assert refused == [], typed
        assert after.replace("**", "").replace("__", "") == typed
        assert _bold_in_the_export(after) == bold
        assert as_typed(as_shown(after)) == after


def test_italic_over_a_star_at_the_words_edge_is_still_refused_kindly(qtbot):  # type: ignore[no-untyped-def]
    editor = focused_editor(qtbot)
    refused: list[str] = []
    editor.refused.connect(refused.append)
    qtbot.keyClicks(editor, "a *star")
    _select_last(qtbot, editor, 5)
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)
    assert refused == [CANNOT_FORMAT] and editor.markdown() == "a *star"


def test_italic_over_words_holding_a_star_inside(qtbot):  # type: ignore[no-untyped-def]
    editor = focused_editor(qtbot)
    refused: list[str] = []
    editor.refused.connect(refused.append)
    qtbot.keyClicks(editor, "so 2*3 and 4*5")
    _select_last(qtbot, editor, 11)
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)
    after = editor.markdown()
    assert refused == [] and after in ("so *2*3 and 4*5*", "so _2*3 and 4*5_")
