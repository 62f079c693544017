"""A row kept in a page's card column, though it lives outside the card.

The recovery key's "I have written it down" and Continue are pinned below the lock
screen's scrolling part, so they are never below the fold (`PinnedConfirm`); laid out
there on their own, the tick box started left of the card and Continue ended right of
it, aligned neither with the card nor with each other (break test 10 of session 12,
finding 11). The row's margins follow the card's contents, wherever it is laid out.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QScrollArea, QWidget


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


class RowUnderCard(QWidget):
    """The lock screen's scrolling part (``scroll``) with a row pinned under it
    (``row``: a recovery key's "I have written it down" and Continue, shown with the
    key page only). While the page and the row fit the height, the row sits right
    under the page's card, the two placed together as every page's card is (a third of
    the room left above, two thirds below); only where the page scrolls is the row
    pinned to the bottom, so that Continue is always in view without scrolling. Pinned
    to the bottom always, the row sat about 240 px below the card on a 1366x768 screen
    (break test 10 of session 12, finding 11). Laid out by hand: a layout that held the
    scroll to the page's height kept the window from being made smaller."""

    ABOVE = 1  # of the height left over, the share above the card (and 2 below)
    BELOW = 2

    def __init__(self, scroll: QScrollArea, row: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scrolling, self.pinned = scroll, row
        scroll.setParent(self)
        row.setParent(self)
        row.installEventFilter(self)
        page = scroll.widget()
        if page is not None:
            page.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (
            QEvent.Type.Show,
            QEvent.Type.Hide,
            QEvent.Type.LayoutRequest,
            QEvent.Type.FontChange,
        ):
            self.place()
        return False

    def _row_height(self, width: int) -> int:
        row = self.pinned
        if row.hasHeightForWidth():
            return max(row.minimumSizeHint().height(), row.heightForWidth(width))
        return row.sizeHint().expandedTo(row.minimumSizeHint()).height()

    def page_height(self, width: int) -> int:
        """The height (pixels) the scrolling part's page needs at ``width`` pixels: more
        than the room it has, and it scrolls."""
        page = self.scrolling.widget()
        if page is None:
            return 0
        needed = page.minimumSizeHint().expandedTo(page.minimumSize()).height()
        if page.hasHeightForWidth():
            needed = max(needed, page.heightForWidth(width))
        return needed

    def place(self) -> None:
        """Lay the scrolling part and the row out in this widget's size (see the class)."""
        width, height = self.width(), self.height()
        if self.pinned.isHidden():
            self.scrolling.setGeometry(0, 0, width, height)
            return
        row = min(self._row_height(width), height)
        needed = self.page_height(width)
        if needed + row <= height:
            spare = height - needed - row
            top = spare * self.ABOVE // (self.ABOVE + self.BELOW)
            self.scrolling.setGeometry(0, top, width, needed)
        else:
            self.scrolling.setGeometry(0, 0, width, height - row)
        self.pinned.setGeometry(0, self.scrolling.geometry().bottom() + 1, width, row)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.place()

    def sizeHint(self) -> QSize:
        hint = self.scrolling.sizeHint()
        if not self.pinned.isHidden():
            hint.setHeight(hint.height() + self.pinned.sizeHint().height())
        return hint

    def minimumSizeHint(self) -> QSize:
        least = self.scrolling.minimumSizeHint()
        if not self.pinned.isHidden():
            row = self.pinned.minimumSizeHint()
            least = QSize(max(least.width(), row.width()), least.height() + row.height())
        return least
