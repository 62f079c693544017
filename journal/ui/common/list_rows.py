"""A list's height counted in its own rows, at any text size and width.

A list kept to "three lines" of its font (``lineSpacing() * 3``) showed two rows and a
half, or cut each row's words at the right behind a sideways scroll bar, as soon as a
row took more than one line of text or more than a line's height (the pad changes at
150 % text: issue 10, item 7). Here the height is that of the rows themselves, each
measured as the list's delegate draws it, wrapped at the list's width.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListView, QListWidget, QSizePolicy, QStyleOptionViewItem, QWidget

__all__ = ["RowsList", "rows_height"]


def rows_height(view: QListView, rows: int) -> int:
    """The height in pixels (frame included) that shows the first ``rows`` rows of
    ``view`` whole, each measured by its delegate at the view's width (wrapped when
    the view wraps its words; less its scroll bar when it has more rows). A row it
    does not have yet counts as tall as its first, or as a line of its font."""
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.font = view.font()
    if view.wordWrap():
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
    spacing = view.spacing()
    model, delegate = view.model(), view.itemDelegate()
    count = 0 if model is None else model.rowCount()
    width = view.viewport().width()
    bar = view.verticalScrollBar()
    if count > rows and not bar.isVisible():  # it will show, and narrow the rows
        width -= bar.sizeHint().width()
    option.rect = QRect(0, 0, max(1, width - 2 * spacing), 1)
    heights = [
        delegate.sizeHint(QStyleOptionViewItem(option), model.index(row, 0)).height()
        for row in range(min(rows, count))
    ]
    each = heights[0] if heights else view.fontMetrics().height() + 2 * spacing
    heights += [each] * (rows - len(heights))
    return sum(height + 2 * spacing for height in heights) + 2 * view.frameWidth()


class RowsList(QListWidget):
    """A list as tall as its own rows (`rows_height`): as many as it holds, at least
    ``least`` and at most ``most`` (more scroll inside it), at the text size and width
    it has. Qt's list asks for 192 px whatever it holds: one backup in Restore took
    that room at 200 % text and pushed the passphrase field below the dialog's fold
    (break test 15 of session 24, F9).

    The height it asks for is worked out again when rows come or go and when its width
    changes (rows wrap); the layout is told only when that height changed, so a resize
    that changes nothing asks for no new layout (no idle loop: see `fit.DialogBody`).
    """

    def __init__(self, least: int = 1, most: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.least, self.most = least, most
        self._height = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        model = self.model()
        model.rowsInserted.connect(self._refit)
        model.rowsRemoved.connect(self._refit)
        model.modelReset.connect(self._refit)

    def _wanted(self) -> int:
        return rows_height(self, max(self.least, min(self.count(), self.most)))

    def _refit(self) -> None:
        height = self._wanted()
        if height != self._height:
            self._height = height
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height or self._wanted())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._height or self._wanted())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._refit()
