"""A row kept in a page's card column, though it lives outside the card.

The recovery key's "I have written it down" and Continue are pinned below the lock
screen's scrolling part, so they are never below the fold (`PinnedConfirm`); laid out
there on their own, the tick box started left of the card and Continue ended right of
it, aligned neither with the card nor with each other (break test 10 of session 12,
finding 11). The row's margins follow the card's contents, wherever it is laid out.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtWidgets import QWidget


class CardColumn(QObject):
    """Keeps ``row``'s contents (its layout) between the left and right edges of
    ``card``'s contents: the card's x plus its layout's left margin, and its right
    edge minus its layout's right margin (pixels), as the card and the row are resized
    or moved. ``row`` must have a layout; its top and bottom margins are kept."""

    def __init__(self, card: QWidget, row: QWidget) -> None:
        super().__init__(row)
        self.card, self.row = card, row
        card.installEventFilter(self)
        row.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.Show):
            self.align()
        return False

    def align(self) -> None:
        """Set the row's left and right margins to the card's contents' edges (nothing
        once either is being destroyed, as the window closes)."""
        if not (shiboken6.isValid(self.card) and shiboken6.isValid(self.row)):
            return
        row_layout, card_layout = self.row.layout(), self.card.layout()
        if row_layout is None or card_layout is None or not self.card.isVisible():
            return
        window = self.row.window()
        left = self.card.mapTo(window, QPoint(0, 0)).x() - self.row.mapTo(window, QPoint(0, 0)).x()
        inner = card_layout.contentsMargins()
        start = max(0, left + inner.left())
        end = max(0, self.row.width() - (left + self.card.width()) + inner.right())
        kept = row_layout.contentsMargins()
        if (kept.left(), kept.right()) != (start, end):
            row_layout.setContentsMargins(start, kept.top(), end, kept.bottom())
