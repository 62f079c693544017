"""A "## heading" in the editor is drawn larger than the words around it at every text
size (break test 9 of session 7, F3: at 200 % it kept the points of 100 % and was
drawn smaller than the body text)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.settings import FONT_SCALE


def _heights(editor) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """The drawn height (pixels) of the heading line and of a body line."""
    QApplication.processEvents()
    document = editor.body.document()
    layout = document.documentLayout()
    heading = layout.blockBoundingRect(document.findBlockByNumber(0)).height()
    body = layout.blockBoundingRect(document.findBlockByNumber(1)).height()
    return heading, body


@pytest.mark.parametrize("scale", [150, 200])
def test_a_heading_stays_larger_than_the_words_at_any_text_size(
    qtbot, unlocked_window, scale
) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.show_area(window.area("journal"))
    window.new_entry()
    editor = window.area("journal").editor
    qtbot.keyClicks(editor.body, "## Today")
    qtbot.keyClick(editor.body, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.body, "A short line")
    heading_100, body_100 = _heights(editor)
    assert heading_100 > body_100
    window.settings.set(FONT_SCALE, scale)
    heading, body = _heights(editor)
    assert body > body_100 * 1.3
    assert heading > body
    assert heading > heading_100 * 1.3
    window.settings.set(FONT_SCALE, 100)
    assert _heights(editor) == (heading_100, body_100)
