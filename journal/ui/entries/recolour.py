"""A theme change recolours only the lines in view (break test 9 of session 7, F4).

The highlighter dims Markdown's markers ("**", "#", ">") in the theme's placeholder
colour, a colour the text document keeps per character. Highlighting a whole entry
again when the theme changes took seconds for an entry of 1.9 million characters (the
window froze), and nothing at all left the markers in the old theme's colour. Here a
new colour marks every line stale; the lines shown are highlighted again as they come
into view (`before_paint`, called by the editor before each paint), so a theme
change costs the lines on screen, whatever the entry's length. Text size costs nothing
here: headings are sized relative to the editor's font (`markdown.HEADING_STEPS`).

Highlighting a line again changes no character: the document's signals are held
meanwhile, so it is never taken for an edit (no autosave, no "Saved at", the search
marks stay).
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QColor, QPalette, QSyntaxHighlighter
from PySide6.QtWidgets import QPlainTextEdit

__all__ = ["Recolouring"]


class Recolouring:
    """Keeps ``highlighter``'s colours those of ``editor``'s palette, a screenful at a
    time. Owned by the editor (a plain Python object holding no Qt object of its own)."""

    def __init__(self, editor: QPlainTextEdit, highlighter: QSyntaxHighlighter) -> None:
        self._editor = editor
        self._highlighter = highlighter
        self._colour = self.colour()
        self._fresh: set[int] = set()  # lines highlighted in `_colour` since it changed
        self._stale = False
        self.lines_highlighted = 0  # lines highlighted again for a new colour, ever
        editor.blockCountChanged.connect(self._lines_moved)

    def colour(self) -> QColor:
        """The colour markers are dimmed in now (the palette's placeholder text)."""
        return self._editor.palette().color(QPalette.ColorRole.PlaceholderText)

    def _lines_moved(self, _count: int) -> None:
        # Line numbers moved: the ones on screen are looked at again (a few at most).
        self._fresh.clear()

    def before_paint(self) -> None:
        """Highlight again, in the palette's colour now, the lines in view that are not
        yet (a screenful at most)."""
        colour = self.colour()
        if colour != self._colour:
            self._colour, self._stale = colour, True
            self._fresh.clear()
        if not self._stale:
            return
        editor = self._editor
        document = editor.document()
        block = editor.firstVisibleBlock()
        height = editor.viewport().height()
        offset = editor.contentOffset()
        with QSignalBlocker(document):
            while (
                block.isValid()
                and editor.blockBoundingGeometry(block).translated(offset).top() <= height
            ):
                number = block.blockNumber()
                if number not in self._fresh:
                    self._highlighter.rehighlightBlock(block)
                    self._fresh.add(number)
                    self.lines_highlighted += 1
                block = block.next()
        if len(self._fresh) >= document.blockCount():
            self._stale = False
            self._fresh.clear()
