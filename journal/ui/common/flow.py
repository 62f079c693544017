"""A row of controls that wraps onto the next line when the window is too narrow for it.

A plain QHBoxLayout is as wide as all its controls together, so at 200 % text a row of
filters or buttons made the whole page wider than the window. `FlowLayout` lays its
items out left to right and starts a new line when the next one would not fit; its
minimum width is that of its widest item. (After Qt's own "Flow Layout" example.)
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QComboBox, QLayout, QLayoutItem, QSizePolicy, QWidget

__all__ = ["FlowLayout", "flow_row", "narrow_combo"]


class FlowLayout(QLayout):
    """Items left to right, wrapping; ``spacing`` pixels between items and lines.
    Items added with ``trailing=True`` are pushed to the right end of their line."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._trailing: set[int] = set()  # id() of items pushed to the right
        self._gap = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def add(self, widget: QWidget, *, trailing: bool = False) -> None:
        self.addWidget(widget)
        if trailing:
            self._trailing.add(id(self._items[-1]))

    # QLayout ------------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._trailing.discard(id(item))
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        """All items on one line."""
        visible = [i for i in self._items if not i.isEmpty()]
        width = sum(i.sizeHint().width() for i in visible) + self._gap * max(0, len(visible) - 1)
        height = max((i.sizeHint().height() for i in visible), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """As wide as the widest item: every other one can move to a line of its own."""
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # placing ------------------------------------------------------------------------------
    def _place(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = 0
        for item in self._items:
            if item.isEmpty():
                continue
            size = item.sizeHint().boundedTo(QSize(area.width(), 1 << 20))
            size = size.expandedTo(item.minimumSize())
            if lines[-1] and x + size.width() > area.width():
                lines.append([])
                x = 0
            lines[-1].append((item, size))
            x += size.width() + self._gap
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(size.height() for _item, size in line)
            if move:
                self._move_line(line, area, y, height)
            y += height + self._gap
        return y - self._gap - area.y() + margins.top() + margins.bottom() if lines[0] else 0

    def _move_line(
        self, line: list[tuple[QLayoutItem, QSize]], area: QRect, y: int, height: int
    ) -> None:
        used = sum(size.width() for _item, size in line) + self._gap * (len(line) - 1)
        spare = max(0, area.width() - used)
        x = area.x()
        for item, size in line:
            if id(item) in self._trailing:
                x += spare
                spare = 0
            top = y + (height - size.height()) // 2
            item.setGeometry(QRect(QPoint(x, top), size))
            x += size.width() + self._gap


def narrow_combo(combo: QComboBox, characters: int = 14) -> QComboBox:
    """Let ``combo`` be as narrow as ``characters`` letters, eliding a longer choice
    (its list still shows it whole), instead of as wide as its longest choice."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


def flow_row(*widgets: QWidget, trailing: tuple[QWidget, ...] = ()) -> QWidget:
    """``widgets`` in a wrapping row, then ``trailing`` ones at its right end."""
    holder = QWidget()
    holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy = holder.sizePolicy()
    policy.setHeightForWidth(True)
    holder.setSizePolicy(policy)
    layout = FlowLayout(holder)
    for widget in widgets:
        layout.add(widget)
    for n, widget in enumerate(trailing):
        layout.add(widget, trailing=n == 0)
    return holder
