"""A new text size or theme costs the lines on screen, not the entry's length (break test
9 of session 7, F4: with a 1.9-million-character entry open, each change froze the
window for 5-10 s; F3: the size change also saved the untouched entry again, "Saved at
16:08" for an entry last changed at 16:07).

Nothing here is timed: what is asserted is what the restyle does. A text size change
highlights no line again (headings are sized relative to the editor's font) and starts
no save; a theme change highlights again only the lines in view, and those show their
markers in the new theme's colour (before, nothing recoloured them at all). The time
it takes is measured in tests/benchmarks/test_restyle_bench.py."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from journal.settings import FONT_SCALE, THEME, Theme

LINES = 3000


def _long_entry(qtbot, window):  # type: ignore[no-untyped-def]
    """The journal's editor holding a saved entry of ``LINES`` marked-up lines."""
    window.show_area(window.area("journal"))
    window.new_entry()
    editor = window.area("journal").editor
    words = "".join(f"line {n} with **quiet** words and a_b_c\n" for n in range(LINES))
    editor.body.setPlainText(words)
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.save_now()
    QApplication.processEvents()
    return editor


def _marker_colour(editor, line: int):  # type: ignore[no-untyped-def]
    """The colour the first "**" of ``line`` is drawn in."""
    block = editor.body.document().findBlockByNumber(line)
    start = block.text().index("**")
    for part in block.layout().formats():
        if part.start <= start < part.start + part.length and part.format.hasProperty(
            part.format.Property.ForegroundBrush
        ):
            return part.format.foreground().color()
    return None


def _lines_in_view(body) -> list[int]:  # type: ignore[no-untyped-def]
    """The numbers of the lines the editor shows now."""
    block, shown = body.firstVisibleBlock(), []
    offset, height = body.contentOffset(), body.viewport().height()
    while block.isValid() and body.blockBoundingGeometry(block).translated(offset).top() < height:
        shown.append(block.blockNumber())
        block = block.next()
    return shown


def test_a_text_size_change_highlights_no_line_again_and_saves_nothing(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    window = unlocked_window
    editor = _long_entry(qtbot, window)
    status = editor.status.text()
    highlighter = editor.body.highlighter
    lines: list[str] = []
    own = highlighter.highlightBlock  # Qt calls the one the instance has: count the lines

    def counted(text: str) -> None:
        lines.append(text)
        own(text)

    highlighter.highlightBlock = counted
    try:
        for size in (200, 100, 150):
            window.settings.set(FONT_SCALE, size)
            QApplication.processEvents()
            assert lines == []  # no line of the entry was highlighted again
            assert not editor.timer.isActive()  # and no save of it is on its way
    finally:
        window.settings.set(FONT_SCALE, 100)
        del highlighter.highlightBlock
    assert editor.status.text() == status  # "Saved at" the time it was last changed


def test_a_theme_change_recolours_the_lines_in_view_only(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.settings.set(THEME, Theme.LIGHT.value)
    editor = _long_entry(qtbot, window)
    body = editor.body
    body.moveCursor(body.textCursor().MoveOperation.Start)
    body.viewport().repaint()
    light = body.palette().color(QPalette.ColorRole.PlaceholderText)
    assert _marker_colour(editor, 0) == light
    before = body.recolouring.lines_highlighted
    try:
        window.settings.set(THEME, Theme.DARK.value)
        QApplication.processEvents()
        body.viewport().repaint()
        dark = body.palette().color(QPalette.ColorRole.PlaceholderText)
        assert dark != light
        in_view = _lines_in_view(body)
        assert len(in_view) > 3
        shown = [_marker_colour(editor, line) for line in in_view[:-1]]
        assert shown == [dark] * (len(in_view) - 1)
        assert 0 < body.recolouring.lines_highlighted - before <= len(in_view) + 1
        assert not editor.timer.isActive()  # recolouring is no edit

        body.moveCursor(body.textCursor().MoveOperation.End)  # further down, when seen
        body.viewport().repaint()
        assert _marker_colour(editor, LINES - 2) == dark
        assert body.recolouring.lines_highlighted - before <= 2 * (len(in_view) + 1)
    finally:
        window.settings.set(THEME, Theme.LIGHT.value)
